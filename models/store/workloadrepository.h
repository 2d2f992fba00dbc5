#pragma once

#include <QHash>
#include <QString>

namespace pd {

class Database;

/**
 * @brief How much open work each person has, read from the local cache.
 *
 * The assignee picker of the ticket pane shows it beside each name, so a supervisor reassigning a ticket
 * sees who is already busy. Open means new, open, pending or reopened (what a person still has to work on),
 * whatever the team; the cache's local version counts, so an edit not yet sent is already included.
 */
class WorkloadRepository final
{
public:
    explicit WorkloadRepository(const Database &db);

    /// @brief Open tickets per assignee id; people with none are absent (read 0).
    [[nodiscard]] QHash<QString, int> openTicketsByAssignee() const;

private:
    const Database &m_db;
};

} // namespace pd
