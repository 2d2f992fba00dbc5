#include "deadlines.h"

#include "legalclocks.h"

#include <algorithm>

namespace pd {

namespace {

qint64 runTime(const BusinessCalendar *calendar, Instant a, Instant b)
{
    if (b <= a)
        return 0;
    return calendar ? calendar->businessTimeBetween(a, b) : b - a;
}

Instant addRunTime(const BusinessCalendar *calendar, Instant from, qint64 ms)
{
    if (!calendar)
        return from + ms;
    return calendar->addBusinessTime(from, ms);
}

} // namespace

SlaClockTimeline::SlaClockTimeline(const SlaHistory &history, SlaClock clock)
    : m_clock(clock)
{
    enum class State
    {
        Running,
        Paused,
        Stopped
    } state = State::Running;
    Instant since = history.createdAt;
    auto close = [&](Instant at, State next) {
        if (at > since)
            m_phases.append({since, at, state == State::Running});
        state = next;
        since = at;
    };

    for (const auto &e : history.entries) {
        const Instant at = std::max(e.at, history.createdAt);
        if (clock == SlaClock::FirstResponse) {
            if (e.transition == SlaTransition::FirstResponse) {
                close(at, State::Stopped);
                break;
            }
            continue;
        }
        switch (e.transition) {
        case SlaTransition::PendingEnter:
            if (state == State::Running)
                close(at, State::Paused);
            break;
        case SlaTransition::PendingLeave:
            if (state == State::Paused)
                close(at, State::Running);
            break;
        case SlaTransition::Resolve:
            if (state != State::Stopped)
                close(at, State::Stopped);
            break;
        case SlaTransition::Reopen:
            if (state == State::Stopped) {
                // Resolved time does not count: show it as a pause of the clock.
                if (at > since)
                    m_phases.append({since, at, false});
                state = State::Running;
                since = at;
            }
            break;
        case SlaTransition::FirstResponse:
            break;
        }
    }
    if (state == State::Stopped)
        m_stoppedAt = since;
    else
        m_phases.append({since, kOpenEnd, state == State::Running});
}

qint64 SlaClockTimeline::elapsedMs(const BusinessCalendar *calendar, Instant now) const
{
    qint64 total = 0;
    for (const auto &p : m_phases) {
        if (p.start >= now)
            break;
        if (p.running)
            total += runTime(calendar, p.start, std::min(p.end, now));
    }
    return total;
}

OptInstant SlaClockTimeline::instantAtElapsed(qint64 elapsed, const BusinessCalendar *calendar) const
{
    qint64 left = std::max<qint64>(elapsed, 0);
    for (const auto &p : m_phases) {
        if (!p.running)
            continue;
        if (p.end == kOpenEnd) {
            const Instant at = addRunTime(calendar, p.start, left);
            return at == BusinessCalendar::kNever ? std::nullopt : OptInstant(at);
        }
        const qint64 available = runTime(calendar, p.start, p.end);
        if (available >= left)
            return addRunTime(calendar, p.start, left);
        left -= available;
    }
    // A stopped clock that did not get there: where it would have, had it gone on (the deadline a met
    // ticket had, which the KPIs count by). A paused clock has no deadline until it runs again.
    if (m_stoppedAt) {
        const Instant at = addRunTime(calendar, *m_stoppedAt, left);
        return at == BusinessCalendar::kNever ? std::nullopt : OptInstant(at);
    }
    return std::nullopt;
}

SlaClockPlan SlaClockTimeline::plan(const SlaTarget &target, const BusinessCalendar *calendar) const
{
    SlaClockPlan plan;
    if (m_stoppedAt)
        plan.phase = SlaClockPlan::Phase::Stopped;
    else if (!m_phases.isEmpty() && !m_phases.last().running)
        plan.phase = SlaClockPlan::Phase::Paused;
    plan.deadline = instantAtElapsed(target.targetMs, calendar);
    plan.warningAt = instantAtElapsed(target.targetMs - target.warningMs, calendar);
    return plan;
}

SlaClockStatus SlaClockTimeline::status(const SlaTarget &target, const BusinessCalendar *calendar,
                                        Instant now) const
{
    SlaClockStatus s;
    s.clock = m_clock;
    s.targetMs = target.targetMs;
    s.elapsedMs = elapsedMs(calendar, now);
    s.remainingMs = std::max<qint64>(target.targetMs - s.elapsedMs, 0);
    s.deadline = instantAtElapsed(target.targetMs, calendar);
    s.warningAt = instantAtElapsed(target.targetMs - target.warningMs, calendar);

    const bool stopped = m_stoppedAt && *m_stoppedAt <= now;
    if (stopped) {
        s.stoppedAt = m_stoppedAt;
        const bool late = s.deadline && *s.deadline < *m_stoppedAt;
        s.state = late ? SlaState::Breached : SlaState::Met;
        if (late)
            s.overdueMs = *m_stoppedAt - *s.deadline;
        return s;
    }
    if (s.elapsedMs >= target.targetMs) {
        s.state = SlaState::Breached;
        s.overdueMs = s.deadline ? std::max<qint64>(now - *s.deadline, 0) : 0;
        return s;
    }
    const auto current = std::find_if(m_phases.cbegin(), m_phases.cend(),
                                      [now](const Phase &p) { return p.start <= now && now < p.end; });
    if (current != m_phases.cend() && !current->running)
        s.state = SlaState::Paused;
    else if (s.remainingMs <= target.warningMs)
        s.state = SlaState::AtRisk;
    else
        s.state = SlaState::OnTrack;
    return s;
}

QList<SlaSegment> SlaClockTimeline::explain(const BusinessCalendar *calendar, Instant now) const
{
    QList<SlaSegment> out;
    qint64 elapsed = 0;
    auto add = [&out, &elapsed](Instant a, Instant b, SlaSegmentKind kind) {
        if (b <= a)
            return;
        if (kind == SlaSegmentKind::Running)
            elapsed += b - a;
        out.append({a, b, kind, elapsed});
    };
    for (const auto &p : m_phases) {
        if (p.start >= now)
            break;
        const Instant end = std::min(p.end, now);
        if (!p.running) {
            add(p.start, end, SlaSegmentKind::Paused);
        } else if (!calendar) {
            add(p.start, end, SlaSegmentKind::Running);
        } else {
            Instant cursor = p.start;
            for (const auto &iv : calendar->businessIntervals(p.start, end)) {
                add(cursor, iv.start, SlaSegmentKind::OutsideBusinessHours);
                add(iv.start, iv.end, SlaSegmentKind::Running);
                cursor = iv.end;
            }
            add(cursor, end, SlaSegmentKind::OutsideBusinessHours);
        }
    }
    return out;
}

SlaClockStatus slaStatus(const SlaPolicy &policy, Priority priority, Category category,
                         const SlaHistory &history, SlaClock clock, Instant now)
{
    const SlaTerms terms = policy.termsFor(priority, category);
    return SlaClockTimeline(history, clock).status(terms.target(clock), terms.calendar.get(), now);
}

namespace {

// The service clock that runs now (first response until answered, then resolution), unless paused.
SlaQueueTimes serviceQueueTimes(const SlaPolicy &policy, const Ticket &ticket,
                                const QList<TicketEvent> &events)
{
    SlaQueueTimes out;
    out.clock = ticket.firstResponseAt ? SlaClock::Resolution : SlaClock::FirstResponse;
    if (out.clock == SlaClock::Resolution && ticket.status == TicketStatus::Pending)
        return out; // paused, whether or not the history holds the step into pending
    const SlaTerms terms = policy.termsFor(ticket.priority, ticket.category);
    const SlaClockPlan plan = SlaClockTimeline(SlaHistory::fromTicket(ticket, events), out.clock)
                                  .plan(terms.target(out.clock), terms.calendar.get());
    if (plan.phase != SlaClockPlan::Phase::Running)
        return out;
    out.due = plan.deadline;
    out.warnAt = plan.warningAt;
    return out;
}

} // namespace

SlaQueueTimes slaQueueTimes(const SlaPolicy &policy, const Ticket &ticket, const QList<TicketEvent> &events)
{
    if (ticket.status == TicketStatus::Closed)
        return {};
    const bool resolved = ticket.status == TicketStatus::Resolved;
    SlaQueueTimes out = resolved ? SlaQueueTimes{} : serviceQueueTimes(policy, ticket, events);
    // A customer ticket whose service clock is paused or stopped stays unordered, as it always was (its
    // statutory clock still alerts through SlaMonitor). Otherwise the earliest running deadline orders the
    // queue: the statutory one when it comes first, and on an appeal its clocks whatever the service clocks
    // do (pending, or resolved with the appeal still unanswered).
    if (!ticket.appeal && !out.due)
        return out;
    const LegalClockInputs legal = LegalClockInputs::fromTicket(ticket, events);
    for (SlaClock c : kLegalClocks) {
        const auto plan = legalClockPlan(policy, legal, c);
        if (!plan || plan->phase != SlaClockPlan::Phase::Running || !plan->deadline)
            continue;
        if (!out.due || *plan->deadline < *out.due)
            out = {c, plan->deadline, plan->warningAt};
    }
    return out;
}

QList<SlaSegment> slaExplanation(const SlaPolicy &policy, Priority priority, Category category,
                                 const SlaHistory &history, SlaClock clock, Instant now)
{
    const SlaTerms terms = policy.termsFor(priority, category);
    return SlaClockTimeline(history, clock).explain(terms.calendar.get(), now);
}

} // namespace pd
