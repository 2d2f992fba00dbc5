#pragma once

#include "models/proactive/trendalerts.h"
#include "models/store/ticketrepository.h"

#include <QGroupBox>
#include <QTimeZone>

class QLabel;
class QListWidget;
class QPushButton;

namespace pd {

class Database;

/**
 * @brief Complaint spikes on the dashboard (docs/proactive.md, "Trend alerts"): the open trend alerts of the
 * cache, most serious first, each as "<place>: 14 complaints since 14:00 where 3.1 are normal (×4.5)".
 * "Show complaints" opens the complaints behind the selected alert in the workbench; "Show on map" (a
 * station's alert) shows the station on the map. Hidden while no alert is open.
 */
class TrendAlertPanel final : public QGroupBox
{
    Q_OBJECT
public:
    TrendAlertPanel(const Database &db, const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Reads the open alerts from the cache again (after a pull).
    void reload();
    [[nodiscard]] const QList<TrendAlert> &alerts() const { return m_alerts; }
    [[nodiscard]] QListWidget *list() const { return m_list; }
    /// @brief One alert in words, in the current language.
    [[nodiscard]] QString describe(const TrendAlert &alert) const;
    /// @brief The station, courier, route or category an alert is about, named for people.
    [[nodiscard]] QString placeOf(const TrendAlert &alert) const;
    /// @brief Shows the complaints of the alert at @p row (drillDownRequested).
    void showComplaints(int row);

Q_SIGNALS:
    void drillDownRequested(const pd::TicketQuery &query, const QString &title);
    void showStationRequested(const QString &stationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();
    void updateButtons();

    const Database &m_db;
    QTimeZone m_zone;
    QList<TrendAlert> m_alerts;
    QHash<QString, QString> m_names; ///< "station:<id>" / "courier:<id>" → name
    QLabel *m_intro;
    QListWidget *m_list;
    QPushButton *m_complaints;
    QPushButton *m_map;
};

} // namespace pd
