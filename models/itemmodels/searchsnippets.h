#pragma once

#include "models/domain/entities.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QCoreApplication>
#include <QStringList>

namespace pd {

/**
 * @brief Why a search result matched, in a line for the result list: "Complaint: …包裹破损严重…",
 * "Reply: …", "Waybill number".
 *
 * The excerpt is plain text cut from the ticket's (opened) complaint or the matching conversation entry
 * around the first search term found; views draw it as plain text, never as markup.
 */
class SearchSnippets final
{
    Q_DECLARE_TR_FUNCTIONS(pd::SearchSnippets)
public:
    /// @brief The line for @p hit on @p row; @p events are the ticket's timeline (read for conversation
    /// hits).
    [[nodiscard]] static QString describe(const SearchHit &hit, const TicketRow &row,
                                          const QList<TicketEvent> &events, const QStringList &terms);
    /// @brief @p text around the first of @p terms found (case-insensitive), @p context characters each side,
    /// "…" where cut, on one line; empty when no term is found.
    [[nodiscard]] static QString excerpt(const QString &text, const QStringList &terms, int context = 18);
};

} // namespace pd
