#pragma once

#include "sync/apiclient.h"

namespace pd {

/// @brief Tickets and their events: create, read, PATCH with If-Match, events with an Idempotency-Key.
class TicketsApi final
{
public:
    explicit TicketsApi(ApiClient *client)
        : m_client(client)
    {}
    ApiReply *create(const QJsonObject &ticket, const QString &idempotencyKey);
    ApiReply *get(const QString &id);
    ApiReply *patch(const QString &id, const QJsonObject &fields, qint64 baseVersion);
    ApiReply *postEvent(const QString &ticketId, const QJsonObject &event, const QString &idempotencyKey);
    ApiReply *events(const QString &ticketId);
    /**
     * @brief POST /tickets/{id}/merge with `{into}` and If-Match @p baseVersion: ticket @p id is merged into
     * @p intoId (supervisors; docs/api.md, "Merge"). Sent at once, not through the outbox.
     */
    ApiReply *merge(const QString &id, const QString &intoId, qint64 baseVersion);
    /**
     * @brief POST /tickets/{id}/reveal: the customer's full @p field ("phone", "name" or "address") for a
     * @p reason ("callback", "compensation", "courier_contact", "other" with a @p note); the server logs it.
     */
    ApiReply *reveal(const QString &ticketId, const QString &field, const QString &reason,
                     const QString &note = {});
    /// @brief The revealed values of a reveal's answer ("customer_phone", "customer_name", or
    /// "origin_address" and "destination_address"); nullopt when the answer is not one.
    [[nodiscard]] static std::optional<QJsonObject> revealedFrom(const ApiResult &result);

private:
    ApiClient *m_client;
};

} // namespace pd
