#pragma once

#include "models/kpi/kpitypes.h"

#include <QAbstractTableModel>

namespace pd {

/// @brief Sort values of the dashboard tables: numbers sort as numbers, undefined figures last.
inline constexpr int kSortRole = Qt::UserRole + 1;

/**
 * @brief The agent table: handled, median first response, SLA compliance, CSAT, breaches (sortable through a
 * QSortFilterProxyModel on kSortRole).
 */
class AgentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Agent,
        Handled,
        MedianFirstResponse,
        SlaCompliance,
        Csat,
        Breaches,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<AgentRow> &rows);
    [[nodiscard]] const AgentRow &row(int r) const { return m_rows.at(r); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AgentRow> m_rows;
};

} // namespace pd
