#include "database.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

Q_LOGGING_CATEGORY(lcServerStore, "pd.server.store")

namespace pd::server {

namespace {
QAtomicInt g_connectionCounter;

QString nextName(const QString &purpose)
{
    return QStringLiteral("pd-server-%1-%2").arg(purpose).arg(g_connectionCounter.fetchAndAddRelaxed(1));
}
} // namespace

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<Database> Database::open(const QString &url)
{
    std::unique_ptr<Database> d(new Database);
    d->m_name = nextName(QStringLiteral("main"));
    if (url.startsWith(QLatin1StringView("postgresql://")) ||
        url.startsWith(QLatin1StringView("postgres://"))) {
        const QUrl u(url);
        d->m_postgres = true;
        d->m_host = u.host().isEmpty() ? QStringLiteral("127.0.0.1") : u.host();
        d->m_port = u.port(5432);
        d->m_user = u.userName();
        d->m_password = u.password();
        d->m_dbName = u.path().mid(1);
        if (d->m_dbName.isEmpty())
            d->m_dbName = QStringLiteral("postgres");
        d->m_displayUrl = QStringLiteral("postgresql://%1@%2:%3/%4")
                              .arg(d->m_user, d->m_host)
                              .arg(d->m_port)
                              .arg(d->m_dbName);
        QSqlDatabase db = d->openExtraConnection(QStringLiteral("main"));
        if (!db.isOpen())
            throw StorageError(
                QStringLiteral("cannot connect to %1: %2").arg(d->m_displayUrl, db.lastError().text()));
        d->m_name = db.connectionName();
    } else {
        QString path = url.startsWith(QLatin1StringView("sqlite:")) ? url.mid(7) : url;
        if (path.isEmpty())
            throw StorageError(QStringLiteral("empty SQLite path"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        d->m_displayUrl = QStringLiteral("sqlite:") + path;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            throw StorageError(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
        d->run(QStringLiteral("PRAGMA journal_mode=WAL"));
        QSqlQuery mode = d->run(QStringLiteral("PRAGMA journal_mode"));
        if (!mode.next() || mode.value(0).toString() != QLatin1StringView("wal"))
            qCWarning(lcServerStore) << "SQLite did not switch to WAL mode";
        mode.finish();
        d->run(QStringLiteral("PRAGMA synchronous=NORMAL"));
        d->run(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    d->migrate();
    return d;
}

QSqlDatabase Database::openExtraConnection(const QString &purpose) const
{
    if (!m_postgres)
        return {};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), nextName(purpose));
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setUserName(m_user);
    db.setPassword(m_password);
    db.setDatabaseName(m_dbName);
    db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    db.open();
    return db;
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1").arg(q.lastError().text()));
    return q;
}

void Database::exec(QSqlQuery &q, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        // Every text column is NOT NULL: a null QString means "empty" here, not SQL NULL.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, v);
    }
    if (!q.exec())
        throw StorageError(QStringLiteral("statement failed: %1").arg(q.lastError().text()));
}

QSqlQuery Database::run(const QString &sql, const QVariantList &binds)
{
    if (binds.isEmpty()) {
        // Fixed statements without parameters (DDL, BEGIN/COMMIT) run directly: PostgreSQL cannot PREPARE
        // them.
        QSqlQuery q(connection());
        q.setForwardOnly(true);
        if (!q.exec(sql))
            throw StorageError(QStringLiteral("statement failed: %1").arg(q.lastError().text()));
        return q;
    }
    QSqlQuery q = prepare(sql);
    exec(q, binds);
    return q;
}

void Database::migrate()
{
    m_schemaVersion = runMigrations(*this);
}

WriteTx::WriteTx(Database &db)
    : m_db(db)
{
    if (db.isPostgres()) {
        db.run(QStringLiteral("BEGIN"));
        db.run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kWriterLock});
    } else {
        db.run(QStringLiteral("BEGIN IMMEDIATE"));
    }
    QSqlQuery q =
        db.run(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {QStringLiteral("change_seq")});
    m_seq = q.next() ? q.value(0).toLongLong() : 0;
    m_startSeq = m_seq;
}

WriteTx::~WriteTx()
{
    if (!m_done) {
        try {
            m_db.run(QStringLiteral("ROLLBACK"));
        } catch (const StorageError &e) {
            qCWarning(lcServerStore) << "rollback failed:" << e.what();
        }
    }
}

qint64 WriteTx::reserveCounter(const QString &name, qint64 n)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {name});
    const qint64 first = (q.next() ? q.value(0).toLongLong() : 0) + 1;
    q.finish();
    m_db.run(QStringLiteral("INSERT INTO counters(name, value) VALUES(?, ?) "
                            "ON CONFLICT(name) DO UPDATE SET value = excluded.value"),
             {name, first + n - 1});
    return first;
}

void WriteTx::commit()
{
    if (m_seq != m_startSeq)
        m_db.run(QStringLiteral("UPDATE counters SET value = ? WHERE name = ?"),
                 {m_seq, QStringLiteral("change_seq")});
    if (m_db.isPostgres()) {
        // NOTIFY is delivered at commit, in commit order, to every listening instance (this one included).
        for (const QJsonObject &e : std::as_const(m_live))
            m_db.run(QStringLiteral("SELECT pg_notify('pd_live', ?)"),
                     {QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))});
    }
    m_db.run(QStringLiteral("COMMIT"));
    m_done = true;
    if (!m_db.isPostgres() && !m_live.isEmpty() && m_db.localLiveSink())
        m_db.localLiveSink()(m_live);
}

} // namespace pd::server
