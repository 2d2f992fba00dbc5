#include "tickettablemodel.h"

#include "models/domain/validation.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

qint64 sortValue(const TicketRow &row, TicketQuery::Order order)
{
    switch (order) {
    case TicketQuery::Order::SlaUrgency:
        return row.slaDue.value_or(std::numeric_limits<qint64>::max());
    case TicketQuery::Order::UpdatedDesc:
        return row.ticket.updatedAt;
    case TicketQuery::Order::CreatedDesc:
        return row.ticket.createdAt;
    }
    return row.pk;
}

} // namespace

TicketTableModel::TicketTableModel(const Clock &clock, QTimeZone companyZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_zone(std::move(companyZone))
{}

void TicketTableModel::setQuery(const TicketQuery &query)
{
    m_query = query;
    m_paged = true;
    m_matches.clear();
    ++m_generation;
    m_inFlight.clear();
    m_resetPending = true;
    m_refreshPending = false;
    m_pendingTotal.reset();
    m_pendingFirst.reset();
    Q_EMIT countRequested(m_generation, m_query);
    TicketQuery first = m_query;
    first.limit = kPageSize;
    first.offset = 0;
    first.reverse = false;
    first.afterSortValue.reset();
    first.afterPk.reset();
    m_inFlight.insert(0, {m_generation, false});
    Q_EMIT pageRequested(m_generation, 0, first);
}

void TicketTableModel::refresh()
{
    if (!m_paged)
        return;
    if (m_resetPending) {
        setQuery(m_query);
        return;
    }
    ++m_generation;
    m_inFlight.clear();
    m_refreshPending = true; // the pages are asked for again once the count is known: they align to it
    Q_EMIT countRequested(m_generation, m_query);
}

void TicketTableModel::setRows(QList<TicketRow> rows, QStringList matches)
{
    beginResetModel();
    m_matches.clear();
    for (int i = 0; i < rows.size() && i < matches.size(); ++i)
        m_matches.insert(rows.at(i).ticket.id, matches.at(i));
    m_paged = false;
    ++m_generation;
    m_inFlight.clear();
    m_resetPending = false;
    m_pages.clear();
    m_total = int(rows.size());
    for (int i = 0; i < rows.size(); i += kPageSize)
        m_pages.insert(i / kPageSize, rows.mid(i, kPageSize));
    endResetModel();
}

void TicketTableModel::setUserNames(QHash<QString, QString> names)
{
    m_userNames = std::move(names);
    if (m_total > 0)
        Q_EMIT dataChanged(index(0, Assignee), index(m_total - 1, Assignee), {Qt::DisplayRole});
}

void TicketTableModel::countArrived(int generation, int total)
{
    if (generation != m_generation || total < 0)
        return;
    if (m_resetPending) {
        m_pendingTotal = total;
        if (m_pendingFirst)
            applyReset();
        return;
    }
    if (total > m_total) {
        beginInsertRows({}, m_total, total - 1);
        m_total = total;
        endInsertRows();
    } else if (total < m_total) {
        beginRemoveRows({}, total, m_total - 1);
        m_total = total;
        const int lastPage = total == 0 ? -1 : (total - 1) / kPageSize;
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (it.key() > lastPage)
                it = m_pages.erase(it);
            else
                ++it;
        }
        endRemoveRows();
    }
    if (m_refreshPending) {
        m_refreshPending = false;
        const QList<int> loaded = m_pages.keys();
        for (int page : loaded)
            requestPage(page, false);
    }
}

