#include "livebus.h"

#include "server/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>

namespace pd::server {

LiveBus::LiveBus(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_db.setLocalLiveSink([this](const QList<QJsonObject> &events) {
        for (const QJsonObject &e : events)
            Q_EMIT delivered(e);
    });
}

LiveBus::~LiveBus()
{
    m_db.setLocalLiveSink({});
    if (!m_listenerName.isEmpty()) {
        {
            QSqlDatabase l = QSqlDatabase::database(m_listenerName, false);
            l.close();
        }
        QSqlDatabase::removeDatabase(m_listenerName);
    }
}

bool LiveBus::start(QString *error)
{
    if (!m_db.isPostgres())
        return true;
    QSqlDatabase listener = m_db.openExtraConnection(QStringLiteral("listen"));
    m_listenerName = listener.connectionName();
    if (!listener.isOpen()) {
        *error = listener.lastError().text();
        return false;
    }
    // A connection of its own: notifications that arrive while a query runs on the main connection would be
    // swallowed by that query's result processing.
    connect(listener.driver(), &QSqlDriver::notification, this, &LiveBus::onNotification);
    if (!listener.driver()->subscribeToNotification(QStringLiteral("pd_live"))) {
        *error = listener.driver()->lastError().text();
        return false;
    }
    return true;
}

void LiveBus::publish(const QJsonObject &event)
{
    if (!m_db.isPostgres()) {
        Q_EMIT delivered(event);
        return;
    }
    m_db.run(QStringLiteral("SELECT pg_notify('pd_live', ?)"),
             {QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact))});
}

void LiveBus::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != QLatin1StringView("pd_live"))
        return;
    const QJsonObject e = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    if (!e.isEmpty())
        Q_EMIT delivered(e);
}

} // namespace pd::server
