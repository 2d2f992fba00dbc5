#pragma once

#include "models/proactive/trendalerts.h"
#include "proactivetestutil.h"

#include <QDateTime>
#include <QTimeZone>

#include <functional>
#include <random>

// Complaint histories for the trend-alert tests: a daily pattern in a given zone, exact or Poisson.

namespace pd::test {

/// Complaints per local hour of the day, every day: quiet nights, busy 09:00–12:00, 2 an hour in the
/// afternoon and evening.
inline constexpr int kPattern[24] = {1, 0, 0, 0, 0, 0, 1, 2, 4, 8, 8, 8, 6, 4, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1};

inline int patternAt(const QDateTime &local)
{
    return kPattern[local.time().hour()];
}

inline TrendComplaint complaint(Instant when, const QString &station, const QString &courier = {},
                                const QString &route = {}, const QString &category = {})
{
    return {when, station, courier, route, category};
}

/// For each UTC hour in [from, to): perHour(local start of the hour) complaints like @p proto, spread evenly
/// inside the hour.
inline QList<TrendComplaint> exactHistory(Instant from, Instant to, const QTimeZone &zone,
                                          const std::function<int(const QDateTime &)> &perHour,
                                          const TrendComplaint &proto)
{
    QList<TrendComplaint> out;
    for (Instant h = from; h < to; h += kHour) {
        const int n = perHour(QDateTime::fromMSecsSinceEpoch(h, zone));
        for (int i = 0; i < n; ++i) {
            TrendComplaint c = proto;
            c.createdAt = h + (2 * i + 1) * kHour / (2 * n);
            out.append(c);
        }
    }
    return out;
}

inline void addExact(TrendDetector &d, Instant from, Instant to, const QTimeZone &zone,
                     const std::function<int(const QDateTime &)> &perHour, const TrendComplaint &proto)
{
    d.add(exactHistory(from, to, zone, perHour, proto));
}

/// Complaints handed to a detector as time passes: feed(now) adds those created before now, as a server
/// adds them when they are made.
class Feed
{
public:
    explicit Feed(QList<TrendComplaint> all)
        : m_all(std::move(all))
    {
        std::stable_sort(m_all.begin(), m_all.end(), [](const TrendComplaint &a, const TrendComplaint &b) {
            return a.createdAt < b.createdAt;
        });
    }

    void feed(TrendDetector &d, Instant now)
    {
        for (; m_next < m_all.size() && m_all.at(m_next).createdAt < now; ++m_next)
            d.add(m_all.at(m_next));
    }

private:
    QList<TrendComplaint> m_all;
    qsizetype m_next = 0;
};

/// The same with a Poisson number of complaints of mean perHour(local) in each hour, at uniform instants.
inline QList<TrendComplaint> poissonHistory(std::mt19937 &rng, Instant from, Instant to,
                                            const QTimeZone &zone,
                                            const std::function<double(const QDateTime &)> &perHour,
                                            const TrendComplaint &proto)
{
    QList<TrendComplaint> out;
    std::uniform_int_distribution<qint64> within(0, kHour - 1);
    for (Instant h = from; h < to; h += kHour) {
        const double mean = perHour(QDateTime::fromMSecsSinceEpoch(h, zone));
        const int n = mean > 0 ? std::poisson_distribution<int>(mean)(rng) : 0;
        for (int i = 0; i < n; ++i) {
            TrendComplaint c = proto;
            c.createdAt = h + within(rng);
            out.append(c);
        }
    }
    return out;
}

inline QTimeZone shanghai()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

} // namespace pd::test
