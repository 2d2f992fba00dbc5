#include "auditapi.h"

#include "models/domain/entities.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd {

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
            q.append(name + u'=' + ApiClient::pathSegment(value));
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

} // namespace pd
