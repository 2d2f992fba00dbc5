#include "proactivepolicy.h"

#include "models/domain/policychecker.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr int kMaxStallHours = 720;
constexpr int kMaxMarginMinutes = 2880;
constexpr int kMaxFailedAttempts = 10;
constexpr int kMaxMinParcels = 100000;
constexpr int kMinWindowMinutes = 5;
constexpr int kMaxWindowMinutes = 1440;
constexpr int kMaxNoticesPerCause = 10;
constexpr int kMaxPerMinute = 100000;
constexpr int kMaxTrendWindowHours = 24;
constexpr int kMaxBaselineWeeks = 26;
constexpr double kMinPValue = 1e-12;
constexpr double kMaxPValue = 0.1;
constexpr int kMaxMinComplaints = 100000;
constexpr double kMaxAlertRatio = 100;

const QStringList kPolicyKeys{u"version"_s,      u"time_zone"_s,
                              u"stall_hours"_s,  u"promise_margin_minutes"_s,
                              u"scan_reasons"_s, u"failed_attempts_for_case"_s,
                              u"incidents"_s,    u"quiet_hours"_s,
                              u"notices"_s,      u"trends"_s};
const QStringList kReasonKeys{u"damage"_s, u"loss"_s, u"failed_delivery"_s, u"exception"_s};
const QStringList kIncidentKeys{u"min_parcels"_s, u"window_minutes"_s, u"group_by"_s};
const QStringList kQuietKeys{u"enabled"_s, u"start"_s, u"end"_s, u"urgent_may_break"_s};
const QStringList kNoticeKeys{u"max_per_parcel_and_cause"_s, u"per_minute"_s};
const QStringList kGroupKeys{u"station"_s, u"route"_s};
const QStringList kTrendKeys{u"window_hours"_s,   u"baseline_weeks"_s, u"p_value"_s,
                             u"min_complaints"_s, u"alert_ratio"_s,    u"dimensions"_s};
const QStringList kTrendDimensions{u"station"_s, u"courier"_s, u"route"_s, u"category"_s};

constexpr std::array kStallStatuses{ParcelStatus::Created,        ParcelStatus::PickedUp,
                                    ParcelStatus::InTransit,      ParcelStatus::AtStation,
                                    ParcelStatus::OutForDelivery, ParcelStatus::Exception};

QStringList stallCodes()
{
    QStringList out;
    for (ParcelStatus s : kStallStatuses)
        out.append(toCode(s));
    return out;
}

/// The policy's own checks on top of PolicyChecker (every problem as a "field: message" line).
class Checker : public PolicyChecker
{
    Q_DECLARE_TR_FUNCTIONS(pd::ProactivePolicy)
public:
    void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &where)
    {
        PolicyChecker::unknownKeys(o, known, where, tr("is not a field of the proactive-service policy"));
    }

    /// The object under @p key, or an empty one (and a problem when it is there but not an object).
    QJsonObject section(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isObject())
            fail(key, tr("must be an object"));
        return v.toObject();
    }

    void time(const QJsonObject &o, const QString &key, const QString &where, QTime *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        const QTime t = QTime::fromString(v.toString(), u"HH:mm"_s);
        if (!v.isString() || !t.isValid())
            fail(where + key, tr("must be a time of day as \"HH:mm\" (00:00 to 23:59)"));
        else
            *out = t;
    }

    /// o[key], when present, as a number from @p min to @p max (fractions allowed) into @p out.
    void number(const QJsonObject &o, const QString &key, const QString &where, double min, double max,
                double *out)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !(d >= min && d <= max)) {
            fail(where + key, tr("must be a number between %1 and %2").arg(min).arg(max));
            return;
        }
        *out = d;
    }

    void stallHours(const QJsonObject &o, std::array<int, 8> *hours);
    void scanReasons(const QJsonObject &o, ProactivePolicy::ScanReasons *r);
    void incidents(const QJsonObject &o, ProactivePolicy::IncidentRules *r);
    void quietHours(const QJsonObject &o, ProactivePolicy::QuietHours *q);
    void trends(const QJsonObject &o, ProactivePolicy::TrendRules *r);
};

void Checker::stallHours(const QJsonObject &root, std::array<int, 8> *hours)
{
    if (!root.contains(u"stall_hours"_s))
        return;
    const QJsonObject o = section(root, u"stall_hours"_s);
    const QStringList codes = stallCodes();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!codes.contains(it.key()))
            fail(u"stall_hours."_s + it.key(),
                 tr("must be a parcel status that can stall: %1").arg(codes.join(u", ")));
    }
    // The document lists the watched statuses: the ones it leaves out are not watched.
    hours->fill(0);
    for (ParcelStatus s : kStallStatuses) {
        int h = 0;
        integer(o, toCode(s), u"stall_hours."_s, 1, kMaxStallHours, &h);
        (*hours)[std::size_t(s)] = h;
    }
}

