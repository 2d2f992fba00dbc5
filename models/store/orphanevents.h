#pragma once

#include "models/domain/entities.h"

#include <QStringList>

namespace pd {

class Database;

/**
 * @brief Timeline events that arrived before their ticket, kept until it does.
 *
 * The change feed orders records by their last change. An event keeps the number it was written with while
 * its ticket gets a new one at every write, so the event of a ticket updated later arrives pages before the
 * ticket. It waits here and moves to ticket_events when the ticket is in the cache; it is dropped with its
 * ticket (deleted, or withdrawn from this user's sight).
 */
class OrphanEvents final
{
public:
    explicit OrphanEvents(const Database &db);

    /// @brief Keeps events whose ticket the cache does not hold (a newer copy of one replaces the older).
    bool keep(const QList<TicketEvent> &events, QString *error = nullptr);
    /// @brief Moves the kept events of these tickets (just written to the cache) to ticket_events; their
    /// ticket ids go to @p tickets.
    bool adopt(const QStringList &ticketIds, QStringList *tickets, QString *error = nullptr);
    /// @brief Forgets the kept events of these tickets (deleted or withdrawn).
    bool drop(const QStringList &ticketIds, QString *error = nullptr);
    bool dropEvents(const QStringList &eventIds, QString *error = nullptr);
    bool clear(QString *error = nullptr);
    /// @brief Nothing waits (cheap: one index probe).
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] int size() const;

private:
    const Database &m_db;
};

} // namespace pd
