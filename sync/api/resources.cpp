#include "resources.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QString pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

ApiReply *AuthApi::login(const QString &login, const QString &password)
{
    const QJsonDocument body(QJsonObject{{u"login"_s, login}, {u"password"_s, password}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/login"_s, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::resume(const QByteArray &refreshToken)
{
    const QJsonDocument body(QJsonObject{{u"refresh_token"_s, QString::fromLatin1(refreshToken)}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/refresh"_s, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::logout()
{
    const QJsonDocument body(
        QJsonObject{{u"refresh_token"_s, QString::fromLatin1(m_client->refreshToken())}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/logout"_s, body);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client] { client->clearTokens(); });
    return reply;
}

std::optional<Session> AuthApi::sessionFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    Session s;
    s.accessToken = o.value(u"access_token"_s).toString().toLatin1();
    s.refreshToken = o.value(u"refresh_token"_s).toString().toLatin1();
    s.expiresInS = o.value(u"expires_in"_s).toInteger();
    const auto user = User::fromJson(o.value(u"user"_s).toObject());
    if (s.accessToken.isEmpty() || s.refreshToken.isEmpty() || !user)
        return std::nullopt;
    s.user = *user;
    return s;
}

ApiReply *ChangesApi::fetch(const QString &cursor, int limit)
{
    // The cursor is opaque: percent-encode whatever the server gave.
    return m_client->send("GET", u"/api/v1/changes?cursor="_s +
                                     QString::fromLatin1(QUrl::toPercentEncoding(cursor)) + u"&limit="_s +
                                     QString::number(limit));
}

std::optional<ChangePage> ChangesApi::pageFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    if (!o.value(u"items"_s).isArray() || !o.value(u"next_cursor"_s).isString())
        return std::nullopt;
    ChangePage page;
    page.nextCursor = o.value(u"next_cursor"_s).toString();
    page.hasMore = o.value(u"has_more"_s).toBool();
    page.estimatedTotal = o.value(u"remaining"_s).toInteger(-1);
    page.reset = o.value(u"reset"_s).toBool();
    const QJsonArray items = o.value(u"items"_s).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        page.items.append(ChangeItem{item.value(u"type"_s).toString(), item.value(u"id"_s).toString(),
                                     item.value(u"version"_s).toInteger(), item.value(u"deleted"_s).toBool(),
                                     item.value(u"data"_s).toObject(), item.value(u"reason"_s).toString()});
    }
    return page;
}

ApiReply *TicketsApi::create(const QJsonObject &ticket, const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets"_s, QJsonDocument(ticket),
                          {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::get(const QString &id)
{
    return m_client->send("GET", u"/api/v1/tickets/"_s + pathSegment(id));
}

ApiReply *TicketsApi::patch(const QString &id, const QJsonObject &fields, qint64 baseVersion)
{
    return m_client->send("PATCH", u"/api/v1/tickets/"_s + pathSegment(id), QJsonDocument(fields),
                          {{"If-Match", QByteArray::number(baseVersion)}});
}

ApiReply *TicketsApi::postEvent(const QString &ticketId, const QJsonObject &event,
                                const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets/"_s + pathSegment(ticketId) + u"/events"_s,
                          QJsonDocument(event), {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::events(const QString &ticketId)
{
    return m_client->send("GET", u"/api/v1/tickets/"_s + pathSegment(ticketId) + u"/events"_s);
}

ApiReply *TicketsApi::reveal(const QString &ticketId, const QString &field, const QString &reason,
                             const QString &note)
{
    QJsonObject body{{u"field"_s, field}, {u"reason"_s, reason}};
    if (!note.isEmpty())
        body.insert(u"note"_s, note);
    return m_client->send("POST", u"/api/v1/tickets/"_s + pathSegment(ticketId) + u"/reveal"_s,
                          QJsonDocument(body));
}

std::optional<QJsonObject> TicketsApi::revealedFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"values"_s).isObject())
        return std::nullopt;
    return result.object().value(u"values"_s).toObject();
}

AccessLogEntry AccessLogEntry::fromJson(const QJsonObject &o)
{
    AccessLogEntry e;
    e.id = o.value(u"id"_s).toInteger();
    e.atMs = instantFromIso(o.value(u"at"_s).toString()).value_or(0);
    e.userId = o.value(u"user_id"_s).toString();
    e.login = o.value(u"login"_s).toString();
    e.role = o.value(u"role"_s).toString();
    e.teamId = o.value(u"team_id"_s).toString();
    e.kind = o.value(u"kind"_s).toString();
    e.ticketId = o.value(u"ticket_id"_s).toString();
    e.field = o.value(u"field"_s).toString();
    e.reason = o.value(u"reason"_s).toString();
    e.note = o.value(u"note"_s).toString();
    e.customerRef = o.value(u"customer_ref"_s).toString();
    e.records = o.value(u"records"_s).toInteger();
    e.detail = o.value(u"detail"_s).toString();
    return e;
}

QString AuditApi::queryString(const AccessLogQuery &query)
{
    QStringList q;
    const auto add = [&q](const QString &name, const QString &value) {
        if (!value.isEmpty())
            q.append(name + u'=' + pathSegment(value));
    };
    add(u"user"_s, query.user);
    add(u"phone"_s, query.phone);
    add(u"kind"_s, query.kind);
    if (query.fromMs > 0)
        add(u"from"_s, instantToIso(query.fromMs));
    if (query.toMs > 0)
        add(u"to"_s, instantToIso(query.toMs));
    if (query.beforeId > 0)
        add(u"before"_s, QString::number(query.beforeId));
    if (query.limit > 0)
        add(u"limit"_s, QString::number(query.limit));
    return q.join(u'&');
}

ApiReply *AuditApi::search(const AccessLogQuery &query)
{
    const QString q = queryString(query);
    return m_client->send("GET", u"/api/v1/audit"_s + (q.isEmpty() ? QString() : u"?"_s + q));
}

ApiReply *AuditApi::searchCsv(const AccessLogQuery &query)
{
    const QString q = queryString(query);
    return m_client->send("GET", u"/api/v1/audit?format=csv"_s + (q.isEmpty() ? QString() : u"&"_s + q));
}

ApiReply *AuditApi::logEvent(const QString &kind, const QString &detail, qint64 records)
{
    const QJsonObject body{{u"kind"_s, kind}, {u"detail"_s, detail}, {u"records"_s, records}};
    return m_client->send("POST", u"/api/v1/audit/events"_s, QJsonDocument(body));
}

std::optional<AccessLogEntries> AuditApi::pageFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"items"_s).isArray())
        return std::nullopt;
    const QJsonObject o = result.object();
    AccessLogEntries page;
    const QJsonArray items = o.value(u"items"_s).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items)
        page.items.append(AccessLogEntry::fromJson(v.toObject()));
    page.hasMore = o.value(u"has_more"_s).toBool();
    page.nextBefore = o.value(u"next_before"_s).toInteger();
    return page;
}

ApiReply *ExportsApi::customerData(qint64 fromMs, qint64 toMs)
{
    const QJsonObject body{{u"from"_s, instantToIso(fromMs)}, {u"to"_s, instantToIso(toMs)}};
    return m_client->send("POST", u"/api/v1/exports/customer-data"_s, QJsonDocument(body));
}

std::optional<QList<ExportedCustomer>> ExportsApi::customersFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"items"_s).isArray())
        return std::nullopt;
    QList<ExportedCustomer> out;
    const QJsonArray items = result.object().value(u"items"_s).toArray();
    out.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"id"_s).toString(), o.value(u"number"_s).toString(),
                    o.value(u"customer_name"_s).toString(), o.value(u"customer_phone"_s).toString()});
    }
    return out;
}

ApiReply *ParcelsApi::get(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_s + pathSegment(waybillNo));
}

ApiReply *ParcelsApi::tracking(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_s + pathSegment(waybillNo) + u"/tracking"_s);
}

ApiReply *ParcelsApi::viewport(const QString &query)
{
    return m_client->send("GET", u"/api/v1/map/parcels?"_s + query);
}

} // namespace pd
