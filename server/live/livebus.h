#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>

namespace pd::server {

class Database;

/**
 * @brief Carries live events to every server instance.
 *
 * SQLite (one instance): events are delivered in-process. PostgreSQL: events go out with NOTIFY on the
 * channel "pd_live" and come back through a dedicated LISTEN connection on every instance, this one included,
 * so all instances deliver the same events in the same (commit) order. Transactions publish through WriteTx;
 * events that change nothing in the database (positions, presence) through publish().
 */
class LiveBus final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxPayload = 7900; ///< PostgreSQL's NOTIFY limit is 8000 bytes

    explicit LiveBus(Database &db, QObject *parent = nullptr);
    ~LiveBus() override;

    /// @brief Starts listening (PostgreSQL); false with a message if the listener cannot connect.
    bool start(QString *error);
    void publish(const QJsonObject &event);

Q_SIGNALS:
    /// @brief An event to deliver to this instance's clients and services.
    void delivered(const QJsonObject &event);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    Database &m_db;
    QString m_listenerName;

    Q_DISABLE_COPY_MOVE(LiveBus)
};

} // namespace pd::server
