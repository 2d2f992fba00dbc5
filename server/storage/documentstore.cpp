#include "documentstore.h"

#include "customerdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
/// @brief A scan the volume aggregates count (a compact JSON tracking event): picked_up or exception.
bool isCountedScan(const QByteArray &data)
{
    if (!data.contains("picked_up") && !data.contains("exception"))
        return false;
    const QString status = QJsonDocument::fromJson(data).object().value(QStringLiteral("status")).toString();
    return status == QLatin1StringView("picked_up") || status == QLatin1StringView("exception");
}

const QString kColumns = QStringLiteral(
    "type, id, seq, version, deleted, team_id, parent, status, updated_ms, data, masked, holder, purge_ms");
} // namespace

QString DocumentStore::columns(const CustomerAccess &reader, QVariantList &binds)
{
    return QStringLiteral("type, id, seq, version, deleted, team_id, parent, status, updated_ms, ") +
           reader.dataExpression(binds) + QStringLiteral(", '', holder, purge_ms");
}

Doc DocumentStore::read(const QSqlQuery &q)
{
    Doc d;
    d.type = q.value(0).toString();
    d.id = q.value(1).toString();
    d.seq = q.value(2).toLongLong();
    d.version = q.value(3).toLongLong();
    d.deleted = q.value(4).toInt() != 0;
    d.teamId = q.value(5).toString();
    d.parent = q.value(6).toString();
    d.status = q.value(7).toString();
    d.updatedMs = q.value(8).toLongLong();
    d.data = q.value(9).toString().toUtf8();
    d.masked = q.value(10).toString().toUtf8();
    d.holder = q.value(11).toString();
    d.purgeMs = q.value(12).toLongLong();
    return d;
}

std::optional<Doc> DocumentStore::get(const QString &type, const QString &id)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM docs WHERE type = ? AND id = ?"),
                           {type, id});
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::optional<Doc> DocumentStore::get(const QString &type, const QString &id, const CustomerAccess &reader)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT ") + columns(reader, binds) +
                        QStringLiteral(" FROM docs WHERE type = ? AND id = ?");
    binds << type << id;
    QSqlQuery q = m_db.run(sql, binds);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

QList<Doc> DocumentStore::byParent(const QString &type, const QString &parent, const CustomerAccess &reader,
                                   int limit)
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT ") + columns(reader, binds) +
                        QStringLiteral(" FROM docs WHERE type = ? AND parent = ? AND deleted = 0 "
                                       "ORDER BY seq LIMIT ?");
    binds << type << parent << limit;
    QSqlQuery q = m_db.run(sql, binds);
    QList<Doc> out;
    while (q.next())
        out.append(read(q));
    if (type == DocType::TrackingEvent && out.size() < limit)
        out += m_scans.byWaybill(parent, &reader).mid(0, limit - out.size());
    return out;
}

QList<Doc> DocumentStore::byParent(const QString &type, const QString &parent, int limit)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM docs WHERE type = ? AND parent = ? AND deleted = 0 "
                                              "ORDER BY seq LIMIT ?"),
                           {type, parent, limit});
    QList<Doc> out;
    while (q.next())
        out.append(read(q));
    if (type == DocType::TrackingEvent && out.size() < limit)
        out += m_scans.byWaybill(parent).mid(0, limit - out.size());
    return out;
}

QList<Doc> DocumentStore::children(const QString &type, const QString &parent)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT ") + kColumns +
                               QStringLiteral(" FROM docs WHERE type = ? AND parent = ? ORDER BY seq"),
                           {type, parent});
    QList<Doc> out;
    while (q.next())
        out.append(read(q));
    if (type == DocType::TrackingEvent)
        out += m_scans.byWaybill(parent);
    return out;
}

QList<Doc> DocumentStore::containing(const QString &type, const QString &text)
{
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    QSqlQuery q =
        m_db.run(QStringLiteral("SELECT ") + kColumns +
                     QStringLiteral(" FROM docs WHERE type = ? AND data LIKE ? ESCAPE '\\' ORDER BY seq"),
                 {type, QString(QLatin1Char('%') + pattern + QLatin1Char('%'))});
    QList<Doc> out;
    while (q.next())
        out.append(read(q));
    return out;
}

