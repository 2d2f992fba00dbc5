#include "geoindex.h"

#include "database.h"
#include "documentstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <charconv>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
constexpr int kCellShift = 2 * (geo::kQuadkeyZoom - geo::kCellZoom);
constexpr qsizetype kRowsPerStatement = 200;

using CellKey = QPair<quint64, QString>;
const QString kAllStations = u"*"_s;

/// "(qk BETWEEN ? AND ?) OR …" for @p ranges shifted to the column's zoom, with its binds.
QString rangeClause(const QString &column, const QList<geo::KeyRange> &ranges, int shift, QVariantList &binds)
{
    QStringList parts;
    for (const geo::KeyRange &r : ranges) {
        parts << column + u" BETWEEN ? AND ?"_s;
        binds << qint64(r.first >> shift) << qint64(r.last >> shift);
    }
    return u"("_s + parts.join(u" OR "_s) + u")"_s;
}

QString filterClause(const GeoFilter &filter, QVariantList &binds, bool cells = false)
{
    QString sql;
    if (cells && filter.stationId.isEmpty()) {
        sql += u" AND station_id = '*'"_s;
    } else if (!filter.stationId.isEmpty()) {
        sql += u" AND station_id = ?"_s;
        binds << filter.stationId;
    }
    if (filter.lateAtMs > 0) {
        sql += u" AND promised_ms > 0 AND promised_ms < ?"_s;
        binds << filter.lateAtMs;
    }
    return sql;
}

/// The ranges, then the filters: binds in the order of the placeholders.
QString whereClause(const QString &column, const GeoFilter &filter, int shift, QVariantList &binds)
{
    QString sql = rangeClause(column, filter.ranges, shift, binds);
    sql += filterClause(filter, binds, column == u"cell");
    return sql;
}

void addTo(QHash<CellKey, GeoCount> &deltas, const GeoEntry &e, int sign)
{
    // The parcel's station, and "*" (every station; not a valid station id).
    for (const QString &station : {e.stationId, kAllStations}) {
        GeoCount &c = deltas[CellKey(geo::quadkeyAt(e.qk, geo::kCellZoom), station)];
        c.count += sign;
        c.sumLat += sign * e.point.lat;
        c.sumLng += sign * e.point.lon;
    }
}

GeoEntry readEntry(const QSqlQuery &q)
{
    GeoEntry e;
    e.waybillNo = q.value(0).toString();
    e.qk = quint64(q.value(1).toLongLong());
    e.point = {q.value(2).toDouble(), q.value(3).toDouble()};
    e.atDestination = q.value(4).toInt() != 0;
    e.status = q.value(5).toString();
    e.stationId = q.value(6).toString();
    e.courierId = q.value(7).toString();
    e.promisedMs = q.value(8).toLongLong();
    return e;
}

const QString kEntryColumns =
    u"waybill_no, qk, lat, lng, at_dest, status, station_id, courier_id, promised_ms"_s;

/// The entries in the key ranges $1[i]..$2[i] (zoom-20 quadkeys), of the station $3 ('': every one), promised
/// before $4 (0: any), in the box $5..$6 (latitude) by $7..$8 (longitude), at most $9: planned for each
/// call's ranges. Each range is a subquery of its own (OFFSET 0 keeps it one), read through the index: joined
/// directly, the box's selectivity made PostgreSQL scan the whole table at 10,000,000 parcels (266 ms).
const QString kPgEntries =
    u"SELECT g.waybill_no, g.lat, g.lng, g.at_dest, g.status, g.station_id, g.courier_id, g.promised_ms"
    " FROM unnest($1::bigint[], $2::bigint[]) AS r(lo, hi)"
    " CROSS JOIN LATERAL (SELECT * FROM parcel_geo p WHERE p.qk BETWEEN r.lo AND r.hi OFFSET 0) g"
    " WHERE ($3::text = '' OR g.station_id = $3::text)"
    " AND ($4::bigint = 0 OR (g.promised_ms > 0 AND g.promised_ms < $4::bigint))"
    " AND g.lat BETWEEN $5::float8 AND $6::float8 AND g.lng BETWEEN $7::float8 AND $8::float8"
    " LIMIT $9::bigint"_s;

QByteArray exact(double d)
{
    return QByteArray::number(d, 'g', 17);
}

QByteArrayList pgEntryParams(const GeoFilter &filter, int limit)
{
    QByteArray lo = "{", hi = "{";
    for (const geo::KeyRange &r : filter.ranges) {
        if (lo.size() > 1) {
            lo += ',';
            hi += ',';
        }
        lo += QByteArray::number(qint64(r.first));
        hi += QByteArray::number(qint64(r.last));
    }
    // A null QByteArray would be SQL NULL: "every station" is the empty text.
    return {lo + '}',
            hi + '}',
            filter.stationId.isEmpty() ? QByteArray("") : filter.stationId.toUtf8(),
            QByteArray::number(filter.lateAtMs),
            exact(filter.south),
            exact(filter.north),
            exact(filter.west),
            exact(filter.east),
            QByteArray::number(limit)};
}

