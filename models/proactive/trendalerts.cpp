#include "trendalerts.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

/// A complaint dated further than this after the last evaluation is taken as a wrong clock and ignored: it
/// would move every ring forward and drop the history.
constexpr qint64 kMaxAheadMs = 24 * kTrendHourMs;

QString seriesKey(int dimension, const QString &key)
{
    return QString::number(dimension) + u'\n' + key;
}

} // namespace

const QStringList &TrendDetector::dimensions()
{
    static const QStringList list{u"station"_s, u"courier"_s, u"route"_s, u"category"_s};
    return list;
}

QString TrendDetector::alertId(const QString &dimension, const QString &key, Instant windowStart)
{
    const QByteArray cause = (dimension + u'\n' + key + u'\n' + QString::number(windowStart)).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(cause, QCryptographicHash::Sha256);
    return u"trend-"_s + QString::fromLatin1(hash.left(8).toHex());
}

TrendDetector::TrendDetector(const ProactivePolicy &policy, const TrendParameters &parameters)
    : m_policy(policy)
    , m_params(parameters)
    , m_clock(policy.timeZone())
    , m_all(capacity())
{}

int TrendDetector::capacity() const
{
    // The baseline weeks, and one more for the window, clock changes and complaints entered late.
    return (m_policy.trends().baselineWeeks + 1) * kHoursPerWeek;
}

void TrendDetector::setPolicy(const ProactivePolicy &policy)
{
    const int before = capacity();
    const QTimeZone zone = m_policy.timeZone();
    m_policy = policy;
    if (zone != policy.timeZone())
        m_clock = WeekClock(policy.timeZone());
    const int after = capacity();
    if (after == before)
        return;
    // Keep what both rings can hold.
    const auto copy = [&](const HourRing &old) {
        HourRing ring(after);
        if (m_head != kNoHour) {
            for (qint64 h = m_head - std::min(before, after) + 1; h <= m_head; ++h)
                ring.add(h, old.at(h));
        }
        return ring;
    };
    m_all = copy(m_all);
    for (Series &s : m_series)
        s.counts = copy(s.counts);
}

bool TrendDetector::held(qint64 hour) const
{
    return m_head != kNoHour && hour > m_head - capacity() && hour <= m_head;
}

void TrendDetector::advanceTo(qint64 hour)
{
    if (m_head == kNoHour) {
        m_head = hour;
        return;
    }
    if (hour <= m_head)
        return;
    if (hour - m_head >= capacity()) {
        m_all.clearAll();
        for (Series &s : m_series)
            s.counts.clearAll();
    } else {
        for (qint64 h = m_head + 1; h <= hour; ++h) {
            m_all.clear(h);
            for (Series &s : m_series)
                s.counts.clear(h);
        }
    }
    m_head = hour;
}

const TrendDetector::Series *TrendDetector::find(const QString &dimension, const QString &key) const
{
    const auto it = m_index.constFind(seriesKey(int(dimensions().indexOf(dimension)), key));
    return it == m_index.cend() ? nullptr : &m_series[std::size_t(*it)];
}

void TrendDetector::count(int dimension, const QString &key, qint64 hour)
{
    if (key.isEmpty())
        return;
    const QString id = seriesKey(dimension, key);
    auto it = m_index.constFind(id);
    if (it == m_index.cend()) {
        Series s;
        s.dimension = dimension;
        s.key = key;
        s.firstHour = hour;
        s.counts = HourRing(capacity());
        m_series.push_back(std::move(s));
        it = m_index.insert(id, int(m_series.size()) - 1);
    }
    Series &s = m_series[std::size_t(*it)];
    s.firstHour = std::min(s.firstHour, hour);
    s.counts.add(hour);
}

void TrendDetector::add(const TrendComplaint &complaint)
{
    const qint64 hour = trendHourOf(complaint.createdAt);
    if ((m_lastNow && complaint.createdAt > *m_lastNow + kMaxAheadMs) ||
        (m_head != kNoHour && hour <= m_head - capacity())) {
        ++m_ignored;
        return;
    }
    advanceTo(hour);
    m_firstHour = m_firstHour == kNoHour ? hour : std::min(m_firstHour, hour);
    m_all.add(hour);
    count(0, complaint.stationId, hour);
    count(1, complaint.courierId, hour);
    count(2, complaint.route, hour);
    count(3, complaint.category, hour);
}

