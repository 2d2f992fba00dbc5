#include "demovolume.h"

#include <algorithm>
#include <cmath>

namespace pd::server {

namespace {

// Share of a day's deliveries by weekday (Monday first): parcels ordered over the weekend arrive early in the
// week.
constexpr double kWeekday[7] = {1.08, 1.04, 1.0, 1.0, 0.98, 0.93, 0.90};
constexpr double kExceptionRate = 0.004;   // exception scans (address, refusal, damage, loss) per parcel
constexpr double kDamagedPer10k = 3.0;     // damage recorded by operations
constexpr double kLostPer10k = 0.5;        // declared lost
constexpr double kPickedToDelivered = 1.0; // inbound parcels picked up ≈ delivered, a day or two earlier

} // namespace

DemoVolume::DemoVolume(DemoCity &city, int stations)
    : m_city(city)
{
    for (int s = 0; s < stations; ++s) {
        for (int c = 0; c <= kCouriersPerStation; ++c) {
            Source src;
            src.station = s;
            src.courier = c;
            src.daily = c == 0 ? m_city.uniform(kStationOtherMin, kStationOtherMax)
                               : m_city.uniform(kCourierMin, kCourierMax);
            src.onTime = m_city.uniform(0.95, 0.98);
            m_total += src.daily;
            m_sources.append(src);
        }
    }
}

int DemoVolume::pick()
{
    double r = m_city.uniform(0, m_total);
    for (int i = 0; i < m_sources.size(); ++i) {
        r -= m_sources.at(i).daily;
        if (r <= 0)
            return i;
    }
    return int(m_sources.size()) - 1;
}

QString DemoVolume::stationId(const Source &s)
{
    return QStringLiteral("st-%1").arg(s.station + 1, 2, 10, QLatin1Char('0'));
}

QString DemoVolume::courierId(const Source &s)
{
    if (s.courier == 0)
        return {};
    return QStringLiteral("cr-%1-%2").arg(s.station + 1, 2, 10, QLatin1Char('0')).arg(s.courier);
}

qint64 DemoVolume::poisson(double mean)
{
    if (mean <= 0)
        return 0;
    return qint64(std::poisson_distribution<qint64>(mean)(m_city.rng()));
}

VolumeCounts DemoVolume::target(const Source &s, const QDate &day, double fraction)
{
    VolumeCounts c;
    const double expected = s.daily * kWeekday[day.dayOfWeek() - 1] * m_city.uniform(0.93, 1.07) * fraction;
    c.delivered = std::llround(expected);
    c.deliveredOnTime =
        std::llround(double(c.delivered) * std::clamp(s.onTime + m_city.uniform(-0.01, 0.01), 0.0, 1.0));
    c.pickedUp = std::llround(expected * kPickedToDelivered * m_city.uniform(0.97, 1.03));
    c.exceptions = poisson(expected * kExceptionRate);
    c.damaged = std::min(c.exceptions, poisson(expected * kDamagedPer10k / 10000.0));
    c.lost = std::min(c.exceptions - c.damaged, poisson(expected * kLostPer10k / 10000.0));
    return c;
}

qint64 DemoVolume::writeBulk(WriteTx &tx, VolumeStore &store, const QDate &first, const QDate &last,
                             double lastFraction, qint64 nowMs)
{
    qint64 delivered = 0;
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const double fraction = day == last ? std::clamp(lastFraction, 0.0, 1.0) : 1.0;
        for (const Source &s : std::as_const(m_sources)) {
            const VolumeKey key{day, stationId(s), courierId(s)};
            const VolumeCounts want = target(s, day, fraction);
            const VolumeCounts have = store.totals(key);
            const auto more = [](qint64 w, qint64 h) { return std::max<qint64>(0, w - h); };
            const VolumeCounts bulk{more(want.pickedUp, have.pickedUp),
                                    more(want.delivered, have.delivered),
                                    more(want.deliveredOnTime, have.deliveredOnTime),
                                    more(want.damaged, have.damaged),
                                    more(want.lost, have.lost),
                                    more(want.exceptions, have.exceptions)};
            if (!bulk.isZero())
                store.add(tx, key, bulk, nowMs);
            delivered += have.delivered + bulk.delivered;
        }
    }
    return delivered;
}

} // namespace pd::server
