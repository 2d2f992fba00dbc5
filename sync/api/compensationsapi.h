#pragma once

#include "sync/apiclient.h"

namespace pd {

/**
 * @brief Compensation from the console's side (docs/api.md, "Compensation"): the rules the calculator uses, a
 * request for an amount above the agent's own limit, and the supervisors' approvals queue.
 */
class CompensationsApi final
{
public:
    explicit CompensationsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief GET /compensation-policy: the rules JSON with its version.
    ApiReply *policy();
    /// @brief POST /tickets/{id}/compensations with `{amount, proposed, explanation, reason}` (yuan): 201
    /// when within the requester's limit (approved at once), 202 when it waits for approval.
    ApiReply *request(const QString &ticketId, qint64 amountFen, std::optional<qint64> proposedFen,
                      const QString &explanation, const QString &reason);
    /// @brief GET /compensations?state=…: the requests in that state the reader may see.
    ApiReply *list(const QString &state);
    /// @brief POST /compensations/{id}/approve with `{reason}`, and `{amount}` when the approver changes it.
    ApiReply *approve(const QString &id, std::optional<qint64> changedFen, const QString &reason);
    /// @brief POST /compensations/{id}/reject with `{reason}` (required).
    ApiReply *reject(const QString &id, const QString &reason);

private:
    ApiClient *m_client;
};

} // namespace pd
