#include "database.h"

#include "migrations.h"
#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
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

constexpr qint64 kReconnectEveryMs = 1000;
/// SQLite page cache of each connection, in KiB (PRAGMA cache_size takes a negative number for KiB).
constexpr int kSqliteCacheKiB = 64 * 1024;

/// @brief Whether a failed statement met a storage fault (rather than a bug): SQLite result codes (the
/// primary code of an extended one) and PostgreSQL SQLSTATE classes.
bool isFault(bool postgres, const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    if (!postgres) {
        bool ok = false;
        const int primary = code.toInt(&ok) & 0xff;
        // BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL
        return ok && (primary == 5 || primary == 6 || primary == 7 || primary == 8 || primary == 10 ||
                      primary == 13 || primary == 14 || primary == 15);
    }
    // No SQLSTATE: libpq failed on the client side (connection lost). 08: connection exception;
    // 53: insufficient resources (disk full, out of memory, too many connections); 57P: operator
    // intervention (shutdown, restart); 58: system error (I/O); 40001/40P01: serialization failure or
    // deadlock (the transaction can simply be retried).
    return code.isEmpty() || code.startsWith(QLatin1StringView("08")) ||
           code.startsWith(QLatin1StringView("53")) || code.startsWith(QLatin1StringView("57P")) ||
           code.startsWith(QLatin1StringView("58")) || code == QLatin1StringView("40001") ||
           code == QLatin1StringView("40P01");
}
} // namespace

Database::~Database()
{
    m_checkpointer.reset(); // its thread's connection first
    m_cached.clear();       // statements before their connection
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
        d->m_sqlitePath = path;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            throw StorageError(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
        // Test hook for the storage drill: a full disk simulated by a page limit on this connection.
        if (const int pages = qEnvironmentVariableIntValue("PD_SQLITE_MAX_PAGE_COUNT"); pages > 0)
            d->run(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
        d->run(QStringLiteral("PRAGMA journal_mode=WAL"));
        QSqlQuery mode = d->run(QStringLiteral("PRAGMA journal_mode"));
        if (!mode.next() || mode.value(0).toString() != QLatin1StringView("wal"))
            qCWarning(lcServerStore) << "SQLite did not switch to WAL mode";
        mode.finish();
        d->run(QStringLiteral("PRAGMA synchronous=NORMAL"));
        d->run(QStringLiteral("PRAGMA foreign_keys=ON"));
        // A 64 MiB page cache per connection (SQLite's default is 2 MiB): ingest at a region's volume
        // touches index pages all over a database of gigabytes (docs/server.md, "SQLite").
        d->run(QStringLiteral("PRAGMA cache_size = -%1").arg(kSqliteCacheKiB));
    }
    d->migrate();
    return d;
}

void Database::checkpointInBackground()
{
    if (m_postgres || m_checkpointer)
        return;
    // The writer's own checkpoint stays, at a size the thread's runs never let the log reach.
    run(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(WalCheckpointer::kFallbackPages));
    m_checkpointer = std::make_unique<WalCheckpointer>(m_sqlitePath);
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
    // Every statement is planned with its values. The statements are prepared once and kept (cached()), and
    // PostgreSQL's generic plan of a statement, made once for any values, took a plan fit for a small table
    // and kept it as the table grew: IN lists read every parcel of the type (docs/server.md, "PostgreSQL").
    // No JIT: with millions of rows the planner's estimates pass jit_above_cost for statements that read a
    // few thousand, and compiling them cost more than running them (the change feed's first page at
    // 10,000,000 parcels: 517-692 ms with JIT, 18-21 ms without).
    db.setConnectOptions(
        QStringLiteral("connect_timeout=5;options='-c plan_cache_mode=force_custom_plan -c jit=off'"));
    db.open();
    return db;
}

QSqlDatabase Database::connection()
{
    if (m_reconnect) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now < m_nextReconnectMs)
            throw StorageError(QStringLiteral("the database connection is lost; reconnecting"),
                               StorageError::Kind::Unavailable);
        m_nextReconnectMs = now + kReconnectEveryMs;
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        m_cached.clear(); // before the new session opens: see cached()
        m_pgBulk.clear();
        db.close(); // invalidates every prepared statement of the lost session
        if (!db.open())
            throw StorageError(QStringLiteral("cannot reconnect to %1: %2")
                                   .arg(m_displayUrl, db.lastError().text().simplified()),
                               StorageError::Kind::Unavailable);
        m_reconnect = false;
        qCInfo(lcServerStore) << "reconnected to" << m_displayUrl;
    }
    return QSqlDatabase::database(m_name, false);
}

void Database::setBusyTimeoutMs(int ms)
{
    m_busyTimeoutMs = ms;
    if (!m_postgres && !m_faulty)
        applyBusyTimeout(ms);
}

void Database::applyBusyTimeout(int ms)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(ms)))
        qCWarning(lcServerStore) << "cannot set the busy timeout:" << q.lastError().text();
}

