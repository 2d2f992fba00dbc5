// The normal level of a series in an hour (docs/proactive.md, "The baseline"), in three layers: the series'
// hourly mean (leaning towards the typical series of its dimension), its mean at the hour of the day (leaning
// towards that level × the city's daily shape), and the same hour of the week in its own history (leaning
// towards the hour of the day × the city's weekday factor); never below a floor.
#include "trendalerts.h"

#include <algorithm>

namespace pd {

qint64 TrendDetector::sumOf(const HourRing &ring, qint64 from, qint64 to) const
{
    if (m_head == kNoHour)
        return 0;
    from = std::max(from, heldFrom());
    to = std::min(to, m_head + 1);
    return from < to ? ring.sum(from, to) : 0;
}

std::pair<qint64, double> TrendDetector::history(const Series &s, Context &c) const
{
    const qint64 from = std::max({c.baselineFrom, s.firstHour, heldFrom()});
    if (from >= c.windowFirst)
        return {0, 0.0};
    // Exposure: the hours observed, each weighted by how busy the city was then (the city's complaints over
    // its mean), so that a series seen only at night is not taken for a quiet one. Most series share the
    // baseline's start: one sum each.
    auto exposure = c.exposure.constFind(from);
    if (exposure == c.exposure.cend()) {
        const double e = c.cityMean > 0 ? double(sumOf(m_all, from, c.windowFirst)) / c.cityMean
                                        : double(c.windowFirst - from);
        exposure = c.exposure.insert(from, e);
    }
    return {sumOf(s.counts, from, c.windowFirst), *exposure};
}

TrendDetector::Context TrendDetector::context(Instant now) const
{
    Context c;
    c.now = now;
    c.currentHour = trendHourOf(now);
    c.fraction = double(now - c.currentHour * kTrendHourMs) / double(kTrendHourMs);
    c.windowFirst = c.currentHour - m_policy.trends().windowHours;
    c.baselineFrom = c.windowFirst - qint64(m_policy.trends().baselineWeeks) * kHoursPerWeek;
    if (m_head == kNoHour)
        return c;

    const qint64 from = std::max({c.baselineFrom, m_firstHour, heldFrom()});
    if (from < c.windowFirst)
        c.cityMean = double(sumOf(m_all, from, c.windowFirst)) / double(c.windowFirst - from);

    // The typical series of each dimension: complaints per series and hour, pooled over its series.
    std::array<qint64, kDimensions> complaints{};
    std::array<double, kDimensions> hours{};
    std::vector<std::pair<qint64, double>> own(m_series.size());
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        own[i] = history(m_series[i], c);
        complaints[std::size_t(m_series[i].dimension)] += own[i].first;
        hours[std::size_t(m_series[i].dimension)] += own[i].second;
    }
    // A series' own hourly mean, leaning towards the typical one as if that had given levelPriorComplaints.
    c.level.resize(m_series.size());
    const double m = m_params.levelPriorComplaints;
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const auto d = std::size_t(m_series[i].dimension);
        const double typical = hours[d] > 0 ? double(complaints[d]) / hours[d] : 0.0;
        const auto [count, exposure] = own[i];
        if (typical > 0)
            c.level[i] = (double(count) + m) / (exposure + m / typical);
        else
            c.level[i] = exposure > 0 ? double(count) / exposure : 0.0;
    }
    return c;
}

