#include "newticketdialog.h"

#include "composer.h"
#include "models/domain/clock.h"
#include "models/domain/ticketrules.h"
#include "models/domain/validation.h"
#include "models/store/customerhistoryrepository.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/waybillhistoryrepository.h"
#include "panetext.h"
#include "repeatnotice.h"
#include "ui/common/parcellookup.h"

#include <QAction>
#include <QCheckBox>
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
constexpr int kMaxName = 200;
constexpr int kMaxDescription = 20000;

QLabel *messageLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setStyleSheet(u"color: #c0262d"_s);
    l->hide();
    return l;
}

template<typename E>
void fillCombo(QComboBox *box)
{
    for (const QString &code : allCodes<E>())
        box->addItem(displayName(*fromCode<E>(code)), code);
}

} // namespace

NewTicketDialog::NewTicketDialog(const Database &db, const Clock &clock, const User &user, QWidget *parent,
                                 const QTimeZone &companyZone)
    : QDialog(parent)
    , m_db(db)
    , m_clock(clock)
    , m_user(user)
    , m_waybill(new QLineEdit(this))
    , m_waybillMessage(messageLabel(this))
    , m_parcelInfo(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameMessage(messageLabel(this))
    , m_phone(new QLineEdit(this))
    , m_phoneMessage(messageLabel(this))
    , m_channel(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_descriptionMessage(messageLabel(this))
    , m_assignToMe(new QCheckBox(tr("Assign to me"), this))
    , m_error(messageLabel(this))
    , m_repeat(new RepeatNotice(db, user, companyZone, this))
{
    setWindowTitle(tr("New ticket"));
    m_waybill->setPlaceholderText(tr("e.g. SF1400000000017"));
    m_parcelInfo->setTextFormat(Qt::PlainText);
    m_parcelInfo->setWordWrap(true);
    m_phone->setPlaceholderText(tr("Mobile 13812345678 or landline 0755-12345678"));
    m_description->setPlaceholderText(tr("The complaint as the customer told it"));
    m_description->setTabChangesFocus(true); // Tab goes on to the next field; the complaint needs no tabs
    fillCombo<Channel>(m_channel);
    fillCombo<Category>(m_category);
    fillCombo<Priority>(m_priority);
    m_assignToMe->setChecked(user.role == Role::Agent);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create ticket"));
    // Enter in a one-line field presses the default button; in the complaint box it starts a new line, so
    // Ctrl+Enter creates the ticket from anywhere in the dialog.
    auto *createKeys = new QAction(this);
    createKeys->setShortcuts(Composer::sendKeys());
    connect(createKeys, &QAction::triggered, this, &NewTicketDialog::accept);
    addAction(createKeys);
    m_ok->setToolTip(tr("Create the ticket (%1)")
                         .arg(Composer::sendKeys().constFirst().toString(QKeySequence::NativeText)));

    auto *form = new QFormLayout;
    form->addRow(tr("Waybill:"), m_waybill);
    form->addRow(QString(), m_waybillMessage);
    form->addRow(QString(), m_parcelInfo);
    form->addRow(tr("Customer name:"), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(QString(), m_phoneMessage);
    form->addRow(tr("Channel:"), m_channel);
    form->addRow(tr("Category:"), m_category);
    form->addRow(tr("Priority:"), m_priority);
    form->addRow(tr("Complaint:"), m_description);
    form->addRow(QString(), m_descriptionMessage);
    form->addRow(QString(), m_assignToMe);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_repeat);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connectFields();
    connect(buttons, &QDialogButtonBox::accepted, this, &NewTicketDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewTicketDialog::reject);
    categoryChanged();
    m_categoryTouched = false;
    revalidate();
}

void NewTicketDialog::connectFields()
{
    connect(m_waybill, &QLineEdit::textChanged, this, &NewTicketDialog::waybillChanged);
    connect(m_name, &QLineEdit::textChanged, this, &NewTicketDialog::revalidate);
    connect(m_phone, &QLineEdit::textChanged, this, &NewTicketDialog::revalidate);
    connect(m_phone, &QLineEdit::textChanged, this,
            [this] { m_repeat->check(m_waybill->text(), m_phone->text()); });
    connect(m_repeat, &RepeatNotice::addToOpenRequested, this, &NewTicketDialog::addToOpenTicket);
    connect(m_description, &QPlainTextEdit::textChanged, this, &NewTicketDialog::revalidate);
    connect(m_category, &QComboBox::currentIndexChanged, this, &NewTicketDialog::categoryChanged);
    connect(m_priority, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_settingDefaults)
            m_priorityTouched = true;
    });
}

void NewTicketDialog::setMessage(QLabel *label, const QString &message, bool touched)
{
    // An untouched empty field keeps OK disabled without scolding the person before they typed anything.
    label->setText(message);
    label->setVisible(touched && !message.isEmpty());
}

void NewTicketDialog::waybillChanged()
{
    const WaybillCheck w = Validation::checkWaybill(m_waybill->text());
    if (w.valid && w.normalized != m_lookedUp) {
        m_lookedUp = w.normalized;
        m_parcel = ParcelLookup::cached(m_db, w.normalized);
        if (m_parcel)
            showParcel(*m_parcel);
        else
            lookUpOnServer(w.normalized);
        if (m_name->text().trimmed().isEmpty())
            m_name->setText(WaybillHistoryRepository(m_db).earlierCustomerName(w.normalized, m_user));
        categoryChanged();
        m_repeat->check(w.normalized, m_phone->text());
    } else if (!w.valid) {
        m_lookedUp.clear();
        m_parcel.reset();
        m_parcelInfo->clear();
        m_repeat->check({}, m_phone->text());
    }
    revalidate();
}

