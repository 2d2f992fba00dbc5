#pragma once

#include <QString>

struct sqlite3;

namespace pd {

/**
 * @brief Brings the full-text tables up to date with the rows the triggers queued.
 *
 * Every writer of tickets or ticket events calls flush() inside its transaction before committing (the
 * repositories do), so readers always see an index that matches the rows. One INSERT … SELECT per table keeps
 * a bulk load to a handful of FTS5 segments instead of one per row.
 */
class SearchIndex final
{
public:
    [[nodiscard]] static bool flush(sqlite3 *db, QString *error);
    /// @brief Every index built again from its table and the queues emptied (CacheCrypto, after sealing or
    /// re-sealing under another key: the tokens are the key's).
    [[nodiscard]] static bool rebuild(sqlite3 *db, QString *error);
    /// @brief Rows waiting to be indexed (0 after every committed write).
    [[nodiscard]] static int pending(sqlite3 *db);
};

} // namespace pd
