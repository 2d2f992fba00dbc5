#pragma once

#include "models/domain/enums.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>
#include <vector>

namespace pd {

class Database;

/// @brief A missing instant in TicketFact (the column was NULL).
inline constexpr qint64 kNoInstant = std::numeric_limits<qint64>::min();

/// @brief The columns of one ticket the KPIs need, packed (about 64 bytes).
struct TicketFact
{
    qint64 pk = 0;
    qint64 created = 0;
    qint64 firstResponse = kNoInstant;
    qint64 resolved = kNoInstant; ///< resolved_at, or closed_at for a ticket closed without one
    qint64 followUpDone = kNoInstant;
    qint32 assignee = -1; ///< index into KpiFacts::assignees, -1 unassigned
    qint32 team = -1;     ///< index into KpiFacts::teams, -1 without a team
    qint8 csat = -1;      ///< -1: no answer
    qint8 nps = -1;
    Category category = Category::Other;
    Priority priority = Priority::P3;
    TicketStatus status = TicketStatus::New;
    [[nodiscard]] bool isOpenNow() const { return isOpen(status); }
};

/// @brief What the timeline of a resolved ticket says (status_change, reply and call events).
struct TicketEventFacts
{
    int interactions = 0;  ///< replies and calls before the resolution
    bool reopened = false; ///< a status_change to reopened (or from resolved/closed back to open)
    qint64 pendingMs = 0;  ///< time spent pending before the resolution
};

/**
 * @brief The ticket rows a set of KPIs needs, read from the cache in one statement.
 *
 * load() reads every ticket created or resolved at or after @p since (closed tickets were resolved first:
 * the state machine only closes a resolved ticket), and every ticket open now,
 * restricted to a team and a category; without @p since only the tickets open now (through the status index).
 * Strings are interned: assignee and team ids are indexes into assignees and teams.
 */
struct KpiFacts
{
    std::vector<TicketFact> rows;
    QStringList assignees;
    QStringList teams;

    [[nodiscard]] static std::optional<KpiFacts> load(const Database &db, std::optional<qint64> since,
                                                      const QString &teamId, std::optional<Category> category,
                                                      QString *error);
    /// @brief The facts of the tickets with these pks, in pk order (a pk without a row has gone), with their
    /// assignees and teams interned into @p into's tables.
    [[nodiscard]] static std::optional<std::vector<TicketFact>>
    loadPks(const Database &db, const std::vector<qint64> &pks, KpiFacts &into, QString *error);
    /// @brief The rows of team @p teamId (empty: all) and @p category (none: all); the tables are shared.
    [[nodiscard]] KpiFacts filtered(const QString &teamId, std::optional<Category> category) const;
    /// @brief Timeline facts of the tickets resolved at or after @p since, by ticket pk.
    [[nodiscard]] static std::optional<QHash<qint64, TicketEventFacts>>
    loadEvents(const Database &db, qint64 since, const QString &teamId, std::optional<Category> category,
               QString *error);
    /// @brief Timeline facts of the tickets with these pks (any resolution time), by ticket pk.
    [[nodiscard]] static std::optional<QHash<qint64, TicketEventFacts>>
    loadEventsOf(const Database &db, const std::vector<qint64> &pks, QString *error);
    /// @brief Display names of users by id.
    [[nodiscard]] static QHash<QString, QString> loadUserNames(const Database &db);
};

/**
 * @brief Parcels delivered in [from, to) and how many of them on time (by promised_at, or with none), from
 * the volume aggregates (parcel_volume): the days whose company-time start is in [from, to). Periods are
 * whole company-time days, so this is the count of parcels with from <= delivered_at < to.
 */
struct ParcelFacts
{
    qint64 delivered = 0;
    qint64 onTime = 0;
    [[nodiscard]] static std::optional<ParcelFacts> load(const Database &db, qint64 from, qint64 to,
                                                         QString *error);
};

} // namespace pd
