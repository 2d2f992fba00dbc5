#include "parcelrepository.h"

#include "cachecipher.h"
#include "database.h"
#include "sqlhelpers.h"
#include "sqllists.h"

#include <QSqlQuery>

namespace pd {

namespace {

constexpr auto kParcelColumns =
    "waybill_no, status, origin_address, origin_lat, origin_lon, destination_address, destination_lat, "
    "destination_lon, promised_at, delivered_at, courier_id, station_id, pos_lat, pos_lon, pos_at, "
    "declared_value_fen, version, updated_at, freight_fen, insured_value_fen, service_class";

// Addresses come sealed (CacheCipher); a locked cache shows them empty.
Parcel readParcel(const QSqlQuery &q, const CacheCipher &c)
{
    Parcel p;
    p.waybillNo = q.value(0).toString();
    p.status = fromCode<ParcelStatus>(q.value(1).toString()).value_or(ParcelStatus::Created);
    p.originAddress = c.open(q.value(2), SealedField::OriginAddress);
    p.origin = sql::geoAt(q, 3);
    p.destinationAddress = c.open(q.value(5), SealedField::DestinationAddress);
    p.destination = sql::geoAt(q, 6);
    p.promisedAt = sql::optInt(q, 8);
    p.deliveredAt = sql::optInt(q, 9);
    p.courierId = q.value(10).toString();
    p.stationId = q.value(11).toString();
    p.position = sql::geoAt(q, 12);
    p.positionAt = sql::optInt(q, 14);
    p.declaredValueFen = q.value(15).toLongLong();
    p.version = q.value(16).toLongLong();
    p.updatedAt = q.value(17).toLongLong();
    p.freightFen = q.value(18).toLongLong();
    p.insuredValueFen = q.value(19).toLongLong();
    p.serviceClass = q.value(20).toString();
    return p;
}

} // namespace

ParcelRepository::ParcelRepository(const Database &db)
    : m_db(db)
{}

bool ParcelRepository::upsert(const QList<Parcel> &parcels, QString *error)
{
    static constexpr auto sql = R"sql(
INSERT INTO parcels(waybill_no, status, origin_address, origin_lat, origin_lon, destination_address,
    destination_lat, destination_lon, promised_at, delivered_at, courier_id, station_id, pos_lat, pos_lon, pos_at,
    declared_value_fen, version, updated_at, freight_fen, insured_value_fen, service_class)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(waybill_no) DO UPDATE SET
    status = excluded.status, origin_address = excluded.origin_address, origin_lat = excluded.origin_lat,
    origin_lon = excluded.origin_lon, destination_address = excluded.destination_address,
    destination_lat = excluded.destination_lat, destination_lon = excluded.destination_lon,
    promised_at = excluded.promised_at, delivered_at = excluded.delivered_at, courier_id = excluded.courier_id,
    station_id = excluded.station_id, pos_lat = excluded.pos_lat, pos_lon = excluded.pos_lon,
    pos_at = excluded.pos_at, declared_value_fen = excluded.declared_value_fen, version = excluded.version,
    updated_at = excluded.updated_at, freight_fen = excluded.freight_fen,
    insured_value_fen = excluded.insured_value_fen, service_class = excluded.service_class
WHERE excluded.version >= parcels.version
)sql";
    const auto cipher = parcels.isEmpty() ? CacheCipher::plain() : m_db.sealer(error);
    if (!cipher)
        return false; // never written in clear: the cache must be unlocked first
    return sql::bulkWrite(m_db, sql, parcels, error, [&cipher](QSqlQuery &q, const Parcel &p) {
        int i = 0;
        q.bindValue(i++, p.waybillNo);
        q.bindValue(i++, toCode(p.status));
        q.bindValue(i++, cipher->seal(p.originAddress, SealedField::OriginAddress));
        q.bindValue(i++, sql::latOf(p.origin));
        q.bindValue(i++, sql::lonOf(p.origin));
        q.bindValue(i++, cipher->seal(p.destinationAddress, SealedField::DestinationAddress));
        q.bindValue(i++, sql::latOf(p.destination));
        q.bindValue(i++, sql::lonOf(p.destination));
        q.bindValue(i++, sql::opt(p.promisedAt));
        q.bindValue(i++, sql::opt(p.deliveredAt));
        q.bindValue(i++, sql::textOrNull(p.courierId));
        q.bindValue(i++, sql::textOrNull(p.stationId));
        q.bindValue(i++, sql::latOf(p.position));
        q.bindValue(i++, sql::lonOf(p.position));
        q.bindValue(i++, sql::opt(p.positionAt));
        q.bindValue(i++, p.declaredValueFen);
        q.bindValue(i++, p.version);
        q.bindValue(i++, p.updatedAt);
        q.bindValue(i++, p.freightFen);
        q.bindValue(i++, p.insuredValueFen);
        q.bindValue(i++, p.serviceClass.isNull() ? QStringLiteral("") : p.serviceClass); // NOT NULL column
    });
}

