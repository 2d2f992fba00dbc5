#pragma once

#include "apierror.h"
#include "server/auth/authservice.h"
#include "server/auth/hashingqueue.h"
#include "server/http/httptypes.h"

#include "models/domain/clock.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>

#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcServerApi)

namespace pd::server {

/// @brief What one request carries to its controller: the request, path parameters and the caller.
struct RequestContext
{
    const HttpRequest &request;
    QHash<QString, QString> params;
    std::optional<Principal> principal;
    qint64 nowMs = 0; ///< server (domain) time of the request

    [[nodiscard]] const User &user() const { return principal->user; }
    [[nodiscard]] Role role() const { return principal->user.role; }
    [[nodiscard]] QString param(const QString &name) const { return params.value(name); }
};

/// @brief Who may call a route: nobody signed in (public), anyone signed in, or the listed roles.
struct Access
{
    bool isPublic = false;
    QList<Role> roles; ///< empty with isPublic false = every signed-in user

    static Access publicRoute() { return {true, {}}; }
    static Access signedIn() { return {false, {}}; }
    static Access only(QList<Role> roles) { return {false, std::move(roles)}; }
};

/**
 * @brief An answer computed in two steps: @p work on a worker thread of @p queue (no storage, no shared
 * state), then @p finish on the event loop. When the queue is full the client gets 503 "busy" with
 * Retry-After and
 * @p busyMessage (by default: busy with sign-ins, the password hashing queue's case).
 */
[[nodiscard]] HttpResponse deferToWorker(HashingQueue &queue, std::function<void()> work, HttpFinish finish,
                                         const QString &busyMessage = {});

/// @brief A JSON response with the given status.
[[nodiscard]] HttpResponse jsonResponse(int status, const QJsonObject &body);
[[nodiscard]] HttpResponse jsonResponse(int status, const QByteArray &compactJson);
/// @brief @p r with the record's version as its ETag (`"12"`), for If-Match on the next write.
[[nodiscard]] HttpResponse withETag(HttpResponse r, qint64 version);
/// @brief The compact JSON text of @p o.
[[nodiscard]] QByteArray compactJson(const QJsonObject &o);

/**
 * @brief Matches method and path to a controller, enforces authentication and role, and turns errors into
 * {"error":{"code","message","field"}} responses.
 *
 * Every response gets a Date header and X-Server-Time-Ms (UTC milliseconds of the server clock, which the
 * console uses for SLA countdowns). Bodies over the limit get 413 before any parsing. A storage fault
 * (StorageError::unavailable) becomes 503 storage_unavailable with Retry-After; other storage errors 500.
 * A handler may answer later (HttpResponse::later, see deferToWorker()); its finishing step is treated the
 * same way when it runs.
 */
class Router final
{
public:
    using Handler = std::function<HttpResponse(RequestContext &)>;
    /// @brief Retry-After of a 503 storage_unavailable (the database cannot be written for now).
    static constexpr int kStorageRetryAfterSeconds = 5;

    Router(AuthService &auth, const Clock &clock);

    /// @brief Adds a route; pattern segments in braces are parameters ("/api/v1/tickets/{id}").
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    [[nodiscard]] HttpResponse handle(const HttpRequest &request);

    void setBodyLimit(qsizetype bytes) { m_bodyLimit = bytes; }
    /// @brief A route of its own body limit (attachment chunks); every other route keeps setBodyLimit's.
    void setRouteBodyLimit(const QByteArray &method, const QString &pattern, qsizetype bytes);
    /// @brief The body limit of the route @p request goes to (known from its header alone).
    [[nodiscard]] qsizetype bodyLimitFor(const HttpRequest &request) const;
    /// @brief The largest body any route accepts (what the HTTP parser must let through to the router).
    [[nodiscard]] qsizetype largestBodyLimit() const;

    /// @brief The routes (method, pattern, access) for docs and the authorization test.
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
        Access access;
    };
    [[nodiscard]] QList<RouteInfo> routes() const;

    /// @brief The error body for an ApiError (also used by the WebSocket upgrade).
    [[nodiscard]] static HttpResponse errorResponse(const ApiError &e);

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access;
        Handler handler;
        qsizetype bodyLimit = -1; ///< -1: the global limit
    };
    /// @brief The route of @p method and the path's @p parts (with its parameters), or null.
    [[nodiscard]] const Route *match(const QByteArray &method, const QStringList &parts,
                                     QHash<QString, QString> *params, bool *pathMatched) const;
    [[nodiscard]] HttpResponse dispatch(const HttpRequest &request);
    /// @brief Runs @p work, turns what it throws into error responses and stamps the result.
    [[nodiscard]] HttpResponse answer(const HttpFinish &work, const QByteArray &method, const QString &path);
    void stamp(HttpResponse &r) const;

    AuthService &m_auth;
    const Clock &m_clock;
    QList<Route> m_routes;
    qsizetype m_bodyLimit;
};

} // namespace pd::server