void NewTicketDialog::showParcel(const Parcel &p)
{
    const Instant now = m_clock.nowMs();
    const bool late = p.promisedAt && (p.deliveredAt ? *p.deliveredAt > *p.promisedAt : now > *p.promisedAt);
    m_parcelInfo->setText(tr("Parcel found: %1, %2 → %3%4")
                              .arg(displayName(p.status), p.originAddress, p.destinationAddress,
                                   late ? tr(" (late)") : QString()));
    if (late && !m_categoryTouched) {
        m_settingDefaults = true;
        m_category->setCurrentIndex(m_category->findData(toCode(Category::Delay)));
        m_settingDefaults = false;
    }
}

void NewTicketDialog::lookUpOnServer(const QString &waybill)
{
    m_parcelInfo->setText(tr("Looking the parcel up on the server…"));
    ParcelLookup::fromServer(
        m_db, m_link, waybill, this,
        [this, waybill](ParcelLookup::Outcome outcome, const std::optional<Parcel> &p) {
            if (waybill != m_lookedUp)
                return; // the waybill was changed meanwhile
            if (outcome == ParcelLookup::Outcome::Unknown) {
                m_parcelInfo->setText(
                    tr("The server does not know this parcel yet; the ticket is linked when "
                       "it appears."));
                return;
            }
            if (!p) {
                m_parcelInfo->setText(tr("This parcel is not in the local cache and the server cannot be "
                                         "reached to look it up; the ticket can still be made and is linked "
                                         "when the parcel appears."));
                return;
            }
            m_parcel = p; // kept in the cache by the look-up: the pane and map show it too
            showParcel(*p);
            const bool touched = m_categoryTouched;
            categoryChanged(); // the declared value sets the default priority
            m_categoryTouched = touched;
            revalidate();
        });
}

void NewTicketDialog::categoryChanged()
{
    if (!m_settingDefaults)
        m_categoryTouched = true;
    if (m_priorityTouched)
        return;
    const auto category = fromCode<Category>(m_category->currentData().toString()).value_or(Category::Other);
    const Priority p = TicketRules::defaultPriority(category, m_parcel ? m_parcel->declaredValueFen : 0);
    m_settingDefaults = true;
    m_priority->setCurrentIndex(m_priority->findData(toCode(p)));
    m_settingDefaults = false;
}

void NewTicketDialog::revalidate()
{
    const WaybillCheck w = Validation::checkWaybill(m_waybill->text());
    const TextCheck name = Validation::checkText(m_name->text(), kMaxName, true);
    const PhoneCheck phone = Validation::checkPhone(m_phone->text());
    const TextCheck description = Validation::checkText(m_description->toPlainText(), kMaxDescription, true);
    setMessage(m_waybillMessage, w.message, !m_waybill->text().isEmpty());
    setMessage(m_nameMessage, name.message, !m_name->text().isEmpty());
    setMessage(m_phoneMessage, phone.message, !m_phone->text().isEmpty());
    setMessage(m_descriptionMessage, description.message, !m_description->toPlainText().isEmpty());
    m_ok->setEnabled(w.valid && name.valid && phone.valid && description.valid);
}

Ticket NewTicketDialog::draft() const
{
    Ticket t;
    t.waybillNo = m_waybill->text();
    t.customerName = m_name->text();
    t.customerPhone = m_phone->text();
    t.description = m_description->toPlainText();
    t.channel = fromCode<Channel>(m_channel->currentData().toString()).value_or(Channel::Phone);
    t.category = fromCode<Category>(m_category->currentData().toString()).value_or(Category::Other);
    t.priority = fromCode<Priority>(m_priority->currentData().toString()).value_or(Priority::P3);
    t.teamId = m_user.teamId;
    if (m_assignToMe->isChecked())
        t.assigneeId = m_user.id;
    return t;
}

void NewTicketDialog::accept()
{
    revalidate();
    if (!m_ok->isEnabled()) {
        // Show every field's message, also of fields not typed in yet.
        for (QLabel *l : {m_waybillMessage, m_nameMessage, m_phoneMessage, m_descriptionMessage})
            l->setVisible(!l->text().isEmpty());
        return;
    }
    QString error;
    LocalEdits edits(m_db, m_clock);
    const auto id = edits.createTicket(draft(), &error);
    if (!id) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_createdId = *id;
    QDialog::accept();
}

void NewTicketDialog::addToOpenTicket(const QString &ticketId)
{
    // What the customer says now goes with the call; a chase-up needs no words of its own.
    // The length of the call is not known here (it goes on while the dialog is open): 0, as the call dialog's
    // default.
    const QJsonObject data{{u"direction"_s, toCode(CallDirection::Inbound)},
                           {u"duration_s"_s, 0},
                           {u"outcome"_s, kChaseUpOutcome}};
    QString error;
    LocalEdits edits(m_db, m_clock);
    if (!edits.addEvent(ticketId, EventKind::Call, m_description->toPlainText().trimmed(), data, m_user.id,
                        &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_createdId = ticketId;
    m_chasedUp = true;
    QDialog::accept();
}

} // namespace pd
