#pragma once

#include "models/kpi/kpitypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace pd {

/// @brief The live breach list: ticket, category, priority, clock, overdue, assignee.
class BreachListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Category,
        Priority,
        Clock,
        Overdue,
        Assignee,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<BreachRow> &rows, const QHash<QString, QString> &names);
    [[nodiscard]] const BreachRow &row(int r) const { return m_rows.at(r); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// @brief "2 h 05 min", "3 d 4 h".
    [[nodiscard]] static QString overdueText(qint64 ms);

private:
    QList<BreachRow> m_rows;
    QHash<QString, QString> m_names;
};

} // namespace pd
