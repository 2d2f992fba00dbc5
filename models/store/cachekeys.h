#pragma once

#include "cachecipher.h"

#include <QMutex>
#include <QString>

#include <memory>

namespace pd {

/**
 * @brief The key a cache file is open with in this process, shared by every connection to that file.
 *
 * The sync thread, the window and the query workers each open their own connection to the same file; they
 * all read and write with the cipher held here. Null means locked: customer fields read as empty, and a write
 * that has to seal something fails (nothing is ever written in clear by accident). Slots live as long as the
 * process (SQLite functions registered on a connection point at theirs).
 */
class CacheKeySlot final
{
public:
    [[nodiscard]] std::shared_ptr<const CacheCipher> cipher() const;
    void set(std::shared_ptr<const CacheCipher> cipher);
    /// @brief This process's own key for the file (made on first use, never written anywhere): the key of
    /// tests and tools, which never ask a keychain (CacheKeys::automaticSessionKeys()).
    [[nodiscard]] std::shared_ptr<const CacheCipher> sessionCipher();

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const CacheCipher> m_cipher;
    std::shared_ptr<const CacheCipher> m_session;
};

/**
 * @brief Process-wide rules for cache keys (docs/architecture.md, "Customer data at rest").
 *
 * - The console and its commands bind each cache to its owner's key from the OS keychain themselves
 *   (setAutomaticSessionKeys(false) at start). Everything else — tests, benchmarks, tools — gets a key that
 *   lives in the process only, bound when the cache is opened, unless the cache is already sealed under
 *   another key (then it stays locked: a tool never destroys a console's cache).
 * - PARCELDESK_CACHE_ENCRYPTION=off (a test and diagnostic switch, documented; never for agents' PCs) makes
 *   every key plain: customer fields are written in clear.
 * - memoryKey(): the key of a user whose PC has no keychain; it lives in this process only, so what it sealed
 *   cannot be read after the process ends (the next start drops it and downloads it again).
 */
class CacheKeys final
{
public:
    /// @brief The slot of the cache file at @p path (the same for every spelling of the path).
    [[nodiscard]] static std::shared_ptr<CacheKeySlot> slotFor(const QString &path);

    [[nodiscard]] static bool automaticSessionKeys();
    static void setAutomaticSessionKeys(bool on);

    /// @brief True when PARCELDESK_CACHE_ENCRYPTION=off (or set by a test or benchmark).
    [[nodiscard]] static bool encryptionDisabled();
    static void setEncryptionDisabled(bool disabled);

    /// @brief A key kept in this process's memory only, one per @p name (server, user and cache).
    [[nodiscard]] static std::shared_ptr<const CacheCipher> memoryKey(const QString &name);
};

} // namespace pd