QList<Doc> DocumentStore::byStatus(const QString &type, const QStringList &statuses)
{
    QList<Doc> out;
    for (const QString &s : statuses) {
        QSqlQuery q = m_db.run(QStringLiteral("SELECT ") + kColumns +
                                   QStringLiteral(" FROM docs WHERE type = ? AND status = ? AND deleted = 0"),
                               {type, s});
        while (q.next())
            out.append(read(q));
    }
    return out;
}

QList<Doc> DocumentStore::all(const QString &type, int limit)
{
    QSqlQuery q =
        m_db.run(QStringLiteral("SELECT ") + kColumns +
                     QStringLiteral(" FROM docs WHERE type = ? AND deleted = 0 ORDER BY seq LIMIT ?"),
                 {type, limit});
    QList<Doc> out;
    while (q.next())
        out.append(read(q));
    return out;
}

namespace {
/// @brief INSERT … ON CONFLICT DO UPDATE of records (the columns of kColumns and feed).
const BulkRows kUpsert{
    QStringLiteral("INSERT INTO docs(") + kColumns + QStringLiteral(", feed)"),
    {u"text"_s, u"text"_s, u"bigint"_s, u"bigint"_s, u"int"_s, u"text"_s, u"text"_s, u"text"_s, u"bigint"_s,
     u"text"_s, u"text"_s, u"text"_s, u"bigint"_s, u"int"_s},
    {},
    QStringLiteral(" ON CONFLICT(type, id) DO UPDATE SET "
                   "seq = excluded.seq, version = excluded.version, deleted = excluded.deleted, "
                   "team_id = excluded.team_id, parent = excluded.parent, "
                   "status = excluded.status, updated_ms = excluded.updated_ms, "
                   "data = excluded.data, masked = excluded.masked, holder = excluded.holder, "
                   "purge_ms = excluded.purge_ms, feed = excluded.feed"),
    2};

/// Values a record binds (appendBinds).
constexpr qsizetype kDocBinds = 14;

/// @p utf8: the JSON columns as their UTF-8 bytes (a bulk write on PostgreSQL sends them as they are), else
/// as text (a statement of Qt's driver).
void appendBinds(QVariantList &binds, const Doc &doc, bool feed, bool utf8 = false)
{
    binds << doc.type << doc.id << doc.seq << doc.version << (doc.deleted ? 1 : 0) << doc.teamId << doc.parent
          << doc.status << doc.updatedMs;
    if (utf8)
        binds << doc.data << doc.masked;
    else
        binds << QString::fromUtf8(doc.data) << QString::fromUtf8(doc.masked);
    binds << doc.holder << doc.purgeMs << (feed ? 1 : 0);
}
} // namespace

void DocumentStore::put(WriteTx &tx, Doc &doc)
{
    doc.seq = tx.nextSeq();
    CustomerData::derive(doc);
    const bool feed = inFeed(doc);
    if (doc.type == DocType::TrackingEvent) {
        // Each scan is in one table: docs (the feed's) when a live ticket names its parcel, else scans.
        static const QString drop =
            QStringLiteral("DELETE FROM docs WHERE type = 'tracking_event' AND id = ?");
        if (feed)
            m_scans.remove(doc.id);
        else
            m_db.exec(m_db.cached(drop), {doc.id});
    }
    // Prepared once per connection (Database::cached drops it when the connection is lost and replaced).
    static const QString sql = kUpsert.valuesSql(1);
    if (doc.type == DocType::TrackingEvent && !feed) {
        m_scans.put(doc);
    } else {
        QVariantList binds;
        appendBinds(binds, doc, feed);
        m_db.exec(m_db.cached(sql), binds);
    }
    if (doc.type == DocType::Ticket && !doc.deleted && !doc.parent.isEmpty())
        enterFeed(tx, doc.parent);
    if (doc.type == DocType::Parcel) {
        m_volume.parcelChanged(tx, doc.id, doc.updatedMs);
        m_geo.parcelsChanged({&doc});
    } else if (doc.type == DocType::TrackingEvent && isCountedScan(doc.data))
        m_volume.parcelChanged(tx, doc.parent, doc.updatedMs);
}

