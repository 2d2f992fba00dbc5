#pragma once

#include "server/storage/database.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd::server {

/// @brief One compensation request and its decision (table compensations, docs/compensation.md).
struct CompensationRow
{
    QString id;
    QString ticketId;
    QString teamId;
    QString category;
    QString stationId;
    QString state; ///< "pending", "approved", "rejected"
    qint64 amountFen = 0;
    std::optional<qint64> proposedFen; ///< what the calculator proposed, when the console sent it
    QString explanation;
    QString reason;
    QString requestedBy;
    qint64 requestedMs = 0;
    QString decidedBy;
    qint64 decidedMs = 0;
    QString decisionReason;
    qint64 paidMs = 0; ///< when the approval resolved the ticket (the ledger's "paid")
};

/// @brief The stored compensation policy (table compensation_policy, one row).
struct StoredCompensationPolicy
{
    QByteArray json;
    qint64 version = 0;
    qint64 updatedMs = 0;
    QString updatedBy;
};

/// @brief Which requests a list shows; empty fields do not filter.
struct CompensationFilter
{
    QString state;
    qint64 fromMs = 0; ///< requested at or after; 0 = any
    qint64 toMs = 0;   ///< requested before; 0 = any
    QString teamId;
    QString requestedBy;
};

/// @brief Pending amounts grouped by one column of the compensations table.
struct CompensationTotal
{
    QString key;
    qint64 amountFen = 0;
    int count = 0;
};

/**
 * @brief The compensation tables of schema 10: the policy row and the ledger of requests. Writes take the
 * caller's WriteTx so a decision and its ticket commit together.
 */
class CompensationStore final
{
public:
    explicit CompensationStore(Database &db)
        : m_db(db)
    {}

    [[nodiscard]] Database &db() { return m_db; }

    [[nodiscard]] std::optional<StoredCompensationPolicy> policy();
    [[nodiscard]] qint64 policyVersion();
    void putPolicy(WriteTx &tx, const StoredCompensationPolicy &p);

    void put(WriteTx &tx, const CompensationRow &row);
    [[nodiscard]] std::optional<CompensationRow> byId(const QString &id);
    /// @brief Rows of the filter, newest request first (at most @p limit).
    [[nodiscard]] QList<CompensationRow> list(const CompensationFilter &filter, int limit = 1000);
    /// @brief The largest approved amount of a ticket; 0 when none.
    [[nodiscard]] qint64 approvedMax(const QString &ticketId);
    [[nodiscard]] bool hasPending(const QString &ticketId);
    /// @brief Pending amounts requested in [fromMs, toMs) grouped by @p column ("category", "station_id").
    [[nodiscard]] QList<CompensationTotal> pendingBy(const QString &column, qint64 fromMs, qint64 toMs);

private:
    Database &m_db;
};

} // namespace pd::server
