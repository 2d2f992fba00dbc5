#include "cacheowner.h"

#include "cachecrypto.h"
#include "cachefiles.h"
#include "database.h"
#include "outboxrepository.h"
#include "sqlhelpers.h"
#include "syncstaterepository.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QUrl>

#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace pd {

namespace {

// sync_state keys of the owner; the outbox reads owner.id in SQL (OutboxRepository).
const QString kId = QStringLiteral("owner.id");
const QString kLogin = QStringLiteral("owner.login");
const QString kName = QStringLiteral("owner.name");
const QString kRole = QStringLiteral("owner.role");
const QString kTeam = QStringLiteral("owner.team_id");
const QString kServer = QStringLiteral("owner.server");

/// Deleted pages are overwritten with zeros while the previous owner's data goes (the next person at this PC
/// may use the same operating-system account), then the WAL is emptied; the setting is put back after.
class SecureDelete final
{
public:
    explicit SecureDelete(sqlite3 *db)
        : m_db(db)
        , m_before(queryInt(db, "PRAGMA secure_delete"))
    {
        queryInt(db, "PRAGMA secure_delete = ON");
    }
    ~SecureDelete()
    {
        queryInt(m_db, m_before == 1 ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF");
        // Readers (the window's, the dashboard's) may keep old frames alive: then the next checkpoint does
        // it.
        execSql(m_db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr);
    }
    Q_DISABLE_COPY_MOVE(SecureDelete)

private:
    sqlite3 *m_db;
    int m_before;
};

} // namespace

CacheOwner::CacheOwner(const Database &db)
    : m_db(db)
{}

QString CacheOwner::normalisedServer(const QString &serverUrl)
{
    QUrl url(serverUrl.trimmed());
    if (!url.isValid())
        return serverUrl.trimmed();
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url.toString(QUrl::NormalizePathSegments);
}

std::optional<User> CacheOwner::user() const
{
    const SyncStateRepository state(m_db);
    const QString id = state.value(kId);
    if (id.isEmpty())
        return std::nullopt;
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("login"), state.value(kLogin)},
                     {QStringLiteral("name"), state.value(kName)},
                     {QStringLiteral("role"), state.value(kRole)}};
    if (const QString team = state.value(kTeam); !team.isEmpty())
        json.insert(QStringLiteral("team_id"), team);
    return User::fromJson(json);
}

QString CacheOwner::userId() const
{
    return SyncStateRepository(m_db).value(kId);
}

QString CacheOwner::serverUrl() const
{
    return SyncStateRepository(m_db).value(kServer);
}

bool CacheOwner::holdsUserData() const
{
    return queryInt(m_db.handle(),
                    "SELECT EXISTS(SELECT 1 FROM tickets) OR EXISTS(SELECT 1 FROM orphan_events) "
                    "OR EXISTS(SELECT 1 FROM outbox)") == 1;
}

int CacheOwner::keptForOthers() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("SELECT count(*) FROM outbox WHERE author_id <> '' AND author_id <> "
                                     "ifnull((SELECT value FROM sync_state WHERE key = ?), '')"),
                      nullptr))
        return -1;
    q.bindValue(0, kId);
    return sql::exec(q, nullptr) && q.next() ? q.value(0).toInt() : -1;
}

bool CacheOwner::store(const User &user, const QString &serverUrl, QString *error)
{
    SyncStateRepository state(m_db);
    return state.setValue(kId, user.id, error) && state.setValue(kLogin, user.login, error) &&
           state.setValue(kName, user.displayName, error) &&
           state.setValue(kRole, toCode(user.role), error) && state.setValue(kTeam, user.teamId, error) &&
           state.setValue(kServer, normalisedServer(serverUrl), error);
}

bool CacheOwner::stamp(const QString &authorId, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("UPDATE outbox SET author_id = ? WHERE author_id = ''"), error))
        return false;
    q.bindValue(0, authorId);
    return sql::exec(q, error);
}

bool CacheOwner::forget(QString *error)
{
    // Inside the caller's transaction: every customer record (CacheCrypto's list, which also drops the
    // key check: the next owner's key seals from scratch), then the owner.
    return execSql(m_db.handle(), CacheCrypto::forgetCustomerDataSql(), error) &&
           execSql(m_db.handle(), "DELETE FROM sync_state WHERE key LIKE 'owner.%'", error);
}

bool CacheOwner::change(const std::optional<User> &next, const QString &serverUrl, bool forgetting,
                        QString *error)
{
    const QString owner = userId();
    std::optional<SecureDelete> secure;
    if (forgetting)
        secure.emplace(m_db.handle());
    {
        Transaction tx(m_db);
        QString stepError;
        // Edits queued before authors were recorded belong to the owner of that time; in a cache of no known
        // owner they can only be the signing-in user's.
        const QString author = !owner.isEmpty() ? owner : next ? next->id : QString();
        const bool ok = tx.isActive() && (author.isEmpty() || stamp(author, &stepError)) &&
                        (!forgetting || forget(&stepError)) &&
                        (!next || store(*next, serverUrl, &stepError)) && tx.commit(&stepError);
        if (!ok) {
            if (error)
                *error = stepError.isEmpty() ? tx.error() : stepError;
            qCWarning(lcStore).noquote()
                << "could not change the cache's owner:" << (stepError.isEmpty() ? tx.error() : stepError);
            return false;
        }
    }
    if (forgetting) {
        // Ticket pks, team and assignee ids of the previous owner's dashboard: not for the next one.
        QFile::remove(CacheFiles::factsFile(m_db.path()));
        qCInfo(lcStore) << "the previous user's tickets were removed from the cache";
    }
    return true;
}

bool CacheOwner::adopt(const User &user, const QString &serverUrl, bool *wiped, QString *error)
{
    const QString owner = userId();
    const bool sameOwner = !owner.isEmpty() && owner == user.id &&
                           SyncStateRepository(m_db).value(kServer) == normalisedServer(serverUrl);
    const bool unknownData =
        owner.isEmpty() && queryInt(m_db.handle(), "SELECT EXISTS(SELECT 1 FROM tickets) OR "
                                                   "EXISTS(SELECT 1 FROM orphan_events)") == 1;
    const bool forgetting = !sameOwner && (!owner.isEmpty() || unknownData);
    if (wiped)
        *wiped = false;
    if (!change(user, serverUrl, forgetting, error))
        return false;
    if (wiped)
        *wiped = forgetting;
    return true;
}

bool CacheOwner::adoptLegacy(const User &user, const QString &serverUrl)
{
    if (!userId().isEmpty() || user.id.isEmpty() || !holdsUserData())
        return false;
    return change(user, serverUrl, false, nullptr);
}

bool CacheOwner::release(QString *error)
{
    return change(std::nullopt, {}, true, error);
}

} // namespace pd
