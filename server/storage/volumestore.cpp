#include "volumestore.h"

#include "database.h"
#include "documentstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace pd::server {

namespace {

const QString kDayFormat = QStringLiteral("yyyy-MM-dd");

/// The rows of volume_parcels: each parcel's share of the aggregates.
const BulkRows kStoreShares{
    QStringLiteral(
        "INSERT INTO volume_parcels(waybill_no, station_id, courier_id, picked_day, delivered_day, "
        "on_time, exception_day, damaged_day, lost_day)"),
    {QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("text"),
     QStringLiteral("text"), QStringLiteral("int"), QStringLiteral("text"), QStringLiteral("text"),
     QStringLiteral("text")},
    {},
    QStringLiteral(" ON CONFLICT(waybill_no) DO UPDATE SET station_id = excluded.station_id, "
                   "courier_id = excluded.courier_id, picked_day = excluded.picked_day, "
                   "delivered_day = excluded.delivered_day, on_time = excluded.on_time, "
                   "exception_day = excluded.exception_day, "
                   "damaged_day = excluded.damaged_day, lost_day = excluded.lost_day"),
    1};

/// Counts added to parcel_volume; RETURNING gives the new totals for the feed's records.
const BulkRows kAddCounts{
    QStringLiteral("INSERT INTO parcel_volume(day, station_id, courier_id, picked_up, delivered, "
                   "delivered_on_time, damaged, lost, exceptions, version)"),
    {QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("text"), QStringLiteral("bigint"),
     QStringLiteral("bigint"), QStringLiteral("bigint"), QStringLiteral("bigint"), QStringLiteral("bigint"),
     QStringLiteral("bigint")},
    QStringLiteral(", 1"),
    QStringLiteral(" ON CONFLICT(day, station_id, courier_id) DO UPDATE SET "
                   "picked_up = parcel_volume.picked_up + excluded.picked_up, "
                   "delivered = parcel_volume.delivered + excluded.delivered, "
                   "delivered_on_time = parcel_volume.delivered_on_time + excluded.delivered_on_time, "
                   "damaged = parcel_volume.damaged + excluded.damaged, lost = parcel_volume.lost + "
                   "excluded.lost, exceptions = parcel_volume.exceptions + excluded.exceptions, "
                   "version = parcel_volume.version + 1 RETURNING day, station_id, courier_id, "
                   "picked_up, delivered, delivered_on_time, damaged, lost, exceptions, version"),
    3};

QString dayText(const QDate &d)
{
    return d.isValid() ? d.toString(kDayFormat) : QString();
}

QDate dayOf(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, kDayFormat);
}

QDate localDay(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

bool countsAnything(const ParcelShare &s)
{
    return s.picked.isValid() || s.delivered.isValid() || s.exception.isValid() || s.damaged.isValid() ||
           s.lost.isValid();
}

/// @brief Adds (sign +1) or takes away (−1) a parcel's share from the changes per row.
void addShare(QHash<VolumeKey, VolumeCounts> &delta, const ParcelShare &s, int sign)
{
    const auto at = [&](const QDate &day) -> VolumeCounts & {
        return delta[VolumeKey{day, s.stationId, s.courierId}];
    };
    if (s.picked.isValid())
        at(s.picked).pickedUp += sign;
    if (s.delivered.isValid()) {
        at(s.delivered).delivered += sign;
        if (s.onTime)
            at(s.delivered).deliveredOnTime += sign;
    }
    if (s.exception.isValid())
        at(s.exception).exceptions += sign;
    if (s.damaged.isValid())
        at(s.damaged).damaged += sign;
    if (s.lost.isValid())
        at(s.lost).lost += sign;
}

/// @brief The first scan of a status (and reason, when given), or none.
std::optional<qint64> firstScan(const QList<TrackingEvent> &tracking, ParcelStatus status,
                                QLatin1StringView reason = {})
{
    std::optional<qint64> first;
    for (const TrackingEvent &e : tracking) {
        if (e.status != status || (!reason.isEmpty() && e.reason != reason))
            continue;
        if (!first || e.at < *first)
            first = e.at;
    }
    return first;
}

} // namespace

size_t qHash(const VolumeKey &key, size_t seed)
{
    return qHashMulti(seed, key.day, key.stationId, key.courierId);
}

const QTimeZone &VolumeStore::zone()
{
    if (!m_zone) {
        QSqlQuery q = m_db.run(QStringLiteral("SELECT value FROM meta WHERE key = 'volume_time_zone'"));
        const QTimeZone stored(q.next() ? q.value(0).toString().toUtf8() : QByteArray());
        m_zone = stored.isValid() ? stored : QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    }
    return *m_zone;
}