const TrendDetector::HourShape &TrendDetector::shapeOf(Context &c, qint64 hour) const
{
    const auto it = c.shapes.constFind(hour);
    if (it != c.shapes.cend())
        return *it;
    HourShape shape;
    const qint64 first = m_head == kNoHour ? c.windowFirst : std::max(m_firstHour, heldFrom());
    const auto keep = [&](std::optional<qint64> h, std::vector<qint64> *into) {
        if (h && *h >= first && *h < c.windowFirst)
            into->push_back(*h);
    };
    const int weeks = m_policy.trends().baselineWeeks;
    for (int k = 1; k <= weeks; ++k)
        keep(m_clock.sameHourWeeksBefore(hour, k), &shape.weeks);
    for (int k = 1; k <= weeks * 7; ++k)
        keep(m_clock.sameHourDaysBefore(hour, k), &shape.days);
    if (c.cityMean > 0) {
        // The city's means at this hour of the day and of the week, each leaning one sample towards the
        // coarser one, so that an hour without history is average.
        const auto mean = [&](const std::vector<qint64> &slots, double prior) {
            qint64 all = 0;
            for (qint64 h : slots)
                all += countOf(m_all, h);
            return (double(all) + prior) / (double(slots.size()) + 1.0);
        };
        const double ofDay = mean(shape.days, c.cityMean);
        const double ofWeek = mean(shape.weeks, ofDay);
        shape.dayShare = ofDay / c.cityMean;
        shape.weekFactor = ofDay > 0 ? ofWeek / ofDay : 1.0;
    }
    return *c.shapes.insert(hour, std::move(shape));
}

double TrendDetector::expectedAt(const Series &s, Context &c, qint64 hour) const
{
    const HourShape &shape = shapeOf(c, hour);
    const auto own = [&](const std::vector<qint64> &slots) {
        std::pair<qint64, int> sum{0, 0};
        for (qint64 h : slots) {
            if (h >= s.firstHour) {
                sum.first += countOf(s.counts, h);
                ++sum.second;
            }
        }
        return sum;
    };
    // The hour of the day: the series' own mean there, leaning towards its level × the city's daily shape
    // as if that had given shapePriorComplaints.
    const double level = c.level.empty() ? 0.0 : c.level[indexOf(s)];
    const double prior = level * shape.dayShare;
    const auto [dayCount, days] = own(shape.days);
    double ofDay = 0;
    if (prior > 0)
        ofDay = (double(dayCount) + m_params.shapePriorComplaints) /
                (double(days) + m_params.shapePriorComplaints / prior);
    else if (days > 0)
        ofDay = double(dayCount) / double(days);
    // The hour of the week: the series' own weeks, against the hour of the day × the city's weekday factor.
    const auto [weekCount, weeks] = own(shape.weeks);
    const double k = m_params.weekPriorWeeks;
    const double lambda = (double(weekCount) + k * ofDay * shape.weekFactor) / (double(weeks) + k);
    return std::max(m_params.floorPerHour, lambda);
}

TrendWindow TrendDetector::measure(const Series &s, Context &c, qint64 fromHour) const
{
    TrendWindow w;
    w.windowStart = fromHour * kTrendHourMs;
    w.windowEnd = c.now;
    for (qint64 h = fromHour; h <= c.currentHour; ++h) {
        w.observed += countOf(s.counts, h);
        w.expected += expectedAt(s, c, h) * (h == c.currentHour ? c.fraction : 1.0);
    }
    w.pValue = poissonUpperTail(w.observed, w.expected);
    w.ratio = w.expected > 0 ? double(w.observed) / w.expected : 0.0;
    return w;
}

std::optional<TrendWindow> TrendDetector::window(const QString &dimension, const QString &key,
                                                 Instant now) const
{
    const Series *s = find(dimension, key);
    if (!s)
        return std::nullopt;
    Context c = context(now);
    return measure(*s, c, c.windowFirst);
}

QList<TrendSeriesWindow> TrendDetector::windows(Instant now) const
{
    QList<TrendSeriesWindow> out;
    Context c = context(now);
    for (const Series &s : m_series)
        out.append({dimensions().at(s.dimension), s.key, measure(s, c, c.windowFirst)});
    std::sort(out.begin(), out.end(), [](const TrendSeriesWindow &a, const TrendSeriesWindow &b) {
        return std::make_pair(dimensions().indexOf(a.dimension), a.key) <
               std::make_pair(dimensions().indexOf(b.dimension), b.key);
    });
    return out;
}

std::optional<double> TrendDetector::expectedPerHour(const QString &dimension, const QString &key,
                                                     Instant at) const
{
    const Series *s = find(dimension, key);
    if (!s)
        return std::nullopt;
    Context c = context(at);
    return expectedAt(*s, c, c.currentHour);
}

} // namespace pd
