#include "effectfigures.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {
std::optional<double> optionalNumber(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

EffectFigures::Group groupFromJson(const QJsonObject &o)
{
    EffectFigures::Group g;
    g.parcels = o.value(u"parcels"_s).toInt();
    g.complained = o.value(u"complained"_s).toInt();
    g.complaintRatePercent = optionalNumber(o.value(u"complaint_rate_percent"_s));
    g.csat = optionalNumber(o.value(u"csat"_s));
    g.csatAnswers = o.value(u"csat_answers"_s).toInt();
    return g;
}
} // namespace

std::optional<double> EffectFigures::complaintReductionPercent() const
{
    const auto told = notifiedFirst.complaintRatePercent;
    const auto others = notNotifiedFirst.complaintRatePercent;
    if (!told || !others || *others <= 0)
        return std::nullopt;
    return 100.0 * (*others - *told) / *others;
}

std::optional<EffectFigures> EffectFigures::fromJson(const QJsonObject &o)
{
    const OptInstant from = instantFromIso(o.value(u"from"_s).toString());
    const OptInstant to = instantFromIso(o.value(u"to"_s).toString());
    if (!from || !to)
        return std::nullopt;
    EffectFigures f;
    f.from = *from;
    f.to = *to;
    f.parcelsWithException = o.value(u"parcels_with_exception"_s).toInt();
    f.notifiedFirst = groupFromJson(o.value(u"notified_first"_s).toObject());
    f.notNotifiedFirst = groupFromJson(o.value(u"not_notified_first"_s).toObject());
    f.shareNotifiedFirstPercent = optionalNumber(o.value(u"share_notified_first_percent"_s));
    f.medianMinutesToNotice = optionalNumber(o.value(u"median_minutes_to_notice"_s));
    return f;
}

} // namespace pd
