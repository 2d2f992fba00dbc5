#pragma once

#include "models/store/ticketrepository.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace pd {

/**
 * @brief Tickets as table rows for the queue views.
 *
 * Display text is for people (translated labels, masked phones, times in the company's time zone); RawRole
 * gives the stored value for sorting and filtering in proxies; TicketIdRole the ticket's id.
 */
class TicketTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Waybill,
        Category,
        Priority,
        Customer,
        Status,
        Assignee,
        Created,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole + 1, ///< the stored value: code for enums, UTC ms for times, text otherwise
        TicketIdRole,               ///< QString id of the row's ticket
        LocalStateRole,             ///< int LocalState: pending and conflicted rows are marked
    };
    Q_ENUM(Column)

    explicit TicketTableModel(QTimeZone companyZone, QObject *parent = nullptr);

    void setRows(QList<TicketRow> rows);
    [[nodiscard]] const TicketRow *rowAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    Q_DISABLE_COPY_MOVE(TicketTableModel)
    [[nodiscard]] QString displayText(const TicketRow &row, int column) const;
    [[nodiscard]] QVariant rawValue(const TicketRow &row, int column) const;

    QTimeZone m_zone;
    QList<TicketRow> m_rows;
};

} // namespace pd
