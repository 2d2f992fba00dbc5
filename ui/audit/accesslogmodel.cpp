#include "accesslogmodel.h"

#include "ui/workbench/ticketpane/customerreveal.h"

#include <QDateTime>

#include <climits>

using namespace Qt::StringLiterals;

namespace pd {

AccessLogModel::AccessLogModel(const QTimeZone &companyZone, QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(companyZone)
{}

QStringList AccessLogModel::kindCodes()
{
    return {u"reveal"_s,          u"customer_export"_s, u"report_generated"_s,
            u"report_exported"_s, u"bulk_lookup"_s,     u"reveal_alert"_s,
            u"audit_export"_s,    u"retention"_s,       u"erasure"_s};
}

QString AccessLogModel::kindName(const QString &kind)
{
    if (kind == u"reveal")
        return tr("Reveal");
    if (kind == u"customer_export")
        return tr("Export of customer data");
    if (kind == u"report_generated")
        return tr("Report written");
    if (kind == u"report_exported")
        return tr("Report written with customer data");
    if (kind == u"bulk_lookup")
        return tr("Bulk lookup");
    if (kind == u"reveal_alert")
        return tr("Alert: many reveals");
    if (kind == u"audit_export")
        return tr("Access log exported");
    if (kind == u"retention")
        return tr("Retention (customer data blanked)");
    if (kind == u"erasure")
        return tr("Erasure of a customer's data");
    return kind;
}

QString AccessLogModel::fieldName(const QString &field)
{
    if (field == u"phone")
        return tr("Phone number");
    if (field == u"name")
        return tr("Name");
    if (field == u"address")
        return tr("Address");
    return field;
}

int AccessLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AccessLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccessLogModel::display(const AccessLogEntry &e, int column) const
{
    switch (column) {
    case Time:
        return e.atMs > 0 ? QDateTime::fromMSecsSinceEpoch(e.atMs, m_zone).toString(u"yyyy-MM-dd HH:mm:ss"_s)
                          : QString();
    case User:
        return e.role.isEmpty() ? e.login : tr("%1 (%2)").arg(e.login, e.role);
    case Kind:
        return kindName(e.kind);
    case Ticket: {
        if (e.ticketId.isEmpty() || !m_ticketLabel)
            return e.ticketId;
        auto it = m_numbers.constFind(e.ticketId);
        if (it == m_numbers.cend())
            it = m_numbers.insert(e.ticketId, m_ticketLabel(e.ticketId));
        return it->isEmpty() ? e.ticketId : *it;
    }
    case Field:
        return fieldName(e.field);
    case Reason:
        if (e.reason.isEmpty())
            return {};
        return e.note.isEmpty() ? CustomerReveal::reasonName(e.reason)
                                : tr("%1: %2").arg(CustomerReveal::reasonName(e.reason), e.note);
    case Details: {
        QStringList parts;
        if (e.records > 0)
            parts << tr("%n record(s)", nullptr, int(qMin<qint64>(e.records, INT_MAX)));
        if (!e.detail.isEmpty())
            parts << e.detail;
        if (!e.customerRef.isEmpty())
            parts << tr("customer %1").arg(e.customerRef);
        return parts.join(u" · "_s);
    }
    default:
        return {};
    }
}

QVariant AccessLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AccessLogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        return index.column() == Ticket ? e.ticketId : display(e, index.column());
    case IdRole:
        return e.id;
    case RawRole:
        switch (index.column()) {
        case Time:
            return e.atMs;
        case User:
            return e.login;
        case Kind:
            return e.kind;
        case Ticket:
            return e.ticketId;
        case Field:
            return e.field;
        case Reason:
            return e.reason;
        case Details:
            return e.detail;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AccessLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Kind:
        return tr("Kind");
    case Ticket:
        return tr("Ticket");
    case Field:
        return tr("Field");
    case Reason:
        return tr("Reason");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

void AccessLogModel::reset(const QList<AccessLogEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void AccessLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

void AccessLogModel::append(const QList<AccessLogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + entries.size() - 1));
    m_entries.append(entries);
    endInsertRows();
}

} // namespace pd
