#include "decisiondialog.h"

#include "models/domain/ticketrules.h"
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/panetext.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

DecisionDialog::DecisionDialog(Mode mode, qint64 requestedFen, const QString &summary, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_requestedFen(requestedFen)
    , m_reason(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool approve = mode == Mode::Approve;
    setWindowTitle(approve ? tr("Approve compensation") : tr("Reject compensation"));
    auto *head = new QLabel(summary, this);
    head->setTextFormat(Qt::PlainText);
    head->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #c0262d"_s);
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4 + 12);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(approve ? tr("Optional; required when you change the amount")
                                         : tr("Required: why the compensation is refused"));
    auto *form = new QFormLayout;
    if (approve) {
        m_amount = new QLineEdit(QString::number(double(requestedFen) / 100.0, 'f', 2), this);
        m_amount->setAccessibleName(tr("Approved amount (yuan)"));
        form->addRow(tr("Approved amount (¥):"), m_amount);
        connect(m_amount, &QLineEdit::textChanged, this, &DecisionDialog::revalidate);
    }
    form->addRow(tr("Reason:"), m_reason);
    m_buttons->button(QDialogButtonBox::Ok)->setText(approve ? tr("Approve") : tr("Reject"));
    auto *decideKeys = new QAction(this);
    decideKeys->setShortcuts(Composer::sendKeys());
    connect(decideKeys, &QAction::triggered, this, [this] {
        if (canDecide())
            accept();
    });
    addAction(decideKeys);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(head);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &DecisionDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canDecide())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

std::optional<qint64> DecisionDialog::changedFen() const
{
    if (!m_amount)
        return std::nullopt;
    QString error;
    const auto fen = PaneText::parseYuan(m_amount->text(), TicketRules::kMaxCompensationFen, &error);
    if (!fen || *fen == m_requestedFen)
        return std::nullopt;
    return fen;
}

QString DecisionDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

bool DecisionDialog::canDecide() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void DecisionDialog::revalidate()
{
    QString message;
    bool ok = true;
    if (m_amount) {
        const auto fen = PaneText::parseYuan(m_amount->text(), TicketRules::kMaxCompensationFen, &message);
        ok = fen.has_value();
        if (ok && *fen != m_requestedFen && reason().isEmpty()) {
            ok = false;
            message = tr("Say why you change the amount.");
        }
    } else if (reason().isEmpty()) {
        ok = false; // the placeholder already says a reason is required
    }
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace pd
