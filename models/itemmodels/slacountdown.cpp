#include "slacountdown.h"

#include "models/sla/deadlines.h"

namespace pd {

QString SlaCountdown::clockText(qint64 ms)
{
    const qint64 seconds = std::abs(ms) / 1000;
    const qint64 h = seconds / 3600;
    const int m = int(seconds / 60 % 60);
    const int s = int(seconds % 60);
    const auto two = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (h == 0)
        return two(m) + QLatin1Char(':') + two(s);
    if (h >= 48)
        return tr("%1 d %2 h", "days and hours").arg(h / 24).arg(h % 24);
    return QString::number(h) + QLatin1Char(':') + two(m) + QLatin1Char(':') + two(s);
}

QString SlaCountdown::stateName(SlaState state)
{
    switch (state) {
    case SlaState::OnTrack:
        return tr("On track");
    case SlaState::AtRisk:
        return tr("At risk");
    case SlaState::Breached:
        return tr("Breached");
    case SlaState::Met:
        return tr("Met");
    case SlaState::Paused:
        return tr("Paused");
    }
    return {};
}

QStringList SlaCountdown::widestTexts()
{
    // 47:59:59 is the longest h:mm:ss; from two days on the time reads "9 d 23 h".
    const qint64 longest = (47 * 3600 + 59 * 60 + 59) * 1000LL;
    const qint64 days = (9 * 24 + 23) * 3600 * 1000LL;
    QStringList out;
    for (qint64 ms : {longest, days}) {
        out << tr("Breached +%1").arg(clockText(ms));
        for (SlaState s : {SlaState::OnTrack, SlaState::AtRisk})
            out << tr("%1 %2", "SLA state, time left").arg(stateName(s), clockText(ms));
    }
    out << stateName(SlaState::Paused) << tr("Met");
    return out;
}

SlaBadge SlaCountdown::badge(const TicketRow &row, Instant now) const
{
    SlaBadge b;
    const Ticket &t = row.ticket;
    if (row.slaDue) {
        b.remainingMs = *row.slaDue - now;
        if (b.remainingMs <= 0) {
            b.state = SlaState::Breached;
            b.text = tr("Breached +%1").arg(clockText(b.remainingMs));
        } else {
            b.state = row.slaWarnAt && now >= *row.slaWarnAt ? SlaState::AtRisk : SlaState::OnTrack;
            b.text = tr("%1 %2", "SLA state, time left").arg(stateName(b.state), clockText(b.remainingMs));
        }
        return b;
    }
    if (t.status == TicketStatus::Pending) {
        b.state = SlaState::Paused;
        b.text = stateName(b.state);
        return b;
    }
    // Resolved or closed: did the resolution clock stop in time?
    const SlaClockStatus st =
        slaStatus(m_policy, t.priority, t.category, SlaHistory::fromTicket(t), SlaClock::Resolution, now);
    b.state = st.state == SlaState::Breached ? SlaState::Breached : SlaState::Met;
    b.remainingMs = st.remainingMs;
    b.text = b.state == SlaState::Breached ? tr("Breached +%1").arg(clockText(st.overdueMs)) : tr("Met");
    return b;
}

} // namespace pd
