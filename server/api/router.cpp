#include "router.h"

#include "requestparsing.h"
#include "server/storage/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

Q_LOGGING_CATEGORY(lcServerApi, "pd.server.api")

namespace pd::server {

namespace {
QByteArray httpDate(qint64 ms)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}
} // namespace

HttpResponse deferToWorker(HashingQueue &queue, std::function<void()> work, HttpFinish finish,
                           const QString &busyMessage)
{
    HttpResponse r;
    r.later = [&queue, work = std::move(work), finish = std::move(finish),
               busyMessage](const HttpResume &resume) {
        if (queue.submit(work, [resume, finish] { resume(finish); }))
            return;
        resume([busyMessage]() -> HttpResponse {
            ApiError busy(
                503, QStringLiteral("busy"),
                busyMessage.isEmpty()
                    ? QStringLiteral("The server is busy with other sign-ins. Try again in a second.")
                    : busyMessage);
            busy.retryAfterSeconds = 1;
            throw busy;
        });
    };
    return r;
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse withETag(HttpResponse r, qint64 version)
{
    r.headers.append({QByteArrayLiteral("ETag"), '"' + QByteArray::number(version) + '"'});
    return r;
}

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    return jsonResponse(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse jsonResponse(int status, const QByteArray &compactJson)
{
    HttpResponse r;
    r.status = status;
    r.body = compactJson;
    return r;
}

Router::Router(AuthService &auth, const Clock &clock)
    : m_auth(auth)
    , m_clock(clock)
    , m_bodyLimit(kDefaultBodyLimit)
{}

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(Route{method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                          std::move(access), std::move(handler)});
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> out;
    for (const auto &r : m_routes)
        out.append(RouteInfo{r.method, r.pattern, r.access});
    return out;
}

HttpResponse Router::errorResponse(const ApiError &e)
{
    QByteArray body = QByteArrayLiteral(R"({"error":{"code":)") + jsonString(e.code()) +
                      QByteArrayLiteral(R"(,"message":)") + jsonString(e.message()) +
                      QByteArrayLiteral(R"(,"field":)") + jsonString(e.field());
    if (!e.details.isEmpty()) // the members of the details object after those above
        body += ',' + QJsonDocument(e.details).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    body += '}';
    if (!e.currentJson.isEmpty())
        body += QByteArrayLiteral(R"(,"current":)") + e.currentJson;
    body += '}';
    HttpResponse r = jsonResponse(e.status(), body);
    if (e.retryAfterSeconds > 0)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(e.retryAfterSeconds)});
    return r;
}

void Router::stamp(HttpResponse &r) const
{
    const qint64 now = m_clock.nowMs();
    r.headers.append({QByteArrayLiteral("Date"), httpDate(now)});
    r.headers.append({QByteArrayLiteral("X-Server-Time-Ms"), QByteArray::number(now)});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
}

HttpResponse Router::handle(const HttpRequest &request)
{
    return answer([this, &request] { return dispatch(request); }, request.method, request.path);
}

HttpResponse Router::answer(const HttpFinish &work, const QByteArray &method, const QString &path)
{
    HttpResponse r;
    try {
        r = work();
    } catch (const ApiError &e) {
        r = errorResponse(e);
    } catch (const StorageError &e) {
        qCWarning(lcServerApi) << "storage failure on" << method << path << e.what();
        if (e.unavailable()) {
            // A fault that passes (lock, full disk, lost connection): the client retries later, nothing was
            // written. The console's outbox honours Retry-After.
            ApiError busy(503, QStringLiteral("storage_unavailable"),
                          QStringLiteral("The server cannot write to its database right now. Nothing was "
                                         "changed; try again in %1 seconds.")
                              .arg(kStorageRetryAfterSeconds));
            busy.retryAfterSeconds = kStorageRetryAfterSeconds;
            r = errorResponse(busy);
        } else {
            r = errorResponse(ApiError(500, QStringLiteral("storage_error"),
                                       QStringLiteral("The server could not read or write its database.")));
        }
    } catch (const std::exception &e) {
        qCWarning(lcServerApi) << "failure on" << method << path << e.what();
        r = errorResponse(
            ApiError(500, QStringLiteral("internal_error"), QStringLiteral("Internal server error.")));
    }
    if (r.later) {
        // The finishing step gets the same error handling and stamps when it runs.
        r.later = [this, inner = std::move(r.later), method, path](const HttpResume &resume) {
            inner([this, resume, method, path](const HttpFinish &finish) {
                resume([this, finish, method, path] { return answer(finish, method, path); });
            });
        };
        return r;
    }
    stamp(r);
    return r;
}

void Router::setRouteBodyLimit(const QByteArray &method, const QString &pattern, qsizetype bytes)
{
    for (Route &r : m_routes) {
        if (r.method == method && r.pattern == pattern)
            r.bodyLimit = bytes;
    }
}

qsizetype Router::bodyLimitFor(const HttpRequest &request) const
{
    bool pathMatched = false;
    QHash<QString, QString> params;
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Route *route = match(request.method, parts, &params, &pathMatched);
    return route && route->bodyLimit >= 0 ? route->bodyLimit : m_bodyLimit;
}

qsizetype Router::largestBodyLimit() const
{
    qsizetype largest = m_bodyLimit;
    for (const Route &r : m_routes)
        largest = std::max(largest, r.bodyLimit);
    return largest;
}

const Router::Route *Router::match(const QByteArray &method, const QStringList &parts,
                                   QHash<QString, QString> *params, bool *pathMatched) const
{
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        params->clear();
        bool match = true;
        for (qsizetype i = 0; i < parts.size() && match; ++i) {
            const QString &seg = route.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')) && seg.endsWith(QLatin1Char('}')))
                params->insert(seg.mid(1, seg.size() - 2), parts.at(i));
            else
                match = seg == parts.at(i);
        }
        if (!match)
            continue;
        *pathMatched = true;
        if (route.method == method)
            return &route;
    }
    return nullptr;
}

HttpResponse Router::dispatch(const HttpRequest &request)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathMatched = false;
    QHash<QString, QString> params;
    const Route *route = match(request.method, parts, &params, &pathMatched);
    const qsizetype limit = route && route->bodyLimit >= 0 ? route->bodyLimit : m_bodyLimit;
    if (request.body.size() > limit)
        throw ApiError(413, QStringLiteral("payload_too_large"),
                       QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
    if (route) {
        RequestContext ctx{request, std::move(params), std::nullopt, m_clock.nowMs()};
        if (!route->access.isPublic) {
            const QByteArray token = bearerToken(request.header("authorization"));
            if (token.isEmpty())
                throw ApiError::unauthorized(
                    QStringLiteral("Sign in first (Authorization: Bearer <token>)."));
            ctx.principal = m_auth.authenticate(token);
            if (!ctx.principal)
                throw ApiError::unauthorized(QStringLiteral("The access token is not valid or has expired."));
            if (!route->access.roles.isEmpty() && !route->access.roles.contains(ctx.role()))
                throw ApiError::forbidden(
                    QStringLiteral("The role %1 may not do this.").arg(toCode(ctx.role())));
        }
        return route->handler(ctx);
    }
    if (pathMatched)
        throw ApiError(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 is not supported on this path.").arg(QString::fromLatin1(request.method)));
    throw ApiError::notFound(QStringLiteral("No such route: %1").arg(request.path.left(200)));
}

} // namespace pd::server
