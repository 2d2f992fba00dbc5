#include "agentboardmodel.h"

#include "ui/common/agentstatuswidget.h"

#include "models/domain/clock.h"

#include <QBrush>
#include <QIODevice>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
AgentBoardRow rowFromJson(const QJsonObject &o)
{
    AgentBoardRow a;
    a.userId = o.value(u"user_id"_s).toString();
    a.name = o.value(u"name"_s).toString();
    if (a.name.isEmpty())
        a.name = o.value(u"login"_s).toString();
    a.teamId = o.value(u"team_id"_s).toString();
    a.status = o.value(u"status"_s).toString(u"offline"_s);
    a.sinceMs = o.value(u"since_ms"_s).toInteger();
    a.connected = o.value(u"connected"_s).toBool();
    a.open = o.value(u"open"_s).toInt();
    a.capacity = o.value(u"capacity"_s).toInt();
    a.atRisk = o.value(u"at_risk"_s).toInt();
    a.breached = o.value(u"breached"_s).toInt();
    a.currentTicketId = o.value(u"current_ticket_id"_s).toString();
    a.currentTicketNumber = o.value(u"current_ticket_number"_s).toString();
    return a;
}

QStringList ticketIds(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(AgentBoardModel::kTicketMime)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(AgentBoardModel::kTicketMime)))
        .split(u'\n', Qt::SkipEmptyParts);
}
} // namespace

AgentBoardModel::AgentBoardModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{}

void AgentBoardModel::setAgents(const QJsonArray &items)
{
    QList<AgentBoardRow> rows;
    for (const QJsonValue &v : items)
        rows.append(rowFromJson(v.toObject()));
    std::sort(rows.begin(), rows.end(), [](const AgentBoardRow &a, const AgentBoardRow &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    // Same agents in the same order (the usual refresh): one dataChanged, the selection stays.
    bool same = rows.size() == m_rows.size();
    for (int i = 0; same && i < rows.size(); ++i)
        same = rows[i].userId == m_rows[i].userId;
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

void AgentBoardModel::applyStatus(const QJsonObject &message)
{
    const QString userId = message.value(u"user_id"_s).toString();
    if (userId.isEmpty())
        return;
    const int row = rowOf(userId);
    if (row < 0) {
        AgentBoardRow a;
        a.userId = userId;
        a.name = message.value(u"user_name"_s).toString();
        a.teamId = message.value(u"team_id"_s).toString();
        a.status = message.value(u"status"_s).toString();
        a.sinceMs = message.value(u"since_ms"_s).toInteger();
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(a);
        endInsertRows();
        return;
    }
    AgentBoardRow &a = m_rows[row];
    a.status = message.value(u"status"_s).toString();
    a.sinceMs = message.value(u"since_ms"_s).toInteger();
    a.connected = message.value(u"cause"_s).toString() != u"disconnected"_s;
    Q_EMIT dataChanged(index(row, Status), index(row, TimeInStatus));
}

void AgentBoardModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeInStatus), index(int(m_rows.size()) - 1, TimeInStatus),
                           {Qt::DisplayRole});
}

int AgentBoardModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].userId == userId)
            return i;
    return -1;
}

int AgentBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentBoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentBoardModel::durationText(qint64 ms) const
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QVariant AgentBoardModel::display(const AgentBoardRow &a, int column) const
{
    switch (column) {
    case Agent:
        return a.name;
    case Status:
        return AgentStatusWidget::title(a.status);
    case TimeInStatus:
        return a.sinceMs > 0 ? durationText(m_clock.nowMs() - a.sinceMs) : QString();
    case Load:
        return tr("%1 / %2").arg(a.open).arg(a.capacity);
    case AtRisk:
        return a.atRisk;
    case Breached:
        return a.breached;
    case Current:
        return a.currentTicketNumber;
    default:
        return {};
    }
}

QVariant AgentBoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgentBoardRow &a = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(a, index.column());
    case Qt::DecorationRole:
        if (index.column() == Status)
            return AgentStatusWidget::colour(a.status);
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == Breached && a.breached > 0) ||
            (index.column() == Load && a.capacity > 0 && a.open >= a.capacity))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= Load && index.column() <= Breached ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                                    : int(Qt::AlignLeft | Qt::AlignVCenter);
    case UserIdRole:
        return a.userId;
    case RawRole:
        switch (index.column()) {
        case Status:
            return a.status;
        case TimeInStatus:
            return a.sinceMs;
        case Load:
            return a.open;
        case Current:
            return a.currentTicketId;
        default:
            return display(a, index.column());
        }
    default:
        return {};
    }
}

QVariant AgentBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Agent:
        return tr("Agent");
    case Status:
        return tr("Status");
    case TimeInStatus:
        return tr("For");
    case Load:
        return tr("Open / capacity");
    case AtRisk:
        return tr("At risk");
    case Breached:
        return tr("Breached");
    case Current:
        return tr("Current ticket");
    default:
        return {};
    }
}

Qt::ItemFlags AgentBoardModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsDropEnabled : f;
}

QStringList AgentBoardModel::mimeTypes() const
{
    return {QString::fromLatin1(kTicketMime)};
}

Qt::DropActions AgentBoardModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

bool AgentBoardModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                      const QModelIndex &parent) const
{
    // Onto a row only (not between rows): the drop names the agent.
    const int target = parent.isValid() ? parent.row() : row;
    return target >= 0 && target < m_rows.size() && !ticketIds(data).isEmpty();
}

bool AgentBoardModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int target = parent.isValid() ? parent.row() : row;
    Q_EMIT assignRequested(ticketIds(data), m_rows[target].userId);
    return false; // nothing to remove from the source: the cache moves the ticket out of the queue
}

} // namespace pd
