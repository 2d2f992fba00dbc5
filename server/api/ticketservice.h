#pragma once

#include "actor.h"
#include "apierror.h"
#include "server/storage/keyaccountstore.h"
#include "server/storage/ticketstore.h"

#include "models/domain/clock.h"
#include "models/sla/slatypes.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace pd::server {

/// @brief A JSON response body with its status, as first sent (replayed for a retried request).
struct WriteResult
{
    int status = 200;
    QByteArray body;
};

/// @brief One step of a compensation request (docs/compensation.md) as it lands on the ticket.
struct CompensationStep
{
    EventKind kind = EventKind::CompensationRequested;
    QJsonObject data;                 ///< {compensation_id, amount, reason}
    std::optional<qint64> pendingFen; ///< the ticket's pending_compensation after the step
    std::optional<qint64> resolveFen; ///< set: resolve with resolution compensation and this amount
};

/**
 * @brief Every change to tickets: create, patch with If-Match, timeline events with Idempotency-Key.
 *
 * Each call is one WriteTx: the ticket, its events, the stored idempotent response, the audit row and the
 * live hint commit together or not at all. Responses carry the ticket as the caller may see it (customer data
 * masked unless CustomerDataRule gives it in full), and a write that changes who sees it in full re-stamps
 * the records concerned (its events, its parcel and tracking) so consoles pull them again. When a write moves
 * a ticket to another team, the same transaction re-stamps every event of it for the new team and writes a
 * withdrawal for the old one. Rules (state machine, team rights, validation) throw ApiError before anything
 * is written. The simulator, the SLA service and the importer use the same functions with Actor::server().
 */
class TicketService final
{
public:
    TicketService(TicketStore &store, const Clock &clock);

    [[nodiscard]] WriteResult create(const Actor &actor, const QJsonObject &body,
                                     const QString &idempotencyKey);
    [[nodiscard]] WriteResult patch(const Actor &actor, const QString &id, const QJsonObject &body,
                                    std::optional<qint64> ifMatch);
    [[nodiscard]] WriteResult addEvent(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                                       const QString &idempotencyKey, std::optional<qint64> ifMatch);
    /**
     * @brief Merges ticket @p id into body.into (supervisors; same team; target open and not merged
     * itself): the conversation (replies, notes, calls) and the attachments move to the target, the merged
     * ticket closes with merged_into set, both get a "merged" event. A repeated request answers 200 with no
     * change. 200 with {ticket, target, moved_events, moved_attachments}; 409 merge_refused with the reason.
     */
    [[nodiscard]] WriteResult merge(const Actor &actor, const QString &id, const QJsonObject &body,
                                    std::optional<qint64> ifMatch);
    /// @brief Tombstones the ticket and its events (If-Match required); 204 with no body.
    [[nodiscard]] WriteResult remove(const Actor &actor, const QString &id, std::optional<qint64> ifMatch);

    /// @brief Loads a ticket the actor may read; 404 or 403 otherwise.
    [[nodiscard]] Ticket readable(const Actor &actor, const QString &id);

    /// @brief A ticket's JSON as @p actor may see it: customer data in full or masked (CustomerDataRule).
    [[nodiscard]] static QJsonObject viewOf(const Actor &actor, const Ticket &t);
    /// @brief An event of @p t as @p actor may see it (phone numbers in its text masked or not).
    [[nodiscard]] static QJsonObject viewOf(const Actor &actor, const Ticket &t, const TicketEvent &e);

    /**
     * @brief Writes the sla_breach event of each (ticket, clock) once, all in one transaction: the event id
     * is derived from ticket and clock and the check runs under the writer lock, so several instances cannot
     * write it twice. Returns how many were new.
     */
    int recordBreaches(const QList<QPair<QString, SlaClock>> &breaches);
    /// @brief Closes resolved tickets whose follow-up window (72 h) has passed; returns how many.
    int closeExpiredResolved(qint64 resolvedBeforeMs);

    /**
     * @brief Writes a routing decision in @p tx, whose caller has claimed the ticket already
     * (RoutingStore::claim at t.version): the ticket at version + 1 with @p assigneeId, and an assignment
     * event by "system" with @p reason as its text and @p data (the decision) merged with {"from","to"} —
     * then commits @p tx. @p t and @p event receive what was written.
     */
    void recordRouting(WriteTx &tx, Ticket &t, const QString &assigneeId, const QString &reason,
                       const QJsonObject &data, TicketEvent *event = nullptr);