void TrendDetector::add(const QList<TrendComplaint> &complaints)
{
    QList<TrendComplaint> sorted = complaints;
    std::stable_sort(sorted.begin(), sorted.end(), [](const TrendComplaint &a, const TrendComplaint &b) {
        return a.createdAt < b.createdAt;
    });
    for (const TrendComplaint &c : std::as_const(sorted))
        add(c);
}

bool TrendDetector::fires(const TrendWindow &w) const
{
    return w.observed >= m_policy.trends().minComplaints && w.pValue < m_policy.trends().pValue;
}

bool TrendDetector::holds(const TrendWindow &w) const
{
    return w.observed >= m_policy.trends().minComplaints &&
           w.pValue < m_policy.trends().pValue * m_params.closeFactor;
}

void TrendDetector::close(Series &s, Instant now, QList<TrendAlert> *changes)
{
    s.open->closedAt = now;
    changes->append(*s.open);
    s.open.reset();
}

void TrendDetector::step(Series &s, Context &c, QList<TrendAlert> *changes)
{
    const TrendWindow w = measure(s, c, c.windowFirst);
    const double alertRatio = m_policy.trends().alertRatio;
    if (s.open) {
        const qint64 openedHour = trendHourOf(s.open->windowStart);
        const bool tooLong = c.currentHour - openedHour >= m_params.maxAlertHours;
        if (holds(w) && !tooLong) {
            // Still high: the alert's figures now cover its whole rise so far.
            const TrendWindow rise = measure(s, c, openedHour);
            TrendAlert &a = *s.open;
            a.windowEnd = rise.windowEnd;
            a.observed = rise.observed;
            a.expected = rise.expected;
            a.pValue = rise.pValue;
            a.ratio = rise.ratio;
            if (a.level != u"alert" && w.ratio >= alertRatio) {
                a.level = u"alert"_s;
                changes->append(a);
            }
            return;
        }
        s.lastClosedWindow = tooLong ? s.open->windowStart : w.windowStart;
        close(s, c.now, changes);
    }
    if (!fires(w) || w.windowStart <= s.lastClosedWindow)
        return;
    TrendAlert a;
    a.dimension = dimensions().at(s.dimension);
    a.key = s.key;
    a.id = alertId(a.dimension, a.key, w.windowStart);
    a.windowStart = w.windowStart;
    a.windowEnd = w.windowEnd;
    a.observed = w.observed;
    a.expected = w.expected;
    a.pValue = w.pValue;
    a.ratio = w.ratio;
    a.level = w.ratio >= alertRatio ? u"alert"_s : u"warning"_s;
    a.openedAt = c.now;
    s.open = a;
    changes->append(a);
}

QList<TrendAlert> TrendDetector::evaluate(Instant now)
{
    QList<TrendAlert> changes;
    m_lastNow = m_lastNow ? std::max(*m_lastNow, now) : now;
    if (m_head == kNoHour)
        return changes;
    advanceTo(trendHourOf(now));
    Context c = context(now);
    const QStringList &watched = m_policy.trends().dimensions;
    for (Series &s : m_series) {
        if (watched.contains(dimensions().at(s.dimension)))
            step(s, c, &changes);
        else if (s.open)
            close(s, now, &changes);
    }
    const auto order = [](const TrendAlert &a, const TrendAlert &b) {
        const auto da = dimensions().indexOf(a.dimension);
        const auto db = dimensions().indexOf(b.dimension);
        return std::tie(da, a.key, a.windowStart) < std::tie(db, b.key, b.windowStart);
    };
    std::sort(changes.begin(), changes.end(), order);
    return changes;
}

QList<TrendAlert> TrendDetector::openAlerts() const
{
    QList<TrendAlert> out;
    for (const Series &s : m_series) {
        if (s.open)
            out.append(*s.open);
    }
    std::sort(out.begin(), out.end(), [](const TrendAlert &a, const TrendAlert &b) {
        return std::make_pair(dimensions().indexOf(a.dimension), a.key) <
               std::make_pair(dimensions().indexOf(b.dimension), b.key);
    });
    return out;
}

} // namespace pd
