#include "trendcomplaint.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {
/// "杭州市秋涛路602号" → "杭州"; "武汉发货仓" → "武汉"; anything else as it is.
QString cityOf(const QString &address)
{
    const QString a = address.trimmed();
    if (const qsizetype shi = a.indexOf(u'市'); shi > 0)
        return a.left(shi);
    for (const QString &suffix : {u"发货仓"_s, u"仓库"_s, u"仓"_s}) {
        if (const qsizetype at = a.indexOf(suffix); at > 0)
            return a.left(at);
    }
    return a;
}

QJsonValue optionalInstant(const OptInstant &at)
{
    return at ? QJsonValue(instantToIso(*at)) : QJsonValue();
}
} // namespace

QString routeKeyOf(const Parcel &parcel)
{
    const QString from = cityOf(parcel.originAddress);
    if (from.isEmpty())
        return {};
    const QString to = cityOf(parcel.destinationAddress);
    return to.isEmpty() ? from : from + u'→' + to;
}

TrendComplaint trendComplaintOf(const Ticket &ticket, const Parcel *parcel)
{
    TrendComplaint c;
    c.createdAt = ticket.createdAt;
    c.category = toCode(ticket.category);
    if (parcel) {
        c.stationId = parcel->stationId;
        c.courierId = parcel->courierId;
        c.route = routeKeyOf(*parcel);
    }
    return c;
}

QString trendKeyOf(const TrendComplaint &complaint, const QString &dimension)
{
    if (dimension == u"station")
        return complaint.stationId;
    if (dimension == u"courier")
        return complaint.courierId;
    if (dimension == u"route")
        return complaint.route;
    if (dimension == u"category")
        return complaint.category;
    return {};
}

QJsonObject trendAlertToJson(const TrendAlert &a, qint64 version)
{
    return QJsonObject{{u"id"_s, a.id},
                       {u"dimension"_s, a.dimension},
                       {u"key"_s, a.key},
                       {u"window_start"_s, instantToIso(a.windowStart)},
                       {u"window_end"_s, instantToIso(a.windowEnd)},
                       {u"observed"_s, a.observed},
                       {u"expected"_s, a.expected},
                       {u"p_value"_s, a.pValue},
                       {u"ratio"_s, a.ratio},
                       {u"level"_s, a.level},
                       {u"opened_at"_s, instantToIso(a.openedAt)},
                       {u"closed_at"_s, optionalInstant(a.closedAt)},
                       {u"state"_s, a.closedAt ? u"closed"_s : u"open"_s},
                       {u"version"_s, version}};
}

std::optional<TrendAlert> trendAlertFromJson(const QJsonObject &o)
{
    TrendAlert a;
    a.id = o.value(u"id"_s).toString();
    a.dimension = o.value(u"dimension"_s).toString();
    a.key = o.value(u"key"_s).toString();
    const OptInstant start = instantFromIso(o.value(u"window_start"_s).toString());
    const OptInstant end = instantFromIso(o.value(u"window_end"_s).toString());
    if (a.id.isEmpty() || a.dimension.isEmpty() || !start || !end)
        return std::nullopt;
    a.windowStart = *start;
    a.windowEnd = *end;
    a.observed = o.value(u"observed"_s).toInt();
    a.expected = o.value(u"expected"_s).toDouble();
    a.pValue = o.value(u"p_value"_s).toDouble(1);
    a.ratio = o.value(u"ratio"_s).toDouble();
    a.level = o.value(u"level"_s).toString();
    a.openedAt = instantFromIso(o.value(u"opened_at"_s).toString()).value_or(a.windowEnd);
    a.closedAt = instantFromIso(o.value(u"closed_at"_s).toString());
    return a;
}

} // namespace pd
