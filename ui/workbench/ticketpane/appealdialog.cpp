#include "appealdialog.h"

#include "composer.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

AppealDialog::AppealDialog(Step step, const QTimeZone &zone, Instant now, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_step(step)
    , m_zone(zone)
    , m_submit(std::move(submit))
    , m_text(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c0262d"_s);
    m_error->hide();
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 6 + 12);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    switch (step) {
    case Step::Answer:
        setWindowTitle(tr("Answer to the regulator"));
        m_text->setAccessibleName(tr("Answer"));
        m_text->setPlaceholderText(
            tr("The answer as sent to the regulator: findings, what was done, the result"));
        form->addRow(tr("Answer:"), m_text);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record answer"));
        break;
    case Step::Rejection: {
        setWindowTitle(tr("Answer rejected by the regulator"));
        // The wall time of the company's zone, read back in that zone (not the computer's).
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toTimeZone(zone);
        m_at = new QDateTimeEdit(this);
        m_at->setDate(local.date());
        m_at->setTime(local.time());
        m_at->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        m_at->setCalendarPopup(true);
        m_at->setAccessibleName(tr("Rejected at"));
        m_text->setAccessibleName(tr("Regulator's reason"));
        m_text->setPlaceholderText(tr("Why the regulator sent the answer back"));
        form->addRow(tr("Rejected at:"), m_at);
        form->addRow(tr("Reason:"), m_text);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record rejection"));
        break;
    }
    case Step::Fault:
        setWindowTitle(tr("Fault finding"));
        m_atFault = new QRadioButton(tr("The company was &at fault (有效申诉)"), this);
        m_notAtFault = new QRadioButton(tr("The company was &not at fault"), this);
        m_text->setAccessibleName(tr("Reason for the finding"));
        m_text->setPlaceholderText(tr("Why: what the investigation found"));
        form->addRow(m_atFault);
        form->addRow(m_notAtFault);
        form->addRow(tr("Reason:"), m_text);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record finding"));
        connect(m_atFault, &QRadioButton::toggled, this, &AppealDialog::revalidate);
        connect(m_notAtFault, &QRadioButton::toggled, this, &AppealDialog::revalidate);
        break;
    }
    auto *keys = new QAction(this);
    keys->setShortcuts(Composer::sendKeys());
    connect(keys, &QAction::triggered, this, &AppealDialog::accept);
    addAction(keys);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 34);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AppealDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AppealDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AppealDialog::reject);
    revalidate();
}

bool AppealDialog::canSubmit() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void AppealDialog::revalidate()
{
    bool ok = !m_text->toPlainText().trimmed().isEmpty() && !m_waiting;
    if (m_step == Step::Fault)
        ok = ok && (m_atFault->isChecked() || m_notAtFault->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void AppealDialog::accept()
{
    if (!canSubmit())
        return;
    const Instant at = m_at ? QDateTime(m_at->date(), m_at->time(), m_zone).toMSecsSinceEpoch() : 0;
    const bool atFault = m_atFault && m_atFault->isChecked();
    m_waiting = true;
    revalidate();
    m_error->hide();
    QPointer<AppealDialog> self(this);
    m_submit(m_text->toPlainText().trimmed(), at, atFault, [self](bool ok, const QString &error) {
        if (!self)
            return;
        self->m_waiting = false;
        if (ok)
            return self->QDialog::accept();
        self->revalidate();
        self->m_error->setText(error);
        self->m_error->show();
    });
}

} // namespace pd
