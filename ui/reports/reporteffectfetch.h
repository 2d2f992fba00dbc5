#pragma once

#include "reports/weeklyreport.h"
#include "sync/apiclient.h"
#include "sync/apireply.h"

namespace pd {

/**
 * @brief The weekly report's proactive notice figures from the server (docs/reports.md, "Proactive
 * notices"): they are not in the cache, so the Reports page and `parceldesk report` ask for the report's week
 * before they write the files.
 */
class ReportEffectFetch final
{
public:
    /// @brief GET /proactive/effect for @p period, the week's company-time days as UTC instants [from, to).
    [[nodiscard]] static ApiReply *request(ApiClient *client, const KpiPeriod &period);
    /**
     * @brief The section from the answer: its figures, or why there are none — no answer (offline, no
     * session), 401/403 (not a supervisor or manager), any other error or an answer that is not the figures.
     */
    [[nodiscard]] static ReportEffect fromResult(const ApiResult &result);
};

} // namespace pd
