#include "auditcontroller.h"

#include "requestparsing.h"

#include "models/domain/entities.h"
#include "models/domain/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace pd::server {

namespace {
const QStringList kConsoleKinds{QStringLiteral("report_generated"), QStringLiteral("report_exported"),
                                QStringLiteral("bulk_lookup")};
constexpr int kDetailMax = 500;

qint64 instantParam(const RequestContext &c, const QString &name)
{
    const QString text = c.request.query.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return 0;
    const OptInstant at = instantFromIso(text);
    if (!at)
        throw ApiError::badRequest(
            QStringLiteral("%1 must be an ISO 8601 instant with an offset, e.g. 2026-11-23T00:00:00Z.")
                .arg(name),
            name);
    return *at;
}

QByteArray csvField(const QString &value)
{
    QString v = value;
    // A spreadsheet must not run what a user typed (formula injection): such cells start with a quote.
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.at(0)))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v.toUtf8();
}

/// The value of "key":"…" in compact stored JSON without parsing it (ISO instants hold no escapes).
QString plainString(const QByteArray &json, const QByteArray &key)
{
    const QByteArray marker = '"' + key + "\":\"";
    const qsizetype at = json.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype from = at + marker.size();
    const qsizetype end = json.indexOf('"', from);
    return end < 0 ? QString() : QString::fromUtf8(json.mid(from, end - from));
}
} // namespace

void AuditController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/audit"), Access::only({Role::Manager, Role::Admin}),
               [this](RequestContext &c) { return search(c); });
    router.add("POST", QStringLiteral("/api/v1/audit/events"), Access::signedIn(),
               [this](RequestContext &c) { return addEvent(c); });
    router.add("POST", QStringLiteral("/api/v1/exports/customer-data"), Access::only({Role::Manager}),
               [this](RequestContext &c) { return exportCustomerData(c); });
}

AccessEntry AuditController::entryOf(const RequestContext &c, const QString &kind)
{
    AccessEntry e;
    e.atMs = c.nowMs;
    e.userId = c.user().id;
    e.login = c.user().login;
    e.role = toCode(c.role());
    e.teamId = c.user().teamId;
    e.kind = kind;
    return e;
}

HttpResponse AuditController::search(RequestContext &c)
{
    const QUrlQuery &q = c.request.query;
    const bool csv = q.queryItemValue(QStringLiteral("format")) == QLatin1StringView("csv");
    if (q.hasQueryItem(QStringLiteral("format")) && !csv)
        throw ApiError::badRequest(QStringLiteral("format must be csv (or absent for JSON)."),
                                   QStringLiteral("format"));
    AccessQuery query;
    query.user = q.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded).left(100);
    query.kind = q.queryItemValue(QStringLiteral("kind"), QUrl::FullyDecoded).left(40);
    const QString phone = q.queryItemValue(QStringLiteral("phone"), QUrl::FullyDecoded);
    if (!phone.isEmpty()) {
        const PhoneCheck p = Validation::checkPhone(phone);
        if (!p.valid)
            throw ApiError::badRequest(p.message, QStringLiteral("phone"));
        query.customerHash = m_log.customerHash(p.normalized);
    }
    query.fromMs = instantParam(c, QStringLiteral("from"));
    query.toMs = instantParam(c, QStringLiteral("to"));
    const QString before = q.queryItemValue(QStringLiteral("before"));
    if (!before.isEmpty()) {
        bool ok = false;
        query.beforeId = before.toLongLong(&ok);
        if (!ok || query.beforeId <= 0)
            throw ApiError::badRequest(QStringLiteral("before must be an entry id."),
                                       QStringLiteral("before"));
    }
    query.limit = parseLimit(q.queryItemValue(QStringLiteral("limit")), csv ? kMaxCsvRows : kDefaultLimit,
                             csv ? kMaxCsvRows : kMaxLimit);
    bool hasMore = false;
    const QList<AccessEntry> entries = m_log.search(query, &hasMore);
    if (!csv) {
        QJsonArray items;
        for (const AccessEntry &e : entries)
            items.append(e.toJson());
        QJsonObject out{{QStringLiteral("items"), items}, {QStringLiteral("has_more"), hasMore}};
        if (hasMore)
            out.insert(QStringLiteral("next_before"), entries.last().id);
        return jsonResponse(200, out);
    }
    QByteArray body("\xEF\xBB\xBF" // UTF-8 BOM: spreadsheets then read Chinese text right
                    "id,at,user_id,login,role,team_id,kind,ticket_id,field,reason,note,customer_ref,records,"
                    "detail\r\n");
    for (const AccessEntry &e : entries) {
        const QJsonObject j = e.toJson();
        QList<QByteArray> cells;
        for (const char *key : {"id", "at", "user_id", "login", "role", "team_id", "kind", "ticket_id",
                                "field", "reason", "note", "customer_ref", "records", "detail"}) {
            const QJsonValue v = j.value(QLatin1StringView(key));
            cells.append(v.isDouble() ? QByteArray::number(v.toInteger()) : csvField(v.toString()));
        }
        body += cells.join(',') + "\r\n";
    }
    WriteTx tx(m_docs.db());
    AccessEntry logged = entryOf(c, QStringLiteral("audit_export"));
    logged.records = entries.size();
    // The search as asked, but a phone number only as its hash (customer_ref), never in clear.
    logged.customerHash = query.customerHash;
    QStringList asked;
    if (!query.user.isEmpty())
        asked << QStringLiteral("user=") + query.user;
    if (!query.kind.isEmpty())
        asked << QStringLiteral("kind=") + query.kind;
    if (query.fromMs > 0)
        asked << QStringLiteral("from=") + instantToIso(query.fromMs);
    if (query.toMs > 0)
        asked << QStringLiteral("to=") + instantToIso(query.toMs);
    if (!query.customerHash.isEmpty())
        asked << QStringLiteral("phone");
    logged.detail = asked.join(QLatin1Char(' ')).left(kDetailMax);
    m_log.append(tx, logged);
    tx.commit();
    HttpResponse r = jsonResponse(200, body);
    r.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
    r.headers.append({QByteArrayLiteral("Content-Disposition"),
                      QByteArrayLiteral("attachment; filename=\"parceldesk-access-log.csv\"")});
    return r;
}

