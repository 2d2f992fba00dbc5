#pragma once

namespace pd::server {

class Database;

/// @brief The schema version this build writes.
inline constexpr int kSchemaVersion = 13;

/**
 * @brief Brings the database to kSchemaVersion, one numbered migration per transaction.
 *
 * Returns the version reached. Throws StorageError when a migration fails or when the database was written
 * by a newer server (its version is above kSchemaVersion): an older server must not touch it.
 */
int runMigrations(Database &db);

} // namespace pd::server