ParcelShare VolumeStore::shareOf(const Parcel &parcel, const QList<TrackingEvent> &tracking,
                                 const QTimeZone &zone)
{
    ParcelShare s;
    s.stationId = parcel.stationId;
    s.courierId = parcel.courierId;
    if (const auto at = firstScan(tracking, ParcelStatus::PickedUp))
        s.picked = localDay(*at, zone);
    if (parcel.deliveredAt) {
        // The KPI's definition (docs/kpi.md): on time when delivered by the promise, or without one.
        s.delivered = localDay(*parcel.deliveredAt, zone);
        s.onTime = !parcel.promisedAt || *parcel.deliveredAt <= *parcel.promisedAt;
    }
    if (const auto at = firstScan(tracking, ParcelStatus::Exception))
        s.exception = localDay(*at, zone);
    if (const auto at = firstScan(tracking, ParcelStatus::Exception, QLatin1StringView("damaged")))
        s.damaged = localDay(*at, zone);
    if (const auto at = firstScan(tracking, ParcelStatus::Exception, QLatin1StringView("lost")))
        s.lost = localDay(*at, zone);
    return s;
}

std::optional<ParcelShare> VolumeStore::storedShare(const QString &waybill)
{
    static const QString sql =
        QStringLiteral("SELECT station_id, courier_id, picked_day, delivered_day, on_time, exception_day, "
                       "damaged_day, lost_day FROM volume_parcels WHERE waybill_no = ?");
    QSqlQuery &q = m_db.cached(sql);
    m_db.exec(q, {waybill});
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    ParcelShare s{q.value(0).toString(),        q.value(1).toString(),       dayOf(q.value(2).toString()),
                  dayOf(q.value(3).toString()), q.value(4).toInt() != 0,     dayOf(q.value(5).toString()),
                  dayOf(q.value(6).toString()), dayOf(q.value(7).toString())};
    q.finish();
    return s;
}

std::optional<ParcelShare> VolumeStore::currentShare(const QString &waybill)
{
    const auto doc = m_docs.get(DocType::Parcel, waybill);
    if (!doc || doc->deleted)
        return std::nullopt;
    const auto parcel = Parcel::fromJson(QJsonDocument::fromJson(doc->data).object());
    if (!parcel)
        return std::nullopt;
    QList<TrackingEvent> tracking;
    for (const Doc &d : m_docs.byParent(DocType::TrackingEvent, waybill)) {
        if (auto e = TrackingEvent::fromJson(QJsonDocument::fromJson(d.data).object()))
            tracking.append(*e);
    }
    const ParcelShare s = shareOf(*parcel, tracking, zone());
    if (!countsAnything(s))
        return std::nullopt;
    return s;
}

void VolumeStore::storeShare(const QString &waybill, const std::optional<ParcelShare> &share)
{
    if (!share) {
        m_db.write(QStringLiteral("DELETE FROM volume_parcels WHERE waybill_no = ?"), {waybill});
        return;
    }
    static const QString sql = QStringLiteral(
        "INSERT INTO volume_parcels(waybill_no, station_id, courier_id, picked_day, delivered_day, on_time, "
        "exception_day, damaged_day, lost_day) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(waybill_no) DO "
        "UPDATE SET station_id = excluded.station_id, courier_id = excluded.courier_id, "
        "picked_day = excluded.picked_day, delivered_day = excluded.delivered_day, "
        "on_time = excluded.on_time, exception_day = excluded.exception_day, "
        "damaged_day = excluded.damaged_day, lost_day = excluded.lost_day");
    m_db.exec(m_db.cached(sql), {waybill, share->stationId, share->courierId, dayText(share->picked),
                                 dayText(share->delivered), share->onTime ? 1 : 0, dayText(share->exception),
                                 dayText(share->damaged), dayText(share->lost)});
}

QHash<QString, ParcelShare> VolumeStore::storedShares(const QStringList &waybills)
{
    QHash<QString, ParcelShare> out;
    m_db.runIn(
        QStringLiteral("SELECT waybill_no, station_id, courier_id, picked_day, delivered_day, on_time, "
                       "exception_day, damaged_day, lost_day FROM volume_parcels WHERE waybill_no IN (%IN%)"),
        {}, waybills, [&](const QSqlQuery &q) {
            out.insert(q.value(0).toString(),
                       ParcelShare{q.value(1).toString(), q.value(2).toString(), dayOf(q.value(3).toString()),
                                   dayOf(q.value(4).toString()), q.value(5).toInt() != 0,
                                   dayOf(q.value(6).toString()), dayOf(q.value(7).toString()),
                                   dayOf(q.value(8).toString())});
        });
    return out;
}

