#include "unassignedmodel.h"

#include "agentboardmodel.h"

#include "models/domain/clock.h"
#include "models/itemmodels/queues.h"

#include <QBrush>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace pd {

UnassignedModel::UnassignedModel(const Database &db, const Clock &clock, QTimeZone zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(std::move(zone))
{}

void UnassignedModel::setUser(const User &user)
{
    m_user = user;
    reload();
}

void UnassignedModel::reload()
{
    QList<TicketRow> rows;
    if (!m_user.id.isEmpty()) {
        TicketQuery q = Queues::query(Queue::Unassigned, m_user, m_clock.nowMs(), m_zone, {});
        if (m_user.role != Role::Supervisor)
            q.teamId.clear(); // managers and administrators steer every team
        q.limit = 200;
        rows = TicketRepository(m_db).query(q).rows;
    }
    bool same = rows.size() == m_rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = rows[i].ticket.id == m_rows[i].ticket.id;
    if (same) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void UnassignedModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeLeft), index(int(m_rows.size()) - 1, TimeLeft), {Qt::DisplayRole});
}

QString UnassignedModel::ticketId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].ticket.id : QString();
}

int UnassignedModel::rowOf(const QString &ticketId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].ticket.id == ticketId)
            return i;
    return -1;
}

int UnassignedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UnassignedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnassignedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TicketRow &r = m_rows[index.row()];
    if (role == TicketIdRole)
        return r.ticket.id;
    const qint64 left = r.slaDue ? *r.slaDue - m_clock.nowMs() : 0;
    if (role == Qt::ForegroundRole && index.column() == TimeLeft && r.slaDue && left < 0)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return r.ticket.number;
    case Category:
        return displayName(r.ticket.category);
    case Deadline:
        return r.slaDue ? QDateTime::fromMSecsSinceEpoch(*r.slaDue, m_zone).toString(u"MM-dd HH:mm"_s)
                        : QString();
    case TimeLeft: {
        if (!r.slaDue)
            return QString();
        const qint64 minutes = qAbs(left) / 60000;
        return left < 0 ? tr("%n min late", nullptr, int(minutes)) : tr("%n min", nullptr, int(minutes));
    }
    default:
        return {};
    }
}

QVariant UnassignedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Ticket");
    case Category:
        return tr("Category");
    case Deadline:
        return tr("Deadline");
    case TimeLeft:
        return tr("Time left");
    default:
        return {};
    }
}

Qt::ItemFlags UnassignedModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsDragEnabled : f;
}

QStringList UnassignedModel::mimeTypes() const
{
    return {QString::fromLatin1(AgentBoardModel::kTicketMime)};
}

QMimeData *UnassignedModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        const QString id = ticketId(i.row());
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(AgentBoardModel::kTicketMime), ids.join(u'\n').toUtf8());
    return data;
}

Qt::DropActions UnassignedModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

} // namespace pd
