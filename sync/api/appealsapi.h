#pragma once

#include "models/domain/entities.h"
#include "sync/apiclient.h"

namespace pd {

/**
 * @brief A regulator appeal's steps (docs/api.md, "Appeals"): the company's answer and the regulator's
 * rejection of it. The fault finding is a field of the ticket (PATCH through the outbox).
 */
class AppealsApi final
{
public:
    explicit AppealsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief POST /tickets/{id}/appeal/answer with `{text}`.
    ApiReply *answer(const QString &ticketId, const QString &text);
    /// @brief POST /tickets/{id}/appeal/rejection with `{at, reason}`.
    ApiReply *rejection(const QString &ticketId, Instant at, const QString &reason);

private:
    ApiClient *m_client;
};

} // namespace pd