std::optional<ParcelShare> VolumeStore::mergedShare(const std::optional<ParcelShare> &stored,
                                                    const Parcel &parcel, const QList<TrackingEvent> &scans,
                                                    const QTimeZone &zone)
{
    ParcelShare s = shareOf(parcel, scans, zone);
    if (stored) {
        // Days are company-time days, so the earlier day is the earlier scan's.
        const auto earlier = [](QDate &mine, const QDate &old) {
            if (old.isValid() && (!mine.isValid() || old < mine))
                mine = old;
        };
        earlier(s.picked, stored->picked);
        earlier(s.exception, stored->exception);
        earlier(s.damaged, stored->damaged);
        earlier(s.lost, stored->lost);
    }
    if (!countsAnything(s))
        return std::nullopt;
    return s;
}

void VolumeStore::applyShares(WriteTx &tx, const QHash<QString, ParcelShare> &before,
                              const QHash<QString, std::optional<ParcelShare>> &after, qint64 updatedMs)
{
    QHash<VolumeKey, VolumeCounts> delta;
    QList<QPair<QString, ParcelShare>> stores;
    QStringList removals;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto old = before.constFind(it.key());
        const std::optional<ParcelShare> was =
            old == before.cend() ? std::nullopt : std::optional<ParcelShare>(*old);
        if (was == it.value())
            continue;
        if (was)
            addShare(delta, *was, -1);
        if (it.value()) {
            addShare(delta, *it.value(), +1);
            stores.append({it.key(), *it.value()});
        } else {
            removals.append(it.key());
        }
    }
    for (const QString &w : std::as_const(removals))
        storeShare(w, std::nullopt);
    QVariantList binds;
    binds.reserve(stores.size() * 9);
    for (const auto &[waybill, share] : std::as_const(stores)) {
        binds << waybill << share.stationId << share.courierId << dayText(share.picked)
              << dayText(share.delivered) << (share.onTime ? 1 : 0) << dayText(share.exception)
              << dayText(share.damaged) << dayText(share.lost);
    }
    if (!binds.isEmpty())
        m_db.insertRows(kStoreShares, binds, 256);
    addMany(tx, delta, updatedMs);
}

void VolumeStore::addMany(WriteTx &tx, const QHash<VolumeKey, VolumeCounts> &delta, qint64 updatedMs)
{
    QList<QPair<VolumeKey, VolumeCounts>> rows;
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        if (!it.value().isZero())
            rows.append({it.key(), it.value()});
    }
    // Multi-row upserts; RETURNING gives the new totals for the feed's records.
    QVariantList binds;
    binds.reserve(rows.size() * 9);
    for (const auto &[key, c] : std::as_const(rows)) {
        binds << dayText(key.day) << key.stationId << key.courierId << c.pickedUp << c.delivered
              << c.deliveredOnTime << c.damaged << c.lost << c.exceptions;
    }
    if (binds.isEmpty())
        return;
    QList<Doc> docs;
    // A day's start and end in the company's zone: the zone's rules looked up once a day, not twice a row.
    QHash<QDate, std::pair<qint64, qint64>> bounds;
    m_db.insertRows(kAddCounts, binds, 256, [&](const BulkRow &r) {
        ParcelVolume v;
        v.day = dayOf(r.text(0));
        auto b = bounds.constFind(v.day);
        if (b == bounds.cend())
            b = bounds.insert(v.day, {v.day.startOfDay(zone()).toMSecsSinceEpoch(),
                                      v.day.addDays(1).startOfDay(zone()).toMSecsSinceEpoch()});
        std::tie(v.dayStart, v.dayEnd) = *b;
        v.stationId = r.text(1);
        v.courierId = r.text(2);
        v.pickedUp = r.integer(3);
        v.delivered = r.integer(4);
        v.deliveredOnTime = r.integer(5);
        v.damaged = r.integer(6);
        v.lost = r.integer(7);
        v.exceptions = r.integer(8);
        v.version = r.integer(9);
        docs.append(Doc{DocType::ParcelVolume,
                        v.id(),
                        0,
                        v.version,
                        false,
                        {},
                        v.stationId,
                        {},
                        updatedMs,
                        QJsonDocument(v.toJson()).toJson(QJsonDocument::Compact)});
    });
    m_docs.putMany(tx, docs, {});
}

