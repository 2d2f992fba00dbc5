#pragma once

#include "models/domain/entities.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QTimeZone>

namespace pd {

/// @brief One compensation request waiting for a decision (a row of GET /compensations?state=pending).
struct ApprovalRow
{
    QString id;
    QString ticketId;
    QString ticketNumber;
    QString waybillNo;
    std::optional<Category> category;
    QString stationId;
    qint64 amountFen = 0;
    std::optional<qint64> proposedFen; ///< what the calculator proposed, when the agent changed it
    QString explanation;               ///< the calculator's explanation
    QString reason;                    ///< the requester's reason (required when the amount differs)
    QString requestedBy;               ///< the requester's name (or login)
    Instant requestedAt = 0;

    [[nodiscard]] static std::optional<ApprovalRow> fromJson(const QJsonObject &o);
};

/**
 * @brief The approvals queue: compensation requests above their requester's limit, oldest first (the
 * customer's clock runs while they wait). Read-only; the page decides through the server.
 */
class ApprovalsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Ticket,
        Category,
        Amount,
        Proposed,
        RequestedBy,
        Waiting,
        Reason,
        ColumnCount
    };

    explicit ApprovalsModel(const QTimeZone &zone, QObject *parent = nullptr);

    /// @brief The items of GET /compensations (rows that cannot be read are skipped and counted).
    void setItems(const QJsonArray &items);
    /// @brief "Waiting" is measured against this instant (server time); call it as time passes.
    void setNow(Instant now);
    [[nodiscard]] const ApprovalRow &request(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] int skipped() const { return m_skipped; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QVariant display(const ApprovalRow &r, int column) const;

    QTimeZone m_zone;
    QList<ApprovalRow> m_rows;
    Instant m_now = 0;
    int m_skipped = 0;
};

} // namespace pd