void DocumentStore::putScans(QList<Doc> &docs, const QSet<QString> &referenced)
{
    QList<Doc> scans;
    qsizetype kept = 0;
    for (qsizetype i = 0; i < docs.size(); ++i) {
        Doc &d = docs[i];
        if (d.type == DocType::TrackingEvent && !referenced.contains(d.parent)) {
            CustomerData::derive(d);
            scans.append(std::move(d));
        } else {
            if (kept != i)
                docs[kept] = std::move(d);
            ++kept;
        }
    }
    docs.resize(kept);
    m_scans.insert(scans);
}

void DocumentStore::putMany(WriteTx &tx, QList<Doc> &docs, const QSet<QString> &referenced)
{
    putScans(docs, referenced);
    QVariantList binds;
    binds.reserve(docs.size() * kDocBinds);
    for (Doc &d : docs) {
        d.seq = tx.nextSeq();
        CustomerData::derive(d);
        const bool parcelRow = d.type == DocType::Parcel || d.type == DocType::TrackingEvent;
        appendBinds(binds, d, !parcelRow || referenced.contains(d.type == DocType::Parcel ? d.id : d.parent),
                    m_db.isPostgres());
    }
    if (!binds.isEmpty())
        m_db.insertRows(kUpsert, binds, 128); // SQLite: 1,792 binds a statement; it allows 32,766
    QList<const Doc *> parcels;
    for (const Doc &d : std::as_const(docs)) {
        if (d.type == DocType::Parcel)
            parcels << &d;
    }
    m_geo.parcelsChanged(parcels);
}

QSet<QString> DocumentStore::putNewScans(WriteTx &tx, QList<Doc> scans, const QSet<QString> &referenced)
{
    QStringList ids;
    ids.reserve(scans.size());
    for (const Doc &d : std::as_const(scans))
        ids.append(d.id);
    // In docs: the scans of parcels a ticket names, or named once.
    QSet<QString> stored;
    m_db.runIn(QStringLiteral("SELECT id FROM docs WHERE type = 'tracking_event' AND id IN (%IN%)"), {}, ids,
               [&](const QSqlQuery &q) { stored.insert(q.value(0).toString()); });
    QList<Doc> toFeed, toScans;
    QStringList feedIds;
    for (Doc &d : scans) {
        if (stored.contains(d.id))
            continue;
        if (referenced.contains(d.parent)) {
            feedIds.append(d.id);
            toFeed.append(std::move(d));
        } else {
            toScans.append(std::move(d));
        }
    }
    QSet<QString> written = m_scans.insertNew(toScans);
    if (!toFeed.isEmpty()) {
        stored = m_scans.existing(feedIds);
        toFeed.removeIf([&](const Doc &d) { return stored.contains(d.id); });
        for (const Doc &d : std::as_const(toFeed))
            written.insert(d.id);
        putMany(tx, toFeed, referenced);
    }
    return written;
}

QHash<QString, Doc> DocumentStore::getMany(const QString &type, const QStringList &ids)
{
    QHash<QString, Doc> out;
    m_db.runIn(QStringLiteral("SELECT ") + kColumns +
                   QStringLiteral(" FROM docs WHERE type = ? AND id IN (%IN%)"),
               {type}, ids, [&](const QSqlQuery &q) {
                   Doc d = read(q);
                   out.insert(d.id, d);
               });
    return out;
}