double toDouble(QByteArrayView text)
{
    double d = 0;
    std::from_chars(text.data(), text.data() + text.size(), d);
    return d;
}
} // namespace

std::optional<GeoEntry> GeoIndex::entryOf(const Doc &parcel)
{
    if (parcel.deleted)
        return std::nullopt;
    const auto p = Parcel::fromJson(QJsonDocument::fromJson(parcel.data).object());
    if (!p || p->status == ParcelStatus::Delivered || p->status == ParcelStatus::Returned)
        return std::nullopt;
    if (!p->position && !p->destination)
        return std::nullopt;
    GeoEntry e;
    e.waybillNo = p->waybillNo.isEmpty() ? parcel.id : p->waybillNo;
    e.atDestination = !p->position;
    e.point = p->position ? *p->position : *p->destination;
    e.qk = geo::quadkeyOf(e.point);
    e.status = toCode(p->status);
    e.stationId = p->stationId;
    e.courierId = p->courierId;
    e.promisedMs = p->promisedAt.value_or(0);
    return e;
}

void GeoIndex::parcelsChanged(const QList<const Doc *> &parcels)
{
    if (parcels.isEmpty())
        return;
    QStringList waybills;
    waybills.reserve(parcels.size());
    for (const Doc *d : parcels)
        waybills << d->id;
    const QHash<QString, GeoEntry> before = stored(waybills);
    QList<GeoEntry> written;
    QStringList removed;
    QHash<CellKey, GeoCount> deltas;
    for (const Doc *d : parcels) {
        std::optional<GeoEntry> now = entryOf(*d);
        if (now)
            now->waybillNo = d->id;
        const auto old = before.constFind(d->id);
        const bool had = old != before.cend();
        if (had && now && *old == *now)
            continue;
        if (had)
            addTo(deltas, *old, -1);
        if (now) {
            addTo(deltas, *now, +1);
            written << *now;
        } else if (had) {
            removed << d->id;
        }
    }
    writeEntries(written);
    removeEntries(removed);
    addToCells(deltas);
}

void GeoIndex::rebuild()
{
    m_db.run(u"DELETE FROM parcel_geo"_s);
    m_db.run(u"DELETE FROM parcel_cells"_s);
    QString after;
    for (;;) {
        QSqlQuery q = m_db.run(u"SELECT type, id, deleted, data FROM docs WHERE type = 'parcel' AND id > ?"
                               " ORDER BY id LIMIT 2000"_s,
                               {after});
        QList<GeoEntry> entries;
        QHash<CellKey, GeoCount> deltas;
        int rows = 0;
        while (q.next()) {
            Doc d;
            d.type = q.value(0).toString();
            d.id = q.value(1).toString();
            d.deleted = q.value(2).toInt() != 0;
            d.data = q.value(3).toString().toUtf8();
            after = d.id;
            ++rows;
            if (auto e = entryOf(d)) {
                e->waybillNo = d.id;
                addTo(deltas, *e, +1);
                entries << *e;
            }
        }
        q.finish();
        writeEntries(entries);
        addToCells(deltas);
        if (rows < 2000)
            break;
    }
}

QHash<QString, GeoEntry> GeoIndex::stored(const QStringList &waybills)
{
    QHash<QString, GeoEntry> out;
    m_db.runIn(u"SELECT "_s + kEntryColumns + u" FROM parcel_geo WHERE waybill_no IN (%IN%)"_s, {}, waybills,
               [&](const QSqlQuery &q) {
                   GeoEntry e = readEntry(q);
                   out.insert(e.waybillNo, e);
               });
    return out;
}

void GeoIndex::writeEntries(const QList<GeoEntry> &entries)
{
    QVariantList binds;
    binds.reserve(entries.size() * 9);
    for (const GeoEntry &e : entries) {
        binds << e.waybillNo << qint64(e.qk) << e.point.lat << e.point.lon << (e.atDestination ? 1 : 0)
              << e.status << e.stationId << e.courierId << e.promisedMs;
    }
    if (binds.isEmpty())
        return;
    static const BulkRows upsert{
        u"INSERT INTO parcel_geo("_s + kEntryColumns + u")"_s,
        {u"text"_s, u"bigint"_s, u"float8"_s, u"float8"_s, u"int"_s, u"text"_s, u"text"_s, u"text"_s,
         u"bigint"_s},
        {},
        u" ON CONFLICT(waybill_no) DO UPDATE SET qk = excluded.qk, lat = excluded.lat,"
        " lng = excluded.lng, at_dest = excluded.at_dest, status = excluded.status,"
        " station_id = excluded.station_id, courier_id = excluded.courier_id,"
        " promised_ms = excluded.promised_ms"_s,
        1};
    m_db.insertRows(upsert, binds, kRowsPerStatement);
}

