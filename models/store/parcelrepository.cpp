#include "parcelrepository.h"

#include "cachecipher.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QSqlQuery>

namespace pd {

namespace {

QVariant latOf(const std::optional<GeoPoint> &p)
{
    return p ? QVariant(p->lat) : QVariant();
}

QVariant lonOf(const std::optional<GeoPoint> &p)
{
    return p ? QVariant(p->lon) : QVariant();
}

std::optional<GeoPoint> geoAt(const QSqlQuery &q, int latColumn)
{
    const auto lat = sql::optReal(q, latColumn);
    const auto lon = sql::optReal(q, latColumn + 1);
    return lat && lon ? std::optional<GeoPoint>(GeoPoint{*lat, *lon}) : std::nullopt;
}

/// Runs one prepared statement over a list inside one transaction; @p bind fills the statement for a row.
template<typename T, typename Bind>
bool bulkWrite(const Database &db, const char *sqlText, const QList<T> &rows, QString *error, Bind &&bind)
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.commit(error);
    QSqlQuery q(db.connection());
    if (!sql::prepare(q, QString::fromLatin1(sqlText), error))
        return false;
    for (const T &row : rows) {
        bind(q, row);
        if (!sql::exec(q, error))
            return false;
    }
    return tx.commit(error);
}

template<typename T, typename Read>
QList<T> readList(const Database &db, const char *sqlText, Read &&read, const QVariantList &binds = {})
{
    QList<T> out;
    QSqlQuery q(db.connection());
    if (!sql::prepare(q, QString::fromLatin1(sqlText), nullptr))
        return out;
    int i = 0;
    for (const QVariant &v : binds)
        q.bindValue(i++, v);
    if (!sql::exec(q, nullptr))
        return out;
    while (q.next())
        out.append(read(q));
    return out;
}

constexpr auto kParcelColumns =
    "waybill_no, status, origin_address, origin_lat, origin_lon, destination_address, destination_lat, "
    "destination_lon, promised_at, delivered_at, courier_id, station_id, pos_lat, pos_lon, pos_at, "
    "declared_value_fen, version, updated_at";

// Addresses come sealed (CacheCipher); a locked cache shows them empty.
Parcel readParcel(const QSqlQuery &q, const CacheCipher &c)
{
    Parcel p;
    p.waybillNo = q.value(0).toString();
    p.status = fromCode<ParcelStatus>(q.value(1).toString()).value_or(ParcelStatus::Created);
    p.originAddress = c.open(q.value(2), SealedField::OriginAddress);
    p.origin = geoAt(q, 3);
    p.destinationAddress = c.open(q.value(5), SealedField::DestinationAddress);
    p.destination = geoAt(q, 6);
    p.promisedAt = sql::optInt(q, 8);
    p.deliveredAt = sql::optInt(q, 9);
    p.courierId = q.value(10).toString();
    p.stationId = q.value(11).toString();
    p.position = geoAt(q, 12);
    p.positionAt = sql::optInt(q, 14);
    p.declaredValueFen = q.value(15).toLongLong();
    p.version = q.value(16).toLongLong();
    p.updatedAt = q.value(17).toLongLong();
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
    declared_value_fen, version, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(waybill_no) DO UPDATE SET
    status = excluded.status, origin_address = excluded.origin_address, origin_lat = excluded.origin_lat,
    origin_lon = excluded.origin_lon, destination_address = excluded.destination_address,
    destination_lat = excluded.destination_lat, destination_lon = excluded.destination_lon,
    promised_at = excluded.promised_at, delivered_at = excluded.delivered_at, courier_id = excluded.courier_id,
    station_id = excluded.station_id, pos_lat = excluded.pos_lat, pos_lon = excluded.pos_lon,
    pos_at = excluded.pos_at, declared_value_fen = excluded.declared_value_fen, version = excluded.version,
    updated_at = excluded.updated_at
WHERE excluded.version >= parcels.version
)sql";
    const auto cipher = parcels.isEmpty() ? CacheCipher::plain() : m_db.sealer(error);
    if (!cipher)
        return false; // never written in clear: the cache must be unlocked first
    return bulkWrite(m_db, sql, parcels, error, [&cipher](QSqlQuery &q, const Parcel &p) {
        int i = 0;
        q.bindValue(i++, p.waybillNo);
        q.bindValue(i++, toCode(p.status));
        q.bindValue(i++, cipher->seal(p.originAddress, SealedField::OriginAddress));
        q.bindValue(i++, latOf(p.origin));
        q.bindValue(i++, lonOf(p.origin));
        q.bindValue(i++, cipher->seal(p.destinationAddress, SealedField::DestinationAddress));
        q.bindValue(i++, latOf(p.destination));
        q.bindValue(i++, lonOf(p.destination));
        q.bindValue(i++, sql::opt(p.promisedAt));
        q.bindValue(i++, sql::opt(p.deliveredAt));
        q.bindValue(i++, sql::textOrNull(p.courierId));
        q.bindValue(i++, sql::textOrNull(p.stationId));
        q.bindValue(i++, latOf(p.position));
        q.bindValue(i++, lonOf(p.position));
        q.bindValue(i++, sql::opt(p.positionAt));
        q.bindValue(i++, p.declaredValueFen);
        q.bindValue(i++, p.version);
        q.bindValue(i++, p.updatedAt);
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
    return bulkWrite(m_db, sql, events, error, [&cipher](QSqlQuery &q, const TrackingEvent &e) {
        q.bindValue(0, e.id);
        q.bindValue(1, e.waybillNo);
        q.bindValue(2, e.at);
        q.bindValue(3, toCode(e.status));
        q.bindValue(4, cipher->seal(e.place, SealedField::TrackingPlace));
        q.bindValue(5, latOf(e.position));
        q.bindValue(6, lonOf(e.position));
        q.bindValue(7, cipher->seal(e.text, SealedField::TrackingText));
    });
}

std::optional<Parcel> ParcelRepository::byWaybill(const QString &waybillNo) const
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kParcelColumns + " FROM parcels WHERE waybill_no = ?";
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    const auto rows = readList<Parcel>(m_db, sql.constData(),
                                       [&c](const QSqlQuery &q) { return readParcel(q, c); }, {waybillNo});
    return rows.isEmpty() ? std::nullopt : std::optional<Parcel>(rows.first());
}

QList<TrackingEvent> ParcelRepository::tracking(const QString &waybillNo) const
{
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    return readList<TrackingEvent>(
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
            e.position = geoAt(q, 5);
            e.text = c.open(q.value(7), SealedField::TrackingText);
            return e;
        },
        {waybillNo});
}