QSet<QString> DocumentStore::existing(const QString &type, const QStringList &ids)
{
    if (type == DocType::TrackingEvent)
        return m_scans.existing(ids); // both tables
    QSet<QString> out;
    m_db.runIn(QStringLiteral("SELECT id FROM docs WHERE type = ? AND id IN (%IN%)"), {type}, ids,
               [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

QSet<QString> DocumentStore::referencedAmong(const QStringList &waybills)
{
    QSet<QString> out;
    m_db.runIn(
        QStringLiteral(
            "SELECT DISTINCT parent FROM docs WHERE type = 'ticket' AND deleted = 0 AND parent IN (%IN%)"),
        {}, waybills, [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    return out;
}

bool DocumentStore::isReferenced(const QString &waybill)
{
    static const QString sql =
        QStringLiteral("SELECT 1 FROM docs WHERE type = 'ticket' AND parent = ? AND deleted = 0 LIMIT 1");
    QSqlQuery &q = m_db.cached(sql);
    m_db.exec(q, {waybill});
    const bool found = q.next();
    q.finish();
    return found;
}

bool DocumentStore::inFeed(const Doc &doc)
{
    if (doc.type == DocType::Parcel)
        return isReferenced(doc.id);
    if (doc.type == DocType::TrackingEvent)
        return isReferenced(doc.parent);
    return true;
}

void DocumentStore::enterFeed(WriteTx &tx, const QString &waybill)
{
    // Only the flag: who must pull them again (a ticket that starts being about a parcel its readers may
    // already have passed) is restampAbout's job.
    static const QString parcel =
        QStringLiteral("UPDATE docs SET feed = 1 WHERE type = 'parcel' AND id = ? AND feed = 0");
    static const QString tracking =
        QStringLiteral("UPDATE docs SET feed = 1 WHERE type = 'tracking_event' AND parent = ? AND feed = 0");
    m_db.exec(m_db.cached(parcel), {waybill});
    m_db.exec(m_db.cached(tracking), {waybill});
    // Its scans join the feed's records (new seqs, in time order); restampAbout then stamps them again.
    QList<Doc> moved = m_scans.takeWaybill(waybill);
    if (!moved.isEmpty())
        putMany(tx, moved, {waybill});
}

bool DocumentStore::restamp(WriteTx &tx, const QString &type, const QString &id)
{
    // feed = 1: a parcel re-stamped because a ticket now names it enters the feed's index (see changes()).
    return tx.db().write(QStringLiteral("UPDATE docs SET seq = ?, feed = 1 WHERE type = ? AND id = ?"),
                         {tx.nextSeq(), type, id}) > 0;
}

int DocumentStore::restampAbout(WriteTx &tx, const QString &ticketId, const QStringList &waybills,
                                bool events)
{
    // One lookup for all of them (auto-close may do this for thousands of tickets in one transaction).
    QStringList terms;
    QVariantList binds;
    if (events) {
        terms << QStringLiteral("(type = 'ticket_event' AND parent = ? AND masked <> '')");
        binds << ticketId;
    }
    for (const QString &w : waybills) {
        terms << QStringLiteral("(type = 'parcel' AND id = ?)")
              << QStringLiteral("(type = 'tracking_event' AND parent = ?)");
        binds << w << w;
    }
    if (terms.isEmpty())
        return 0;
    QSqlQuery q =
        m_db.run(QStringLiteral("SELECT type, id FROM docs WHERE (") + terms.join(QStringLiteral(" OR ")) +
                     QStringLiteral(") AND deleted = 0 ORDER BY seq"),
                 binds);
    QList<QPair<QString, QString>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    for (const auto &[type, id] : std::as_const(rows))
        restamp(tx, type, id);
    return int(rows.size());
}

int DocumentStore::restampChildren(WriteTx &tx, const QString &type, const QString &parent,
                                   const QString &teamId, bool tombstone)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT id, version FROM docs WHERE type = ? AND parent = ? "
                                          "AND deleted = 0 ORDER BY seq"),
                           {type, parent});
    QList<QPair<QString, qint64>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toLongLong()});
    q.finish();
    if (rows.isEmpty())
        return 0;
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE docs SET seq = ?, team_id = ?, deleted = ?, version = ? WHERE type = ? AND id = ?"));
    for (const auto &[id, version] : std::as_const(rows))
        m_db.exec(update,
                  {tx.nextSeq(), teamId, tombstone ? 1 : 0, tombstone ? version + 1 : version, type, id});
    return int(rows.size());
}

void DocumentStore::remove(WriteTx &tx, const QString &type, const QString &id)
{
    tx.db().write(QStringLiteral("DELETE FROM docs WHERE type = ? AND id = ?"), {type, id});
    if (type == DocType::TrackingEvent)
        m_scans.remove(id);
    if (type == DocType::Parcel) {
        Doc gone;
        gone.type = type;
        gone.id = id;
        gone.deleted = true;
        m_geo.parcelsChanged({&gone});
    }
}

qint64 DocumentStore::maxSeq()
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM docs"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

