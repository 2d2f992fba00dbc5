#include "proactivestore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QString kCaseColumns = u"id, waybill_no, kind, cause_ms, detected_ms, station_id, route, incident_id, "
                             "state, reason, ticket_id, data, updated_ms, updated_by"_s;
const QString kNoticeColumns =
    u"id, waybill_no, cause, incident_id, case_id, language, text, urgent, state, "
    "attempts, next_ms, sent_ms, http_status, last_error, provider_id, created_ms, "
    "created_by"_s;

ProactiveCaseRow readCase(const QSqlQuery &q)
{
    ProactiveCaseRow r;
    r.id = q.value(0).toString();
    r.waybillNo = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.causeMs = q.value(3).toLongLong();
    r.detectedMs = q.value(4).toLongLong();
    r.stationId = q.value(5).toString();
    r.route = q.value(6).toString();
    r.incidentId = q.value(7).toString();
    r.state = q.value(8).toString();
    r.reason = q.value(9).toString();
    r.ticketId = q.value(10).toString();
    r.data = q.value(11).toString().toUtf8();
    r.updatedMs = q.value(12).toLongLong();
    r.updatedBy = q.value(13).toString();
    return r;
}

NoticeRow readNotice(const QSqlQuery &q)
{
    NoticeRow r;
    r.id = q.value(0).toString();
    r.waybillNo = q.value(1).toString();
    r.cause = q.value(2).toString();
    r.incidentId = q.value(3).toString();
    r.caseId = q.value(4).toString();
    r.language = q.value(5).toString();
    r.text = q.value(6).toString();
    r.urgent = q.value(7).toInt() != 0;
    r.state = q.value(8).toString();
    r.attempts = q.value(9).toInt();
    r.nextMs = q.value(10).toLongLong();
    r.sentMs = q.value(11).toLongLong();
    r.httpStatus = q.value(12).toInt();
    r.lastError = q.value(13).toString();
    r.providerId = q.value(14).toString();
    r.createdMs = q.value(15).toLongLong();
    r.createdBy = q.value(16).toString();
    return r;
}
} // namespace

QString shortHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

std::optional<std::pair<QByteArray, qint64>> ProactiveStore::policy()
{
    QSqlQuery q = m_db.run(u"SELECT data, version FROM proactive_policy WHERE id = ?"_s, {u"default"_s});
    if (!q.next())
        return std::nullopt;
    return std::pair{q.value(0).toString().toUtf8(), q.value(1).toLongLong()};
}

void ProactiveStore::putPolicy(WriteTx &tx, const QByteArray &json, qint64 version, qint64 nowMs,
                               const QString &by)
{
    tx.db().run(
        u"INSERT INTO proactive_policy(id, version, data, updated_ms, updated_by) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET version = excluded.version, data = excluded.data, "
        "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by"_s,
        {u"default"_s, version, QString::fromUtf8(json), nowMs, by});
}

bool ProactiveStore::addCase(WriteTx &tx, const ProactiveCaseRow &r)
{
    return addCases(tx, {r}) == 1;
}

int ProactiveStore::addCases(WriteTx &tx, const QList<ProactiveCaseRow> &rows)
{
    static const BulkRows insert{u"INSERT INTO proactive_cases("_s + kCaseColumns + u")"_s,
                                 {u"text"_s, u"text"_s, u"text"_s, u"bigint"_s, u"bigint"_s, u"text"_s,
                                  u"text"_s, u"text"_s, u"text"_s, u"text"_s, u"text"_s, u"text"_s,
                                  u"bigint"_s, u"text"_s},
                                 {},
                                 u" ON CONFLICT(id) DO NOTHING RETURNING id"_s,
                                 1};
    QVariantList binds;
    binds.reserve(rows.size() * insert.columns());
    for (const ProactiveCaseRow &r : rows) {
        binds << r.id << r.waybillNo << r.kind << r.causeMs << r.detectedMs << r.stationId << r.route
              << r.incidentId << r.state << r.reason << r.ticketId << QString::fromUtf8(r.data) << r.updatedMs
              << r.updatedBy;
    }
    int added = 0;
    if (!rows.isEmpty())
        tx.db().insertRows(insert, binds, 64, [&added](const BulkRow &) { ++added; });
    return added;
}

void ProactiveStore::updateCase(WriteTx &tx, const ProactiveCaseRow &r)
{
    tx.db().write(u"UPDATE proactive_cases SET state = ?, reason = ?, ticket_id = ?, incident_id = ?, "
                  "updated_ms = ?, updated_by = ? WHERE id = ?"_s,
                  {r.state, r.reason, r.ticketId, r.incidentId, r.updatedMs, r.updatedBy, r.id});
}

