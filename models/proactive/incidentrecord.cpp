#include "incidentrecord.h"

using namespace Qt::StringLiterals;

namespace pd {

std::optional<IncidentRecord> IncidentRecord::fromJson(const QJsonObject &o)
{
    IncidentRecord r;
    r.id = o.value(u"id"_s).toString();
    const OptInstant start = instantFromIso(o.value(u"window_start"_s).toString());
    const OptInstant end = instantFromIso(o.value(u"window_end"_s).toString());
    if (r.id.isEmpty() || !start || !end)
        return std::nullopt;
    r.windowStart = *start;
    r.windowEnd = *end;
    r.cause = o.value(u"cause"_s).toString();
    r.dimension = o.value(u"dimension"_s).toString();
    r.key = o.value(u"key"_s).toString();
    r.place = o.value(u"place"_s).toString(r.key);
    r.family = o.value(u"family"_s).toString();
    r.parcels = o.value(u"parcels"_s).toInt();
    const QJsonObject kinds = o.value(u"kinds"_s).toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        r.kinds.insert(it.key(), it.value().toInt());
    r.expectedRecoveryAt = instantFromIso(o.value(u"expected_recovery_at"_s).toString());
    r.state = o.value(u"state"_s).toString(u"open"_s);
    r.explanation = o.value(u"explanation"_s).toString();
    r.version = o.value(u"version"_s).toInteger();
    r.json = o;
    return r;
}

} // namespace pd
