#include "agenttablemodel.h"

#include <QColor>
#include <QLocale>

#include <limits>

namespace pd {

namespace {

QVariant sortValue(std::optional<double> v)
{
    return v ? *v : std::numeric_limits<double>::max();
}

} // namespace

void AgentTableModel::setRows(const QList<AgentRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AgentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgentRow &r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Agent)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Agent)
        return r.displayName; // in full, should a narrow window cut it
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Agent:
            return r.displayName;
        case Handled:
            return QLocale().toString(r.handled);
        case MedianFirstResponse:
            return KpiInfo::format(Kpi::FirstResponseMedian, r.firstResponse.medianMs);
        case SlaCompliance:
            return KpiInfo::format(Kpi::FirstResponseCompliance, r.slaCompliance.value());
        case Csat:
            return KpiInfo::format(Kpi::Csat, r.csat.value());
        case Breaches:
            return QLocale().toString(r.breaches);
        }
    }
    if (role == kSortRole) {
        switch (index.column()) {
        case Agent:
            return r.displayName;
        case Handled:
            return r.handled;
        case MedianFirstResponse:
            return sortValue(r.firstResponse.medianMs);
        case SlaCompliance:
            return sortValue(r.slaCompliance.value());
        case Csat:
            return sortValue(r.csat.value());
        case Breaches:
            return r.breaches;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Breaches && r.breaches > 0)
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

QVariant AgentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The tooltip repeats the title, in full should a narrow window cut it.
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case Agent:
        return tr("Agent");
    case Handled:
        return tr("Handled");
    case MedianFirstResponse:
        return tr("Median first response");
    case SlaCompliance:
        return tr("SLA compliance");
    case Csat:
        return tr("CSAT");
    case Breaches:
        return tr("Breaches");
    }
    return {};
}

} // namespace pd
