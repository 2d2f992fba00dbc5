#pragma once

#include <QString>

namespace pd {

class CacheKeySource;
class Database;

/**
 * @brief At start-up, before the window shows the cache owner's tickets: their key from the keychain, and the
 * cache bound to it (CacheCrypto: fields written in clear by an older version are sealed, data under a key
 * that is gone is forgotten). Waits at most @p waitMs for the keychain (it may ask the person to unlock it);
 * without an answer the cache stays locked and sign-in binds it. Returns what the person should be told.
 */
[[nodiscard]] QString unlockCache(const Database &db, CacheKeySource &keys, int waitMs = 60000);

} // namespace pd
