#include "tickettablemodel.h"

#include "models/domain/validation.h"

namespace pd {

TicketTableModel::TicketTableModel(QTimeZone companyZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(std::move(companyZone))
{}

void TicketTableModel::setRows(QList<TicketRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const TicketRow *TicketTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TicketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TicketTableModel::displayText(const TicketRow &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Number:
        return t.number;
    case Waybill:
        return t.waybillNo;
    case Category:
        return displayName(t.category);
    case Priority:
        return displayName(t.priority);
    case Customer:
        // Queues never show a full phone number; only the owner's detail pane does.
        return t.customerPhone.isEmpty()
                   ? t.customerName
                   : tr("%1 (%2)").arg(t.customerName, Validation::maskPhone(t.customerPhone));
    case Status:
        return displayName(t.status);
    case Assignee:
        return t.assigneeId.isEmpty() ? tr("Unassigned") : t.assigneeId;
    case Created:
        return QDateTime::fromMSecsSinceEpoch(t.createdAt, Qt::UTC)
            .toTimeZone(m_zone)
            .toString(u"yyyy-MM-dd HH:mm"_qs);
    default:
        return {};
    }
}

QVariant TicketTableModel::rawValue(const TicketRow &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Category:
        return toCode(t.category);
    case Priority:
        return toCode(t.priority);
    case Status:
        return toCode(t.status);
    case Created:
        return t.createdAt;
    case Customer:
        return t.customerName;
    default:
        return displayText(row, column);
    }
}

QVariant TicketTableModel::data(const QModelIndex &index, int role) const
{
    const TicketRow *row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*row, index.column());
    case Qt::ToolTipRole:
        return index.column() == Customer ? row->ticket.customerName : QVariant();
    case RawRole:
        return rawValue(*row, index.column());
    case TicketIdRole:
        return row->ticket.id;
    case LocalStateRole:
        return int(row->localState);
    default:
        return {};
    }
}

QVariant TicketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Number");
    case Waybill:
        return tr("Waybill");
    case Category:
        return tr("Category");
    case Priority:
        return tr("Priority");
    case Customer:
        return tr("Customer");
    case Status:
        return tr("Status");
    case Assignee:
        return tr("Assignee");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace pd
