#pragma once

#include "models/domain/entities.h"
#include "models/sla/slatypes.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace pd {

class Clock;
class Database;
class SlaMonitor;

/**
 * @brief Tells people when their tickets need them: an agent hears when one of their tickets is at risk or
 * breached, a supervisor hears of every breach in the team. Watches the open tickets of that scope with
 * the SLA monitor (server time); the caller turns notified() into a tray message. A regulator appeal that
 * arrives in that scope is announced too.
 */
class SlaNotifier final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxWatched = 1000;
    static constexpr int kReloadMs = 500;
    static constexpr int kFirstReloadMs = 3000;
    SlaNotifier(const Database &db, Clock *clock, QObject *parent = nullptr);
    ~SlaNotifier() override;

    void setCurrentUser(const User &user);
    /// @brief Re-reads the watched tickets from the cache (debounced).
    void reloadSoon();
    [[nodiscard]] int watchedCount() const;

Q_SIGNALS:
    void notified(const QString &title, const QString &message, const QString &ticketId);

private:
    void reload();
    void onAtRisk(const QString &ticketId, pd::SlaClock clock);
    void onBreached(const QString &ticketId, pd::SlaClock clock);
    [[nodiscard]] QString describe(const QString &ticketId) const;

    const Database &m_db;
    SlaMonitor *m_monitor;
    User m_user;
    QTimer m_reload;
    QSet<QString> m_watched;
    QSet<QString> m_appeals; ///< regulator appeals seen in scope (announced once)
    bool m_appealsPrimed = false;
};

} // namespace pd
