#include "database.h"

#include "cachecipher.h"
#include "cachecrypto.h"
#include "cachefiles.h"
#include "cachekeys.h"
#include "cjktokenizer.h"
#include "customertokens.h"
#include "migrations.h"
#include "models/domain/validation.h"
#include "searchindex.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "pd.store", QtInfoMsg)

namespace pd {

namespace {

std::atomic<int> g_connectionCounter{0};

QString pragmaText(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return value;
}

void phoneTailFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const QByteArray tail = text ? Validation::phoneTail(QString::fromUtf8(text)).toUtf8() : QByteArray();
    sqlite3_result_text(ctx, tail.constData(), int(tail.size()), SQLITE_TRANSIENT);
}

QString sqlText(sqlite3_value *v, SealedField field, const CacheCipher &cipher, bool *ok)
{
    *ok = true;
    const int type = sqlite3_value_type(v);
    if (type == SQLITE_NULL)
        return {};
    const bool blob = type == SQLITE_BLOB;
    const void *data = blob ? sqlite3_value_blob(v) : static_cast<const void *>(sqlite3_value_text(v));
    const QByteArrayView bytes(static_cast<const char *>(data), sqlite3_value_bytes(v));
    return QString::fromUtf8(cipher.openBytes(bytes, blob, field, ok));
}

// pd_customer_tokens(customer_name, customer_phone): the keyed tokens customer_fts indexes a ticket under
// (CustomerTokens). Fails on a locked cache or a value sealed under another key: an index entry made from
// the wrong text could never be deleted again (FTS5 'delete' must see what was indexed).
void customerTokensFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    auto *slot = static_cast<CacheKeySlot *>(sqlite3_user_data(ctx));
    const auto cipher = slot->cipher();
    if (!cipher) {
        sqlite3_result_error(ctx, "the local cache is locked (no key)", -1);
        return;
    }
    bool nameOk = true, phoneOk = true;
    const QString name = sqlText(argv[0], SealedField::CustomerName, *cipher, &nameOk);
    const QString phone = sqlText(argv[1], SealedField::CustomerPhone, *cipher, &phoneOk);
    if (!nameOk || !phoneOk) {
        sqlite3_result_error(ctx, "a customer field does not open with the cache's key", -1);
        return;
    }
    const QByteArray tokens = CustomerTokens::forTicket(*cipher, name, phone);
    sqlite3_result_text(ctx, tokens.constData(), int(tokens.size()), SQLITE_TRANSIENT);
}

} // namespace

bool execSql(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

int queryInt(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    int value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

bool Database::prepareRawConnection(sqlite3 *db, QString *error)
{
    sqlite3_busy_timeout(db, 5000);
    // The slot outlives the connection (slots live as long as the process).
    const char *file = sqlite3_db_filename(db, "main");
    CacheKeySlot *slot = CacheKeys::slotFor(QString::fromUtf8(file ? file : "")).get();
    if (!CjkTokenizer::registerWith(db, slot, error))
        return false;
    if (sqlite3_create_function_v2(db, "pd_phone_tail", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   phoneTailFunction, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db, "pd_customer_tokens", 2, SQLITE_UTF8, slot, customerTokensFunction,
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    // A larger page cache keeps the ten ticket indexes and the FTS segments in memory during bulk loads.
    return execSql(db,
                   "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
                   "PRAGMA temp_store = MEMORY;",
                   error);
}

Database::Database(QString path, QString connectionName, sqlite3 *handle)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_handle(handle)
    , m_slot(CacheKeys::slotFor(m_path))
{}

std::shared_ptr<const CacheCipher> Database::cipher() const
{
    return m_slot->cipher();
}

std::shared_ptr<const CacheCipher> Database::sealer(QString *error) const
{
    auto c = m_slot->cipher();
    if (!c && error)
        *error = tr("The local cache is locked: its key has not been read from the keychain yet.");
    return c;
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error, const DatabaseOptions &options)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcStore).noquote() << "cannot open cache" << path << ":" << message;
        return std::unique_ptr<Database>();
    };
    if (const QString message = prepareFiles(path); !message.isEmpty())
        return fail(message);
    QString message;
    std::unique_ptr<Database> result = connect(path, &message);
    if (!result)
        return fail(message);
    int found = 0;
    if (message = checkVersion(result->m_handle, path, &found); !message.isEmpty())
        return fail(message);
    if (message = setUp(result->m_handle); !message.isEmpty())
        return fail(message);
    if (message = bringUpToDate(*result, found, options); !message.isEmpty())
        return fail(message);
    CacheFiles::restrictCache(path); // the -wal and -shm exist now
    return result;
}

// Customers' names, phones and conversations: the folder 0700 and the files 0600 on Linux and macOS, set
// explicitly whatever the umask, and tightened on every open (caches made before this rule).
QString Database::prepareFiles(const QString &path)
{
    const QFileInfo info(path);
    QString fileError;
    if (!CacheFiles::prepareFolder(info.absolutePath(), &fileError))
        return tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
    if (!CacheFiles::prepareFile(path, &fileError))
        return tr("Cannot create the local cache %1: %2").arg(QDir::toNativeSeparators(path), fileError);
    CacheFiles::restrictCache(path);
    return {};
}

// The Qt Sql connection and its sqlite3 handle; from here on the Database owns the connection and removes it
// on every exit path.
std::unique_ptr<Database> Database::connect(const QString &path, QString *error)
{
    const QString name = QStringLiteral("pd-cache-%1").arg(++g_connectionCounter);
    std::unique_ptr<Database> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString message = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            *error = tr("Cannot open the local cache %1: %2").arg(QDir::toNativeSeparators(path), message);
            return nullptr;
        }
        const QVariant h = db.driver()->handle();
        sqlite3 *handle = (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
                              ? *static_cast<sqlite3 *const *>(h.constData())
                              : nullptr;
        result.reset(new Database(path, name, handle));
    }
    if (!result->m_handle) {
        *error = tr("The SQLite driver gave no connection handle.");
        return nullptr;
    }
    return result;
}

