#include "trendstats.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pd {

namespace {

constexpr int kMaxCachedHours = 20000;

/// ln P(X = k) for X Poisson with mean lambda > 0.
double logPmf(int k, double lambda)
{
    return double(k) * std::log(lambda) - lambda - std::lgamma(double(k) + 1.0);
}

} // namespace

double poissonUpperTail(int observed, double expected)
{
    if (observed <= 0)
        return 1.0;
    if (!(expected > 0))
        return 0.0;
    if (double(observed) > expected) {
        // Sum the tail upwards: each term is the previous × expected / (i + 1) < 1, so it converges quickly.
        double term = std::exp(logPmf(observed, expected));
        double sum = 0;
        for (int i = observed; term > sum * 1e-16 && i < observed + 100000; ++i) {
            sum += term;
            term *= expected / double(i + 1);
        }
        return std::min(1.0, sum);
    }
    // Below the mean the tail is large: 1 − P(X < observed), summed in log space (exp(−λ) may underflow).
    double below = 0;
    for (int i = 0; i < observed; ++i)
        below += std::exp(logPmf(i, expected));
    return std::clamp(1.0 - below, 0.0, 1.0);
}

WeekClock::WeekClock(const QTimeZone &zone)
    : m_zone(zone)
{}

int WeekClock::hourOfWeek(qint64 hour) const
{
    const auto it = m_cache.constFind(hour);
    if (it != m_cache.cend())
        return *it;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(hour * kTrendHourMs, m_zone);
    const int h = (local.date().dayOfWeek() - 1) * 24 + local.time().hour();
    if (m_cache.size() >= kMaxCachedHours)
        m_cache.clear();
    m_cache.insert(hour, quint8(h));
    return h;
}

std::optional<qint64> WeekClock::sameHourBefore(qint64 hour, int periods, int periodHours) const
{
    const int want = hourOfWeek(hour) % periodHours;
    const qint64 guess = hour - qint64(periods) * periodHours;
    // The clocks may have changed in between (by an hour, rarely more): move to the hour that had the same
    // local hour. The difference is taken the short way round the period.
    int diff = hourOfWeek(guess) % periodHours - want;
    diff = ((diff % periodHours) + periodHours + periodHours / 2) % periodHours - periodHours / 2;
    const qint64 candidate = guess - diff;
    if (hourOfWeek(candidate) % periodHours != want)
        return std::nullopt; // skipped when clocks went forward
    return candidate;
}

std::optional<qint64> WeekClock::sameHourWeeksBefore(qint64 hour, int weeks) const
{
    return sameHourBefore(hour, weeks, kHoursPerWeek);
}

std::optional<qint64> WeekClock::sameHourDaysBefore(qint64 hour, int days) const
{
    return sameHourBefore(hour, days, 24);
}

void HourRing::add(qint64 hour, int n)
{
    quint16 &c = m_counts[slot(hour)];
    c = quint16(std::clamp(int(c) + n, 0, int(std::numeric_limits<quint16>::max())));
}

qint64 HourRing::sum(qint64 from, qint64 to) const
{
    qint64 total = 0;
    for (qint64 h = from; h < to; ++h)
        total += m_counts[slot(h)];
    return total;
}

} // namespace pd