void TicketTableModel::pageArrived(int generation, int page, const QList<TicketRow> &rows)
{
    const auto flight = m_inFlight.constFind(page);
    if (flight == m_inFlight.cend() || flight->generation != generation || generation != m_generation)
        return;
    QList<TicketRow> ordered = rows;
    if (flight->reversed)
        std::reverse(ordered.begin(), ordered.end());
    m_inFlight.erase(flight);
    if (m_resetPending) {
        if (page == 0) {
            m_pendingFirst = std::move(ordered);
            if (m_pendingTotal)
                applyReset();
        }
        return;
    }
    m_pages.insert(page, std::move(ordered));
    evictFarFrom(page);
    const int first = page * kPageSize;
    const int last = std::min(m_total, first + kPageSize) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void TicketTableModel::applyReset()
{
    beginResetModel();
    m_resetPending = false;
    m_pages.clear();
    m_total = *m_pendingTotal;
    m_pages.insert(0, std::move(*m_pendingFirst));
    m_pendingTotal.reset();
    m_pendingFirst.reset();
    endResetModel();
    Q_EMIT loaded(m_total);
}

TicketQuery TicketTableModel::pageQuery(int page, bool preferNeighbours, bool *reversed) const
{
    TicketQuery q = m_query;
    q.limit = kPageSize;
    q.offset = 0;
    q.reverse = false;
    q.afterSortValue.reset();
    q.afterPk.reset();
    *reversed = false;
    const int first = page * kPageSize;
    const int lastPage = m_total == 0 ? 0 : (m_total - 1) / kPageSize;
    if (page == 0)
        return q;
    if (preferNeighbours) {
        // Continue a full neighbour page with a keyset: no rows skipped, whatever the depth.
        const auto before = m_pages.constFind(page - 1);
        if (before != m_pages.cend() && before->size() == kPageSize) {
            q.afterSortValue = sortValue(before->last(), q.order);
            q.afterPk = before->last().pk;
            return q;
        }
        const auto after = m_pages.constFind(page + 1);
        if (after != m_pages.cend() && !after->isEmpty()) {
            q.reverse = true;
            q.afterSortValue = sortValue(after->first(), q.order);
            q.afterPk = after->first().pk;
            *reversed = true;
            return q;
        }
    }
    q.reverse = page > 0 && first > m_total / 2;
    *reversed = q.reverse;
    if (page == lastPage && q.reverse) {
        q.limit = m_total - first; // the last rows: the start of the reversed order
        return q;
    }
    q.offset = q.reverse ? std::max(0, m_total - (first + kPageSize)) : first;
    return q;
}

void TicketTableModel::requestPage(int page, bool preferNeighbours) const
{
    if (m_resetPending || !m_paged)
        return;
    const auto it = m_inFlight.constFind(page);
    if (it != m_inFlight.cend() && it->generation == m_generation)
        return;
    bool reversed = false;
    const TicketQuery q = pageQuery(page, preferNeighbours, &reversed);
    m_inFlight.insert(page, {m_generation, reversed});
    auto *self = const_cast<TicketTableModel *>(this); // asking is not a change of the model's content
    Q_EMIT self->pageRequested(m_generation, page, q);
}

void TicketTableModel::evictFarFrom(int page)
{
    while (m_pages.size() > kMaxPages) {
        int farthest = page;
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            if (std::abs(it.key() - page) > std::abs(farthest - page))
                farthest = it.key();
        m_pages.remove(farthest);
    }
}

const TicketRow *TicketTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.cend() || row % kPageSize >= it->size())
        return nullptr;
    return &it->at(row % kPageSize);
}

int TicketTableModel::rowOf(const QString &ticketId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).ticket.id == ticketId)
                return it.key() * kPageSize + i;
    return -1;
}

void TicketTableModel::tick(int first, int last)
{
    first = std::max(first, 0);
    last = std::min(last, m_total - 1);
    if (last < first)
        return;
    Q_EMIT dataChanged(index(first, Sla), index(last, Sla), {Qt::DisplayRole, SlaStateRole});
    Q_EMIT dataChanged(index(first, Age), index(last, Age), {Qt::DisplayRole});
}

int TicketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int TicketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TicketTableModel::isFlaggedDuplicate(const Ticket &t)
{
    return !t.duplicateOf.isEmpty() && !t.isMerged() && t.status != TicketStatus::Closed;
}

QString TicketTableModel::displayText(const TicketRow &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Sla:
        return m_countdown.badge(row, m_clock.nowMs()).text;
    case Number: {
        const QString number = row.chaseUps > 0
                                   ? tr("%1 ↻%2", "ticket number, chased by the customer N times (催单)")
                                         .arg(numberText(row))
                                         .arg(row.chaseUps)
                                   : numberText(row);
        return isFlaggedDuplicate(t)
                   ? tr("%1 ⧉", "ticket number, likely a duplicate of another open ticket").arg(number)
                   : number;
    }
    case Waybill:
        return t.waybillNo;
    case Category:
        return displayName(t.category);
    case Priority:
        return displayName(t.priority);
    case Customer: {
        // Queues never show a full phone number; only the owner's detail pane does.
        const QString who = t.customerPhone.isEmpty()
                                ? t.customerName
                                : tr("%1 (%2)").arg(t.customerName, Validation::maskPhone(t.customerPhone));
        return t.keyAccount ? tr("★ %1", "a key-account customer (大客户)").arg(who) : who;
    }
    case Status:
        return displayName(t.status);
    case Assignee:
        return t.assigneeId.isEmpty() ? tr("Unassigned") : m_userNames.value(t.assigneeId, t.assigneeId);
    case Age:
        return ageText(std::max<qint64>(0, m_clock.nowMs() - t.createdAt) / 60000);
    case Match:
        return m_matches.value(t.id);
    default:
        return {};
    }
}

QString TicketTableModel::numberText(const TicketRow &row)
{
    const QString number = row.ticket.number.isEmpty() ? tr("(new)") : row.ticket.number;
    switch (row.localState) {
    case LocalState::Synced:
        return number;
    case LocalState::Pending:
        return tr("%1 ⇡", "ticket number, not yet sent").arg(number);
    default:
        return tr("%1 ⚠", "ticket number, needs attention").arg(row.ticket.number);
    }
}

QString TicketTableModel::ageText(qint64 minutes)
{
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%n d", nullptr, int(minutes / (24 * 60)));
}

