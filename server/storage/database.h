#pragma once

#include "bulkrows.h"
#include "pgstatements.h"

#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>

#include <QSqlDatabase>
#include <QSqlQuery>

#include <QString>
#include <QVariantList>
#include <unordered_map>

#include <functional>
#include <optional>
#include <stdexcept>

Q_DECLARE_LOGGING_CATEGORY(lcServerStore)

namespace pd::server {

class WalCheckpointer;

/**
 * @brief A database failure.
 *
 * Unavailable: the database cannot be written (or reached) for now — SQLite locked beyond the busy timeout,
 * disk full, an I/O error, a dropped PostgreSQL connection. The router answers 503 storage_unavailable with
 * Retry-After; background jobs keep their state and retry. Failed: anything else (a bug, a broken schema);
 * the router answers 500.
 */
class StorageError final : public std::runtime_error
{
public:
    enum class Kind
    {
        Failed,
        Unavailable
    };
    explicit StorageError(const QString &message, Kind kind = Kind::Failed)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {}
    [[nodiscard]] bool unavailable() const { return m_kind == Kind::Unavailable; }

private:
    Kind m_kind;
};

/**
 * @brief One connection to the server's database: SQLite (a file) or PostgreSQL (by URL).
 *
 * URLs: "sqlite:/path/file.db" (or a bare path) and "postgresql://user[:password]@host[:port]/dbname".
 * All statements are prepared and bound. The connection belongs to the thread that opened it; the server runs
 * every request on the main thread, so with SQLite there is exactly one writer and change sequence order is
 * commit order. With PostgreSQL, writers of all instances are serialized by a transaction-level advisory
 * lock (see WriteTx and docs/api.md).
 */
class Database final
{
public:
    /// Values in one IN list of runIn().
    static constexpr qsizetype kInChunk = 512;
    using LiveSink = std::function<void(const QList<QJsonObject> &)>;

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    /// @brief Opens and migrates; throws StorageError with a readable message on failure.
    [[nodiscard]] static std::unique_ptr<Database> open(const QString &url);
    /// @brief A second connection to the same PostgreSQL database (for LISTEN); invalid for SQLite.
    [[nodiscard]] QSqlDatabase openExtraConnection(const QString &purpose) const;

