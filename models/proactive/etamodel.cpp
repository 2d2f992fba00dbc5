#include "etamodel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pd {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

/// The median of @p v (mean of the two middle values for an even size); @p v is reordered.
template<typename T>
double medianOf(std::vector<T> &v)
{
    if (v.empty())
        return 0;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double upper = double(v[mid]);
    if (v.size() % 2 == 1)
        return upper;
    const double lower = double(*std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid)));
    return (lower + upper) / 2.0;
}

} // namespace

EtaModel::EtaModel(EtaParameters parameters)
    : m_parameters(parameters)
{}

void EtaModel::observeDwell(const QString &stationId, qint64 durationMs, Instant atMs)
{
    if (durationMs < 0 || stationId.isEmpty())
        return;
    std::deque<Dwell> &d = m_dwells[stationId];
    // Observations arrive nearly in order: search from the back.
    auto pos = d.end();
    while (pos != d.begin() && std::prev(pos)->at > atMs)
        --pos;
    d.insert(pos, Dwell{atMs, durationMs});
    // Drop what can never again fall in a window that ends at or after the newest observation.
    const Instant oldest = d.back().at - m_parameters.dwellWindowMs;
    while (!d.empty() && d.front().at <= oldest)
        d.pop_front();
    while (d.size() > std::size_t(std::max(1, m_parameters.maxDwellSamples)))
        d.pop_front();
}

qint64 EtaModel::stationDwellMs(const QString &stationId, Instant now) const
{
    const auto it = m_dwells.constFind(stationId);
    if (it == m_dwells.cend())
        return 0;
    std::vector<qint64> values;
    for (const Dwell &d : *it) {
        if (d.at > now - m_parameters.dwellWindowMs && d.at <= now)
            values.push_back(d.ms);
    }
    if (values.empty() || int(values.size()) < m_parameters.minDwellSamples)
        return 0;
    return std::llround(medianOf(values));
}

qint64 EtaModel::legMs(EtaLeg leg) const
{
    return qint64(m_parameters.legMinutes.at(std::size_t(leg))) * kMinuteMs;
}

QList<EtaLeg> EtaModel::legsAhead(ParcelStatus status, int transitScans)
{
    const QList<EtaLeg> all{EtaLeg::Pickup,       EtaLeg::FirstMile,    EtaLeg::LineHaul,
                            EtaLeg::LastTransfer, EtaLeg::StationDwell, EtaLeg::LastMile};
    switch (status) {
    case ParcelStatus::Created:
        return all;
    case ParcelStatus::PickedUp:
        return all.mid(1);
    case ParcelStatus::InTransit:
        return all.mid(transitScans >= 2 ? 3 : 2);
    case ParcelStatus::AtStation:
        return all.mid(4);
    case ParcelStatus::OutForDelivery:
        return all.mid(5);
    case ParcelStatus::Exception:
        return {EtaLeg::Reattempt, EtaLeg::LastMile};
    case ParcelStatus::Delivered:
    case ParcelStatus::Returned:
        break;
    }
    return {};
}

EtaEstimate EtaModel::estimate(const EtaInput &in, Instant now) const
{
    EtaEstimate e;
    const QList<EtaLeg> legs = legsAhead(in.status, in.transitScans);
    if (legs.isEmpty())
        return e;
    e.known = true;
    for (EtaLeg leg : legs) {
        qint64 ms = legMs(leg);
        if (leg == EtaLeg::StationDwell) {
            if (const qint64 observed = stationDwellMs(in.stationId, now); observed > 0) {
                ms = observed;
                e.stationAdjusted = true;
            }
            e.stationDwellMs = ms;
        }
        e.remainingMs += ms;
    }
    e.at = in.lastScanAt + e.remainingMs;
    const qint64 overdueMs = std::llround(double(e.remainingMs) * m_parameters.overdueShare);
    if (now + overdueMs > e.at) {
        e.stretched = true;
        e.at = now + overdueMs;
    }
    if (in.promisedAt) {
        e.lateByMs = e.at - *in.promisedAt;
        e.missesPromise = e.lateByMs > qint64(m_parameters.promiseMarginMinutes) * kMinuteMs;
    }
    return e;
}

OptInstant EtaModel::missesPromiseFrom(const EtaInput &in, Instant now) const
{
    if (!in.promisedAt)
        return std::nullopt;
    const EtaEstimate e = estimate(in, now);
    if (!e.known)
        return std::nullopt;
    if (e.missesPromise)
        return now;
    // Without a scan the estimate is max(lastScanAt + remaining, t + share × remaining): it passes the
    // promise plus margin one millisecond after t = promise + margin − share × remaining.
    const qint64 limit = *in.promisedAt + qint64(m_parameters.promiseMarginMinutes) * kMinuteMs;
    const qint64 overdueMs = std::llround(double(e.remainingMs) * m_parameters.overdueShare);
    return std::max(now, limit - overdueMs + 1);
}

EtaError EtaModel::measure(const QList<EtaSample> &samples) const
{
    QList<double> errors;
    errors.reserve(samples.size());
    for (const EtaSample &s : samples) {
        const EtaEstimate e = estimate(s.input, s.predictedAt);
        if (e.known)
            errors.append(double(e.at - s.deliveredAt) / double(kMinuteMs));
    }
    return summarize(std::move(errors));
}

EtaError EtaModel::summarize(QList<double> signedErrorsMinutes)
{
    EtaError out;
    out.count = int(signedErrorsMinutes.size());
    if (signedErrorsMinutes.isEmpty())
        return out;
    std::vector<double> abs;
    abs.reserve(std::size_t(signedErrorsMinutes.size()));
    double sum = 0;
    for (double e : signedErrorsMinutes) {
        abs.push_back(std::fabs(e));
        sum += e;
    }
    out.biasMinutes = sum / double(out.count);
    std::sort(abs.begin(), abs.end());
    const auto rank = std::size_t(std::ceil(0.9 * double(abs.size())));
    out.p90Minutes = abs.at(std::max<std::size_t>(rank, 1) - 1);
    out.medianMinutes = medianOf(abs);
    return out;
}

} // namespace pd
