#pragma once

#include "reporttables.h"

#include <QCoreApplication>
#include <QList>

namespace pd {

/**
 * @brief The weekly report's proactive notices section as tables, the same cells in PDF, XLSX and CSV
 * (docs/reports.md, "Proactive notices"): the parcels with an exception detected in the week, those whose
 * customer was told before any complaint beside the others, and what that changed; or, without figures, one
 * sentence saying why there are none.
 */
class EffectTables final
{
    Q_DECLARE_TR_FUNCTIONS(pd::EffectTables)
public:
    /**
     * @brief "proactive" (the two groups: parcels, complained, complaint rate, CSAT and its answers) and
     * "proactive_effect" (parcels, share told first, median minutes to notice, reduction of the complaint
     * rate); without figures only "proactive", whose one cell is missing().
     */
    [[nodiscard]] static QList<ReportTable> of(const ReportEffect &effect);
    /// @brief Why the section shows no figures, in one sentence; empty when it shows them.
    [[nodiscard]] static QString missing(const ReportEffect &effect);
    /// @brief The section's heading, "Proactive notices".
    [[nodiscard]] static QString title();
};

} // namespace pd
