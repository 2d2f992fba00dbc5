#include "followuppanel.h"

#include "panetext.h"

#include "ui/common/language.h"

#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pd {

FollowUpPanel::FollowUpPanel(const QTimeZone &zone, Schedule schedule, Record record, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
    , m_schedule(std::move(schedule))
    , m_record(std::move(record))
    , m_state(new QLabel(this))
    , m_due(new QDateTimeEdit(this))
    , m_scheduleButton(new QPushButton(this))
    , m_csat(new QLineEdit(this))
    , m_nps(new QLineEdit(this))
    , m_recordButton(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_dueLabel(new QLabel(this))
    , m_csatLabel(new QLabel(this))
    , m_npsLabel(new QLabel(this))
{
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_due->setCalendarPopup(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #c0262d"_s);
    m_message->hide();

    auto *scheduleRow = new QHBoxLayout;
    scheduleRow->addWidget(m_due, 1);
    scheduleRow->addWidget(m_scheduleButton);
    auto *form = new QFormLayout(this);
    form->addRow(m_state);
    form->addRow(m_dueLabel, scheduleRow);
    form->addRow(m_csatLabel, m_csat);
    form->addRow(m_npsLabel, m_nps);
    form->addRow(QString(), m_recordButton);
    form->addRow(m_message);

    connect(m_scheduleButton, &QPushButton::clicked, this, &FollowUpPanel::scheduleNow);
    connect(m_recordButton, &QPushButton::clicked, this, &FollowUpPanel::recordNow);
    retranslate();
}

void FollowUpPanel::retranslate()
{
    m_due->setDisplayFormat(Language::shortDateFormat() + u" HH:mm"_s); // the locale's dates
    m_due->setAccessibleName(tr("Follow-up due"));
    m_scheduleButton->setText(tr("Schedule"));
    m_recordButton->setText(tr("Record follow-up"));
    m_csat->setPlaceholderText(tr("1–5"));
    m_csat->setAccessibleName(tr("CSAT (1–5)"));
    m_nps->setPlaceholderText(tr("0–10"));
    m_nps->setAccessibleName(tr("NPS (0–10)"));
    m_dueLabel->setText(tr("Call back at:"));
    m_csatLabel->setText(tr("CSAT (1–5):"));
    m_npsLabel->setText(tr("NPS (0–10):"));
}

void FollowUpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FollowUpPanel::setTicket(const Ticket &t, Instant now)
{
    QStringList lines;
    if (t.followUpDoneAt)
        lines << tr("Follow-up done %1").arg(PaneText::instant(t.followUpDoneAt, m_zone));
    else if (t.followUpAt)
        lines << tr("Follow-up due %1").arg(PaneText::instant(t.followUpAt, m_zone));
    else
        lines << tr("No follow-up scheduled.");
    if (t.csat || t.nps)
        lines << tr("CSAT %1 · NPS %2")
                     .arg(t.csat ? QString::number(*t.csat) : u"–"_s,
                          t.nps ? QString::number(*t.nps) : u"–"_s);
    m_state->setText(lines.join(u'\n'));
    if (t.id != m_ticketId) {
        // A new ticket: seed the fields; the same ticket reloaded keeps what is being typed.
        m_ticketId = t.id;
        const QDateTime due =
            QDateTime::fromMSecsSinceEpoch(t.followUpAt.value_or(now + 24LL * 3600 * 1000), m_zone);
        m_due->setDateTime(QDateTime(due.date(), due.time())); // the edit shows wall time of the company zone
        m_csat->clear();
        m_nps->clear();
        m_message->hide();
    }
}

void FollowUpPanel::setAllowed(bool schedule, const QString &scheduleReason, bool record,
                               const QString &recordReason)
{
    m_scheduleButton->setEnabled(schedule);
    m_scheduleButton->setToolTip(scheduleReason);
    m_recordButton->setEnabled(record);
    m_recordButton->setToolTip(recordReason);
    m_csat->setEnabled(record);
    m_nps->setEnabled(record);
}

void FollowUpPanel::scheduleNow()
{
    if (!m_scheduleButton->isEnabled())
        return;
    const QDateTime wall = m_due->dateTime();
    const QDateTime due(wall.date(), wall.time(), m_zone);
    QString error;
    if (!m_schedule(due.toMSecsSinceEpoch(), &error))
        return showMessage(error);
    showMessage({});
}

void FollowUpPanel::recordNow()
{
    if (!m_recordButton->isEnabled())
        return;
    const bool hasCsat = !m_csat->text().trimmed().isEmpty();
    const bool hasNps = !m_nps->text().trimmed().isEmpty();
    if (!hasCsat && !hasNps)
        return showMessage(tr("Enter the CSAT score (1–5), the NPS score (0–10) or both."));
    QString error;
    std::optional<int> csat;
    std::optional<int> nps;
    if (hasCsat && !(csat = PaneText::parseScore(m_csat->text(), 1, 5, tr("CSAT"), &error)))
        return showMessage(error);
    if (hasNps && !(nps = PaneText::parseScore(m_nps->text(), 0, 10, tr("NPS"), &error)))
        return showMessage(error);
    if (!m_record(csat, nps, &error))
        return showMessage(error);
    m_csat->clear();
    m_nps->clear();
    showMessage({});
}

void FollowUpPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace pd
