#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace pd {

class CacheCipher;
class CacheKeySlot;

struct DatabaseOptions
{
    /// Schema version to migrate to; -1 means the newest this build knows. Tests use older targets to build
    /// caches of earlier versions.
    int targetVersion = -1;
};

/**
 * @brief One connection to the local SQLite cache, set up and migrated.
 *
 * open() refuses a cache written by a newer ParcelDesk before touching it, sets WAL (and checks that it
 * took), foreign keys and a busy timeout, registers the pd_cjk tokenizer and the pd_phone_tail() and
 * pd_customer_tokens() functions, and runs the numbered migrations, each in one transaction. A Database
 * belongs to the thread that opened it: the sync thread and the query workers open their own.
 *
 * Customer fields are sealed with the cipher of the file's CacheKeySlot, shared by every connection to the
 * file in this process (docs/architecture.md, "Customer data at rest"). Until a key is bound (CacheCrypto)
 * the cache is locked: customer fields read as empty and writes that need sealing fail.
 */
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Database)
public:
    static constexpr int kSchemaVersion = 14;

    /// @brief Opens or creates the cache at @p path; nullptr and a translated message when it cannot.
    [[nodiscard]] static std::unique_ptr<Database> open(const QString &path, QString *error,
                                                        const DatabaseOptions &options = {});
    ~Database();

    [[nodiscard]] QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] QString journalMode() const;
    /// @brief PRAGMA integrity_check: "ok" or the first problems.
    [[nodiscard]] QString integrityCheck() const;

    /// @brief The key the cache is open with; null while it is locked.
    [[nodiscard]] std::shared_ptr<const CacheCipher> cipher() const;
    /// @brief The key to seal with, or null and a translated message when the cache is locked.
    [[nodiscard]] std::shared_ptr<const CacheCipher> sealer(QString *error) const;
    [[nodiscard]] CacheKeySlot &keySlot() const { return *m_slot; }

    /// @brief Sets up a raw sqlite3 connection the same way (tokenizer, functions, pragmas); for tools/bench.
    /// The connection shares the key slot of its file.
    [[nodiscard]] static bool prepareRawConnection(sqlite3 *db, QString *error);

private:
    Database(QString path, QString connectionName, sqlite3 *handle);
    Q_DISABLE_COPY_MOVE(Database)

    // The steps of open(): each gives an empty string when it went well, the translated reason otherwise.
    static QString prepareFiles(const QString &path);
    static std::unique_ptr<Database> connect(const QString &path, QString *error);
    static QString checkVersion(sqlite3 *h, const QString &path, int *found);
    static QString setUp(sqlite3 *h);
    static QString bringUpToDate(Database &db, int found, const DatabaseOptions &options);

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    std::shared_ptr<CacheKeySlot> m_slot;
};

/**
 * @brief A write transaction: BEGIN IMMEDIATE at the outermost level.
 *
 * Nested inside another transaction it joins the outer one by default: SQLite savepoints make every page
 * write of a bulk load journal its original content once more (measured: 2.5× slower row upserts inside
 * ChangeApplier), so repositories do not open them. A joined write that fails returns false and its caller
 * must fail the outer transaction, which then rolls everything back. Where a partial rollback is really
 * wanted, ask for Mode::Savepoint. An outermost transaction rolls back on destruction unless commit()
 * succeeded, so an early return never leaves a half-written record.
 */
class Transaction final
{
public:
    enum class Mode
    {
        JoinOrBegin,
        Savepoint
    };

    explicit Transaction(sqlite3 *db, Mode mode = Mode::JoinOrBegin);
    explicit Transaction(const Database &db, Mode mode = Mode::JoinOrBegin)
        : Transaction(db.handle(), mode)
    {}
    ~Transaction();

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] const QString &error() const { return m_error; }
    /// @brief Commits (or releases the savepoint; a joined transaction leaves that to its owner); on failure
    /// the message goes to @p error as well.
    bool commit(QString *error = nullptr);

private:
    Q_DISABLE_COPY_MOVE(Transaction)
    sqlite3 *m_db;
    QByteArray m_savepoint; // empty for the outermost transaction
    bool m_joined = false;
    bool m_active = false;
    QString m_error;
};

/// @brief Runs SQL (several statements allowed) on a raw handle; false and sqlite's message on error.
bool execSql(sqlite3 *db, const char *sql, QString *error);
/// @brief The first column of the first row of @p sql as an integer (PRAGMAs, counts); -1 when there is none.
int queryInt(sqlite3 *db, const char *sql);

} // namespace pd
