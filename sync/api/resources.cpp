#include "resources.h"

#include <QJsonArray>

namespace pd {

namespace {
QString pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

ApiReply *AuthApi::login(const QString &login, const QString &password)
{
    const QJsonDocument body(QJsonObject{{u"login"_qs, login}, {u"password"_qs, password}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/login"_qs, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::resume(const QByteArray &refreshToken)
{
    const QJsonDocument body(QJsonObject{{u"refresh_token"_qs, QString::fromLatin1(refreshToken)}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/refresh"_qs, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::logout()
{
    const QJsonDocument body(
        QJsonObject{{u"refresh_token"_qs, QString::fromLatin1(m_client->refreshToken())}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/logout"_qs, body);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client] { client->clearTokens(); });
    return reply;
}

std::optional<Session> AuthApi::sessionFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    Session s;
    s.accessToken = o.value(u"access_token"_qs).toString().toLatin1();
    s.refreshToken = o.value(u"refresh_token"_qs).toString().toLatin1();
    s.expiresInS = o.value(u"expires_in"_qs).toInteger();
    const auto user = User::fromJson(o.value(u"user"_qs).toObject());
    if (s.accessToken.isEmpty() || s.refreshToken.isEmpty() || !user)
        return std::nullopt;
    s.user = *user;
    return s;
}

ApiReply *ChangesApi::fetch(const QString &cursor, int limit)
{
    // The cursor is opaque: percent-encode whatever the server gave.
    return m_client->send("GET", u"/api/v1/changes?cursor="_qs +
                                     QString::fromLatin1(QUrl::toPercentEncoding(cursor)) + u"&limit="_qs +
                                     QString::number(limit));
}

std::optional<ChangePage> ChangesApi::pageFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    if (!o.value(u"items"_qs).isArray() || !o.value(u"next_cursor"_qs).isString())
        return std::nullopt;
    ChangePage page;
    page.nextCursor = o.value(u"next_cursor"_qs).toString();
    page.hasMore = o.value(u"has_more"_qs).toBool();
    page.estimatedTotal = o.value(u"remaining"_qs).toInteger(-1);
    page.reset = o.value(u"reset"_qs).toBool();
    const QJsonArray items = o.value(u"items"_qs).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        page.items.append(ChangeItem{item.value(u"type"_qs).toString(), item.value(u"id"_qs).toString(),
                                     item.value(u"version"_qs).toInteger(),
                                     item.value(u"deleted"_qs).toBool(), item.value(u"data"_qs).toObject(),
                                     item.value(u"reason"_qs).toString()});
    }
    return page;
}

ApiReply *TicketsApi::create(const QJsonObject &ticket, const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets"_qs, QJsonDocument(ticket),
                          {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::get(const QString &id)
{
    return m_client->send("GET", u"/api/v1/tickets/"_qs + pathSegment(id));
}

ApiReply *TicketsApi::patch(const QString &id, const QJsonObject &fields, qint64 baseVersion)
{
    return m_client->send("PATCH", u"/api/v1/tickets/"_qs + pathSegment(id), QJsonDocument(fields),
                          {{"If-Match", QByteArray::number(baseVersion)}});
}

ApiReply *TicketsApi::postEvent(const QString &ticketId, const QJsonObject &event,
                                const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets/"_qs + pathSegment(ticketId) + u"/events"_qs,
                          QJsonDocument(event), {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::events(const QString &ticketId)
{
    return m_client->send("GET", u"/api/v1/tickets/"_qs + pathSegment(ticketId) + u"/events"_qs);
}

ApiReply *ParcelsApi::get(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_qs + pathSegment(waybillNo));
}

ApiReply *ParcelsApi::tracking(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_qs + pathSegment(waybillNo) + u"/tracking"_qs);
}

} // namespace pd