namespace {
template<typename E>
QStringList allNames()
{
    QStringList out;
    for (const QString &code : allCodes<E>())
        out << displayName(*fromCode<E>(code));
    return out;
}
} // namespace

QStringList TicketTableModel::widestTexts(int column)
{
    switch (column) {
    case Sla:
        return SlaCountdown::widestTexts();
    case Number:
        return {tr("%1 ⇡", "ticket number, not yet sent").arg(u"C2611-000000"_s),
                tr("%1 ⚠", "ticket number, needs attention").arg(u"C2611-000000"_s),
                tr("%1 ↻%2", "ticket number, chased by the customer N times (催单)")
                    .arg(u"C2611-000000"_s)
                    .arg(3)};
    case Waybill:
        return {u"SF1400000000000"_s, u"YT0000000000000"_s};
    case Category:
        return allNames<pd::Category>();
    case Priority:
        return allNames<pd::Priority>();
    case Status:
        return allNames<TicketStatus>();
    case Assignee:
        return {tr("Unassigned")};
    case Customer: // not the widest: what the column wishes to show whole, a usual name with a masked phone
        return {tr("%1 (%2)").arg(u"王小明"_s, Validation::maskPhone(u"13800005678"_s))};
    case Age:
        return {ageText(59), ageText(47 * 60 + 59), ageText(999 * 24 * 60)};
    default:
        return {};
    }
}

QVariant TicketTableModel::rawValue(const TicketRow &row, int column) const
{
    const Ticket &t = row.ticket;
    switch (column) {
    case Sla:
        return row.slaDue ? QVariant(*row.slaDue) : QVariant();
    case Category:
        return toCode(t.category);
    case Priority:
        return toCode(t.priority);
    case Status:
        return toCode(t.status);
    case Age:
        return t.createdAt;
    case Customer:
        return t.customerName;
    case Number:
        return t.number;
    default:
        return displayText(row, column);
    }
}

QVariant TicketTableModel::toolTip(const TicketRow &row, int column) const
{
    if (column == Customer) // the whole text, as the column may elide it (the phone stays masked)
        return displayText(row, column);
    if (column == Number && isFlaggedDuplicate(row.ticket))
        return tr("Likely a duplicate of %1 (the same waybill): a supervisor can merge it")
            .arg(row.ticket.duplicateOfNumber);
    switch (row.localState) {
    case LocalState::Synced:
        return {};
    case LocalState::Pending:
        return pendingToolTip(row);
    default:
        return tr("The server refused this change or holds a newer version: open the ticket to decide");
    }
}

QString TicketTableModel::pendingToolTip(const TicketRow &row) const
{
    QString text = tr("Changed here, waiting to be sent to the server");
    const std::optional<QueuedEditState> queued =
        m_queuedEdits ? m_queuedEdits(row.ticket.id) : std::optional<QueuedEditState>();
    if (!queued || queued->edits == 0)
        return text;
    text += u'\n' + tr("Edits waiting: %1").arg(queued->edits);
    const Instant now = m_clock.nowMs();
    if (queued->attempts == 0 || queued->nextAttemptAt <= now) {
        text += u'\n' + tr("Sent at the next sync");
    } else {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(queued->nextAttemptAt, m_zone);
        const bool today = at.date() == QDateTime::fromMSecsSinceEpoch(now, m_zone).date();
        const QString when = today ? QLocale().toString(at.time(), u"HH:mm:ss"_s)
                                   : QLocale().toString(at.date(), QLocale::ShortFormat) + u' ' +
                                         QLocale().toString(at.time(), u"HH:mm:ss"_s);
        const int seconds = int((queued->nextAttemptAt - now + 999) / 1000);
        const QString in =
            seconds < 120 ? tr("in %n s", nullptr, seconds) : tr("in %n min", nullptr, (seconds + 59) / 60);
        text += u'\n' +
                tr("Next try: %1 (%2)", "time in the company's zone, then how long from now").arg(when, in);
    }
    if (!queued->lastError.isEmpty())
        text += u'\n' + tr("Last error: %1").arg(queued->lastError) + u'\n' +
                tr("Attempts: %1").arg(queued->attempts);
    return text;
}

QVariant TicketTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_total || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const TicketRow *row = rowAt(index.row());
    if (!row) {
        requestPage(index.row() / kPageSize);
        if (role == LoadedRole)
            return false;
        return role == Qt::DisplayRole && index.column() == Number ? QVariant(tr("…")) : QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*row, index.column());
    case Qt::ToolTipRole:
        return toolTip(*row, index.column());
    case RawRole:
        return rawValue(*row, index.column());
    case TicketIdRole:
        return row->ticket.id;
    case LocalStateRole:
        return int(row->localState);
    case SlaStateRole:
        return int(m_countdown.badge(*row, m_clock.nowMs()).state);
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant TicketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Sla:
        return tr("SLA");
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
    case Age:
        return tr("Age");
    case Match:
        return tr("Matched");
    default:
        return {};
    }
}

} // namespace pd
