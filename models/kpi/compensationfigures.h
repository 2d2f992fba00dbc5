#pragma once

#include "models/domain/enums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

/**
 * @file
 * @brief Compensation paid and waiting for approval, by category, station and resolution type (docs/kpi.md
 * "Compensation figures"), from the cache's tickets.
 */

namespace pd {

class Database;

/// @brief A number of tickets and their amount in fen (1/100 yuan).
struct MoneyCount
{
    qint64 tickets = 0;
    qint64 fen = 0;
    void add(qint64 amount)
    {
        ++tickets;
        fen += amount;
    }
    friend bool operator==(const MoneyCount &, const MoneyCount &) = default;
};

/// @brief Paid and pending amounts of one group (a category, a station or a resolution type).
struct CompensationGroup
{
    QString key;  ///< category or resolution code, station id ("" when the parcel's station is unknown)
    QString name; ///< for people
    MoneyCount paid;
    MoneyCount pending;
};

/// @brief Compensation of a period: paid in it, and pending now.
struct CompensationFigures
{
    MoneyCount paid;
    MoneyCount pending;
    QList<CompensationGroup> byCategory;   ///< every category, in the enum's order
    QList<CompensationGroup> byStation;    ///< stations with an amount, largest paid + pending first
    QList<CompensationGroup> byResolution; ///< every resolution type with an amount, in the enum's order
};

/**
 * @brief Reads CompensationFigures from the cache. *Paid*: tickets resolved (or closed without a resolution
 * time) in [from, to) with an amount (compensation_fen > 0; the resolution compensation, or a refund with an
 * amount). *Pending*: tickets created before @p to whose amount waits for approval now
 * (pending_compensation_fen, the server's approvals queue as the cache last saw it). Belongs to the thread of
 * its Database.
 */
class CompensationQueries final
{
    Q_DECLARE_TR_FUNCTIONS(pd::CompensationQueries)
public:
    explicit CompensationQueries(const Database &db);

    /// @brief The figures of [from, to) (a team's tickets only when @p teamId is set); nullopt on an error.
    [[nodiscard]] std::optional<CompensationFigures> figures(qint64 from, qint64 to,
                                                             const QString &teamId = {}) const;
    [[nodiscard]] const QString &lastError() const { return m_error; }

private:
    const Database &m_db;
    mutable QString m_error;
};

} // namespace pd
