#pragma once

#include "server/api/actor.h"
#include "server/api/apierror.h"
#include "server/storage/ticketstore.h"

#include "models/domain/clock.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace pd::server {

/// @brief One appeal as the regulator forwards it (API body or CSV row), validated.
struct AppealInput
{
    QString number;
    Instant forwardedAt = 0;
    QString office;
    QString waybillNo;
    QString customerName;
    QString customerPhone;
    QString description;
    Category category = Category::Other;
};

/**
 * @brief Regulator appeals (docs/appeals.md): import (one ticket per appeal number, idempotent by the appeals
 * table), the company's answer and the regulator's rejection.
 *
 * An imported appeal is a ticket of source regulator_appeal, priority p1, in the appeals team (the setting
 * "appeals_team" in meta when it names a team, else the team of the waybill's latest earlier ticket, else the
 * first team), with the customer's earlier tickets (same waybill or phone number) linked. Every write is one
 * WriteTx with the ticket at version + 1, its events, the audit row and the live hint, so consoles get it
 * through the change feed. Rule violations throw ApiError (field-named, translated) before anything is
 * written.
 */
class AppealService final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::AppealService)
public:
    static constexpr int kMaxBatch = 500;

    AppealService(TicketStore &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    /// @brief Validates one appeal; ApiError 400 naming "<prefix>field" otherwise.
    [[nodiscard]] AppealInput parse(const QJsonObject &o, const QString &prefix = {}) const;

    struct Imported
    {
        Ticket ticket;
        bool created = false;
    };
    /// @brief Creates the appeal's ticket, or returns the one its number has already (creating nothing).
    Imported importAppeal(const Actor &actor, const AppealInput &in);

    /// @brief Records the company's answer (text required): answered_at, event appeal_answered.
    Ticket answer(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                  std::optional<qint64> ifMatch);
    /// @brief Records the regulator's rejection {at, reason}: rejected_at, rejections + 1, event
    /// appeal_rejected; a resolved or closed ticket is reopened (the redo clock runs).
    Ticket reject(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                  std::optional<qint64> ifMatch);

    /// @brief The configured appeals team ("" = by the waybill's earlier ticket).
    [[nodiscard]] QString appealsTeam();
    /// @brief Sets it (must name a team, or be empty); ApiError otherwise.
    void setAppealsTeam(const Actor &actor, const QString &teamId);

    /// @brief Ids of the tickets of the same waybill or phone number, oldest first.
    [[nodiscard]] QList<Ticket> earlierTickets(const QString &waybill, const QString &phone);

private:
    [[nodiscard]] Ticket writable(const Actor &actor, const QString &ticketId, std::optional<qint64> ifMatch);
    [[nodiscard]] QString teamFor(const QList<Ticket> &earlier, const QString &waybill);
    void save(WriteTx &tx, const Actor &actor, Ticket &t, const QList<TicketEvent> &events,
              const QString &action);
    [[nodiscard]] TicketEvent event(const Actor &actor, const Ticket &t, EventKind kind, const QString &text,
                                    const QJsonObject &data, qint64 now) const;

    TicketStore &m_store;
    const Clock &m_clock;
};

/**
 * @brief PATCH /tickets/{id} {"appeal": {"company_at_fault", "fault_reason"}}: the fault finding of an appeal
 * ticket (a reason is required when the company is at fault; null clears the finding). ApiError otherwise.
 */
void patchAppealFinding(const QJsonValue &value, Ticket &t);

} // namespace pd::server
