#include "legalclocks.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

const BusinessCalendar &naturalDays()
{
    static const BusinessCalendar shanghai(QByteArrayLiteral("Asia/Shanghai"));
    return shanghai;
}

bool isResolveStep(const TicketEvent &e)
{
    if (e.kind != EventKind::StatusChange)
        return false;
    const auto from = fromCode<TicketStatus>(e.data.value("from"_L1).toString());
    const auto to = fromCode<TicketStatus>(e.data.value("to"_L1).toString());
    return to && (*to == TicketStatus::Resolved || *to == TicketStatus::Closed) && !(from && !isOpen(*from));
}

void minInto(OptInstant &slot, Instant at)
{
    if (!slot || at < *slot)
        slot = at;
}

} // namespace

LegalClockInputs LegalClockInputs::fromTicket(const Ticket &ticket, const QList<TicketEvent> &events)
{
    LegalClockInputs in;
    in.createdAt = ticket.createdAt;
    if (ticket.appeal) {
        const Appeal &a = *ticket.appeal;
        in.appeal = true;
        in.forwardedAt = a.forwardedAt;
        in.rejectedAt = a.rejectedAt;
        in.rejections = a.rejections;
    }
    bool answerEvents = false;
    bool resolveEvents = false;
    for (const TicketEvent &e : events) {
        if (isResolveStep(e)) {
            resolveEvents = true;
            minInto(in.firstResolvedAt, std::max(e.at, in.createdAt));
        } else if (e.kind == EventKind::AppealAnswered && in.appeal) {
            answerEvents = true;
            if (e.at > in.forwardedAt)
                minInto(in.firstAnsweredAt, e.at);
            if (in.rejectedAt && e.at > *in.rejectedAt)
                minInto(in.redoAnsweredAt, e.at);
        } else if (e.kind == EventKind::SlaBreach) {
            const auto clock = fromCode<SlaClock>(e.data.value("clock"_L1).toString());
            if (!clock || !isLegalClock(*clock))
                continue;
            const int instance = e.data.value("instance"_L1).toInt(1);
            if (*clock != SlaClock::AppealRedo || instance == in.rejections)
                in.breachRecorded[legalIndex(*clock)] = true;
        }
    }
    if (!resolveEvents && ticket.resolvedAt && !isOpen(ticket.status))
        in.firstResolvedAt = std::max(*ticket.resolvedAt, in.createdAt);
    if (in.appeal && !answerEvents) {
        // A list row without its timeline: the latest answer, or (answered, then rejected) the rejection as
        // the latest the first answer can have been.
        const OptInstant answered = ticket.appeal->answeredAt;
        if (answered && *answered > in.forwardedAt)
            in.firstAnsweredAt = in.rejectedAt && *in.rejectedAt < *answered ? *in.rejectedAt : *answered;
        else if (in.rejectedAt)
            in.firstAnsweredAt = *in.rejectedAt;
        if (answered && in.rejectedAt && *answered > *in.rejectedAt)
            in.redoAnsweredAt = answered;
    }
    return in;
}

std::optional<LegalClockSpan> legalClockSpan(const LegalClockInputs &in, SlaClock clock)
{
    switch (clock) {
    case SlaClock::Statutory:
        return LegalClockSpan{in.createdAt, in.firstResolvedAt, 1};
    case SlaClock::AppealAnswer:
        if (!in.appeal)
            return std::nullopt;
        return LegalClockSpan{in.forwardedAt, in.firstAnsweredAt, 1};
    case SlaClock::AppealRedo:
        if (!in.appeal || !in.rejectedAt)
            return std::nullopt;
        return LegalClockSpan{*in.rejectedAt, in.redoAnsweredAt, std::max(in.rejections, 1)};
    default:
        return std::nullopt;
    }
}

OptInstant legalDeadline(const BusinessCalendar *calendar, Instant start, int days)
{
    const BusinessCalendar &cal = calendar ? *calendar : naturalDays();
    QDate day = cal.localDate(start);
    for (int counted = 0, step = 0; counted < days; ++step) {
        if (step > BusinessCalendar::kHorizonDays)
            return std::nullopt;
        day = day.addDays(1);
        if (!calendar || !cal.hoursOn(day).isEmpty())
            ++counted;
    }
    return cal.localToUtc(day, 24 * 60);
}

std::optional<SlaClockPlan> legalClockPlan(const SlaPolicy &policy, const LegalClockInputs &in,
                                           SlaClock clock)
{
    const auto span = legalClockSpan(in, clock);
    if (!span)
        return std::nullopt;
    const LegalClockTerms terms = policy.legalTerms(clock);
    SlaClockPlan plan;
    plan.phase = span->stop ? SlaClockPlan::Phase::Stopped : SlaClockPlan::Phase::Running;
    plan.deadline = legalDeadline(terms.calendar.get(), span->start, terms.rule.days);
    if (terms.rule.warningDays > 0)
        plan.warningAt =
            legalDeadline(terms.calendar.get(), span->start, terms.rule.days - terms.rule.warningDays);
    else
        plan.warningAt = plan.deadline;
    return plan;
}

std::optional<SlaClockStatus> legalClockStatus(const SlaPolicy &policy, const LegalClockInputs &in,
                                               SlaClock clock, Instant now)
{
    const auto span = legalClockSpan(in, clock);
    const auto plan = legalClockPlan(policy, in, clock);
    if (!span || !plan)
        return std::nullopt;
    SlaClockStatus s;
    s.clock = clock;
    s.deadline = plan->deadline;
    s.warningAt = plan->warningAt;
    s.targetMs = s.deadline ? *s.deadline - span->start : policy.legalRule(clock).days * kDayMs;
    const bool stopped = span->stop && *span->stop <= now;
    const Instant end = stopped ? *span->stop : std::max(now, span->start);
    s.elapsedMs = end - span->start;
    s.remainingMs = s.deadline ? std::max<qint64>(*s.deadline - end, 0) : 0;
    if (stopped) {
        s.stoppedAt = span->stop;
        const bool late = s.deadline && *s.deadline < *span->stop;
        s.state = late ? SlaState::Breached : SlaState::Met;
        s.overdueMs = late ? *span->stop - *s.deadline : 0;
    } else if (s.deadline && now >= *s.deadline) {
        s.state = SlaState::Breached;
        s.overdueMs = now - *s.deadline;
    } else if (s.warningAt && now >= *s.warningAt) {
        s.state = SlaState::AtRisk;
    } else {
        s.state = SlaState::OnTrack;
    }
    return s;
}

QList<SlaClockStatus> legalClockStatuses(const SlaPolicy &policy, const Ticket &ticket,
                                         const QList<TicketEvent> &events, Instant now)
{
    const LegalClockInputs in = LegalClockInputs::fromTicket(ticket, events);
    QList<SlaClockStatus> out;
    for (SlaClock c : kLegalClocks) {
        if (auto s = legalClockStatus(policy, in, c, now))
            out.append(*s);
    }
    return out;
}

} // namespace pd
