#include "resolvedialog.h"

#include "composer.h"
#include "panetext.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Resolution:"), m_resolution);
    form->addRow(tr("Compensation (¥):"), m_amount);
    form->addRow(m_amountMessage);
    form->addRow(tr("Resolution note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30);

    connect(m_resolution, &QComboBox::currentIndexChanged, this, &ResolveDialog::revalidate);
    connect(m_amount, &QLineEdit::textChanged, this, &ResolveDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResolveDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ResolveDialog::reject);
    revalidate();
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
    bool ok = r.has_value();
    QString message;
    if (compensation) {
        // Say what is wrong only once something was typed; an empty field just keeps OK disabled.
        const bool parsed = PaneText::parseYuan(m_amount->text(), kMaxCompensationFen, &message).has_value();
        ok = ok && parsed;
        if (parsed || m_amount->text().trimmed().isEmpty())
            message.clear();
    }
    showMessage(m_amountMessage, message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
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
    }
    if (!m_submit(*r, fen, m_note->toPlainText(), &error))
        return showMessage(m_error, error);
    QDialog::accept();
}

} // namespace pd
