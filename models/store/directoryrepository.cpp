#include "directoryrepository.h"

#include "database.h"
#include "sqlhelpers.h"
#include "sqllists.h"

#include <QSqlQuery>

namespace pd {

DirectoryRepository::DirectoryRepository(const Database &db)
    : m_db(db)
{}

bool DirectoryRepository::upsertTeams(const QList<Team> &teams, QString *error)
{
    return sql::bulkWrite(
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
    return sql::bulkWrite(
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
    return sql::bulkWrite(
        m_db,
        "INSERT INTO stations(id, name, city, lat, lon, version) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, city = excluded.city, lat = excluded.lat, "
        "lon = excluded.lon, version = excluded.version WHERE excluded.version >= stations.version",
        stations, error, [](QSqlQuery &q, const Station &s) {
            q.bindValue(0, s.id);
            q.bindValue(1, sql::text(s.name));
            q.bindValue(2, sql::text(s.city));
            q.bindValue(3, sql::latOf(s.position));
            q.bindValue(4, sql::lonOf(s.position));
            q.bindValue(5, s.version);
        });
}

bool DirectoryRepository::upsertCouriers(const QList<Courier> &couriers, QString *error)
{
    return sql::bulkWrite(
        m_db,
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
            q.bindValue(4, sql::latOf(c.position));
            q.bindValue(5, sql::lonOf(c.position));
            q.bindValue(6, sql::opt(c.lastSeen));
            q.bindValue(7, c.version);
        });
}

bool DirectoryRepository::updatePositions(const QList<CourierPosition> &positions, QString *error)
{
    return sql::bulkWrite(m_db,
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
    return sql::readList<Team>(
        m_db, "SELECT id, name, version FROM teams ORDER BY name, id", [](const QSqlQuery &q) {
            return Team{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
        });
}

QList<User> DirectoryRepository::users() const
{
    return sql::readList<User>(
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
    return sql::readList<Station>(m_db, "SELECT id, name, city, lat, lon, version FROM stations ORDER BY id",
                                  [](const QSqlQuery &q) {
                                      Station s;
                                      s.id = q.value(0).toString();
                                      s.name = q.value(1).toString();
                                      s.city = q.value(2).toString();
                                      s.position = sql::geoAt(q, 3);
                                      s.version = q.value(5).toLongLong();
                                      return s;
                                  });
}

QList<Courier> DirectoryRepository::couriers() const
{
    return sql::readList<Courier>(
        m_db, "SELECT id, name, phone, station_id, lat, lon, last_seen, version FROM couriers ORDER BY id",
        [](const QSqlQuery &q) {
            Courier c;
            c.id = q.value(0).toString();
            c.name = q.value(1).toString();
            c.phone = q.value(2).toString();
            c.stationId = q.value(3).toString();
            c.position = sql::geoAt(q, 4);
            c.lastSeen = sql::optInt(q, 6);
            c.version = q.value(7).toLongLong();
            return c;
        });
}

} // namespace pd
