#pragma once

#include "server/api/ticketservice.h"

#include "models/sla/slamonitor.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServerSla)

namespace pd::server {

/**
 * @brief The server's SLA authority: deadlines from models/sla, one sla_breach event per ticket and clock.
 *
 * Holds every open (and recently resolved) ticket in a pd::SlaMonitor driven by the server clock. A breach
 * writes the event through TicketService::recordBreach (its id is derived from ticket and clock, so it is
 * written once even with several instances); the live hint goes out with it. Ticket changes from any
 * instance arrive as live "changed" events and update the monitor; the legal clocks (statutory, appeal answer
 * and redo) are watched too and their breaches written by recordLegalBreaches (one per clock instance); a
 * policy change recomputes every ticket held. Resolved tickets are closed after the 72 h follow-up window. A
 * breach that cannot be written (storage fault) is kept and retried every few seconds until it is.
 */
class SlaService final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kAutoCloseMs = 72LL * 3600 * 1000;

    SlaService(TicketService &tickets, Clock &clock, QObject *parent = nullptr);

    /// @brief Reads the stored policy (or the defaults) and every ticket that still has a running clock.
    void load();
    [[nodiscard]] const SlaPolicy &policy() const { return m_monitor.policy(); }
    void setPolicy(const SlaPolicy &policy);
    /// @brief Re-reads one ticket after a change (any instance).
    void ticketChanged(const QString &ticketId);
    /// @brief Closes resolved tickets past the follow-up window now.
    int closeExpired();

    [[nodiscard]] SlaMonitor &monitor() { return m_monitor; }
    /// @brief Breaches not written yet (a storage fault); retried every breachRetryMs.
    [[nodiscard]] int pendingBreaches() const { return int(m_pendingBreaches.size()); }
    void setBreachRetryMs(int ms);

    /// @brief The stored policy, or nullopt for the built-in defaults.
    [[nodiscard]] static std::optional<SlaPolicy> storedPolicy(DocumentStore &docs,
                                                               qint64 *version = nullptr);

private:
    void onBreached(const QString &ticketId, pd::SlaClock clock);
    void flushBreaches();

    TicketService &m_tickets;
    Clock &m_clock;
    SlaMonitor m_monitor;
    QTimer m_housekeeping;
    QTimer m_breachFlush; ///< breaches due together are written in one transaction
    QList<QPair<QString, SlaClock>> m_pendingBreaches;
    int m_breachRetryMs = 5000;

    Q_DISABLE_COPY_MOVE(SlaService)
};

} // namespace pd::server
