#include "kpitypes.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pd {

DurationStats DurationStats::of(std::vector<qint64> &values)
{
    DurationStats s;
    s.count = qint64(values.size());
    if (values.empty())
        return s;
    // Selection instead of a sort: linear time (a 30-day period over a large centre holds ~400,000 values).
    const std::size_t n = values.size();
    const auto mid = values.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    const double upper = double(*mid);
    s.medianMs = n % 2 ? upper : (double(*std::max_element(values.begin(), mid)) + upper) / 2.0;
    long double sum = 0;
    for (qint64 v : values)
        sum += v;
    s.meanMs = double(sum / (long double)n);
    const auto rank = std::size_t(std::ceil(0.9 * double(n)));
    const auto p90 = values.begin() + std::ptrdiff_t(std::clamp<std::size_t>(rank, 1, n) - 1);
    std::nth_element(values.begin(), p90, values.end());
    s.p90Ms = double(*p90);
    return s;
}

KpiInfo KpiInfo::of(Kpi kpi)
{
    switch (kpi) {
    case Kpi::FirstResponseCompliance:
    case Kpi::FirstContactResolution:
    case Kpi::Csat:
    case Kpi::OnTimeDelivery:
    case Kpi::FollowUpCompletion:
        return {KpiUnit::Share, true};
    case Kpi::ReopenRate:
    case Kpi::DamageRate:
    case Kpi::LossRate:
        return {KpiUnit::Share, false};
    case Kpi::FirstResponseMedian:
    case Kpi::FirstResponseP90:
    case Kpi::ResolutionMedian:
        return {KpiUnit::DurationMs, false};
    case Kpi::Nps:
        return {KpiUnit::Score, true};
    case Kpi::Backlog:
        return {KpiUnit::Count, false};
    case Kpi::ComplaintRate:
        return {KpiUnit::PerTenThousand, false};
    }
    return {};
}

QString KpiInfo::label(Kpi kpi)
{
    switch (kpi) {
    case Kpi::FirstResponseCompliance:
        return tr("First-response SLA");
    case Kpi::FirstResponseMedian:
        return tr("Median first response");
    case Kpi::FirstResponseP90:
        return tr("P90 first response");
    case Kpi::ResolutionMedian:
        return tr("Median resolution time");
    case Kpi::FirstContactResolution:
        return tr("First contact resolution");
    case Kpi::ReopenRate:
        return tr("Reopen rate");
    case Kpi::Csat:
        return tr("CSAT");
    case Kpi::Nps:
        return tr("NPS");
    case Kpi::Backlog:
        return tr("Backlog");
    case Kpi::ComplaintRate:
        return tr("Complaints per 10,000 parcels");
    case Kpi::OnTimeDelivery:
        return tr("On-time delivery");
    case Kpi::DamageRate:
        return tr("Damage rate");
    case Kpi::LossRate:
        return tr("Loss rate");
    case Kpi::FollowUpCompletion:
        return tr("Follow-up completion");
    }
    return {};
}

QString KpiInfo::format(Kpi kpi, std::optional<double> value)
{
    if (!value || std::isnan(*value))
        return tr("n/a", "no data for this KPI");
    const QLocale locale;
    const double v = *value;
    switch (of(kpi).unit) {
    case KpiUnit::Share: {
        const int decimals = (kpi == Kpi::DamageRate || kpi == Kpi::LossRate) ? 2 : 1;
        return tr("%1%").arg(locale.toString(v * 100.0, 'f', decimals));
    }
    case KpiUnit::DurationMs: {
        const double minutes = v / 60000.0;
        if (minutes < 1)
            return tr("%1 s").arg(locale.toString(v / 1000.0, 'f', 0));
        if (minutes < 120)
            return tr("%1 min").arg(locale.toString(minutes, 'f', minutes < 10 ? 1 : 0));
        if (minutes < 72 * 60)
            return tr("%1 h").arg(locale.toString(minutes / 60.0, 'f', 1));
        return tr("%1 d").arg(locale.toString(minutes / 1440.0, 'f', 1));
    }
    case KpiUnit::Count:
        return locale.toString(qint64(std::llround(v)));
    case KpiUnit::Score:
        return (v > 0 ? QStringLiteral("+") : QString()) + locale.toString(v, 'f', 0);
    case KpiUnit::PerTenThousand:
        return locale.toString(v, 'f', 1);
    }
    return {};
}