// Read the version before writing anything: a newer cache must be left exactly as it is.
QString Database::checkVersion(sqlite3 *h, const QString &path, int *found)
{
    *found = queryInt(h, "PRAGMA user_version");
    if (*found < 0)
        return tr("%1 is not a ParcelDesk cache (%2).")
            .arg(QDir::toNativeSeparators(path), QString::fromUtf8(sqlite3_errmsg(h)));
    if (*found > kSchemaVersion)
        return tr("This cache was written by a newer ParcelDesk (schema %1; this version knows up to %2). "
                  "Update ParcelDesk, or start it with another data folder.")
            .arg(*found)
            .arg(kSchemaVersion);
    return {};
}

// The tokenizer, the functions and the pragmas; WAL and foreign keys are checked, not assumed.
QString Database::setUp(sqlite3 *h)
{
    QString setupError;
    if (!prepareRawConnection(h, &setupError))
        return tr("Cannot prepare the local cache: %1").arg(setupError);
    if (pragmaText(h, "PRAGMA journal_mode = WAL").compare(QLatin1StringView("wal"), Qt::CaseInsensitive) !=
        0)
        return tr(
            "The local cache could not switch to write-ahead logging; is the folder on a network drive?");
    if (queryInt(h, "PRAGMA foreign_keys") != 1)
        return tr("The local cache could not enable foreign keys.");
    return {};
}

// The migrations the cache lacks, its key, and the search index rows a writer left behind.
QString Database::bringUpToDate(Database &db, int found, const DatabaseOptions &options)
{
    sqlite3 *h = db.m_handle;
    QString setupError;
    const int target =
        options.targetVersion < 0 ? kSchemaVersion : qMin(options.targetVersion, kSchemaVersion);
    static_assert(kSchemaVersion > 0);
    Q_ASSERT(migrations::latestVersion() == kSchemaVersion);
    if (found < target && !migrations::migrate(h, found, target, &setupError))
        return tr("Cannot update the local cache: %1").arg(setupError);
    // Tests, benchmarks and tools have no keychain: a new or still unsealed cache gets this process's own key
    // (a cache sealed under another key stays locked; the console binds keys itself, CacheKeys).
    if (target >= 8 && CacheKeys::automaticSessionKeys() && !db.cipher()) {
        QString notice;
        if (CacheCrypto::bind(db, db.keySlot().sessionCipher(), CacheCrypto::Unsealed::Only, &notice) ==
            CacheCrypto::Outcome::Failed)
            return tr("Cannot protect the local cache: %1").arg(notice);
    }
    // A writer that died or a tool that skipped the flush may have left rows unindexed (the customer index
    // needs the key: a locked cache leaves them to its first writer).
    if (target >= 2 && (target < 8 || db.cipher()) && SearchIndex::pending(h) > 0 &&
        !SearchIndex::flush(h, &setupError))
        return tr("Cannot update the search index: %1").arg(setupError);
    return {};
}

int Database::schemaVersion() const
{
    return queryInt(m_handle, "PRAGMA user_version");
}

QString Database::journalMode() const
{
    return pragmaText(m_handle, "PRAGMA journal_mode");
}

QString Database::integrityCheck() const
{
    return pragmaText(m_handle, "PRAGMA integrity_check");
}

Transaction::Transaction(sqlite3 *db, Mode mode)
    : m_db(db)
{
    static std::atomic<int> counter{0};
    if (sqlite3_get_autocommit(m_db) == 0) {
        if (mode == Mode::JoinOrBegin) {
            m_joined = true;
            m_active = true;
            return;
        }
        m_savepoint = "pd_sp_" + QByteArray::number(++counter);
    }
    const QByteArray sql = m_savepoint.isEmpty() ? QByteArray("BEGIN IMMEDIATE") : "SAVEPOINT " + m_savepoint;
    m_active = execSql(m_db, sql.constData(), &m_error);
}

Transaction::~Transaction()
{
    if (!m_active || m_joined)
        return;
    if (m_savepoint.isEmpty()) {
        execSql(m_db, "ROLLBACK", nullptr);
    } else {
        const QByteArray sql = "ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint;
        execSql(m_db, sql.constData(), nullptr);
    }
}

bool Transaction::commit(QString *error)
{
    if (m_joined) {
        m_active = false;
        return true;
    }
    if (!m_active) {
        if (error)
            *error = m_error;
        return false;
    }
    const QByteArray sql = m_savepoint.isEmpty() ? QByteArray("COMMIT") : "RELEASE " + m_savepoint;
    if (!execSql(m_db, sql.constData(), &m_error)) {
        if (error)
            *error = m_error;
        return false; // still active: the destructor rolls back
    }
    m_active = false;
    return true;
}

} // namespace pd
