#include "noticeplanner.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

qint64 minuteOf(Instant at)
{
    return at / kMinuteMs - (at % kMinuteMs < 0 ? 1 : 0);
}

QString causeKey(const PlannedNotice &n)
{
    return n.waybillNo + u'\n' + n.cause;
}

} // namespace

NoticePlanner::NoticePlanner(const ProactivePolicy &policy)
    : m_policy(policy)
{}

bool NoticePlanner::inQuietHours(Instant at) const
{
    const ProactivePolicy::QuietHours &q = m_policy.quietHours();
    if (!q.enabled || q.start == q.end)
        return false;
    const QTime t = QDateTime::fromMSecsSinceEpoch(at, m_policy.timeZone()).time();
    if (q.start < q.end)
        return t >= q.start && t < q.end;
    return t >= q.start || t < q.end; // across midnight
}

Instant NoticePlanner::nextAllowed(Instant at) const
{
    if (!inQuietHours(at))
        return at;
    const ProactivePolicy::QuietHours &q = m_policy.quietHours();
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, m_policy.timeZone());
    // In the evening part of hours that span midnight the end is tomorrow; otherwise today.
    const QDate day = q.start > q.end && local.time() >= q.start ? local.date().addDays(1) : local.date();
    const Instant end = QDateTime(day, q.end, m_policy.timeZone()).toMSecsSinceEpoch();
    // A daylight-saving gap can put the end's wall time before @p at: never answer earlier than asked.
    return std::max(end, at);
}

Instant NoticePlanner::nextFreeSlot(Instant at) const
{
    const int limit = m_policy.noticesPerMinute();
    if (limit <= 0)
        return at;
    qint64 minute = minuteOf(at);
    for (auto it = m_perMinute.lower_bound(minute); it != m_perMinute.end() && it->first == minute; ++it) {
        if (it->second < limit)
            break;
        ++minute;
    }
    return minute == minuteOf(at) ? at : minute * kMinuteMs;
}

NoticeDecision NoticePlanner::decide(const PlannedNotice &notice) const
{
    NoticeDecision d;
    if (notice.recipientToken.isEmpty()) {
        d.reason = u"no_recipient"_s;
        return d;
    }
    if (m_perCause.value(causeKey(notice)) >= m_policy.maxNoticesPerParcelAndCause()) {
        d.reason = u"already_notified"_s;
        return d;
    }
    const bool mayBreak = notice.urgent && m_policy.quietHours().urgentMayBreak;
    Instant t = notice.at;
    // Quiet hours and full minutes push each other: a free minute may be quiet, the end of quiet hours full.
    for (;;) {
        const Instant allowed = mayBreak ? t : nextAllowed(t);
        if (allowed != t)
            d.reason = u"quiet_hours"_s;
        const Instant free = nextFreeSlot(allowed);
        if (free != allowed)
            d.reason = u"rate_limit"_s;
        if (free == t)
            break;
        t = free;
    }
    d.sendAt = t;
    d.verdict = t == notice.at ? NoticeVerdict::SendNow : NoticeVerdict::Later;
    if (d.verdict == NoticeVerdict::SendNow)
        d.reason.clear();
    return d;
}

NoticeDecision NoticePlanner::book(const PlannedNotice &notice)
{
    const NoticeDecision d = decide(notice);
    if (d.verdict == NoticeVerdict::Never)
        return d;
    m_perCause[causeKey(notice)] += 1;
    m_perMinute[minuteOf(d.sendAt)] += 1;
    return d;
}

void NoticePlanner::cancel(const PlannedNotice &notice, Instant sendAt)
{
    const auto c = m_perCause.find(causeKey(notice));
    if (c != m_perCause.end() && --c.value() <= 0)
        m_perCause.erase(c);
    const auto m = m_perMinute.find(minuteOf(sendAt));
    if (m != m_perMinute.end() && --m->second <= 0)
        m_perMinute.erase(m);
}

int NoticePlanner::booked(const QString &waybillNo, const QString &cause) const
{
    return m_perCause.value(waybillNo + u'\n' + cause);
}

int NoticePlanner::bookedInMinute(Instant at) const
{
    const auto it = m_perMinute.find(minuteOf(at));
    return it == m_perMinute.end() ? 0 : it->second;
}

void NoticePlanner::forgetMinutesBefore(Instant at)
{
    m_perMinute.erase(m_perMinute.begin(), m_perMinute.lower_bound(minuteOf(at)));
}

} // namespace pd
