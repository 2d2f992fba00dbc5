#pragma once

#include "sync/api/auditapi.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include <functional>

namespace pd {

/**
 * @brief Entries of the server's access log as a table: time (company zone), user, kind, ticket, field,
 * reason, details. Pages are appended (newest first, as the server sends them).
 */
class AccessLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        User,
        Kind,
        Ticket,
        Field,
        Reason,
        Details,
        ColumnCount
    };
    enum Role
    {
        /// The raw value of the cell: UTC ms for Time, codes for Kind, Field and Reason, login for User.
        RawRole = Qt::UserRole + 1,
        /// The entry's id (qint64), on every cell.
        IdRole
    };

    /// @brief A ticket's number for its id (from the local cache), empty when unknown.
    using TicketLabel = std::function<QString(const QString &ticketId)>;

    explicit AccessLogModel(const QTimeZone &companyZone, QObject *parent = nullptr);

    /// @brief Shows tickets by number where the cache knows them (the id stays in the tooltip and RawRole).
    void setTicketLabel(TicketLabel label) { m_ticketLabel = std::move(label); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /// @brief Replaces the entries (a new search).
    void reset(const QList<AccessLogEntry> &entries);
    /// @brief Appends the next, older page.
    void append(const QList<AccessLogEntry> &entries);
    [[nodiscard]] const QList<AccessLogEntry> &entries() const { return m_entries; }
    /// @brief The language changed: headers and names are asked for again.
    void retranslate();

    /// @brief Translated names of the codes the server writes.
    [[nodiscard]] static QString kindName(const QString &kind);
    [[nodiscard]] static QString fieldName(const QString &field);
    /// @brief The kinds offered in the search, in order.
    [[nodiscard]] static QStringList kindCodes();

private:
    Q_DISABLE_COPY_MOVE(AccessLogModel)
    [[nodiscard]] QString display(const AccessLogEntry &e, int column) const;

    QTimeZone m_zone;
    QList<AccessLogEntry> m_entries;
    TicketLabel m_ticketLabel;
    mutable QHash<QString, QString> m_numbers; ///< ticket id → number, as looked up
};

} // namespace pd