void GeoIndex::removeEntries(const QStringList &waybills)
{
    m_db.runIn(u"DELETE FROM parcel_geo WHERE waybill_no IN (%IN%)"_s, {}, waybills,
               [](const QSqlQuery &) {});
}

void GeoIndex::addToCells(const QHash<CellKey, GeoCount> &deltas)
{
    // Cells that drop to zero keep their row (n = 0): a bounded set (cells × stations), and no delete per
    // batch.
    QList<QPair<CellKey, GeoCount>> changes;
    for (auto it = deltas.cbegin(); it != deltas.cend(); ++it) {
        if (it->count != 0 || it->sumLat != 0 || it->sumLng != 0)
            changes.append({it.key(), it.value()});
    }
    QVariantList binds;
    binds.reserve(changes.size() * 5);
    for (const auto &[key, c] : std::as_const(changes))
        binds << qint64(key.first) << key.second << c.count << c.sumLat << c.sumLng;
    if (binds.isEmpty())
        return;
    static const BulkRows add{u"INSERT INTO parcel_cells(cell, station_id, n, sum_lat, sum_lng)"_s,
                              {u"bigint"_s, u"text"_s, u"bigint"_s, u"float8"_s, u"float8"_s},
                              {},
                              u" ON CONFLICT(station_id, cell) DO UPDATE SET n = parcel_cells.n + excluded.n,"
                              " sum_lat = parcel_cells.sum_lat + excluded.sum_lat,"
                              " sum_lng = parcel_cells.sum_lng + excluded.sum_lng"_s,
                              2};
    m_db.insertRows(add, binds, kRowsPerStatement);
}

QList<GeoCount> GeoIndex::cells(const GeoFilter &filter)
{
    QList<GeoCount> out;
    if (filter.ranges.isEmpty())
        return out;
    QVariantList binds;
    if (filter.lateAtMs > 0) {
        // Lateness changes with the clock, so it is not counted ahead: group the matching rows.
        const QString where = whereClause(u"qk"_s, filter, 0, binds);
        QSqlQuery q = m_db.run(u"SELECT qk, lat, lng FROM parcel_geo WHERE "_s + where, binds);
        QHash<quint64, GeoCount> byCell;
        while (q.next()) {
            const quint64 cell = geo::quadkeyAt(quint64(q.value(0).toLongLong()), geo::kCellZoom);
            GeoCount &c = byCell[cell];
            c.cell = cell;
            ++c.count;
            c.sumLat += q.value(1).toDouble();
            c.sumLng += q.value(2).toDouble();
        }
        return byCell.values();
    }
    const QString where = whereClause(u"cell"_s, filter, kCellShift, binds);
    QSqlQuery q = m_db.run(u"SELECT cell, SUM(n), SUM(sum_lat), SUM(sum_lng) FROM parcel_cells WHERE "_s +
                               where + u" GROUP BY cell HAVING SUM(n) > 0"_s,
                           binds);
    while (q.next())
        out.append({quint64(q.value(0).toLongLong()), q.value(1).toLongLong(), q.value(2).toDouble(),
                    q.value(3).toDouble()});
    return out;
}

int GeoIndex::forEachEntry(const GeoFilter &filter, int limit, const std::function<void(const GeoRow &)> &row)
{
    if (filter.ranges.isEmpty())
        return 0;
    int count = 0;
    if (m_db.isPostgres()) {
        m_db.readRows(kPgEntries, pgEntryParams(filter, limit), [&](const BulkRow &r) {
            ++count;
            row(GeoRow{r.bytes(0),
                       {toDouble(r.bytes(1)), toDouble(r.bytes(2))},
                       r.bytes(3) != "0",
                       r.bytes(4),
                       r.bytes(5),
                       r.bytes(6),
                       r.bytes(7).toLongLong()});
        });
        return count;
    }
    QVariantList binds;
    const QString where = whereClause(u"qk"_s, filter, 0, binds);
    binds << filter.south << filter.north << filter.west << filter.east << limit;
    QSqlQuery q = m_db.run(u"SELECT "_s + kEntryColumns + u" FROM parcel_geo WHERE "_s + where +
                               u" AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ? LIMIT ?"_s,
                           binds);
    while (q.next()) {
        const GeoEntry e = readEntry(q);
        const QByteArray waybill = e.waybillNo.toUtf8(), status = e.status.toUtf8(),
                         station = e.stationId.toUtf8(), courier = e.courierId.toUtf8();
        ++count;
        row(GeoRow{waybill, e.point, e.atDestination, status, station, courier, e.promisedMs});
    }
    return count;
}

qint64 GeoIndex::size()
{
    QSqlQuery q = m_db.run(u"SELECT COUNT(*) FROM parcel_geo"_s);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace pd::server