ChangesPage DocumentStore::changes(qint64 after, int limit, const FeedScope &scope,
                                   const CustomerAccess &reader)
{
    // Read the upper bound first. Writers are serialized (single SQLite writer, or the PostgreSQL advisory
    // lock), so every record with seq <= upTo is committed by now and a later snapshot still holds it or
    // holds it again under a higher seq: nothing at or below upTo can appear later.
    const qint64 upTo = maxSeq();
    ChangesPage page;
    QVariantList binds;
    QString sql = QStringLiteral("SELECT ") + columns(reader, binds) +
                  QStringLiteral(" FROM docs WHERE docs.feed = 1 AND docs.seq > ? AND docs.seq <= ?");
    binds << after << upTo;
    // Parcels and their tracking go only to readers of a ticket about them (docs/api.md, "What a console
    // receives"); a ticket that starts being about a parcel re-stamps it
    // (TicketService::reshareCustomerData). The rows no live ticket names have feed = 0 and are not in the
    // docs_feed index the range scan reads, so a pull costs the same with 100,000 or 10,000,000 parcels.
    const QString referenced = QStringLiteral(
        " AND (docs.type NOT IN ('parcel', 'tracking_event') OR EXISTS (SELECT 1 FROM docs t WHERE t.type = "
        "'ticket' AND t.deleted = 0 AND t.parent = CASE WHEN docs.type = 'parcel' THEN docs.id ELSE "
        "docs.parent END");
    if (scope.allTeams) {
        sql += QStringLiteral(" AND docs.type <> 'ticket_withdrawn'") + referenced + QStringLiteral("))");
    } else {
        // Attachments follow their ticket's team like its events (docs/attachments.md).
        sql += QStringLiteral(" AND (docs.type NOT IN ('ticket', 'ticket_event', 'attachment', "
                              "'ticket_withdrawn') OR "
                              "docs.team_id = ?)") +
               referenced + QStringLiteral(" AND t.team_id = ?))");
        binds << scope.teamId << scope.teamId;
    }
    sql += QStringLiteral(" ORDER BY docs.seq LIMIT ?");
    binds.append(limit + 1);
    QSqlQuery q = m_db.run(sql, binds);
    while (q.next()) {
        if (page.items.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.items.append(read(q));
    }
    page.nextCursor = page.hasMore ? page.items.last().seq : std::max(after, upTo);
    if (page.hasMore) {
        // For the console's progress bar: a cheap count over the seq index, not filtered by team or type.
        QSqlQuery left =
            m_db.run(QStringLiteral("SELECT count(*) FROM docs WHERE feed = 1 AND seq > ? AND seq <= ?"),
                     {page.nextCursor, upTo});
        page.remaining = left.next() ? left.value(0).toLongLong() : 0;
    }
    return page;
}

std::optional<DocumentStore::StoredResponse> DocumentStore::idempotentResponse(const QString &key)
{
    QSqlQuery q =
        m_db.run(QStringLiteral("SELECT user_id, status, body FROM idempotency WHERE key = ?"), {key});
    if (!q.next())
        return std::nullopt;
    return StoredResponse{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString().toUtf8()};
}

void DocumentStore::storeIdempotentResponse(WriteTx &tx, const QString &key, const QString &userId,
                                            int status, const QByteArray &body, qint64 nowMs)
{
    tx.db().write(
        QStringLiteral(
            "INSERT INTO idempotency(key, user_id, status, body, created_ms) VALUES(?, ?, ?, ?, ?)"),
        {key, userId, status, QString::fromUtf8(body), nowMs});
}

int DocumentStore::pruneIdempotency(WriteTx &tx, qint64 beforeMs)
{
    QSqlQuery q = tx.db().run(QStringLiteral("DELETE FROM idempotency WHERE created_ms < ?"), {beforeMs});
    return std::max(0, q.numRowsAffected());
}

void DocumentStore::audit(WriteTx &tx, qint64 atMs, const QString &userId, const QString &action,
                          const QString &targetType, const QString &targetId, const QString &detail)
{
    tx.db().write(QStringLiteral("INSERT INTO audit(at_ms, user_id, action, target_type, target_id, detail) "
                                 "VALUES(?, ?, ?, ?, ?, ?)"),
                  {atMs, userId, action, targetType, targetId, detail});
}

} // namespace pd::server