void Database::enterFault()
{
    if (m_faulty)
        return;
    m_faulty = true;
    qCWarning(lcServerStore) << "storage unavailable: writes answer 503 until one gets through";
    if (!m_postgres)
        applyBusyTimeout(0);
}

void Database::writeSucceeded()
{
    if (!m_faulty)
        return;
    m_faulty = false;
    qCInfo(lcServerStore) << "storage available again";
    if (!m_postgres)
        applyBusyTimeout(m_busyTimeoutMs);
}

StorageError Database::failure(const QString &what, const QSqlError &error)
{
    const QString message = QStringLiteral("%1: %2").arg(what, error.text().simplified());
    if (!isFault(m_postgres, error))
        return StorageError(message);
    enterFault();
    if (m_postgres && (error.nativeErrorCode().isEmpty() || error.nativeErrorCode().startsWith(u"08") ||
                       error.nativeErrorCode().startsWith(u"57P"))) {
        m_reconnect = true;
        m_nextReconnectMs = 0;
    }
    return StorageError(message, StorageError::Kind::Unavailable);
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw failure(QStringLiteral("prepare failed"), q.lastError());
    return q;
}

QSqlQuery &Database::cached(const QString &sql)
{
    (void)connection(); // reconnects (and drops the cache) first when the connection was lost
    auto it = m_cached.find(sql);
    if (it == m_cached.end())
        it = m_cached.emplace(sql, prepare(sql)).first;
    return it->second;
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
        throw failure(QStringLiteral("statement failed"), q.lastError());
}

QSqlQuery &Database::reusable(const QString &sql, std::optional<QSqlQuery> &fresh)
{
    QSqlQuery &kept = cached(sql);
    if (!kept.isActive())
        return kept;
    // The kept statement is still being read by a caller up the stack (a row callback that runs the same
    // statement again): this run gets its own.
    fresh.emplace(prepare(sql));
    return *fresh;
}

void Database::runIn(const QString &sql, const QVariantList &front, const QStringList &values,
                     const std::function<void(const QSqlQuery &)> &row)
{
    if (values.isEmpty())
        return;
    const auto readAll = [&row](const QString &statement, const QVariantList &binds, Database &db) {
        std::optional<QSqlQuery> fresh;
        QSqlQuery &q = db.reusable(statement, fresh);
        db.exec(q, binds);
        while (q.next())
            row(q);
        q.finish();
    };
    if (m_postgres) {
        // One array literal, not one literal per value for the driver to format and the server to parse.
        static const QString in = QStringLiteral(" IN (%IN%)");
        Q_ASSERT(sql.contains(in));
        QString statement = sql;
        statement.replace(in, QStringLiteral(" = ANY(CAST(? AS text[]))"));
        readAll(statement, QVariantList(front) << pgTextArray(values), *this);
        return;
    }
    // A chunk is padded with its last value to a power of two (1 … kInChunk): a value twice in an IN list
    // selects nothing twice, and each query has at most 10 statements, each prepared once per connection.
    for (qsizetype start = 0; start < values.size(); start += kInChunk) {
        const qsizetype n = std::min(kInChunk, values.size() - start);
        qsizetype padded = 1;
        while (padded < n)
            padded *= 2;
        QVariantList binds = front;
        binds.reserve(front.size() + padded);
        for (qsizetype i = start; i < start + n; ++i)
            binds << values.at(i);
        for (qsizetype i = n; i < padded; ++i)
            binds << values.at(start + n - 1);
        QString statement = sql;
        statement.replace(QLatin1StringView("%IN%"),
                          QStringList(padded, QStringLiteral("?")).join(QStringLiteral(", ")));
        readAll(statement, binds, *this);
    }
}

void Database::readRows(const QString &sql, const QByteArrayList &params, const BulkRowFn &row)
{
    Q_ASSERT(m_postgres);
    if (const QSqlError error = PgStatements::query(connection(), sql, params, row); error.isValid())
        throw failure(QStringLiteral("statement failed"), error);
}

void Database::insertRows(const BulkRows &spec, const QVariantList &binds, qsizetype maxRows,
                          const BulkRowFn &row)
{
    const qsizetype perRow = spec.columns();
    Q_ASSERT(perRow > 0 && binds.size() % perRow == 0);
    if (!m_postgres) {
        const auto sqliteRow = [&row](const QSqlQuery &q) { row(BulkRow(q)); };
        runRows([&spec](qsizetype n) { return spec.valuesSql(n); }, perRow, binds, maxRows,
                row ? std::function<void(const QSqlQuery &)>(sqliteRow) : nullptr);
        return;
    }
    const QString sql = spec.unnestSql();
    const qsizetype rows = binds.size() / perRow;
    qsizetype start = 0;
    const auto flush = [&](qsizetype end) {
        if (end == start)
            return;
        const QSqlError error = m_pgBulk.run(connection(), sql, spec.arrays(binds, start, end - start), row);
        if (error.isValid())
            throw failure(QStringLiteral("statement failed"), error);
        start = end;
    };
    QSet<QString> keys; // of the rows since start
    for (qsizetype r = 0; r < rows && spec.keyColumns > 0; ++r) {
        QString key;
        for (qsizetype k = 0; k < spec.keyColumns; ++k)
            key += binds.at(r * perRow + k).toString() + QChar(0x1f);
        if (keys.contains(key)) {
            flush(r);
            keys.clear();
        }
        keys.insert(key);
    }
    flush(rows);
}