std::optional<ProactiveCaseRow> ProactiveStore::caseById(const QString &id)
{
    QSqlQuery q = m_db.run(u"SELECT "_s + kCaseColumns + u" FROM proactive_cases WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return readCase(q);
}

QList<ProactiveCaseRow> ProactiveStore::cases(const QString &state, const QString &incidentId, int limit)
{
    QVariantList binds;
    QString sql = u"SELECT "_s + kCaseColumns + u" FROM proactive_cases WHERE 1 = 1"_s;
    if (!state.isEmpty()) {
        sql += u" AND state = ?"_s;
        binds.append(state);
    }
    if (!incidentId.isEmpty()) {
        sql += u" AND incident_id = ?"_s;
        binds.append(incidentId == u"-"_s ? QString() : incidentId);
    }
    sql += u" ORDER BY detected_ms DESC, id LIMIT ?"_s;
    binds.append(limit);
    QSqlQuery q = m_db.run(sql, binds);
    QList<ProactiveCaseRow> out;
    while (q.next())
        out.append(readCase(q));
    return out;
}

void ProactiveStore::linkCases(WriteTx &tx, const QString &incidentId, const QStringList &waybills,
                               const QStringList &kinds, qint64 fromMs, qint64 toMs)
{
    for (const QString &kind : kinds)
        tx.db().runIn(u"UPDATE proactive_cases SET incident_id = ? WHERE kind = ? AND incident_id = '' AND "
                      "cause_ms >= ? AND cause_ms < ? AND waybill_no IN (%IN%)"_s,
                      {incidentId, kind, fromMs, toMs}, waybills, [](const QSqlQuery &) {});
}

int ProactiveStore::addIncidentParcels(WriteTx &tx, const QString &incidentId, const QStringList &waybills,
                                       qint64 nowMs)
{
    static const BulkRows insert{u"INSERT INTO incident_parcels(incident_id, waybill_no, added_ms)"_s,
                                 {u"text"_s, u"text"_s, u"bigint"_s},
                                 {},
                                 u" ON CONFLICT(incident_id, waybill_no) DO NOTHING RETURNING waybill_no"_s,
                                 2};
    QVariantList binds;
    binds.reserve(waybills.size() * 3);
    for (const QString &w : waybills)
        binds << incidentId << w << nowMs;
    int added = 0;
    if (!waybills.isEmpty())
        tx.db().insertRows(insert, binds, 256, [&added](const BulkRow &) { ++added; });
    return added;
}

QStringList ProactiveStore::incidentParcels(const QString &incidentId)
{
    QSqlQuery q = m_db.run(
        u"SELECT waybill_no FROM incident_parcels WHERE incident_id = ? ORDER BY waybill_no"_s, {incidentId});
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QStringList ProactiveStore::incidentsOf(const QString &waybill)
{
    QSqlQuery q = m_db.run(
        u"SELECT incident_id FROM incident_parcels WHERE waybill_no = ? ORDER BY added_ms DESC, incident_id"_s,
        {waybill});
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

UnderWayPage ProactiveStore::underWayPage(const QString &after, int limit)
{
    // The page is the same subquery in each statement: no IN list to prepare again for every page. The scans'
    // statements name the page with IN, so SQLite and PostgreSQL both probe the waybill indexes with it.
    static const QString page =
        u"(SELECT waybill_no FROM parcel_geo WHERE waybill_no > ? ORDER BY waybill_no LIMIT ?)"_s;
    static const QString parcels = u"SELECT g.waybill_no, d.data FROM "_s + page +
                                   u" AS g LEFT JOIN docs d ON d.type = 'parcel' AND d.id = g.waybill_no "
                                   "ORDER BY g.waybill_no"_s;
    // The scans of parcels a live ticket names are records of the feed (docs), the others are in scans
    // (docs/server.md, "Parcels at volume"); each scan is in one of the two.
    static const QString feedScans =
        u"SELECT parent, data FROM docs WHERE type = 'tracking_event' AND deleted = 0 AND parent IN "_s +
        page;
    static const QString scans = u"SELECT waybill_no, data FROM scans WHERE waybill_no IN "_s + page;
    UnderWayPage out;
    QSqlQuery &q = m_db.cached(parcels);
    m_db.exec(q, {after, limit});
    while (q.next()) {
        ++out.size;
        out.last = q.value(0).toString();
        if (auto p = Parcel::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()))
            out.parcels.append(*p);
    }
    q.finish();
    for (const QString &sql : {feedScans, scans}) {
        QSqlQuery &s = m_db.cached(sql);
        m_db.exec(s, {after, limit});
        while (s.next()) {
            if (auto e =
                    TrackingEvent::fromJson(QJsonDocument::fromJson(s.value(1).toString().toUtf8()).object()))
                out.tracking[s.value(0).toString()].append(*e);
        }
        s.finish();
    }
    for (QList<TrackingEvent> &events : out.tracking) {
        std::stable_sort(events.begin(), events.end(),
                         [](const TrackingEvent &a, const TrackingEvent &b) { return a.at < b.at; });
    }
    return out;
}

bool ProactiveStore::enqueue(WriteTx &tx, const NoticeRow &r)
{
    static const QString sql =
        u"INSERT INTO notices("_s + kNoticeColumns +
        u") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING"_s;
    return tx.db().write(sql, {r.id, r.waybillNo, r.cause, r.incidentId, r.caseId, r.language, r.text,
                               r.urgent ? 1 : 0, r.state, r.attempts, r.nextMs, r.sentMs, r.httpStatus,
                               r.lastError, r.providerId, r.createdMs, r.createdBy}) > 0;
}

QList<NoticeRow> ProactiveStore::due(qint64 nowMs, int limit)
{
    QSqlQuery q = m_db.run(u"SELECT "_s + kNoticeColumns +
                               u" FROM notices WHERE state IN ('queued', 'sending') AND next_ms <= ? "
                               "ORDER BY next_ms, id LIMIT ?"_s,
                           {nowMs, limit});
    QList<NoticeRow> out;
    while (q.next())
        out.append(readNotice(q));
    return out;
}

bool ProactiveStore::claim(WriteTx &tx, const NoticeRow &r, qint64 nowMs, qint64 leaseUntilMs)
{
    // Only the state and instant it was read with: a second sender (another instance) finds them changed.
    return tx.db().write(u"UPDATE notices SET state = 'sending', next_ms = ?, attempts = attempts + 1 "
                         "WHERE id = ? AND state = ? AND next_ms = ? AND next_ms <= ?"_s,
                         {leaseUntilMs, r.id, r.state, r.nextMs, nowMs}) > 0;
}

void ProactiveStore::updateNotice(WriteTx &tx, const NoticeRow &r)
{
    tx.db().write(u"UPDATE notices SET state = ?, attempts = ?, next_ms = ?, sent_ms = ?, http_status = ?, "
                  "last_error = ?, provider_id = ? WHERE id = ?"_s,
                  {r.state, r.attempts, r.nextMs, r.sentMs, r.httpStatus, r.lastError, r.providerId, r.id});
}

std::optional<NoticeRow> ProactiveStore::notice(const QString &id)
{
    QSqlQuery q = m_db.run(u"SELECT "_s + kNoticeColumns + u" FROM notices WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return readNotice(q);
}

QList<NoticeRow> ProactiveStore::notices(const QString &incidentId, const QString &waybill, int limit)
{
    const bool byIncident = !incidentId.isEmpty();
    QSqlQuery q = m_db.run(u"SELECT "_s + kNoticeColumns + u" FROM notices WHERE "_s +
                               (byIncident ? u"incident_id = ?"_s : u"waybill_no = ?"_s) +
                               u" ORDER BY created_ms, id LIMIT ?"_s,
                           {byIncident ? incidentId : waybill, limit});
    QList<NoticeRow> out;
    while (q.next())
        out.append(readNotice(q));
    return out;
}

NoticeCounts ProactiveStore::noticeCounts(const QString &incidentId)
{
    QSqlQuery q =
        m_db.run(u"SELECT state, COUNT(*) FROM notices WHERE incident_id = ? GROUP BY state"_s, {incidentId});
    NoticeCounts c;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == u"queued"_s)
            c.queued = n;
        else if (state == u"sending"_s)
            c.sending = n;
        else if (state == u"sent"_s)
            c.sent = n;
        else
            c.failed += n;
    }
    return c;
}

void ProactiveStore::markNotified(WriteTx &tx, const QString &waybill, const QString &incidentId,
                                  const QString &caseId, qint64 nowMs)
{
    tx.db().write(u"UPDATE proactive_cases SET state = 'notified', updated_ms = ? WHERE waybill_no = ? AND "
                  "state = 'open' AND (id = ? OR (incident_id <> '' AND incident_id = ?))"_s,
                  {nowMs, waybill, caseId, incidentId});
}

qint64 ProactiveStore::nextDueMs()
{
    QSqlQuery q = m_db.run(u"SELECT MIN(next_ms) FROM notices WHERE state IN ('queued', 'sending')"_s);
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : 0;
}

} // namespace pd::server
