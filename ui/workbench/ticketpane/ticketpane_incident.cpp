// TicketPane: the incident a complaint belongs to (docs/proactive.md, "Incidents"): the server links a new
// complaint about a parcel of an open incident; the banner explains it from the cache.
#include "incidentbanner.h"
#include "ticketpane.h"

#include "models/store/incidentrepository.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pd {

void TicketPane::connectIncident()
{
    m_incidentBanner = new IncidentBanner(m_zone, this);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(box->indexOf(m_header), m_incidentBanner);
    connect(m_incidentBanner, &IncidentBanner::incidentRequested, this, &TicketPane::incidentRequested);
}

void TicketPane::showIncident(const Ticket &t)
{
    if (t.incidentId.isEmpty())
        return m_incidentBanner->clear();
    m_incidentBanner->showIncident(t.incidentId, IncidentRepository(m_db).byId(t.incidentId));
}

} // namespace pd