int ParcelRepository::count() const
{
    const auto rows = readList<int>(m_db, "SELECT count(*) FROM parcels",
                                    [](const QSqlQuery &q) { return q.value(0).toInt(); });
    return rows.isEmpty() ? -1 : rows.first();
}

DirectoryRepository::DirectoryRepository(const Database &db)
    : m_db(db)
{}

bool DirectoryRepository::upsertTeams(const QList<Team> &teams, QString *error)
{
    return bulkWrite(
        m_db,
        "INSERT INTO teams(id, name, version) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "name = excluded.name, version = excluded.version WHERE excluded.version >= teams.version",
        teams, error, [](QSqlQuery &q, const Team &t) {
            q.bindValue(0, t.id);
            q.bindValue(1, sql::text(t.name));
            q.bindValue(2, t.version);
        });
}

bool DirectoryRepository::upsertUsers(const QList<User> &users, QString *error)
{
    return bulkWrite(
        m_db,
        "INSERT INTO users(id, login, display_name, role, team_id, disabled, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET login = excluded.login, "
        "display_name = excluded.display_name, role = excluded.role, team_id = excluded.team_id, "
        "disabled = excluded.disabled, version = excluded.version WHERE excluded.version >= users.version",
        users, error, [](QSqlQuery &q, const User &u) {
            q.bindValue(0, u.id);
            q.bindValue(1, u.login);
            q.bindValue(2, sql::text(u.displayName));
            q.bindValue(3, toCode(u.role));
            q.bindValue(4, sql::textOrNull(u.teamId));
            q.bindValue(5, u.disabled ? 1 : 0);
            q.bindValue(6, u.version);
        });
}

