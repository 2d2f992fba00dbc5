#pragma once

#include <QString>

struct sqlite3;

namespace pd::migrations {

/// @brief Number of the newest schema this build knows (PRAGMA user_version after all migrations).
[[nodiscard]] int latestVersion();

/// @brief A one-line description of migration @p version (1-based), for logs and docs.
[[nodiscard]] const char *describe(int version);

/// @brief Applies migrations (from, to], each in its own transaction together with the new user_version.
[[nodiscard]] bool migrate(sqlite3 *db, int from, int to, QString *error);

} // namespace pd::migrations
