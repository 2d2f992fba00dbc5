#include "appealpanel.h"

#include "panetext.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

AppealPanel::AppealPanel(const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
    , m_details(new QLabel(this))
    , m_answer(new QPushButton(this))
    , m_rejection(new QPushButton(this))
    , m_fault(new QPushButton(this))
{
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // One under the other: the pane keeps its width whatever the language (a hidden tab still counts in the
    // pane's minimum width).
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_answer, m_rejection, m_fault})
        buttons->addWidget(b, 0, Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_answer, &QPushButton::clicked, this, &AppealPanel::answerRequested);
    connect(m_rejection, &QPushButton::clicked, this, &AppealPanel::rejectionRequested);
    connect(m_fault, &QPushButton::clicked, this, &AppealPanel::faultRequested);
    retranslate();
}

void AppealPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AppealPanel::retranslate()
{
    m_answer->setText(tr("Record a&nswer…"));
    m_answer->setToolTip(tr("The company's answer, as sent to the regulator"));
    m_rejection->setText(tr("Re&jected by the regulator…"));
    m_rejection->setToolTip(tr("The regulator sent the answer back: the redo clock starts"));
    m_fault->setText(tr("&Fault finding…"));
    m_fault->setToolTip(tr("Was the company at fault (有效申诉)? Counted in the regulator's figures"));
    if (m_ticket)
        showAppeal(*m_ticket, m_earlier);
}

QString AppealPanel::text() const
{
    return m_details->text();
}

void AppealPanel::showAppeal(const Ticket &t, const QStringList &earlier)
{
    m_ticket = t;
    m_earlier = earlier;
    if (!t.appeal) {
        m_details->clear();
        return;
    }
    const Appeal &a = *t.appeal;
    QStringList lines;
    lines << tr("Regulator appeal %1").arg(a.number);
    if (!a.office.isEmpty())
        lines << tr("Forwarded by %1 at %2").arg(a.office, PaneText::instant(a.forwardedAt, m_zone));
    else
        lines << tr("Forwarded at %1").arg(PaneText::instant(a.forwardedAt, m_zone));
    lines << (a.answeredAt ? tr("Answered at %1").arg(PaneText::instant(a.answeredAt, m_zone))
                           : tr("Not answered yet"));
    if (a.rejections > 0)
        lines << tr("Rejected by the regulator %n time(s), last at %1", nullptr, a.rejections)
                     .arg(PaneText::instant(a.rejectedAt, m_zone));
    if (!a.companyAtFault)
        lines << tr("Fault finding: not recorded");
    else if (*a.companyAtFault)
        lines << tr("Fault finding: the company was at fault (有效申诉): %1").arg(a.faultReason);
    else
        lines << tr("Fault finding: the company was not at fault: %1").arg(a.faultReason);
    if (earlier.isEmpty())
        lines << tr("No earlier ticket of this customer or waybill");
    else
        lines << tr("Earlier tickets of this customer or waybill: %1").arg(earlier.join(u"; "_s));
    m_details->setText(lines.join(u'\n'));
}

} // namespace pd