    /**
     * @brief Called on every PATCH and client event by a signed-in user, with the ticket before and after the
     * change and before anything is written; throws ApiError to refuse (the compensation approval limits).
     */
    using CompensationGuard = std::function<void(const Actor &, const Ticket &before, const Ticket &after)>;
    void setCompensationGuard(CompensationGuard guard) { m_compensationGuard = std::move(guard); }
    /**
     * @brief Records of a ticket kept outside TicketService (attachments): @p inTransaction runs in the
     * deletion's transaction, @p committed after it with the ticket's id.
     */
    void setRemovalHooks(std::function<void(WriteTx &, const QString &)> inTransaction,
                         std::function<void(const QString &)> committed)
    {
        m_removalInTx = std::move(inTransaction);
        m_removalCommitted = std::move(committed);
    }
    /**
     * @brief Moves a merged ticket's records kept outside TicketService (attachments) to the target in the
     * merge's transaction; returns how many moved.
     */
    using MergeHook = std::function<int(WriteTx &, const QString &sourceId, const Ticket &target)>;
    void setMergeHook(MergeHook hook) { m_mergeHook = std::move(hook); }
    /// @brief The open incident of a waybill (docs/proactive.md): a new ticket about it is linked to it.
    using IncidentLookup = std::function<QString(const QString &waybill)>;
    void setIncidentLookup(IncidentLookup lookup) { m_incidentOf = std::move(lookup); }
    /**
     * @brief Writes a compensation step in @p tx (ticketservice_compensation.cpp): its event by @p actor,
     * pending_compensation, and with step.resolveFen the resolution (a status_change event like the resolve
     * path; ApiError 409 when the ticket cannot be resolved) — the ticket at version + 1 — then commits @p
     * tx.
     */
    void recordCompensation(WriteTx &tx, const Actor &actor, Ticket &t, const CompensationStep &step);

    /**
     * @brief A ticket's language as a request gives it (@p v: absent, null, or "zh", "yue", "en"): empty for
     * the company's own. ApiError 400 (field "language") otherwise.
     */
    [[nodiscard]] static QString checkedLanguage(const QJsonValue &v);

    /// @brief The live hint for a changed ticket (kind "changed").
    [[nodiscard]] static QJsonObject changedHint(const Ticket &t, qint64 seq);

    [[nodiscard]] TicketStore &store() { return m_store; }

private:
    /// @brief Applies one event to the ticket; may add extra events (an implied status change).
    void applyEvent(const Actor &actor, Ticket &t, TicketEvent &e, QList<TicketEvent> &extra, qint64 now);
    void applyPatch(const Actor &actor, Ticket &t, const QJsonObject &body, QList<TicketEvent> &events,
                    qint64 now);
    void transition(const Actor &actor, Ticket &t, TicketStatus to, QList<TicketEvent> &events, qint64 now,
                    const QJsonObject &extraData = {});
    [[nodiscard]] TicketEvent systemEvent(const Actor &actor, const Ticket &t, EventKind kind, qint64 now,
                                          const QJsonObject &data) const;
    void assign(const Actor &actor, Ticket &t, const QString &assigneeId, const QString &teamId,
                QList<TicketEvent> &events, qint64 now);
    void placeNewTicket(const Actor &actor, Ticket &t);
    [[nodiscard]] std::optional<WriteResult> replay(const QString &key, const Actor &actor);
    /// @brief The ticket moved from @p oldTeam to t.teamId: its events follow, the old team is withdrawn.
    void followTeam(WriteTx &tx, const Ticket &t, const QString &oldTeam);
    /// @brief Re-stamps the masked records whose readers in full changed with this write (@p after null: the
    /// ticket was deleted).
    void reshareCustomerData(WriteTx &tx, const std::optional<Doc> &before, const Ticket *after);
    [[nodiscard]] static QByteArray mergeResponse(const Actor &actor, const Ticket &source,
                                                  const Ticket &target, int movedEvents, int movedFiles);
    WriteResult commit(WriteTx &tx, const Actor &actor, const Ticket &t, const QList<TicketEvent> &events,
                       int status, const QByteArray &body, const QString &idempotencyKey,
                       const QString &action);

    /// @brief Sets t.keyAccount from the register of key accounts (the client never sets it).
    void flagKeyAccount(Ticket &t) { t.keyAccount = m_keys.isKeyAccount(t.customerPhone); }

    TicketStore &m_store;
    const Clock &m_clock;
    KeyAccountStore m_keys;
    CompensationGuard m_compensationGuard;
    std::function<void(WriteTx &, const QString &)> m_removalInTx;
    std::function<void(const QString &)> m_removalCommitted;
    MergeHook m_mergeHook;
    IncidentLookup m_incidentOf;
};

} // namespace pd::server
