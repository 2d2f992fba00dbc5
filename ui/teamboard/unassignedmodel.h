#pragma once

#include "models/domain/entities.h"
#include "models/store/ticketrepository.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace pd {

class Clock;
class Database;

/**
 * @brief The team board's queue: the unassigned open tickets (the workbench's Unassigned queue, most urgent
 * first, at most TicketQuery::limit), with their next deadline in the company's time zone and the time left.
 * Rows drag as AgentBoardModel::kTicketMime (ticket ids).
 */
class UnassignedModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Category,
        Deadline,
        TimeLeft,
        ColumnCount
    };
    static constexpr int TicketIdRole = Qt::UserRole + 1;

    UnassignedModel(const Database &db, const Clock &clock, QTimeZone zone, QObject *parent = nullptr);

    /// @brief Whose queue: the supervisor's team; managers see every team's.
    void setUser(const User &user);
    /// @brief Reads the queue from the cache again (an index lookup and a short list).
    void reload();
    /// @brief Repaints the time-left column.
    void tick();
    [[nodiscard]] QString ticketId(int row) const;
    [[nodiscard]] int rowOf(const QString &ticketId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override;

private:
    const Database &m_db;
    const Clock &m_clock;
    QTimeZone m_zone;
    User m_user;
    QList<TicketRow> m_rows;
};

} // namespace pd