void Checker::scanReasons(const QJsonObject &root, ProactivePolicy::ScanReasons *r)
{
    const QJsonObject o = section(root, u"scan_reasons"_s);
    unknownKeys(o, kReasonKeys, u"scan_reasons."_s);
    const QString where = u"scan_reasons."_s;
    codes(o, u"damage"_s, where, {}, &r->damage, Repeats::Refused);
    codes(o, u"loss"_s, where, {}, &r->loss, Repeats::Refused);
    codes(o, u"failed_delivery"_s, where, {}, &r->failedDelivery, Repeats::Refused);
    codes(o, u"exception"_s, where, {}, &r->exception, Repeats::Refused);
    // A reason means one thing: the first list that names it wins, every later one is a problem.
    const std::array<std::pair<QString, const QStringList *>, 4> lists{
        {{u"damage"_s, &r->damage},
         {u"loss"_s, &r->loss},
         {u"failed_delivery"_s, &r->failedDelivery},
         {u"exception"_s, &r->exception}}};
    for (std::size_t i = 1; i < lists.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            for (const QString &code : *lists[i].second) {
                if (lists[j].second->contains(code))
                    fail(where + lists[i].first,
                         tr("\"%1\" is already a reason of %2").arg(code, lists[j].first));
            }
        }
    }
}

void Checker::incidents(const QJsonObject &root, ProactivePolicy::IncidentRules *r)
{
    const QJsonObject o = section(root, u"incidents"_s);
    const QString where = u"incidents."_s;
    unknownKeys(o, kIncidentKeys, where);
    integer(o, u"min_parcels"_s, where, 2, kMaxMinParcels, &r->minParcels);
    integer(o, u"window_minutes"_s, where, kMinWindowMinutes, kMaxWindowMinutes, &r->windowMinutes);
    codes(o, u"group_by"_s, where, kGroupKeys, &r->groupBy, Repeats::Refused);
    const QJsonValue groupBy = o.value(u"group_by"_s);
    if (groupBy.isArray() && groupBy.toArray().isEmpty())
        fail(where + u"group_by"_s, tr("must name at least one of: %1").arg(kGroupKeys.join(u", ")));
}

void Checker::quietHours(const QJsonObject &root, ProactivePolicy::QuietHours *q)
{
    const QJsonObject o = section(root, u"quiet_hours"_s);
    const QString where = u"quiet_hours."_s;
    unknownKeys(o, kQuietKeys, where);
    boolean(o, u"enabled"_s, where, &q->enabled);
    time(o, u"start"_s, where, &q->start);
    time(o, u"end"_s, where, &q->end);
    boolean(o, u"urgent_may_break"_s, where, &q->urgentMayBreak);
    if (q->enabled && q->start == q->end)
        fail(where + u"end"_s, tr("must differ from start (set enabled to false for no quiet hours)"));
}

void Checker::trends(const QJsonObject &root, ProactivePolicy::TrendRules *r)
{
    const QJsonObject o = section(root, u"trends"_s);
    const QString where = u"trends."_s;
    unknownKeys(o, kTrendKeys, where);
    integer(o, u"window_hours"_s, where, 1, kMaxTrendWindowHours, &r->windowHours);
    integer(o, u"baseline_weeks"_s, where, 1, kMaxBaselineWeeks, &r->baselineWeeks);
    number(o, u"p_value"_s, where, kMinPValue, kMaxPValue, &r->pValue);
    integer(o, u"min_complaints"_s, where, 1, kMaxMinComplaints, &r->minComplaints);
    number(o, u"alert_ratio"_s, where, 1, kMaxAlertRatio, &r->alertRatio);
    codes(o, u"dimensions"_s, where, kTrendDimensions, &r->dimensions, Repeats::Refused);
    const QJsonValue dimensions = o.value(u"dimensions"_s);
    if (dimensions.isArray() && dimensions.toArray().isEmpty())
        fail(where + u"dimensions"_s, tr("must name at least one of: %1").arg(kTrendDimensions.join(u", ")));
}

QJsonArray list(const QStringList &codes)
{
    return QJsonArray::fromStringList(codes);
}

} // namespace

ProactivePolicy ProactivePolicy::defaults()
{
    return ProactivePolicy{};
}

void ProactivePolicy::setTimeZone(const QByteArray &ianaId)
{
    const QTimeZone zone(ianaId);
    if (zone.isValid())
        m_timeZone = zone;
}

