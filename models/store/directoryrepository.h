#pragma once

#include "models/domain/entities.h"

#include <QList>

namespace pd {

class Database;

/// @brief The people and places around the tickets: teams, users, stations and couriers.
class DirectoryRepository final
{
public:
    explicit DirectoryRepository(const Database &db);

    bool upsertTeams(const QList<Team> &teams, QString *error = nullptr);
    bool upsertUsers(const QList<User> &users, QString *error = nullptr);
    bool upsertStations(const QList<Station> &stations, QString *error = nullptr);
    bool upsertCouriers(const QList<Courier> &couriers, QString *error = nullptr);
    /// @brief Moves couriers in one transaction; an older report never moves a courier back.
    bool updatePositions(const QList<CourierPosition> &positions, QString *error = nullptr);

    [[nodiscard]] QList<Team> teams() const;
    [[nodiscard]] QList<User> users() const;
    [[nodiscard]] QList<Station> stations() const;
    [[nodiscard]] QList<Courier> couriers() const;

private:
    const Database &m_db;
};

} // namespace pd
