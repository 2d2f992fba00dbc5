#pragma once

#include "models/domain/clock.h"
#include "models/domain/entities.h"
#include "outboxrepository.h"
#include "ticketconflicts.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pd {

class Database;

/**
 * @brief What people change in the console, written so that nothing typed is ever lost.
 *
 * Each edit is validated first (nothing is written when it is refused), then applied to the cache and queued
 * in the outbox in one transaction: the UI shows it at once, marked pending, and the sync engine sends it.
 * The engine reports the server's answer back here: confirm() on success, conflict() on 412. A conflict keeps
 * the person's fields beside the server copy, shows the server's fields the person did not touch, and waits
 * for keepMine() or takeTheirs().
 */
class LocalEdits final
{
    Q_DECLARE_TR_FUNCTIONS(pd::LocalEdits)
public:
    LocalEdits(const Database &db, const Clock &clock);

    /// @brief Adds a timeline event (reply, note, call, …); returns its new id, or nullopt and a message.
    [[nodiscard]] std::optional<QString> addEvent(const QString &ticketId, EventKind kind,
                                                  const QString &text, const QJsonObject &data,
                                                  const QString &authorId, QString *error);
    /// @brief Changes ticket fields (JSON names of docs/domain.md); the state machine and field rules apply.
    bool updateTicket(const QString &ticketId, const QJsonObject &fields, QString *error);
    /// @brief A ticket made in the console: it gets a client id and is pending until the server confirms it.
    [[nodiscard]] std::optional<QString> createTicket(Ticket draft, QString *error);

    /**
     * @brief The server accepted outbox item @p seq; @p serverTicket / @p serverEvents are what it returned.
     * @param previousVersion the ticket's version just before this write, when known (a PATCH's If-Match, the
     * server's previous_version for an event, 0 for a create). Queued field edits made on that version move
     * to the new one; edits made on another version (someone else wrote in between) keep theirs.
     */
    bool confirm(qint64 seq, const std::optional<Ticket> &serverTicket,
                 const QList<TicketEvent> &serverEvents, std::optional<qint64> previousVersion,
                 QString *error);
    /// @brief The server refused outbox item @p seq with 412; @p serverCopy is its current ticket.
    bool conflict(qint64 seq, const Ticket &serverCopy, QString *error);
    /// @brief The server refused item @p seq for good (409, 422, 403): it stays, marked, with the reason,
    /// and a refused timeline entry leaves the timeline. Follow with revert() once the server's copy is in.
    bool reject(qint64 seq, const QString &reason, QString *error);
    /// @brief After a refusal: the row becomes the server's copy (@p serverCopy), or goes when the server no
    /// longer lets this user read the ticket (nullopt), unless it is a ticket made here and refused.
    bool revert(const QString &ticketId, const std::optional<Ticket> &serverCopy, QString *error);
    /// @brief Rows marked as locally edited with nothing left to send: they need the server's copy.
    [[nodiscard]] QStringList staleRows() const;
    /// @brief The ticket's edits the server refused for good, oldest first (reason in lastError).
    [[nodiscard]] QList<OutboxItem> refused(const QString &ticketId) const;
    /// @brief Drops a refused edit (the person read it; Copy text keeps what they typed).
    bool discardRefused(qint64 seq, QString *error);

    [[nodiscard]] QList<TicketConflict> conflicts() const;
    [[nodiscard]] std::optional<TicketConflict> conflictFor(const QString &ticketId) const;
    /// @brief Sends the person's fields again, now on top of the server's version.
    bool keepMine(const QString &ticketId, QString *error);
    /// @brief Drops the person's fields for the server's copy (an explicit choice, never automatic).
    bool takeTheirs(const QString &ticketId, QString *error);

    /// @brief Fields an edit may change.
    [[nodiscard]] static const QStringList &editableFields();

private:
    bool enqueue(const QString &ticketId, const char *method, const QString &path, const QJsonObject &payload,
                 std::optional<qint64> baseVersion, const QString &key, QString *error);

    const Database &m_db;
    const Clock &m_clock;
};

} // namespace pd
