#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace pd {

class CacheCipher;
class Database;

/**
 * @brief Binds a cache file to a key: seals what is still in clear, re-seals, or forgets what no key opens.
 *
 * The cache keeps the check of the key its values are sealed under (sync_state crypto.check; empty: nothing
 * sealed yet, "plain": encryption turned off). bind() compares it with the new cipher's:
 *
 * - the same key: the file's slot gets the cipher (every connection of the process reads with it);
 * - nothing sealed yet (a new cache, one upgraded from schema 7, one written in clear with encryption off),
 *   or sealed under the key the slot holds now (a test's own key, then a user's): every customer field is
 *   sealed again under the new key in one transaction (secure_delete on), the customer index is built again,
 *   and a cache that held clear text is vacuumed so none of it stays in free pages;
 * - sealed under a key this process does not hold (the keychain entry is gone, a PC without a keychain
 *   started again, the file was copied): with Foreign::Forget the customer data is forgotten — tickets,
 *   events, waiting events, conflicts, parcels, tracking, the indexes and the change-feed cursor — and the
 *   next pull downloads it again; with Foreign::Keep the cache stays locked (tools never destroy data).
 *
 * Edits kept for another user (outbox rows of another author) are never re-sealed: they stay under their
 * author's key. An edit whose contents no longer open is not sent; the sync engine parks it with a reason.
 */
class CacheCrypto final
{
    Q_DECLARE_TR_FUNCTIONS(pd::CacheCrypto)
public:
    enum class Outcome
    {
        Ready,     ///< the cache was already sealed under this key
        Sealed,    ///< values were sealed (from clear) or re-sealed under this key
        Forgotten, ///< sealed under an unknown key: the customer data was forgotten, a full pull follows
        Locked,    ///< sealed under an unknown key and Foreign::Keep: nothing changed, no key bound
        Failed
    };
    enum class Foreign
    {
        Forget,
        Keep
    };
    /// @brief For Database::open's automatic session keys: only a cache with nothing sealed yet is bound.
    enum class Unsealed
    {
        Only
    };

    /// @brief Binds @p cipher to @p db's file; @p message gets a translated explanation of what was done.
    static Outcome bind(const Database &db, const std::shared_ptr<const CacheCipher> &cipher, Foreign foreign,
                        QString *message = nullptr);
    static Outcome bind(const Database &db, const std::shared_ptr<const CacheCipher> &cipher, Unsealed,
                        QString *message = nullptr);

    /// @brief The check of the key the cache is sealed under ("" when nothing is sealed yet).
    [[nodiscard]] static QString storedCheck(const Database &db);
    /// @brief The file's stable id (keychain entries of its keys carry it).
    [[nodiscard]] static QString storeId(const Database &db);

    /// @brief SQL that forgets every customer record in the cache (inside a transaction); CacheOwner uses it.
    [[nodiscard]] static const char *forgetCustomerDataSql();

private:
    static bool reseal(const Database &db, const CacheCipher *from, const CacheCipher &to, bool *hadClear,
                       QString *error);
    static bool forget(const Database &db, QString *error);
};

} // namespace pd
