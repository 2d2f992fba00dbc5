#include "slaservice.h"

#include "legalbreaches.h"

#include <QJsonDocument>

Q_LOGGING_CATEGORY(lcServerSla, "pd.server.sla")

namespace pd::server {

SlaService::SlaService(TicketService &tickets, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_tickets(tickets)
    , m_clock(clock)
    , m_monitor(&clock)
{
    connect(&m_monitor, &SlaMonitor::breached, this, &SlaService::onBreached);
    connect(&m_housekeeping, &QTimer::timeout, this, [this] { closeExpired(); });
    m_housekeeping.start(60 * 1000);
    m_breachFlush.setSingleShot(true);
    connect(&m_breachFlush, &QTimer::timeout, this, &SlaService::flushBreaches);
}

void SlaService::setBreachRetryMs(int ms)
{
    m_breachRetryMs = ms;
}

std::optional<SlaPolicy> SlaService::storedPolicy(DocumentStore &docs, qint64 *version)
{
    const auto d = docs.get(DocType::SlaPolicy, QStringLiteral("default"));
    if (!d)
        return std::nullopt;
    if (version)
        *version = d->version;
    return SlaPolicy::fromJson(QJsonDocument::fromJson(d->data).object());
}

void SlaService::load()
{
    if (auto p = storedPolicy(m_tickets.store().docs()))
        m_monitor.setPolicy(*p);
    const auto docs = m_tickets.store().docs().byStatus(
        DocType::Ticket,
        {toCode(TicketStatus::New), toCode(TicketStatus::Open), toCode(TicketStatus::Pending),
         toCode(TicketStatus::Reopened), toCode(TicketStatus::Resolved)});
    for (const Doc &d : docs) {
        const auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (t)
            m_monitor.updateTicket(*t, m_tickets.store().events(t->id));
    }
    qCInfo(lcServerSla) << "watching" << m_monitor.ticketCount() << "tickets";
}

void SlaService::setPolicy(const SlaPolicy &policy)
{
    m_monitor.setPolicy(policy);
}

void SlaService::ticketChanged(const QString &ticketId)
{
    const auto t = m_tickets.store().ticket(ticketId);
    if (!t || t->status == TicketStatus::Closed) {
        m_monitor.removeTicket(ticketId);
        return;
    }
    m_monitor.updateTicket(*t, m_tickets.store().events(ticketId));
}

void SlaService::onBreached(const QString &ticketId, SlaClock clock)
{
    m_pendingBreaches.append({ticketId, clock});
    if (!m_breachFlush.isActive())
        m_breachFlush.start(0);
}

void SlaService::flushBreaches()
{
    const auto batch = std::exchange(m_pendingBreaches, {});
    try {
        // The legal clocks have their own ids (a redo per rejection) and data (docs/appeals.md).
        QList<QPair<QString, SlaClock>> service;
        QList<QPair<QString, SlaClock>> legal;
        for (const auto &b : batch)
            (isLegalClock(b.second) ? legal : service).append(b);
        int n = service.isEmpty() ? 0 : m_tickets.recordBreaches(service);
        if (!legal.isEmpty())
            n += recordLegalBreaches(m_tickets.store(), m_clock, m_monitor.policy(), legal);
        if (n > 0)
            qCInfo(lcServerSla) << n << "breaches recorded";
    } catch (const std::exception &e) {
        // Kept and retried soon (not only at the next breach): the breach event and its live hint are what
        // supervisors act on. Written once whenever it gets through (the id is derived from ticket and
        // clock).
        qCWarning(lcServerSla) << "could not record" << batch.size() << "breaches, retrying in"
                               << m_breachRetryMs << "ms:" << e.what();
        m_pendingBreaches = batch + m_pendingBreaches;
        m_breachFlush.start(m_breachRetryMs);
    }
}

int SlaService::closeExpired()
{
    try {
        return m_tickets.closeExpiredResolved(m_clock.nowMs() - kAutoCloseMs);
    } catch (const std::exception &e) {
        qCWarning(lcServerSla) << "auto-close failed:" << e.what();
        return 0;
    }
}

} // namespace pd::server
