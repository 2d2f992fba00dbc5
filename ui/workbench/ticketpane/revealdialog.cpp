#include "revealdialog.h"

#include "customerreveal.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

RevealDialog::RevealDialog(CustomerField field, QWidget *parent)
    : QDialog(parent)
    , m_field(field)
    , m_reason(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    switch (field) {
    case CustomerField::Phone:
        setWindowTitle(tr("Show the customer's phone number"));
        break;
    case CustomerField::Name:
        setWindowTitle(tr("Show the customer's name"));
        break;
    case CustomerField::Address:
        setWindowTitle(tr("Show the parcel's addresses"));
        break;
    }
    auto *intro = new QLabel(tr("Why do you need the customer's %1? The server records who looked, which "
                                "ticket, when and why; the value is shown while this ticket is open and is "
                                "not stored on this computer.")
                                 .arg(CustomerReveal::fieldName(field)),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    for (const QString &code : CustomerReveal::reasonCodes())
        m_reason->addItem(CustomerReveal::reasonName(code), code);
    m_note->setMaxLength(kNoteMax);
    m_note->setPlaceholderText(tr("Note (required for Other)"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Show"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("N&ote:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RevealDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RevealDialog::reject);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &RevealDialog::validate);
    connect(m_note, &QLineEdit::textChanged, this, &RevealDialog::validate);
    validate();
}

QString RevealDialog::reason() const
{
    return m_reason->currentData().toString();
}

QString RevealDialog::note() const
{
    return m_note->text().trimmed();
}

void RevealDialog::validate()
{
    const bool needsNote = reason() == u"other" && note().isEmpty();
    m_hint->setText(needsNote ? tr("Say why in the note.") : QString());
    m_hint->setVisible(needsNote);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!needsNote);
}

} // namespace pd
