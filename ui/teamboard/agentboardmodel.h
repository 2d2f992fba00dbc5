#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace pd {

class Clock;

/// @brief One agent on the team board (a row of GET /agents, kept current by agent_status messages).
struct AgentBoardRow
{
    QString userId;
    QString name;
    QString teamId;
    QString status; ///< online, busy, break, away, offline
    qint64 sinceMs = 0;
    bool connected = false;
    int open = 0;
    int capacity = 0;
    int atRisk = 0;
    int breached = 0;
    QString currentTicketId;
    QString currentTicketNumber;
};

/**
 * @brief The team board's agents: status with the time in it, open load against capacity, at-risk and
 * breached counts, the ticket in hand. Dropping tickets (kTicketMime) on a row asks for their assignment to
 * that agent (assignRequested); the model changes nothing itself.
 */
class AgentBoardModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Agent,
        Status,
        TimeInStatus,
        Load,
        AtRisk,
        Breached,
        Current,
        ColumnCount
    };
    enum Roles
    {
        UserIdRole = Qt::UserRole + 1, ///< the agent's user id
        RawRole,                       ///< the column's raw value (status code, since ms, open count, …)
    };
    /// @brief Mime type of dragged tickets: their ids, one per line (UTF-8).
    static constexpr const char *kTicketMime = "application/x-parceldesk-ticket-ids";

    explicit AgentBoardModel(const Clock &clock, QObject *parent = nullptr);

    /// @brief The items of GET /agents; the server's time of the answer corrects "time in status".
    void setAgents(const QJsonArray &items);
    /// @brief An agent_status message: that row changes at once (a new agent of the team is added).
    void applyStatus(const QJsonObject &message);
    /// @brief Repaints the "time in status" column (once a second).
    void tick();
    [[nodiscard]] int rowOf(const QString &userId) const;
    [[nodiscard]] const AgentBoardRow &agent(int row) const { return m_rows.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] Qt::DropActions supportedDropActions() const override;
    [[nodiscard]] bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    void assignRequested(const QStringList &ticketIds, const QString &userId);

private:
    [[nodiscard]] QString durationText(qint64 ms) const;
    [[nodiscard]] QVariant display(const AgentBoardRow &a, int column) const;

    const Clock &m_clock;
    QList<AgentBoardRow> m_rows;
};

} // namespace pd
