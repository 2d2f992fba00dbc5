// TicketPane: customer values revealed on purpose (docs/ticketpane.md, "Reveal on purpose").
#include "calldialog.h"
#include "customercard.h"
#include "customerreveal.h"
#include "models/domain/masking.h"
#include "revealdialog.h"
#include "ticketpane.h"
#include "ui/common/serverlink.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace pd {

void TicketPane::setServerLink(ServerLink *link)
{
    m_link = link;
    m_reveal->setLink(link);
}

RevealDialog *TicketPane::revealDialog() const
{
    return m_revealDialog;
}

void TicketPane::revealPhone()
{
    reveal(CustomerField::Phone);
}

void TicketPane::revealName()
{
    reveal(CustomerField::Name);
}

void TicketPane::revealAddress()
{
    reveal(CustomerField::Address);
}

QString TicketPane::shownPhone() const
{
    if (!m_ticket)
        return {};
    const RevealedValues &r = m_reveal->values();
    return r.has(CustomerField::Phone)
               ? r.phone
               : CustomerCard::shownPhone(m_ticket->customerPhone,
                                          PaneActionRules::showsFullPhone(m_user, *m_ticket));
}

QString TicketPane::shownName() const
{
    if (!m_ticket)
        return {};
    const RevealedValues &r = m_reveal->values();
    return r.has(CustomerField::Name) ? r.name : m_ticket->customerName;
}

void TicketPane::showRevealState(const std::optional<Parcel> &parcel)
{
    const Ticket &t = *m_ticket;
    const RevealedValues &r = m_reveal->values();
    // Masked on screen: sent masked by the server, or (the phone) masked here for this viewer.
    const bool phoneMasked = !r.has(CustomerField::Phone) && (Masking::looksMasked(t.customerPhone) ||
                                                              !PaneActionRules::showsFullPhone(m_user, t));
    const bool nameMasked = !r.has(CustomerField::Name) && Masking::looksMasked(t.customerName);
    const bool addressMasked =
        !r.has(CustomerField::Address) && parcel &&
        (Masking::looksMasked(parcel->originAddress) || Masking::looksMasked(parcel->destinationAddress));
    m_card->setRevealed(r);
    m_card->setRevealAllowed(CustomerField::Phone,
                             PaneActionRules::checkReveal(CustomerField::Phone, m_user, t, phoneMasked,
                                                          !t.customerPhone.isEmpty()));
    m_card->setRevealAllowed(
        CustomerField::Name,
        PaneActionRules::checkReveal(CustomerField::Name, m_user, t, nameMasked, !t.customerName.isEmpty()));
    m_card->setRevealAllowed(
        CustomerField::Address,
        PaneActionRules::checkReveal(CustomerField::Address, m_user, t, addressMasked, parcel.has_value()));
    m_card->setRevealBusy(m_reveal->busy());
}

void TicketPane::reveal(CustomerField field)
{
    if (!m_ticket || m_revealDialog || m_reveal->busy())
        return;
    // The card's button says whether the value is masked and whether this person may ask for it.
    const QPushButton *button = m_card->revealButton(field);
    if (!button->isEnabled()) {
        showError(button->toolTip());
        return;
    }
    m_revealDialog = new RevealDialog(field, this);
    m_revealDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_revealDialog, &QDialog::accepted, this, [this, dialog = m_revealDialog.data()] {
        m_message->hide();
        m_reveal->request(dialog->field(), dialog->reason(), dialog->note());
        m_card->setRevealBusy(m_reveal->busy());
    });
    m_revealDialog->open();
}

void TicketPane::provideCallNumber()
{
    if (!m_callDialog || !m_ticket)
        return;
    const Ticket &t = *m_ticket;
    if (m_reveal->values().has(CustomerField::Phone))
        return m_callDialog->setNumber(m_reveal->values().phone);
    if (t.customerPhone.isEmpty())
        return m_callDialog->setNumber(tr("The ticket has no phone number."));
    if (PaneActionRules::showsFullPhone(m_user, t) && !Masking::looksMasked(t.customerPhone))
        return m_callDialog->setNumber(t.customerPhone); // the assignee: the server sent it in full
    // Calling needs the number: the call reveals it, with the reason "callback", logged like any reveal.
    const ActionCheck check = PaneActionRules::checkReveal(CustomerField::Phone, m_user, t, true, true);
    if (!check.allowed)
        return m_callDialog->setNumber(check.reason);
    m_callWaitsForNumber = true;
    m_callDialog->setNumber(tr("Asking the server for the number (logged as a call back)…"));
    if (!m_reveal->busy())
        m_reveal->request(CustomerField::Phone, u"callback"_s);
    m_card->setRevealBusy(m_reveal->busy());
}

void TicketPane::onRevealed(CustomerField field)
{
    m_message->hide();
    if (field == CustomerField::Phone && m_callDialog && m_callWaitsForNumber)
        m_callDialog->setNumber(m_reveal->values().phone);
    m_callWaitsForNumber = false;
    if (!m_ticket)
        return;
    reload(); // card, summary and buttons with the full value
    if (field != CustomerField::Phone || !m_callDialog)
        m_tabs->setCurrentWidget(m_card);
}

void TicketPane::onRevealRefused(CustomerField field, const QString &message)
{
    if (field == CustomerField::Phone && m_callDialog && m_callWaitsForNumber)
        m_callDialog->setNumber(message);
    m_callWaitsForNumber = false;
    showError(message);
    if (m_ticket)
        reload(); // the buttons again
}

} // namespace pd