bool DirectoryRepository::upsertStations(const QList<Station> &stations, QString *error)
{
    return bulkWrite(
        m_db,
        "INSERT INTO stations(id, name, city, lat, lon, version) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, city = excluded.city, lat = excluded.lat, "
        "lon = excluded.lon, version = excluded.version WHERE excluded.version >= stations.version",
        stations, error, [](QSqlQuery &q, const Station &s) {
            q.bindValue(0, s.id);
            q.bindValue(1, sql::text(s.name));
            q.bindValue(2, sql::text(s.city));
            q.bindValue(3, latOf(s.position));
            q.bindValue(4, lonOf(s.position));
            q.bindValue(5, s.version);
        });
}

bool DirectoryRepository::upsertCouriers(const QList<Courier> &couriers, QString *error)
{
    return bulkWrite(m_db,
                     "INSERT INTO couriers(id, name, phone, station_id, lat, lon, last_seen, version) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                     "phone = excluded.phone, station_id = excluded.station_id, lat = excluded.lat, "
                     "lon = excluded.lon, last_seen = excluded.last_seen, version = excluded.version "
                     "WHERE excluded.version >= couriers.version",
                     couriers, error, [](QSqlQuery &q, const Courier &c) {
                         q.bindValue(0, c.id);
                         q.bindValue(1, sql::text(c.name));
                         q.bindValue(2, sql::text(c.phone));
                         q.bindValue(3, sql::textOrNull(c.stationId));
                         q.bindValue(4, latOf(c.position));
                         q.bindValue(5, lonOf(c.position));
                         q.bindValue(6, sql::opt(c.lastSeen));
                         q.bindValue(7, c.version);
                     });
}

bool DirectoryRepository::updatePositions(const QList<CourierPosition> &positions, QString *error)
{
    return bulkWrite(m_db,
                     "UPDATE couriers SET lat = ?, lon = ?, last_seen = ? WHERE id = ? AND "
                     "(last_seen IS NULL OR last_seen <= ?)",
                     positions, error, [](QSqlQuery &q, const CourierPosition &p) {
                         q.bindValue(0, p.position.lat);
                         q.bindValue(1, p.position.lon);
                         q.bindValue(2, p.at);
                         q.bindValue(3, p.courierId);
                         q.bindValue(4, p.at);
                     });
}

QList<Team> DirectoryRepository::teams() const
{
    return readList<Team>(
        m_db, "SELECT id, name, version FROM teams ORDER BY name, id", [](const QSqlQuery &q) {
            return Team{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
        });
}

QList<User> DirectoryRepository::users() const
{
    return readList<User>(
        m_db, "SELECT id, login, display_name, role, team_id, disabled, version FROM users ORDER BY login",
        [](const QSqlQuery &q) {
            User u;
            u.id = q.value(0).toString();
            u.login = q.value(1).toString();
            u.displayName = q.value(2).toString();
            u.role = fromCode<Role>(q.value(3).toString()).value_or(Role::Agent);
            u.teamId = q.value(4).toString();
            u.disabled = q.value(5).toBool();
            u.version = q.value(6).toLongLong();
            return u;
        });
}

QList<Station> DirectoryRepository::stations() const
{
    return readList<Station>(m_db, "SELECT id, name, city, lat, lon, version FROM stations ORDER BY id",
                             [](const QSqlQuery &q) {
                                 Station s;
                                 s.id = q.value(0).toString();
                                 s.name = q.value(1).toString();
                                 s.city = q.value(2).toString();
                                 s.position = geoAt(q, 3);
                                 s.version = q.value(5).toLongLong();
                                 return s;
                             });
}

QList<Courier> DirectoryRepository::couriers() const
{
    return readList<Courier>(
        m_db, "SELECT id, name, phone, station_id, lat, lon, last_seen, version FROM couriers ORDER BY id",
        [](const QSqlQuery &q) {
            Courier c;
            c.id = q.value(0).toString();
            c.name = q.value(1).toString();
            c.phone = q.value(2).toString();
            c.stationId = q.value(3).toString();
            c.position = geoAt(q, 4);
            c.lastSeen = sql::optInt(q, 6);
            c.version = q.value(7).toLongLong();
            return c;
        });
}

} // namespace pd
