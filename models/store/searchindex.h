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
    /// @brief Indexes the queued complaint texts and conversations only, and empties the ticket queue: for
    /// CacheCrypto, which then rebuilds the customer index as a whole (rebuildCustomers()).
    [[nodiscard]] static bool flushText(sqlite3 *db, QString *error);
    /// @brief The customer index built again from every ticket with the slot's key.
    [[nodiscard]] static bool rebuildCustomers(sqlite3 *db, QString *error);
    /// @brief Rows waiting to be indexed (0 after every committed write).
    [[nodiscard]] static int pending(sqlite3 *db);
};

} // namespace pd