bool ParcelRepository::upsertTracking(const QList<TrackingEvent> &events, QString *error)
{
    static constexpr auto sql = R"sql(
INSERT INTO tracking_events(id, waybill_no, at, status, place, lat, lon, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET waybill_no = excluded.waybill_no, at = excluded.at, status = excluded.status,
    place = excluded.place, lat = excluded.lat, lon = excluded.lon, text = excluded.text
)sql";
    // The last step's place is the delivery address: every place and text is sealed.
    const auto cipher = events.isEmpty() ? CacheCipher::plain() : m_db.sealer(error);
    if (!cipher)
        return false;
    return sql::bulkWrite(m_db, sql, events, error, [&cipher](QSqlQuery &q, const TrackingEvent &e) {
        q.bindValue(0, e.id);
        q.bindValue(1, e.waybillNo);
        q.bindValue(2, e.at);
        q.bindValue(3, toCode(e.status));
        q.bindValue(4, cipher->seal(e.place, SealedField::TrackingPlace));
        q.bindValue(5, sql::latOf(e.position));
        q.bindValue(6, sql::lonOf(e.position));
        q.bindValue(7, cipher->seal(e.text, SealedField::TrackingText));
    });
}

std::optional<Parcel> ParcelRepository::byWaybill(const QString &waybillNo) const
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kParcelColumns + " FROM parcels WHERE waybill_no = ?";
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    const auto rows = sql::readList<Parcel>(
        m_db, sql.constData(), [&c](const QSqlQuery &q) { return readParcel(q, c); }, {waybillNo});
    return rows.isEmpty() ? std::nullopt : std::optional<Parcel>(rows.first());
}

QList<TrackingEvent> ParcelRepository::tracking(const QString &waybillNo) const
{
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    return sql::readList<TrackingEvent>(
        m_db,
        "SELECT id, waybill_no, at, status, place, lat, lon, text FROM tracking_events WHERE waybill_no = ? "
        "ORDER BY at, id",
        [&c](const QSqlQuery &q) {
            TrackingEvent e;
            e.id = q.value(0).toString();
            e.waybillNo = q.value(1).toString();
            e.at = q.value(2).toLongLong();
            e.status = fromCode<ParcelStatus>(q.value(3).toString()).value_or(ParcelStatus::InTransit);
            e.place = c.open(q.value(4), SealedField::TrackingPlace);
            e.position = sql::geoAt(q, 5);
            e.text = c.open(q.value(7), SealedField::TrackingText);
            return e;
        },
        {waybillNo});
}

int ParcelRepository::count() const
{
    const auto rows = sql::readList<int>(m_db, "SELECT count(*) FROM parcels",
                                         [](const QSqlQuery &q) { return q.value(0).toInt(); });
    return rows.isEmpty() ? -1 : rows.first();
}

} // namespace pd
