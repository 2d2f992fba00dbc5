#include "incidentsmodel.h"

#include "incidenttext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace pd {

IncidentsModel::IncidentsModel(const QTimeZone &zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(zone)
{}

void IncidentsModel::setIncidents(const QList<IncidentRecord> &incidents)
{
    beginResetModel();
    m_rows = incidents;
    endResetModel();
}

void IncidentsModel::setTallies(const QHash<QString, NoticeTally> &tallies)
{
    m_tallies = tallies;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Notices), index(int(m_rows.size()) - 1, Notices));
}

int IncidentsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

std::optional<NoticeTally> IncidentsModel::tally(const QString &id) const
{
    const auto it = m_tallies.constFind(id);
    return it == m_tallies.constEnd() ? std::nullopt : std::optional<NoticeTally>(*it);
}

int IncidentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentsModel::local(Instant at) const
{
    return QDateTime::fromMSecsSinceEpoch(at, m_zone).toString(u"MM-dd HH:mm"_s);
}

QVariant IncidentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const IncidentRecord &r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == Parcels)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return IncidentText::summary(r, m_zone);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Cause:
        return IncidentText::cause(r);
    case Parcels:
        return r.parcels;
    case Since:
        return local(r.windowStart);
    case Recovery:
        return r.expectedRecoveryAt ? local(*r.expectedRecoveryAt) : QString();
    case Notices: {
        const auto t = tally(r.id);
        if (!t)
            return QString();
        return t->failed > 0 ? tr("%1 sent, %2 waiting, %3 failed").arg(t->sent).arg(t->queued).arg(t->failed)
                             : tr("%1 sent, %2 waiting").arg(t->sent).arg(t->queued);
    }
    case Explanation:
        return r.explanation;
    default:
        return {};
    }
}

QVariant IncidentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Cause:
        return tr("Incident");
    case Parcels:
        return tr("Parcels");
    case Since:
        return tr("Since");
    case Recovery:
        return tr("Expected recovery");
    case Notices:
        return tr("Notices");
    case Explanation:
        return tr("Explanation");
    default:
        return {};
    }
}

} // namespace pd
