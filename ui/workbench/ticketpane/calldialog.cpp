#include "calldialog.h"

#include "models/store/customerhistoryrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

QStringList CallDialog::outcomeCodes()
{
    return {u"reached"_s,      u"no_answer"_s, u"voicemail"_s, u"callback_requested"_s,
            u"wrong_number"_s, kChaseUpOutcome};
}

QString CallDialog::outcomeName(const QString &code)
{
    if (code == u"reached")
        return tr("Reached the customer");
    if (code == u"no_answer")
        return tr("No answer");
    if (code == u"voicemail")
        return tr("Left a voicemail");
    if (code == u"callback_requested")
        return tr("Customer asked to be called back");
    if (code == u"wrong_number")
        return tr("Wrong number");
    if (code == kChaseUpOutcome)
        return tr("Customer chasing this ticket (催单)");
    return code;
}

CallDialog::CallDialog(Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
    , m_direction(new QComboBox(this))
    , m_minutes(new QSpinBox(this))
    , m_seconds(new QSpinBox(this))
    , m_outcome(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_number(new QLabel(this))
{
    setWindowTitle(tr("Log a call"));
    m_direction->addItem(displayName(CallDirection::Outbound), toCode(CallDirection::Outbound));
    m_direction->addItem(displayName(CallDirection::Inbound), toCode(CallDirection::Inbound));
    m_minutes->setRange(0, 24 * 60 - 1);
    m_minutes->setSuffix(tr(" min"));
    m_seconds->setRange(0, 59);
    m_seconds->setSuffix(tr(" s"));
    for (const QString &code : outcomeCodes())
        m_outcome->addItem(outcomeName(code), code);
    m_note->setPlaceholderText(tr("What was said (optional)"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c0262d"_s);
    m_error->hide();

    m_number->setTextFormat(Qt::PlainText);
    m_number->setWordWrap(true);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *duration = new QHBoxLayout;
    duration->addWidget(m_minutes);
    duration->addWidget(m_seconds);
    auto *form = new QFormLayout;
    form->addRow(tr("Direction:"), m_direction);
    form->addRow(tr("Number:"), m_number);
    form->addRow(tr("Duration:"), duration);
    form->addRow(tr("Outcome:"), m_outcome);
    form->addRow(tr("Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CallDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CallDialog::reject);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        if (outbound() && !m_asked && isVisible()) {
            m_asked = true;
            Q_EMIT numberNeeded();
        }
    });
}

bool CallDialog::outbound() const
{
    return m_direction->currentData().toString() == toCode(CallDirection::Outbound);
}

void CallDialog::setNumber(const QString &text)
{
    m_number->setText(text);
}

void CallDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (outbound() && !m_asked) {
        m_asked = true;
        Q_EMIT numberNeeded();
    }
}

void CallDialog::accept()
{
    const QString outcome = m_outcome->currentData().toString();
    const QJsonObject data{{u"direction"_s, m_direction->currentData().toString()},
                           {u"duration_s"_s, m_minutes->value() * 60 + m_seconds->value()},
                           {u"outcome"_s, outcome}};
    QString text = outcomeName(outcome);
    const QString note = m_note->text().trimmed();
    if (!note.isEmpty())
        text += u" — "_s + note;
    QString error;
    if (!m_submit(text, data, &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace pd
