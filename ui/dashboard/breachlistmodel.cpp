#include "breachlistmodel.h"

#include <QColor>

namespace pd {

void BreachListModel::setRows(const QList<BreachRow> &rows, const QHash<QString, QString> &names)
{
    beginResetModel();
    m_rows = rows;
    m_names = names;
    endResetModel();
}

int BreachListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreachListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BreachListModel::overdueText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 24 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(minutes / 1440).arg((minutes % 1440) / 60);
}

QVariant BreachListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const BreachRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Number:
            return r.number;
        case Category:
            return displayName(r.category);
        case Priority:
            return displayName(r.priority);
        case Clock:
            return displayName(r.clock);
        case Overdue:
            return overdueText(r.overdueMs);
        case Assignee:
            return r.assigneeId.isEmpty() ? tr("Unassigned") : m_names.value(r.assigneeId, r.assigneeId);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Overdue)
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

QVariant BreachListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case Number:
        return tr("Ticket");
    case Category:
        return tr("Category");
    case Priority:
        return tr("Priority");
    case Clock:
        return tr("Clock");
    case Overdue:
        return tr("Overdue");
    case Assignee:
        return tr("Assignee");
    }
    return {};
}

} // namespace pd
