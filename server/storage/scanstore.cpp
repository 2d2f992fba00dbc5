#include "scanstore.h"

#include "database.h"
#include "documentstore.h"

#include <QSqlQuery>

namespace pd::server {

namespace {

/// @brief The scans of one waybill with the columns of a docs row (DocumentStore::read), aliased "docs" so
/// that CustomerAccess::dataExpression applies to them unchanged.
const QString kAsDocs = QStringLiteral(
    "(SELECT 'tracking_event' AS type, id, 0 AS seq, 1 AS version, 0 AS deleted, '' AS team_id,"
    " waybill_no AS parent, '' AS status, at_ms AS updated_ms, data, masked, '' AS holder, 0 AS purge_ms"
    " FROM scans WHERE waybill_no = ?) AS docs");

const QString kAllColumns = QStringLiteral(
    "type, id, seq, version, deleted, team_id, parent, status, updated_ms, data, masked, holder, purge_ms");

} // namespace

QStringList ScanStore::migration()
{
    // The scans of parcels no live ticket names leave docs (and its four indexes); those of parcels a ticket
    // names stay there, in the feed.
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS scans (id TEXT PRIMARY KEY, waybill_no TEXT NOT NULL,"
                       " at_ms BIGINT NOT NULL, data TEXT NOT NULL, masked TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS scans_waybill ON scans(waybill_no)"),
        QStringLiteral("INSERT INTO scans(id, waybill_no, at_ms, data, masked) SELECT id, parent, updated_ms,"
                       " data, masked FROM docs WHERE type = 'tracking_event' AND feed = 0 AND deleted = 0"
                       " ON CONFLICT(id) DO NOTHING"),
        QStringLiteral("DELETE FROM docs WHERE type = 'tracking_event' AND feed = 0"),
    };
}

void ScanStore::insert(const QList<Doc> &scans)
{
    if (scans.isEmpty())
        return;
    if (!m_db.isPostgres()) {
        // SQLite: one prepared row at a time costs no round trips.
        for (const Doc &d : scans)
            put(d);
        return;
    }
    (void)insertNew(scans); // the same statement; which rows were new is not needed here
}

QSet<QString> ScanStore::insertNew(const QList<Doc> &scans)
{
    QSet<QString> inserted;
    if (scans.isEmpty())
        return inserted;
    if (!m_db.isPostgres()) {
        static const QString sql = QStringLiteral("INSERT INTO scans(id, waybill_no, at_ms, data, masked) "
                                                  "VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING");
        for (const Doc &d : scans) {
            if (m_db.write(sql, {d.id, d.parent, d.updatedMs, QString::fromUtf8(d.data),
                                 QString::fromUtf8(d.masked)}) > 0)
                inserted.insert(d.id);
        }
        return inserted;
    }
    static const BulkRows rows{QStringLiteral("INSERT INTO scans(id, waybill_no, at_ms, data, masked)"),
                               {QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("bigint"),
                                QStringLiteral("text"), QStringLiteral("text")},
                               {},
                               QStringLiteral(" ON CONFLICT(id) DO NOTHING RETURNING id"),
                               1};
    QVariantList binds;
    binds.reserve(scans.size() * rows.columns());
    for (const Doc &d : scans)
        binds << d.id << d.parent << d.updatedMs << d.data << d.masked; // UTF-8, sent as it is
    m_db.insertRows(rows, binds, 0, [&](const BulkRow &r) { inserted.insert(r.text(0)); });
    return inserted;
}

void ScanStore::put(const Doc &scan)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO scans(id, waybill_no, at_ms, data, masked) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET waybill_no = excluded.waybill_no, at_ms = excluded.at_ms,"
        " data = excluded.data, masked = excluded.masked");
    m_db.exec(m_db.cached(sql), {scan.id, scan.parent, scan.updatedMs, QString::fromUtf8(scan.data),
                                 QString::fromUtf8(scan.masked)});
}

QSet<QString> ScanStore::existing(const QStringList &ids)
{
    QSet<QString> out;
    if (ids.isEmpty())
        return out;
    for (const char *sql : {"SELECT id FROM scans WHERE id IN (%IN%)",
                            "SELECT id FROM docs WHERE type = 'tracking_event' AND id IN (%IN%)"}) {
        m_db.runIn(QString(QLatin1StringView(sql)), {}, ids,
                   [&](const QSqlQuery &q) { out.insert(q.value(0).toString()); });
    }
    return out;
}

QList<Doc> ScanStore::byWaybill(const QString &waybill, const CustomerAccess *reader)
{
    QVariantList binds;
    const QString columns = reader ? DocumentStore::columns(*reader, binds) : kAllColumns;
    binds << waybill;
    QSqlQuery q = m_db.run(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + kAsDocs +
                               QStringLiteral(" ORDER BY updated_ms, id"),
                           binds);
    QList<Doc> out;
    while (q.next())
        out.append(DocumentStore::read(q));
    return out;
}

QList<Doc> ScanStore::takeWaybill(const QString &waybill)
{
    QList<Doc> out = byWaybill(waybill);
    if (!out.isEmpty())
        m_db.write(QStringLiteral("DELETE FROM scans WHERE waybill_no = ?"), {waybill});
    return out;
}

void ScanStore::remove(const QString &id)
{
    static const QString sql = QStringLiteral("DELETE FROM scans WHERE id = ?");
    m_db.exec(m_db.cached(sql), {id});
}

} // namespace pd::server
