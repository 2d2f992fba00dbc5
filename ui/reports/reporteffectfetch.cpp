#include "reporteffectfetch.h"

#include "sync/api/proactiveapi.h"

namespace pd {

ApiReply *ReportEffectFetch::request(ApiClient *client, const KpiPeriod &period)
{
    return ProactiveApi(client).effect(period.from, period.to);
}

ReportEffect ReportEffectFetch::fromResult(const ApiResult &result)
{
    if (result.ok()) {
        if (auto figures = EffectFigures::fromJson(result.object()))
            return {std::move(figures), EffectGap::NotFetched};
        return {std::nullopt, EffectGap::Failed};
    }
    if (result.status == 0)
        return {std::nullopt, EffectGap::NotFetched};
    if (result.status == 401 || result.status == 403)
        return {std::nullopt, EffectGap::NotAllowed};
    return {std::nullopt, EffectGap::Failed};
}

} // namespace pd
