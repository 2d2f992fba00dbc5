#include "approvalsmodel.h"

#include "models/domain/jsonreader.h"
#include "ui/common/language.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

std::optional<ApprovalRow> ApprovalRow::fromJson(const QJsonObject &o)
{
    JsonReader r(o);
    ApprovalRow a;
    a.id = r.string("id", true, 200);
    a.ticketId = r.string("ticket_id", true, 200);
    a.ticketNumber = r.string("ticket_number", false, 200);
    a.waybillNo = r.string("waybill_no", false, 200);
    a.category = r.optEnum<pd::Category>("category");
    a.stationId = r.string("station_id", false, 200);
    a.amountFen = r.moneyFen("amount");
    a.proposedFen = r.optMoneyFen("proposed");
    a.explanation = r.string("explanation", false, 20000);
    a.reason = r.string("reason", false, 20000);
    a.requestedBy = r.string("requested_by_name", false, 200);
    if (a.requestedBy.isEmpty())
        a.requestedBy = r.string("requested_by", false, 200);
    a.requestedAt = r.optInstant("requested_at").value_or(0);
    if (!r.ok())
        return std::nullopt;
    return a;
}

ApprovalsModel::ApprovalsModel(const QTimeZone &zone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(zone)
{}

void ApprovalsModel::setItems(const QJsonArray &items)
{
    QList<ApprovalRow> rows;
    int skipped = 0;
    for (const QJsonValue &v : items) {
        if (auto row = ApprovalRow::fromJson(v.toObject()))
            rows.append(*row);
        else
            ++skipped;
    }
    // Oldest first: the customer has waited longest.
    std::stable_sort(rows.begin(), rows.end(), [](const ApprovalRow &a, const ApprovalRow &b) {
        return a.requestedAt < b.requestedAt;
    });
    beginResetModel();
    m_rows = rows;
    m_skipped = skipped;
    endResetModel();
}

void ApprovalsModel::setNow(Instant now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Waiting), index(int(m_rows.size()) - 1, Waiting), {Qt::DisplayRole});
}

int ApprovalsModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int ApprovalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApprovalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalsModel::display(const ApprovalRow &r, int column) const
{
    switch (column) {
    case Ticket:
        return r.ticketNumber.isEmpty() ? r.ticketId : r.ticketNumber;
    case Category:
        return r.category ? displayName(*r.category) : QString();
    case Amount:
        return Language::yuan(r.amountFen);
    case Proposed:
        return r.proposedFen ? Language::yuan(*r.proposedFen) : QString();
    case RequestedBy:
        return r.requestedBy;
    case Waiting: {
        if (r.requestedAt <= 0 || m_now <= 0)
            return QString();
        const qint64 minutes = std::max<qint64>(0, (m_now - r.requestedAt) / 60000);
        return minutes < 60 ? tr("%n min", nullptr, int(minutes))
                            : tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    case Reason:
        return r.reason.isEmpty() ? r.explanation : r.reason;
    default:
        return {};
    }
}

QVariant ApprovalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ApprovalRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return display(r, index.column());
    if (role == Qt::ToolTipRole) {
        const QString at = r.requestedAt > 0 ? QDateTime::fromMSecsSinceEpoch(r.requestedAt, Qt::UTC)
                                                   .toTimeZone(m_zone)
                                                   .toString(u"yyyy-MM-dd HH:mm"_s)
                                             : QString();
        return tr("Waybill %1 · requested %2\n%3").arg(r.waybillNo, at, r.explanation);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == Proposed))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Ticket:
        return tr("Ticket");
    case Category:
        return tr("Category");
    case Amount:
        return tr("Amount");
    case Proposed:
        return tr("Proposed");
    case RequestedBy:
        return tr("Requested by");
    case Waiting:
        return tr("Waiting");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace pd