int Database::write(const QString &sql, const QVariantList &binds)
{
    std::optional<QSqlQuery> fresh;
    QSqlQuery &q = reusable(sql, fresh);
    exec(q, binds);
    const int changed = q.numRowsAffected();
    q.finish();
    return changed;
}

QVariant Database::scalar(const QString &sql, const QVariantList &binds)
{
    std::optional<QSqlQuery> fresh;
    QSqlQuery &q = reusable(sql, fresh);
    exec(q, binds);
    const QVariant value = q.next() ? q.value(0) : QVariant();
    q.finish();
    return value;
}

void Database::runRows(const std::function<QString(qsizetype)> &sqlFor, qsizetype bindsPerRow,
                       const QVariantList &binds, qsizetype maxRows,
                       const std::function<void(const QSqlQuery &)> &row)
{
    Q_ASSERT(bindsPerRow > 0 && binds.size() % bindsPerRow == 0);
    qsizetype largest = 1;
    while (largest * 2 <= maxRows)
        largest *= 2;
    const qsizetype rows = binds.size() / bindsPerRow;
    qsizetype done = 0;
    while (done < rows) {
        // Full statements of the largest size, then the rest by its binary digits, largest first: rows keep
        // their order, and a table has at most log2(maxRows) + 1 statements, each prepared once.
        qsizetype n = largest;
        while (n > rows - done)
            n /= 2;
        std::optional<QSqlQuery> fresh;
        QSqlQuery &q = reusable(sqlFor(n), fresh);
        exec(q, binds.mid(done * bindsPerRow, n * bindsPerRow));
        if (row) {
            while (q.next())
                row(q);
        }
        q.finish();
        done += n;
    }
}

QSqlQuery Database::run(const QString &sql, const QVariantList &binds)
{
    if (binds.isEmpty()) {
        // Fixed statements without parameters (DDL, BEGIN/COMMIT) run directly: PostgreSQL cannot PREPARE
        // them.
        QSqlQuery q(connection());
        q.setForwardOnly(true);
        if (!q.exec(sql))
            throw failure(QStringLiteral("statement failed"), q.lastError());
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
    db.run(db.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    try {
        // Statements kept per connection: with PostgreSQL, run() with values costs three round trips.
        if (db.isPostgres())
            (void)db.write(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kWriterLock});
        m_seq = db.scalar(QStringLiteral("SELECT value FROM counters WHERE name = ?"),
                          {QStringLiteral("change_seq")})
                    .toLongLong();
        m_startSeq = m_seq;
    } catch (const StorageError &) {
        // The destructor does not run for a constructor that throws: end the transaction here.
        try {
            db.run(QStringLiteral("ROLLBACK"));
        } catch (const StorageError &e) {
            qCWarning(lcServerStore) << "rollback failed:" << e.what();
        }
        throw;
    }
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

void WriteTx::publishChanged(const QString &type, const QString &id, qint64 version)
{
    publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("changed")},
                        {QStringLiteral("type"), type},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("version"), version},
                        {QStringLiteral("change_seq"), m_seq}});
}

qint64 WriteTx::reserveCounter(const QString &name, qint64 n)
{
    const qint64 first =
        m_db.scalar(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {name}).toLongLong() + 1;
    (void)m_db.write(QStringLiteral("INSERT INTO counters(name, value) VALUES(?, ?) "
                                    "ON CONFLICT(name) DO UPDATE SET value = excluded.value"),
                     {name, first + n - 1});
    return first;
}

void WriteTx::commit()
{
    if (m_seq != m_startSeq)
        (void)m_db.write(QStringLiteral("UPDATE counters SET value = ? WHERE name = ?"),
                         {m_seq, QStringLiteral("change_seq")});
    if (m_db.isPostgres()) {
        // NOTIFY is delivered at commit, in commit order, to every listening instance (this one included).
        for (const QJsonObject &e : std::as_const(m_live))
            (void)m_db.write(QStringLiteral("SELECT pg_notify('pd_live', ?)"),
                             {QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))});
    }
    m_db.run(QStringLiteral("COMMIT"));
    m_done = true;
    m_db.writeSucceeded();
    if (!m_db.isPostgres() && !m_live.isEmpty() && m_db.localLiveSink())
        m_db.localLiveSink()(m_live);
}

} // namespace pd::server
