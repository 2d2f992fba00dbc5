#include "slapanel.h"

#include "panetext.h"

#include "models/sla/legalclocks.h"
#include "ui/common/slalook.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

SlaPanel::SlaPanel(const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
{
    auto *layout = new QVBoxLayout(this);
    for (SlaClock c : {SlaClock::FirstResponse, SlaClock::Resolution, SlaClock::Statutory,
                       SlaClock::AppealAnswer, SlaClock::AppealRedo}) {
        auto *l = new QLabel(this);
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setAccessibleName(displayName(c));
        m_labels[clockIndex(c)] = l;
        layout->addWidget(l);
        l->setVisible(!isLegalClock(c));
    }
    layout->addStretch(1);
}

void SlaPanel::showTicket(const SlaPolicy &policy, const Ticket &t, const QList<TicketEvent> &events,
                          Instant now)
{
    const SlaHistory history = SlaHistory::fromTicket(t, events);
    QStringList summary;
    for (SlaClock c : kSlaClocks) {
        const SlaClockStatus s = slaStatus(policy, t.priority, t.category, history, c, now);
        const QList<SlaSegment> segments = slaExplanation(policy, t.priority, t.category, history, c, now);
        QLabel *l = m_labels[clockIndex(c)];
        m_states[clockIndex(c)] = s.state;
        l->setText(describe(s, segments));
        l->setStyleSheet(
            u"QLabel { border-left: 4px solid %1; padding-left: 6px; }"_s.arg(slaLook(s.state).ink.name()));
        QString part = tr("%1 %2: %3").arg(slaLook(s.state).symbol, displayName(c), displayName(s.state));
        if (s.state == SlaState::OnTrack || s.state == SlaState::AtRisk)
            part += u" "_s + tr("(%1 left)").arg(PaneText::span(s.remainingMs));
        else if (s.state == SlaState::Breached)
            part += u" "_s + tr("(%1 over)").arg(PaneText::span(s.overdueMs));
        summary << part;
        m_applies[clockIndex(c)] = true;
    }
    // The legal clocks, counted in days: shown when they apply; in the header line an appeal's always, the
    // statutory one once it needs attention.
    for (SlaClock c : kLegalClocks) {
        m_labels[clockIndex(c)]->hide();
        m_applies[clockIndex(c)] = false;
    }
    for (const SlaClockStatus &s : legalClockStatuses(policy, t, events, now)) {
        QLabel *l = m_labels[clockIndex(s.clock)];
        m_states[clockIndex(s.clock)] = s.state;
        m_applies[clockIndex(s.clock)] = true;
        l->setText(describe(s, {}));
        l->setStyleSheet(
            u"QLabel { border-left: 4px solid %1; padding-left: 6px; }"_s.arg(slaLook(s.state).ink.name()));
        l->show();
        const bool attention = s.state == SlaState::AtRisk || s.state == SlaState::Breached;
        if (s.clock == SlaClock::Statutory && !attention)
            continue;
        QString part =
            tr("%1 %2: %3").arg(slaLook(s.state).symbol, displayName(s.clock), displayName(s.state));
        if (s.state == SlaState::OnTrack || s.state == SlaState::AtRisk)
            part += u" "_s + tr("(due %1)").arg(PaneText::instant(s.deadline, m_zone));
        else if (s.state == SlaState::Breached)
            part += u" "_s + tr("(%1 over)").arg(PaneText::span(s.overdueMs));
        summary << part;
    }
    m_summary = summary.join(u"  ·  "_s);
}

void SlaPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        for (std::size_t i = 0; i < m_labels.size(); ++i)
            m_labels[i]->setAccessibleName(displayName(SlaClock(i)));
    QWidget::changeEvent(event);
}

void SlaPanel::clear()
{
    for (QLabel *l : m_labels)
        l->clear();
    for (SlaClock c : kLegalClocks)
        m_labels[clockIndex(c)]->hide();
    m_states = {};
    m_applies = {};
    m_summary.clear();
}

QString SlaPanel::text(SlaClock clock) const
{
    return m_labels[clockIndex(clock)]->text();
}

QString SlaPanel::describe(const SlaClockStatus &s, const QList<SlaSegment> &segments) const
{
    QString head = tr("%1 %2: %3 (target %4)")
                       .arg(slaLook(s.state).symbol, displayName(s.clock), displayName(s.state),
                            PaneText::span(s.targetMs));
    QStringList lines{head};
    switch (s.state) {
    case SlaState::OnTrack:
    case SlaState::AtRisk:
        lines << tr("%1 left, due %2")
                     .arg(PaneText::span(s.remainingMs), PaneText::instant(s.deadline, m_zone));
        break;
    case SlaState::Breached:
        lines << tr("Breached %1 ago (deadline %2)")
                     .arg(PaneText::span(s.overdueMs), PaneText::instant(s.deadline, m_zone));
        break;
    case SlaState::Met:
        lines << tr("Met at %1 after %2 (deadline %3)")
                     .arg(PaneText::instant(s.stoppedAt, m_zone), PaneText::span(s.elapsedMs),
                          PaneText::instant(s.deadline, m_zone));
        break;
    case SlaState::Paused:
        lines << tr("Paused with %1 left").arg(PaneText::span(s.remainingMs));
        break;
    }
    for (const SlaSegment &seg : segments) {
        lines << tr("  %1 – %2  %3 (%4; %5 used)")
                     .arg(PaneText::instant(seg.start, m_zone), PaneText::instant(seg.end, m_zone),
                          displayName(seg.kind), PaneText::span(seg.end - seg.start),
                          PaneText::span(seg.elapsedAtEndMs));
    }
    return lines.join(u'\n');
}

} // namespace pd