KpiTargets KpiTargets::defaults()
{
    KpiTargets t;
    t.setTarget(Kpi::FirstResponseCompliance, 0.95);
    t.setTarget(Kpi::FirstResponseMedian, 10.0 * 60 * 1000);
    t.setTarget(Kpi::FirstResponseP90, 30.0 * 60 * 1000);
    t.setTarget(Kpi::ResolutionMedian, 24.0 * 60 * 60 * 1000);
    t.setTarget(Kpi::FirstContactResolution, 0.70);
    t.setTarget(Kpi::ReopenRate, 0.05);
    t.setTarget(Kpi::Csat, 0.85);
    t.setTarget(Kpi::Nps, 30);
    t.setTarget(Kpi::ComplaintRate, 10);
    t.setTarget(Kpi::OnTimeDelivery, 0.90);
    t.setTarget(Kpi::DamageRate, 0.001);
    t.setTarget(Kpi::LossRate, 0.0005);
    t.setTarget(Kpi::FollowUpCompletion, 0.90);
    return t;
}

std::optional<bool> KpiTargets::meets(Kpi k, std::optional<double> value) const
{
    const auto t = target(k);
    if (!t || !value || std::isnan(*value))
        return std::nullopt;
    return KpiInfo::of(k).higherIsBetter ? *value >= *t : *value <= *t;
}

std::optional<double> KpiSnapshot::complaintRate() const
{
    if (parcelsDelivered <= 0)
        return std::nullopt;
    return double(created) * 10000.0 / double(parcelsDelivered);
}

std::optional<double> KpiSnapshot::damageRate() const
{
    return KpiRatio{damageComplaints, parcelsDelivered}.value();
}

std::optional<double> KpiSnapshot::lossRate() const
{
    return KpiRatio{lossComplaints, parcelsDelivered}.value();
}

std::optional<double> KpiSnapshot::value(Kpi kpi) const
{
    switch (kpi) {
    case Kpi::FirstResponseCompliance:
        return firstResponseCompliance.value();
    case Kpi::FirstResponseMedian:
        return firstResponse.medianMs;
    case Kpi::FirstResponseP90:
        return firstResponse.p90Ms;
    case Kpi::ResolutionMedian:
        return resolution.medianMs;
    case Kpi::FirstContactResolution:
        return firstContactResolution.value();
    case Kpi::ReopenRate:
        return reopenRate.value();
    case Kpi::Csat:
        return csat.value();
    case Kpi::Nps:
        return nps.score();
    case Kpi::Backlog:
        return double(backlog);
    case Kpi::ComplaintRate:
        return complaintRate();
    case Kpi::OnTimeDelivery:
        return onTimeDelivery.value();
    case Kpi::DamageRate:
        return damageRate();
    case Kpi::LossRate:
        return lossRate();
    case Kpi::FollowUpCompletion:
        return followUpCompletion.value();
    }
    return std::nullopt;
}

QString AgeBucket::label() const
{
    const auto text = [](qint64 ms) {
        if (ms % (24LL * 3600 * 1000) == 0)
            return QCoreApplication::translate("pd::AgeBucket", "%1 d").arg(ms / (24LL * 3600 * 1000));
        return QCoreApplication::translate("pd::AgeBucket", "%1 h").arg(ms / (3600LL * 1000));
    };
    if (minAgeMs == 0 && maxAgeMs)
        return QCoreApplication::translate("pd::AgeBucket", "< %1").arg(text(*maxAgeMs));
    if (!maxAgeMs)
        return QCoreApplication::translate("pd::AgeBucket", "> %1").arg(text(minAgeMs));
    return QCoreApplication::translate("pd::AgeBucket", "%1–%2").arg(text(minAgeMs), text(*maxAgeMs));
}

} // namespace pd