void VolumeStore::parcelChanged(WriteTx &tx, const QString &waybill, qint64 updatedMs)
{
    const std::optional<ParcelShare> before = storedShare(waybill);
    const std::optional<ParcelShare> after = currentShare(waybill);
    if (before == after)
        return;
    QHash<VolumeKey, VolumeCounts> delta;
    if (before)
        addShare(delta, *before, -1);
    if (after)
        addShare(delta, *after, +1);
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        if (!it.value().isZero())
            add(tx, it.key(), it.value(), updatedMs);
    }
    storeShare(waybill, after);
}

void VolumeStore::add(WriteTx &tx, const VolumeKey &key, const VolumeCounts &c, qint64 updatedMs)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO parcel_volume(day, station_id, courier_id, picked_up, delivered, delivered_on_time, "
        "damaged, lost, exceptions, version) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
        "ON CONFLICT(day, station_id, courier_id) DO UPDATE SET "
        "picked_up = parcel_volume.picked_up + excluded.picked_up, "
        "delivered = parcel_volume.delivered + excluded.delivered, "
        "delivered_on_time = parcel_volume.delivered_on_time + excluded.delivered_on_time, "
        "damaged = parcel_volume.damaged + excluded.damaged, lost = parcel_volume.lost + excluded.lost, "
        "exceptions = parcel_volume.exceptions + excluded.exceptions, version = parcel_volume.version + 1");
    m_db.exec(m_db.cached(sql), {dayText(key.day), key.stationId, key.courierId, c.pickedUp, c.delivered,
                                 c.deliveredOnTime, c.damaged, c.lost, c.exceptions});
    writeDoc(tx, key, updatedMs);
}

VolumeCounts VolumeStore::totals(const VolumeKey &key)
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT picked_up, delivered, delivered_on_time, damaged, lost, "
                                          "exceptions FROM parcel_volume WHERE day = ? AND station_id = ? "
                                          "AND courier_id = ?"),
                           {dayText(key.day), key.stationId, key.courierId});
    if (!q.next())
        return {};
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong()};
}

void VolumeStore::writeDoc(WriteTx &tx, const VolumeKey &key, qint64 updatedMs)
{
    static const QString sql =
        QStringLiteral("SELECT picked_up, delivered, delivered_on_time, damaged, lost, exceptions, version "
                       "FROM parcel_volume WHERE day = ? AND station_id = ? AND courier_id = ?");
    QSqlQuery &q = m_db.cached(sql);
    m_db.exec(q, {dayText(key.day), key.stationId, key.courierId});
    if (!q.next()) {
        q.finish();
        return;
    }
    ParcelVolume v;
    v.day = key.day;
    v.dayStart = key.day.startOfDay(zone()).toMSecsSinceEpoch();
    v.dayEnd = key.day.addDays(1).startOfDay(zone()).toMSecsSinceEpoch();
    v.stationId = key.stationId;
    v.courierId = key.courierId;
    v.pickedUp = q.value(0).toLongLong();
    v.delivered = q.value(1).toLongLong();
    v.deliveredOnTime = q.value(2).toLongLong();
    v.damaged = q.value(3).toLongLong();
    v.lost = q.value(4).toLongLong();
    v.exceptions = q.value(5).toLongLong();
    v.version = q.value(6).toLongLong();
    q.finish();
    Doc d{DocType::ParcelVolume,
          v.id(),
          0,
          v.version,
          false,
          {},
          key.stationId,
          {},
          updatedMs,
          QJsonDocument(v.toJson()).toJson(QJsonDocument::Compact)};
    m_docs.put(tx, d);
}

int VolumeStore::backfillIfNeeded(qint64 nowMs)
{
    const QString marked = QStringLiteral("SELECT 1 FROM meta WHERE key = 'volume_backfilled'");
    if (m_db.run(marked).next())
        return 0;
    WriteTx tx(m_db);
    if (m_db.run(marked).next())
        return 0; // another instance did it meanwhile
    QSqlQuery q = m_db.run(QStringLiteral("SELECT id FROM docs WHERE type = 'parcel' AND deleted = 0"));
    QStringList waybills;
    while (q.next())
        waybills.append(q.value(0).toString());
    q.finish();
    for (const QString &w : std::as_const(waybills))
        parcelChanged(tx, w, nowMs);
    m_db.run(QStringLiteral("INSERT INTO meta(key, value) VALUES('volume_backfilled', ?)"),
             {QString::number(nowMs)});
    tx.commit();
    return int(waybills.size());
}

} // namespace pd::server