std::optional<int> ProactivePolicy::stallHours(ParcelStatus status) const
{
    const int h = m_stallHours.at(std::size_t(status));
    return h > 0 ? std::optional<int>(h) : std::nullopt;
}

void ProactivePolicy::setStallHours(ParcelStatus status, std::optional<int> hours)
{
    if (status == ParcelStatus::Delivered || status == ParcelStatus::Returned)
        return;
    m_stallHours.at(std::size_t(status)) = hours && *hours > 0 ? *hours : 0;
}

QJsonObject ProactivePolicy::toJson() const
{
    QJsonObject stall;
    for (ParcelStatus s : kStallStatuses) {
        if (const auto h = stallHours(s))
            stall.insert(toCode(s), *h);
    }
    const QJsonObject reasons{{u"damage"_s, list(m_scanReasons.damage)},
                              {u"loss"_s, list(m_scanReasons.loss)},
                              {u"failed_delivery"_s, list(m_scanReasons.failedDelivery)},
                              {u"exception"_s, list(m_scanReasons.exception)}};
    const QJsonObject incidents{{u"min_parcels"_s, m_incidents.minParcels},
                                {u"window_minutes"_s, m_incidents.windowMinutes},
                                {u"group_by"_s, list(m_incidents.groupBy)}};
    const QJsonObject quiet{{u"enabled"_s, m_quietHours.enabled},
                            {u"start"_s, m_quietHours.start.toString(u"HH:mm"_s)},
                            {u"end"_s, m_quietHours.end.toString(u"HH:mm"_s)},
                            {u"urgent_may_break"_s, m_quietHours.urgentMayBreak}};
    const QJsonObject notices{{u"max_per_parcel_and_cause"_s, m_maxNoticesPerParcelAndCause},
                              {u"per_minute"_s, m_noticesPerMinute}};
    const QJsonObject trends{
        {u"window_hours"_s, m_trends.windowHours}, {u"baseline_weeks"_s, m_trends.baselineWeeks},
        {u"p_value"_s, m_trends.pValue},           {u"min_complaints"_s, m_trends.minComplaints},
        {u"alert_ratio"_s, m_trends.alertRatio},   {u"dimensions"_s, list(m_trends.dimensions)}};
    return {{u"version"_s, m_version},    {u"time_zone"_s, QString::fromLatin1(m_timeZone.id())},
            {u"stall_hours"_s, stall},    {u"promise_margin_minutes"_s, m_promiseMarginMinutes},
            {u"scan_reasons"_s, reasons}, {u"failed_attempts_for_case"_s, m_failedAttemptsForCase},
            {u"incidents"_s, incidents},  {u"quiet_hours"_s, quiet},
            {u"notices"_s, notices},      {u"trends"_s, trends}};
}

std::optional<ProactivePolicy> ProactivePolicy::fromJson(const QJsonObject &o, QString *error)
{
    ProactivePolicy p;
    Checker c;
    c.unknownKeys(o, kPolicyKeys, {});
    if (!o.contains(u"version"_s))
        c.fail(u"version"_s, tr("is required"));
    c.integer(o, u"version"_s, {}, 1, std::numeric_limits<int>::max(), &p.m_version);

    const QJsonValue zone = o.value(u"time_zone"_s);
    if (!zone.isUndefined()) {
        const QTimeZone tz(zone.toString().toLatin1());
        if (!zone.isString() || zone.toString().isEmpty() || !tz.isValid())
            c.fail(u"time_zone"_s, tr("must be an IANA time zone such as \"Asia/Shanghai\""));
        else
            p.m_timeZone = tz;
    }
    c.stallHours(o, &p.m_stallHours);
    c.integer(o, u"promise_margin_minutes"_s, {}, 0, kMaxMarginMinutes, &p.m_promiseMarginMinutes);
    c.scanReasons(o, &p.m_scanReasons);
    c.integer(o, u"failed_attempts_for_case"_s, {}, 1, kMaxFailedAttempts, &p.m_failedAttemptsForCase);
    c.incidents(o, &p.m_incidents);
    c.quietHours(o, &p.m_quietHours);

    const QJsonObject notices = c.section(o, u"notices"_s);
    c.unknownKeys(notices, kNoticeKeys, u"notices."_s);
    c.integer(notices, u"max_per_parcel_and_cause"_s, u"notices."_s, 1, kMaxNoticesPerCause,
              &p.m_maxNoticesPerParcelAndCause);
    c.integer(notices, u"per_minute"_s, u"notices."_s, 0, kMaxPerMinute, &p.m_noticesPerMinute);
    c.trends(o, &p.m_trends);

    if (!c.errors.isEmpty()) {
        if (error)
            *error = c.errors.join(u'\n');
        return std::nullopt;
    }
    return p;
}

} // namespace pd