    [[nodiscard]] bool isPostgres() const { return m_postgres; }
    /// @brief The connection; reconnects a PostgreSQL connection that was lost (at most once a second).
    [[nodiscard]] QSqlDatabase connection();
    [[nodiscard]] const QString &displayUrl() const { return m_displayUrl; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    /// @brief Prepares, binds positionally and executes; throws StorageError.
    QSqlQuery run(const QString &sql, const QVariantList &binds = {});
    /**
     * @brief Runs @p sql, which holds "column IN (%IN%)", for @p values bound after @p front; calls @p row
     * for every row. On SQLite once per chunk of at most kInChunk values, with "%IN%" replaced by that many
     * placeholders (a power of two: the chunk padded with its last value, so the statement is prepared once
     * per connection). On PostgreSQL once, as "column = ANY(array)" of all the values. Throws StorageError.
     */
    void runIn(const QString &sql, const QVariantList &front, const QStringList &values,
               const std::function<void(const QSqlQuery &)> &row);
    /**
     * @brief Writes rows with multi-row statements: @p binds holds the rows' values in order, @p bindsPerRow
     * each, and @p sqlFor(n) is the statement for n rows. Statements carry at most @p maxRows rows, in sizes
     * that are powers of two, each prepared once per connection (cached()): parsing a statement of thousands
     * of placeholders costs more than running it. @p row, when given, gets every row a statement returns
     * (RETURNING). Throws StorageError.
     */
    void runRows(const std::function<QString(qsizetype)> &sqlFor, qsizetype bindsPerRow,
                 const QVariantList &binds, qsizetype maxRows,
                 const std::function<void(const QSqlQuery &)> &row = {});
    /**
     * @brief Writes rows with multi-row statements (BulkRows): on SQLite through runRows(), at most @p
     * maxRows rows a statement; on PostgreSQL as one statement of one array per column (a new statement where
     * a conflict key repeats), run with libpq (PgStatements). @p row, when given, gets every row a statement
     * returns. Throws StorageError.
     */
    void insertRows(const BulkRows &spec, const QVariantList &binds, qsizetype maxRows,
                    const BulkRowFn &row = {});
    /**
     * @brief PostgreSQL only: runs the read @p sql ($1 … $n, each value of @p params as text) with libpq,
     * planned for these values, and calls @p row for each row (BulkRow::bytes as libpq holds them). For reads
     * of thousands of rows, which Qt's driver would copy and convert a QVariant a value. Throws StorageError.
     */
    void readRows(const QString &sql, const QByteArrayList &params, const BulkRowFn &row);
    /// @brief Prepares a statement for repeated use (bulk writes).
    [[nodiscard]] QSqlQuery prepare(const QString &sql);
    /**
     * @brief A statement prepared once per connection and kept: for the hottest writes. A reconnection drops
     * them while the lost connection is closed (destroying one later would make the driver DEALLOCATE it
     * inside the new session's transaction, which PostgreSQL then aborts), and they are prepared again on
     * first use.
     */
    [[nodiscard]] QSqlQuery &cached(const QString &sql);
    /// @brief Statements kept by cached() and, on PostgreSQL, prepared by insertRows() on this connection.
    [[nodiscard]] qsizetype cachedCount() const { return qsizetype(m_cached.size()) + m_pgBulk.count(); }
    /**
     * @brief Runs a write (INSERT, UPDATE, DELETE without RETURNING) through a statement prepared once per
     * connection (cached()) and returns the rows it changed. For fixed statements run once per row or per
     * request: with PostgreSQL, run() costs three round trips (PREPARE, EXECUTE, DEALLOCATE) and a plan, this
     * one. Throws StorageError.
     */
    int write(const QString &sql, const QVariantList &binds);
    /// @brief The first value of the first row of @p sql, run as write() runs its statement; an invalid
    /// QVariant when it returns no row. Throws StorageError.
    [[nodiscard]] QVariant scalar(const QString &sql, const QVariantList &binds);
    /// @brief Binds and executes a prepared statement; throws StorageError.
    void exec(QSqlQuery &q, const QVariantList &binds);

    /**
     * @brief The server's SQLite busy timeout (default 10 s, for the command line tools). While the database
     * is unavailable, writes do not wait at all: the first write that meets a fault waits once, later ones
     * fail at once until a write gets through (so a lock held by another process never stalls every request).
     */
    void setBusyTimeoutMs(int ms);
    /// @brief False from a storage fault until the next successful write.
    [[nodiscard]] bool available() const { return !m_faulty; }
    /// @brief Called by WriteTx: a write transaction committed (the fault, if any, is over).
    void writeSucceeded();

    /// @brief Where live events of committed transactions go when no NOTIFY carries them (SQLite).
    void setLocalLiveSink(LiveSink sink) { m_liveSink = std::move(sink); }
    /**
     * @brief SQLite: checkpoints the write-ahead log on a thread of its own from now on (WalCheckpointer; the
     * server does this, the command line tools do not). Nothing for PostgreSQL.
     */
    void checkpointInBackground();
    [[nodiscard]] const LiveSink &localLiveSink() const { return m_liveSink; }

private:
    Database() = default;
    void migrate();
    /// @brief cached(@p sql), or a statement of its own in @p fresh while the cached one is being read.
    [[nodiscard]] QSqlQuery &reusable(const QString &sql, std::optional<QSqlQuery> &fresh);
    /// @brief A StorageError for a failed statement, Unavailable when the error is a storage fault (which
    /// also marks the database faulty and, for PostgreSQL, schedules a reconnection).
    [[nodiscard]] StorageError failure(const QString &what, const QSqlError &error);
    void enterFault();
    void applyBusyTimeout(int ms);

    QString m_name;
    QString m_displayUrl;
    bool m_postgres = false;
    int m_schemaVersion = 0;
    int m_busyTimeoutMs = 10000;
    bool m_faulty = false;
    bool m_reconnect = false;
    qint64 m_nextReconnectMs = 0;
    std::unordered_map<QString, QSqlQuery> m_cached; ///< cached(): per connection, dropped on reconnection
    PgStatements m_pgBulk;                           ///< insertRows() on PostgreSQL; dropped on reconnection
    LiveSink m_liveSink;
    QString m_sqlitePath;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    // PostgreSQL connection parameters, kept for extra connections.
    QString m_host, m_user, m_password, m_dbName;
    int m_port = 5432;
};

/**
 * @brief One write transaction that hands out change sequence numbers.
 *
 * SQLite: BEGIN IMMEDIATE (the write lock is taken up front). PostgreSQL: BEGIN and
 * pg_advisory_xact_lock(kWriterLock), so writers of every instance run one after another and a sequence
 * number handed out later always commits later. The counter row is read after the lock and written back at
 * commit. Live events published in the transaction go out with NOTIFY (PostgreSQL, delivered at commit in
 * commit order) or to the local sink after COMMIT (SQLite). The destructor rolls back if commit() was not
 * reached.
 */
class WriteTx final
{
public:
    static constexpr qint64 kWriterLock = 847001;

    explicit WriteTx(Database &db);
    ~WriteTx();
    Q_DISABLE_COPY_MOVE(WriteTx)

    [[nodiscard]] qint64 nextSeq() { return ++m_seq; }
    [[nodiscard]] qint64 lastSeq() const { return m_seq; }
    /// @brief Next value of a named counter (ticket numbers); read and written inside this transaction.
    [[nodiscard]] qint64 nextCounter(const QString &name) { return reserveCounter(name, 1); }
    /// @brief Reserves n values of a named counter; returns the first.
    [[nodiscard]] qint64 reserveCounter(const QString &name, qint64 n);
    void publish(const QJsonObject &liveEvent) { m_live.append(liveEvent); }
    /// @brief The live hint "record @p type/@p id is now at @p version", stamped with the last seq handed out
    /// (call it right after the put): consoles that may read it pull the change feed.
    void publishChanged(const QString &type, const QString &id, qint64 version);
    void commit();

    [[nodiscard]] Database &db() { return m_db; }

private:
    Database &m_db;
    qint64 m_seq = 0;
    qint64 m_startSeq = 0;
    bool m_done = false;
    QList<QJsonObject> m_live;
};

} // namespace pd::server
