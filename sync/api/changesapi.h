#pragma once

#include "sync/apiclient.h"

#include <QList>

namespace pd {

/// @brief GET /api/v1/changes: one page of the change feed after a cursor.
struct ChangeItem
{
    QString type; ///< ticket, ticket_event, parcel, tracking_event, courier, station, user, team, sla_policy
    QString id;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject data;
    QString reason; ///< with deleted tickets: "withdrawn" when the ticket left this user's sight
};

struct ChangePage
{
    QList<ChangeItem> items;
    QString nextCursor;
    bool hasMore = false;
    qint64 estimatedTotal = -1; ///< items left including this page, when the server tells (progress bars)
    /// The server answered from the beginning because the cursor was issued for another scope (the user
    /// moved team or changed role) or by an older server: drop what the cache holds of tickets first.
    bool reset = false;
};

class ChangesApi final
{
public:
    explicit ChangesApi(ApiClient *client)
        : m_client(client)
    {}
    ApiReply *fetch(const QString &cursor, int limit);
    [[nodiscard]] static std::optional<ChangePage> pageFrom(const ApiResult &result);

private:
    ApiClient *m_client;
};

} // namespace pd
