// The ticket pane's History tab: the customer's other tickets (docs/ticketpane.md, "Customer history").
#include "customerhistorypanel.h"
#include "incidentbanner.h"
#include "mergebanner.h"
#include "models/store/customerhistoryrepository.h"
#include "ticketpane.h"

#include <QTabWidget>

namespace pd {

void TicketPane::showHistory(const Ticket &t, Instant now)
{
    // Two index lookups on the GUI thread (CustomerHistoryRepository); the list holds numbers and states
    // only.
    const CustomerHistory history = CustomerHistoryRepository(m_db).forTicket(t, m_user, now);
    m_history->setHistory(history);
    setHistoryTabText(history.total);
    showMergeState(t);
    showIncident(t);
}

void TicketPane::clearHistory()
{
    m_history->clear();
    m_history->setMergeAllowed(false, {});
    m_mergeBanner->clear();
    m_incidentBanner->clear();
    setHistoryTabText(0);
}

void TicketPane::setHistoryTabText(int others)
{
    m_tabs->setTabText(kHistoryTab, others > 0 ? tr("History (%1)").arg(others) : tr("History"));
}

} // namespace pd
