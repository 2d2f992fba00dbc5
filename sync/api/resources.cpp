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

ApiReply *TicketsApi::reveal(const QString &ticketId, const QString &field, const QString &reason,
                             const QString &note)
{
    QJsonObject body{{u"field"_qs, field}, {u"reason"_qs, reason}};
    if (!note.isEmpty())
        body.insert(u"note"_qs, note);
    return m_client->send("POST", u"/api/v1/tickets/"_qs + pathSegment(ticketId) + u"/reveal"_qs,
                          QJsonDocument(body));
}

std::optional<QJsonObject> TicketsApi::revealedFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"values"_qs).isObject())
        return std::nullopt;
    return result.object().value(u"values"_qs).toObject();
}

AccessLogEntry AccessLogEntry::fromJson(const QJsonObject &o)
{
    AccessLogEntry e;
    e.id = o.value(u"id"_qs).toInteger();
    e.atMs = instantFromIso(o.value(u"at"_qs).toString()).value_or(0);
    e.userId = o.value(u"user_id"_qs).toString();
    e.login = o.value(u"login"_qs).toString();
    e.role = o.value(u"role"_qs).toString();
    e.teamId = o.value(u"team_id"_qs).toString();
    e.kind = o.value(u"kind"_qs).toString();
    e.ticketId = o.value(u"ticket_id"_qs).toString();
    e.field = o.value(u"field"_qs).toString();
    e.reason = o.value(u"reason"_qs).toString();
    e.note = o.value(u"note"_qs).toString();
    e.customerRef = o.value(u"customer_ref"_qs).toString();
    e.records = o.value(u"records"_qs).toInteger();
    e.detail = o.value(u"detail"_qs).toString();
    return e;
}

QString AuditApi::queryString(const AccessLogQuery &query)
{
    QStringList q;
    const auto add = [&q](const QString &name, const QString &value) {
        if (!value.isEmpty())
            q.append(name + u'=' + pathSegment(value));
    };
    add(u"user"_qs, query.user);
    add(u"phone"_qs, query.phone);
    add(u"kind"_qs, query.kind);
    if (query.fromMs > 0)
        add(u"from"_qs, instantToIso(query.fromMs));
    if (query.toMs > 0)
        add(u"to"_qs, instantToIso(query.toMs));
    if (query.beforeId > 0)
        add(u"before"_qs, QString::number(query.beforeId));
    if (query.limit > 0)
        add(u"limit"_qs, QString::number(query.limit));
    return q.join(u'&');
}

ApiReply *AuditApi::search(const AccessLogQuery &query)
{
    const QString q = queryString(query);
    return m_client->send("GET", u"/api/v1/audit"_qs + (q.isEmpty() ? QString() : u"?"_qs + q));
}

ApiReply *AuditApi::searchCsv(const AccessLogQuery &query)
{
    const QString q = queryString(query);
    return m_client->send("GET", u"/api/v1/audit?format=csv"_qs + (q.isEmpty() ? QString() : u"&"_qs + q));
}

ApiReply *AuditApi::logEvent(const QString &kind, const QString &detail, qint64 records)
{
    const QJsonObject body{{u"kind"_qs, kind}, {u"detail"_qs, detail}, {u"records"_qs, records}};
    return m_client->send("POST", u"/api/v1/audit/events"_qs, QJsonDocument(body));
}

std::optional<AccessLogEntries> AuditApi::pageFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"items"_qs).isArray())
        return std::nullopt;
    const QJsonObject o = result.object();
    AccessLogEntries page;
    const QJsonArray items = o.value(u"items"_qs).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items)
        page.items.append(AccessLogEntry::fromJson(v.toObject()));
    page.hasMore = o.value(u"has_more"_qs).toBool();
    page.nextBefore = o.value(u"next_before"_qs).toInteger();
    return page;
}

ApiReply *ExportsApi::customerData(qint64 fromMs, qint64 toMs)
{
    const QJsonObject body{{u"from"_qs, instantToIso(fromMs)}, {u"to"_qs, instantToIso(toMs)}};
    return m_client->send("POST", u"/api/v1/exports/customer-data"_qs, QJsonDocument(body));
}

std::optional<QList<ExportedCustomer>> ExportsApi::customersFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"items"_qs).isArray())
        return std::nullopt;
    QList<ExportedCustomer> out;
    const QJsonArray items = result.object().value(u"items"_qs).toArray();
    out.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"id"_qs).toString(), o.value(u"number"_qs).toString(),
                    o.value(u"customer_name"_qs).toString(), o.value(u"customer_phone"_qs).toString()});
    }
    return out;
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
