#include "slanotifier.h"

#include "models/sla/slamonitor.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"

namespace pd {

SlaNotifier::SlaNotifier(const Database &db, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_monitor(new SlaMonitor(clock, this))
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(kReloadMs);
    connect(&m_reload, &QTimer::timeout, this, &SlaNotifier::reload);
    connect(m_monitor, &SlaMonitor::atRisk, this, &SlaNotifier::onAtRisk);
    connect(m_monitor, &SlaMonitor::breached, this, &SlaNotifier::onBreached);
}

SlaNotifier::~SlaNotifier() = default;

int SlaNotifier::watchedCount() const
{
    return int(m_monitor->ticketCount());
}

void SlaNotifier::setCurrentUser(const User &user)
{
    m_user = user;
    m_monitor->clear();
    m_watched.clear();
    m_appeals.clear();
    m_appealsPrimed = false;
    m_reload.start(kFirstReloadMs); // not on the way to the first painted queue
}

void SlaNotifier::reloadSoon()
{
    m_reload.start(kReloadMs);
}

void SlaNotifier::reload()
{
    if (m_user.id.isEmpty())
        return;
    TicketQuery q;
    // The running clocks due soonest: the ones that can warn or breach in the next hours.
    q.statuses = {TicketStatus::New, TicketStatus::Open, TicketStatus::Reopened};
    q.limit = kMaxWatched;
    if (m_user.role == Role::Agent)
        q.assigneeId = m_user.id;
    else if (m_user.role == Role::Supervisor)
        q.teamId = m_user.teamId;
    else
        return; // managers and admins read the dashboard; they are not paged for single tickets
    const QList<TicketRow> rows = TicketRepository(m_db).query(q).rows;
    QSet<QString> open;
    for (const TicketRow &row : rows) {
        open.insert(row.ticket.id);
        m_monitor->updateTicket(row.ticket);
        // A regulator appeal new to this scope is announced once (not the ones there at sign-in).
        if (row.ticket.source == TicketSource::RegulatorAppeal && !m_appeals.contains(row.ticket.id)) {
            m_appeals.insert(row.ticket.id);
            if (m_appealsPrimed)
                Q_EMIT notified(tr("New regulator appeal"), describe(row.ticket.id), row.ticket.id);
        }
    }
    m_appealsPrimed = true;
    // Tickets that left the scope (resolved, handed over) are forgotten; their pending signals with them.
    QStringList gone;
    for (const QString &id : std::as_const(m_watched))
        if (!open.contains(id))
            gone.append(id);
    for (const QString &id : gone)
        m_monitor->removeTicket(id);
    m_watched = open;
}

QString SlaNotifier::describe(const QString &ticketId) const
{
    const auto row = TicketRepository(m_db).byId(ticketId);
    if (!row)
        return ticketId;
    return tr("%1 · %2 · %3").arg(row->ticket.number, row->ticket.waybillNo, row->ticket.customerName);
}

void SlaNotifier::onAtRisk(const QString &ticketId, SlaClock clock)
{
    if (m_user.role != Role::Agent)
        return; // supervisors hear of breaches only
    QString title = tr("%1 due soon").arg(displayName(clock));
    if (clock == SlaClock::FirstResponse)
        title = tr("First response due soon");
    else if (clock == SlaClock::Resolution)
        title = tr("Resolution due soon");
    Q_EMIT notified(title, describe(ticketId), ticketId);
}

void SlaNotifier::onBreached(const QString &ticketId, SlaClock clock)
{
    QString title = tr("%1 overdue").arg(displayName(clock));
    if (clock == SlaClock::FirstResponse)
        title = tr("First response overdue");
    else if (clock == SlaClock::Resolution)
        title = tr("Resolution overdue");
    Q_EMIT notified(title, describe(ticketId), ticketId);
}

} // namespace pd
