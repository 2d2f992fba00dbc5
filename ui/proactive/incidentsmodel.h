#pragma once

#include "models/proactive/incidentrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

namespace pd {

/// @brief How many notices of an incident are waiting, sent and failed (from GET /incidents).
struct NoticeTally
{
    int queued = 0;
    int sent = 0;
    int failed = 0;
};

/**
 * @brief The incidents of the Proactive page, newest first: from the cache (the change feed brings every
 * incident, so the list works offline), with the notice counts of the last answer of the server.
 */
class IncidentsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Cause,
        Parcels,
        Since,
        Recovery,
        Notices,
        Explanation,
        ColumnCount
    };

    explicit IncidentsModel(const QTimeZone &zone, QObject *parent = nullptr);

    void setIncidents(const QList<IncidentRecord> &incidents);
    void setTallies(const QHash<QString, NoticeTally> &tallies);
    [[nodiscard]] const IncidentRecord &incident(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] std::optional<NoticeTally> tally(const QString &id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QString local(Instant at) const;

    QTimeZone m_zone;
    QList<IncidentRecord> m_rows;
    QHash<QString, NoticeTally> m_tallies;
};

} // namespace pd
