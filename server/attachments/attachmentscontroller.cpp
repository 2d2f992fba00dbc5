#include "attachmentscontroller.h"

#include "server/api/requestparsing.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QList<Role> kWriters{Role::Agent, Role::Supervisor};

/// @brief The offset query parameter: a whole number of bytes (400 otherwise).
qint64 offsetOf(const HttpRequest &r)
{
    bool ok = false;
    const qint64 offset = r.query.queryItemValue(u"offset"_s).toLongLong(&ok);
    if (!ok || offset < 0)
        throw ApiError::badRequest(u"Give the chunk's position as ?offset=<bytes received so far>."_s,
                                   u"offset"_s);
    return offset;
}

HttpResponse contentResponse(const HttpRequest &request, const AttachmentService::Content &c)
{
    const QByteArray etag = '"' + c.record.sha256.toLatin1() + '"';
    HttpResponse r;
    r.headers.append({QByteArrayLiteral("ETag"), etag});
    if (request.header("if-none-match") == etag) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }
    r.contentType = c.record.contentType.toLatin1();
    r.body = c.bytes;
    r.headers.append(
        {QByteArrayLiteral("Content-Disposition"),
         QByteArrayLiteral("attachment; filename*=UTF-8''") + QUrl::toPercentEncoding(c.record.name)});
    r.headers.append({QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
    return r;
}
} // namespace

void AttachmentsController::registerRoutes(Router &router)
{
    router.add(
        "POST", u"/api/v1/tickets/{id}/attachments"_s, Access::only(kWriters), [this](RequestContext &c) {
            const WriteResult r =
                m_service.create(Actor::of(c.user()), c.param(u"id"_s), parseJsonObject(c.request.body));
            return jsonResponse(r.status, r.body);
        });
    router.add("GET", u"/api/v1/tickets/{id}/attachments"_s, Access::signedIn(), [this](RequestContext &c) {
        return jsonResponse(200,
                            QJsonObject{{u"items"_s, m_service.list(Actor::of(c.user()), c.param(u"id"_s))}});
    });
    router.add("PUT", u"/api/v1/attachments/{id}/upload"_s, Access::only(kWriters),
               [this](RequestContext &c) {
                   return jsonResponse(200, m_service.putChunk(Actor::of(c.user()), c.param(u"id"_s),
                                                               offsetOf(c.request), c.request.body));
               });
    // A chunk may be as large as the default limit of every route, even when --body-limit is smaller.
    router.setRouteBodyLimit("PUT", u"/api/v1/attachments/{id}/upload"_s, AttachmentLimits::kChunkBytes);
    router.add("GET", u"/api/v1/attachments/{id}/upload"_s, Access::only(kWriters),
               [this](RequestContext &c) {
                   return jsonResponse(200, m_service.uploadState(Actor::of(c.user()), c.param(u"id"_s)));
               });
    router.add("POST", u"/api/v1/attachments/{id}/complete"_s, Access::only(kWriters),
               [this](RequestContext &c) {
                   const WriteResult r = m_service.complete(Actor::of(c.user()), c.param(u"id"_s));
                   return jsonResponse(r.status, r.body);
               });
    router.add("PATCH", u"/api/v1/attachments/{id}"_s, Access::only(kWriters), [this](RequestContext &c) {
        const WriteResult r =
            m_service.setEvidence(Actor::of(c.user()), c.param(u"id"_s), parseJsonObject(c.request.body));
        return jsonResponse(r.status, r.body);
    });
    router.add("GET", u"/api/v1/attachments/{id}/content"_s, Access::signedIn(), [this](RequestContext &c) {
        return contentResponse(c.request, m_service.content(Actor::of(c.user()), c.param(u"id"_s)));
    });
}

} // namespace pd::server