HttpResponse AuditController::addEvent(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const QJsonValue kind = body.value(QStringLiteral("kind"));
    if (!kind.isString() || !kConsoleKinds.contains(kind.toString()))
        throw ApiError::invalid(
            QStringLiteral("kind"),
            QStringLiteral("kind must be one of: %1.").arg(kConsoleKinds.join(QStringLiteral(", "))));
    const QJsonValue detail = body.value(QStringLiteral("detail"));
    if (!detail.isUndefined() && !detail.isString())
        throw ApiError::invalid(QStringLiteral("detail"), QStringLiteral("detail must be text."));
    const TextCheck text = Validation::checkText(detail.toString(), kDetailMax, false);
    if (!text.valid)
        throw ApiError::invalid(QStringLiteral("detail"), text.message);
    const QJsonValue records = body.value(QStringLiteral("records"));
    if (!records.isUndefined() &&
        (!records.isDouble() || records.toDouble() < 0 || records.toDouble() != double(records.toInteger())))
        throw ApiError::invalid(QStringLiteral("records"),
                                QStringLiteral("records must be a whole number, 0 or more."));
    AccessEntry e = entryOf(c, kind.toString());
    e.detail = text.normalized;
    e.records = records.toInteger();
    WriteTx tx(m_docs.db());
    m_log.append(tx, e);
    tx.commit();
    return jsonResponse(201, e.toJson());
}

HttpResponse AuditController::exportCustomerData(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const OptInstant from = instantFromIso(body.value(QStringLiteral("from")).toString());
    const OptInstant to = instantFromIso(body.value(QStringLiteral("to")).toString());
    if (!from)
        throw ApiError::invalid(QStringLiteral("from"), QStringLiteral("from must be an ISO 8601 instant."));
    if (!to || *to <= *from)
        throw ApiError::invalid(QStringLiteral("to"),
                                QStringLiteral("to must be an ISO 8601 instant after from."));
    if (*to - *from > kMaxExportRangeMs)
        throw ApiError::invalid(
            QStringLiteral("to"),
            QStringLiteral("An export covers at most 93 days; export longer periods in parts."));
    // Tickets by creation time: read from the stored JSON without parsing the ones outside the range.
    QSqlQuery q =
        m_docs.db().run(QStringLiteral("SELECT data FROM docs WHERE type = ? AND deleted = 0 ORDER BY seq"),
                        {DocType::Ticket});
    QJsonArray items;
    while (q.next() && items.size() < kMaxExportItems) {
        const QByteArray data = q.value(0).toString().toUtf8();
        const OptInstant created = instantFromIso(plainString(data, "created_at"));
        if (!created || *created < *from || *created >= *to)
            continue;
        const QJsonObject t = QJsonDocument::fromJson(data).object();
        items.append(
            QJsonObject{{QStringLiteral("id"), t.value(QStringLiteral("id"))},
                        {QStringLiteral("number"), t.value(QStringLiteral("number"))},
                        {QStringLiteral("created_at"), t.value(QStringLiteral("created_at"))},
                        {QStringLiteral("customer_name"), t.value(QStringLiteral("customer_name"))},
                        {QStringLiteral("customer_phone"), t.value(QStringLiteral("customer_phone"))}});
    }
    q.finish();
    WriteTx tx(m_docs.db());
    AccessEntry e = entryOf(c, QStringLiteral("customer_export"));
    e.records = items.size();
    e.detail = QStringLiteral("tickets created from %1 to %2").arg(instantToIso(*from), instantToIso(*to));
    m_log.append(tx, e);
    tx.commit();
    return jsonResponse(200, QJsonObject{{QStringLiteral("from"), instantToIso(*from)},
                                         {QStringLiteral("to"), instantToIso(*to)},
                                         {QStringLiteral("count"), items.size()},
                                         {QStringLiteral("items"), items}});
}

} // namespace pd::server
