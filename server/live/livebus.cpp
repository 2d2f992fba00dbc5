#include "livebus.h"

#include "server/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

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
    // swallowed by that query's result processing. The driver object stays the same across reconnections.
    connect(listener.driver(), &QSqlDriver::notification, this, &LiveBus::onNotification);
    if (!listen(error))
        return false;
    connect(&m_check, &QTimer::timeout, this, &LiveBus::checkListener);
    m_check.start(kCheckMs);
    return true;
}

bool LiveBus::listen(QString *error)
{
    QSqlDatabase listener = QSqlDatabase::database(m_listenerName, false);
    if (!listener.driver()->subscribeToNotification(QStringLiteral("pd_live"))) {
        *error = listener.driver()->lastError().text();
        return false;
    }
    return true;
}

void LiveBus::checkListener()
{
    QSqlDatabase listener = QSqlDatabase::database(m_listenerName, false);
    if (!m_lost) {
        QSqlQuery probe(listener);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcServerStore) << "live notifications lost:" << probe.lastError().text().simplified();
        m_lost = true;
    }
    listener.close();
    QString error;
    if (!listener.open() || !listen(&error)) {
        listener.close();
        return; // tried again at the next check
    }
    m_lost = false;
    qCInfo(lcServerStore) << "live notifications resumed";
    Q_EMIT reconnected();
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
