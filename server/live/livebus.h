#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

namespace pd::server {

class Database;

/**
 * @brief Carries live events to every server instance.
 *
 * SQLite (one instance): events are delivered in-process. PostgreSQL: events go out with NOTIFY on the
 * channel "pd_live" and come back through a dedicated LISTEN connection on every instance, this one included,
 * so all instances deliver the same events in the same (commit) order. Transactions publish through WriteTx;
 * events that change nothing in the database (positions, presence) through publish().
 *
 * The LISTEN connection is checked every kCheckMs; when PostgreSQL went away it is opened again and
 * reconnected() tells the server that notifications may have been lost meanwhile.
 */
class LiveBus final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxPayload = 7900; ///< PostgreSQL's NOTIFY limit is 8000 bytes
    static constexpr int kCheckMs = 2000;

    explicit LiveBus(Database &db, QObject *parent = nullptr);
    ~LiveBus() override;

    /// @brief Starts listening (PostgreSQL); false with a message if the listener cannot connect.
    bool start(QString *error);
    /// @brief Publishes an event; throws StorageError (PostgreSQL unreachable).
    void publish(const QJsonObject &event);

Q_SIGNALS:
    /// @brief An event to deliver to this instance's clients and services.
    void delivered(const QJsonObject &event);
    /// @brief The LISTEN connection was lost and is back: events of other instances may have been missed.
    void reconnected();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    bool listen(QString *error);
    void checkListener();

    Database &m_db;
    QString m_listenerName;
    QTimer m_check;
    bool m_lost = false;

    Q_DISABLE_COPY_MOVE(LiveBus)
};

} // namespace pd::server
