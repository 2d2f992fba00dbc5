#pragma once

#include "models/domain/entities.h"
#include "sync/apiclient.h"

namespace pd {

/// @brief The signed-in session: who, with which role and team.
struct Session
{
    User user;
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 expiresInS = 0;
};

/// @brief POST /api/v1/auth/login, /refresh, /logout.
class AuthApi final
{
public:
    explicit AuthApi(ApiClient *client)
        : m_client(client)
    {}

    /// @brief Signs in; on success the client holds the new tokens.
    ApiReply *login(const QString &login, const QString &password);
    /// @brief Exchanges a refresh token (from the keychain) for a session; the client holds the new tokens.
    ApiReply *resume(const QByteArray &refreshToken);
    ApiReply *logout();

    /// @brief Reads a login/refresh response; nullopt when it is not a valid session.
    [[nodiscard]] static std::optional<Session> sessionFrom(const ApiResult &result);

private:
    ApiClient *m_client;
};

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

private:
    ApiClient *m_client;
};

/// @brief Parcels and their tracking, looked up by waybill.
class ParcelsApi final
{
public:
    explicit ParcelsApi(ApiClient *client)
        : m_client(client)
    {}
    ApiReply *get(const QString &waybillNo);
    ApiReply *tracking(const QString &waybillNo);

private:
    ApiClient *m_client;
};

} // namespace pd
