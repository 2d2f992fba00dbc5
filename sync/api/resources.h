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

/// @brief A search of the server's access log (GET /audit); every field optional.
struct AccessLogQuery
{
    QString user;        ///< login or user id
    QString phone;       ///< a customer's phone number (the server matches it through a keyed hash)
    QString kind;        ///< reveal, customer_export, report_generated, …
    qint64 fromMs = 0;   ///< inclusive, UTC; 0: no bound
    qint64 toMs = 0;     ///< exclusive, UTC; 0: no bound
    qint64 beforeId = 0; ///< the next page: entries older than this id; 0: from the newest
    int limit = 0;       ///< 0: the server's default
};

/// @brief One entry of the access log as the server sends it.
struct AccessLogEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString userId;
    QString login;
    QString role;
    QString teamId;
    QString kind;
    QString ticketId;
    QString field;
    QString reason;
    QString note;
    QString customerRef; ///< a short keyed hash of the customer's phone, never the number
    qint64 records = 0;
    QString detail;

    [[nodiscard]] static AccessLogEntry fromJson(const QJsonObject &o);
};

struct AccessLogEntries
{
    QList<AccessLogEntry> items;
    bool hasMore = false;
    qint64 nextBefore = 0;
};

/// @brief The access log (managers, administrators) and the console's own entries (everyone signed in).
class AuditApi final
{
public:
    explicit AuditApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief GET /audit: a page of entries, newest first.
    ApiReply *search(const AccessLogQuery &query);
    /// @brief GET /audit?format=csv: every matching entry as CSV (ApiResult::raw); the server logs the
    /// export.
    ApiReply *searchCsv(const AccessLogQuery &query);
    /// @brief POST /audit/events: "report_generated", "report_exported" or "bulk_lookup".
    ApiReply *logEvent(const QString &kind, const QString &detail, qint64 records);
    [[nodiscard]] static std::optional<AccessLogEntries> pageFrom(const ApiResult &result);
    /// @brief The query string of a search ("user=…&kind=…"), percent-encoded.
    [[nodiscard]] static QString queryString(const AccessLogQuery &query);

private:
    ApiClient *m_client;
};

/// @brief One ticket's customer, in full, from the logged export.
struct ExportedCustomer
{
    QString ticketId;
    QString number;
    QString name;
    QString phone;
};

/// @brief POST /exports/customer-data (managers): full names and phones of the tickets created in a range.
class ExportsApi final
{
public:
    explicit ExportsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief Tickets created in [@p fromMs, @p toMs) (UTC); the server logs the export.
    ApiReply *customerData(qint64 fromMs, qint64 toMs);
    [[nodiscard]] static std::optional<QList<ExportedCustomer>> customersFrom(const ApiResult &result);

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
    /// @brief GET /map/parcels?@p query (geo::ViewportRequest::query): the parcels under way in a viewport.
    ApiReply *viewport(const QString &query);

private:
    ApiClient *m_client;
};

} // namespace pd
