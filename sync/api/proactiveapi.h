#pragma once

#include "models/domain/entities.h"
#include "sync/apiclient.h"

namespace pd {

/**
 * @brief The proactive service from the console's side (docs/api.md, "Proactive service"): incidents with
 * their parcels and notices, the proactive cases, and what an agent or supervisor does with them.
 */
class ProactiveApi final
{
public:
    explicit ProactiveApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief GET /incidents?state=…, each with its notice counts.
    ApiReply *incidents(const QString &state);
    /// @brief GET /incidents/{id}: the incident with its affected parcels.
    ApiReply *incident(const QString &id);
    /// @brief PATCH /incidents/{id} with the fields of @p changes (explanation, expected_recovery_at, state).
    ApiReply *updateIncident(const QString &id, const QJsonObject &changes);
    /// @brief POST /incidents/{id}/notify: notices to the customers of its parcels.
    ApiReply *notifyIncident(const QString &id, const QJsonObject &request);
    /// @brief GET /proactive/cases?state=…&incident=… (empty: any).
    ApiReply *cases(const QString &state, const QString &incidentId);
    /// @brief POST /proactive/cases/{id}/dismiss with the reason.
    ApiReply *dismissCase(const QString &id, const QString &reason);
    /// @brief POST /proactive/cases/{id}/notify.
    ApiReply *notifyCase(const QString &id, const QJsonObject &request);
    /// @brief POST /proactive/cases/{id}/ticket: a complaint about the case's parcel.
    ApiReply *ticketFromCase(const QString &id);
    /// @brief GET /proactive/effect?from=…&to=… (supervisors and managers): the effect of notices on the
    /// parcels with an exception detected in [from, to) (pd::EffectFigures::fromJson reads the answer).
    ApiReply *effect(Instant from, Instant to);

private:
    ApiClient *m_client;
};

} // namespace pd
