#include "resolvedialog.h"

#include "calculatorbox.h"
#include "composer.h"
#include "panetext.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QLabel *messageLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setStyleSheet(u"color: #c0262d"_s);
    l->hide();
    return l;
}
} // namespace

ResolveDialog::ResolveDialog(Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
    , m_resolution(new QComboBox(this))
    , m_amount(new QLineEdit(this))
    , m_amountMessage(messageLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_error(messageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Resolve ticket"));
    m_resolution->addItem(tr("Choose how it was resolved…"));
    for (const QString &code : allCodes<Resolution>())
        m_resolution->addItem(displayName(*fromCode<Resolution>(code)), code);
    m_amount->setPlaceholderText(tr("Amount in yuan, e.g. 50 or 12.50"));
    m_amount->setAccessibleName(tr("Compensation amount (yuan)"));
    m_note->setPlaceholderText(tr("Optional: what was agreed with the customer (kept as an internal note)"));
    m_note->setAccessibleName(tr("Resolution note"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Resolve"));
    auto *resolveKeys = new QAction(this);
    resolveKeys->setShortcuts(Composer::sendKeys());
    connect(resolveKeys, &QAction::triggered, this, &ResolveDialog::accept);
    addAction(resolveKeys);

    // Messages span the whole width (not the field column) so a long one wraps into few lines.
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->addRow(tr("Resolution:"), m_resolution);
    m_form->addRow(tr("Compensation (¥):"), m_amount);
    m_form->addRow(m_amountMessage);
    m_form->addRow(tr("Resolution note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30);

    connect(m_resolution, &QComboBox::currentIndexChanged, this, &ResolveDialog::revalidate);
    connect(m_amount, &QLineEdit::textChanged, this, &ResolveDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResolveDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ResolveDialog::reject);
    revalidate();
}

void ResolveDialog::setCompensation(std::shared_ptr<const compensation::CompensationCalculator> calculator,
                                    std::optional<Parcel> parcel, Category category, Role role, Instant now,
                                    RequestApproval request)
{
    m_rules = calculator;
    m_role = role;
    m_request = std::move(request);
    m_calculator = new CalculatorBox(std::move(calculator), std::move(parcel), category, now, this);
    m_reason = new QLineEdit(this);
    m_reason->setAccessibleName(tr("Reason for a different amount"));
    m_reason->setPlaceholderText(tr("Required when the amount is not the proposed one or needs approval"));
    m_limit = new QLabel(this);
    m_limit->setTextFormat(Qt::PlainText);
    m_limit->setWordWrap(true);
    m_limit->hide();
    // Below the amount and its message: the calculator, the reason, the approval note.
    m_form->insertRow(3, m_calculator);
    m_form->insertRow(4, tr("Why this amount:"), m_reason);
    m_form->insertRow(5, m_limit);
    connect(m_calculator, &CalculatorBox::useRequested, this,
            [this](qint64 fen) { m_amount->setText(QString::number(double(fen) / 100.0, 'f', 2)); });
    connect(m_calculator, &CalculatorBox::proposalChanged, this, &ResolveDialog::revalidate);
    connect(m_reason, &QLineEdit::textChanged, this, &ResolveDialog::revalidate);
    revalidate();
}

std::optional<qint64> ResolveDialog::amount() const
{
    QString ignored;
    return PaneText::parseYuan(m_amount->text(), kMaxCompensationFen, &ignored);
}

bool ResolveDialog::amountDiffers(std::optional<qint64> fen) const
{
    const auto &p = m_calculator ? m_calculator->proposal() : std::nullopt;
    return fen && p && p->amountFen > 0 && *fen != p->amountFen;
}

bool ResolveDialog::needsReason() const
{
    // The approver decides on the requester's reason; a changed amount says why it differs.
    return amountDiffers(amount()) || requestsApproval();
}

bool ResolveDialog::requestsApproval() const
{
    const auto fen = amount();
    return m_rules && resolution() == Resolution::Compensation && fen && m_rules->needsApproval(m_role, *fen);
}

QString ResolveDialog::noteWithCalculation(std::optional<qint64> fen) const
{
    QStringList parts;
    const QString typed = m_note->toPlainText().trimmed();
    if (!typed.isEmpty())
        parts << typed;
    const auto &p = m_calculator ? m_calculator->proposal() : std::nullopt;
    if (resolution() == Resolution::Compensation && p && p->amountFen > 0) {
        parts << tr("Calculator: %1").arg(p->explanation);
        if (amountDiffers(fen))
            parts << tr("Amount changed from %1: %2")
                         .arg(compensation::formatYuan(p->amountFen, true), m_reason->text().trimmed());
    }
    return parts.join(u"\n"_s);
}

void ResolveDialog::sendApprovalRequest(qint64 fen)
{
    const auto &p = m_calculator ? m_calculator->proposal() : std::nullopt;
    m_waiting = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    showMessage(m_error, QString());
    QPointer<ResolveDialog> self(this);
    // A proposal of nothing (the rules give no amount) is no proposal: the server takes amounts above zero.
    const bool proposed = p && p->amountFen > 0;
    m_request(fen, proposed ? std::optional<qint64>(p->amountFen) : std::nullopt,
              p ? p->explanation : QString(), m_reason->text().trimmed(),
              [self](bool ok, const QString &error) {
                  if (!self)
                      return;
                  self->m_waiting = false;
                  if (ok)
                      return self->QDialog::accept();
                  self->revalidate();
                  self->showMessage(self->m_error, error);
              });
}

std::optional<Resolution> ResolveDialog::resolution() const
{
    return fromCode<Resolution>(m_resolution->currentData().toString());
}

bool ResolveDialog::canSubmit() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void ResolveDialog::revalidate()
{
    const auto r = resolution();
    const bool compensation = r == Resolution::Compensation;
    m_amount->setEnabled(compensation);
    if (m_calculator) {
        m_calculator->setVisible(compensation);
        m_form->setRowVisible(m_reason, compensation && needsReason());
    }
    bool ok = r.has_value();
    QString message;
    if (compensation) {
        // Say what is wrong only once something was typed; an empty field just keeps OK disabled.
        const bool parsed = PaneText::parseYuan(m_amount->text(), kMaxCompensationFen, &message).has_value();
        ok = ok && parsed;
        if (parsed || m_amount->text().trimmed().isEmpty())
            message.clear();
    }
    if (m_calculator && compensation && needsReason() && m_reason->text().trimmed().isEmpty())
        ok = false; // the reason field is shown and says what it needs
    if (m_limit) {
        const bool approval = requestsApproval();
        const auto limit = m_rules->limitFor(m_role);
        m_limit->setVisible(approval && limit);
        if (approval && limit)
            m_limit->setText(
                tr("Above your approval limit of %1: a supervisor or manager decides, and the ticket "
                   "stays open until then.")
                    .arg(compensation::formatYuan(*limit, true)));
        m_buttons->button(QDialogButtonBox::Ok)->setText(approval ? tr("Request approval") : tr("Resolve"));
    }
    showMessage(m_amountMessage, message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && !m_waiting);
}

void ResolveDialog::showMessage(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
    fitHeight();
}

void ResolveDialog::fitHeight()
{
    // A top-level layout sets the minimum size without the height wrapped labels need at the actual width
    // (height for width), so a message shown after opening would be cut: ask for that height and grow.
    QLayout *l = layout();
    if (!l || !isVisible())
        return;
    l->activate();
    const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : l->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void ResolveDialog::accept()
{
    const auto r = resolution();
    if (!r || !canSubmit())
        return;
    std::optional<qint64> fen;
    QString error;
    if (*r == Resolution::Compensation) {
        fen = PaneText::parseYuan(m_amount->text(), kMaxCompensationFen, &error);
        if (!fen)
            return showMessage(m_amountMessage, error);
        if (requestsApproval() && m_request)
            return sendApprovalRequest(*fen);
    }
    if (!m_submit(*r, fen, noteWithCalculation(fen), &error))
        return showMessage(m_error, error);
    QDialog::accept();
}

} // namespace pd
