#pragma once

#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpitypes.h"
#include "models/sla/policy.h"
#include "models/store/ticketrepository.h"

#include <QTimeZone>
#include <QWidget>

#include <array>

class QComboBox;
class QDateEdit;
class QLabel;
class QLayout;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QThread;
class QTimer;

namespace pd {

class AgentTableModel;
class BreachListModel;
class Clock;
class DashboardCharts;
class DashboardWorker;
class Database;
class KpiTile;
class EffectPanel;
class RegulatorPanel;
class ServerLink;
class TrendAlertPanel;

/**
 * @brief The supervisor KPI dashboard: KPI tiles against target and the previous period, charts, the live
 * breach list and the agent table, for a period and a team/category filter.
 *
 * Queries run on a worker thread with its own connection to the cache (Database::open(db.path())); the GUI
 * thread only reads the team list (DirectoryRepository, one row per team). refresh() asks for fresh figures;
 * onTicketsChanged() asks for them after a short debounce, so a change in the cache shows within a second.
 * While a read runs, further requests are folded into one more read. Clicking a category slice, a KPI tile or
 * an agent emits drillDownRequested() with the workbench query of those tickets.
 */
class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    /// Debounce of onTicketsChanged().
    static constexpr int kDebounceMs = 250;

    DashboardPage(const pd::Database &db, const QTimeZone &companyZone, const pd::Clock &clock,
                  QWidget *parent = nullptr);
    ~DashboardPage() override;

    /// @brief The SLA policy for first-response deadlines (default: 30 min / 24 h, 24/7); refreshes.
    void setSlaPolicy(const pd::SlaPolicy &policy);
    /// @brief The targets the tiles compare against (default KpiTargets::defaults()).
    void setTargets(const pd::KpiTargets &targets);
    /// @brief Selects a period (Custom uses first..last); refreshes.
    void setPeriod(pd::PeriodKind kind, QDate customFirst = {}, QDate customLast = {});
    /// @brief Selects a team (empty: all teams); refreshes.
    void setTeam(const QString &teamId);
    /// @brief Selects a category (unset: all); refreshes.
    void setCategory(std::optional<pd::Category> category);

    /// @brief The filter of the current selection at the clock's now.
    [[nodiscard]] pd::KpiFilter currentFilter() const;
    /// @brief The figures last shown.
    [[nodiscard]] const pd::DashboardData &data() const { return m_data; }
    [[nodiscard]] pd::KpiTile *tile(pd::Kpi kpi) const { return m_tiles[std::size_t(kpi)]; }
    /// @brief The workbench query behind a KPI tile for the current selection.
    [[nodiscard]] pd::TicketQuery queryForKpi(pd::Kpi kpi) const;
    /// @brief The way to the server for the effect of proactive notices (EffectPanel).
    void setServerLink(pd::ServerLink *link);
    [[nodiscard]] pd::TrendAlertPanel *trendAlerts() const { return m_trends; }
    [[nodiscard]] pd::EffectPanel *effect() const { return m_effect; }
    /// @brief Writes the page as it looks to a PNG file.
    bool saveAsPng(const QString &path);

public Q_SLOTS:
    /// @brief Reloads the team list and reads fresh figures off the GUI thread.
    void refresh();
    /// @brief Tickets changed in the cache: refresh after kDebounceMs (several changes fold into one read).
    void onTicketsChanged(const QStringList &ticketIds);
    /// @brief The cache took a page of changes: the open trend alerts are read again.
    void reloadTrendAlerts();

Q_SIGNALS:
    /// @brief Open the workbench filtered to these tickets.
    void drillDownRequested(const pd::TicketQuery &query, const QString &title);
    /// @brief A breach-list row was opened (double-click or Enter): show this ticket in the workbench.
    void openTicketRequested(const QString &ticketId);
    /// @brief The figures of the current selection and cache are on screen (not sent for a read that was
    /// already stale when it ended: the next one follows).
    void refreshed();
    /// @brief A read failed (message for people); the last figures stay.
    void refreshFailed(const QString &message);
    /// @brief "Show on map" of a station's complaint spike.
    void showStationRequested(const QString &stationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QLayout *buildFilterBar();
    QLayout *buildTiles();
    QLayout *buildCharts();
    QWidget *buildRegulator();
    QWidget *buildTrendAlerts();
    QLayout *buildTables();
    /// Every fixed text in the current language, then the figures again (labels, hints, chart series).
    void retranslate();
    void setTexts();
    void reloadTeams();
    void startRead();
    void onReadFinished(const pd::DashboardData &data, quint64 ticket);
    void render();
    void onReadFailed(const QString &message, quint64 ticket);
    void onPeriodChanged();
    void saveAsPngInteractive();
    void drillCategory(pd::Category category);
    void drillKpi(pd::Kpi kpi);
    void drillAgent(int proxyRow);
    [[nodiscard]] pd::TicketQuery baseQuery() const;
    [[nodiscard]] QString periodText() const;

    const Database &m_db;
    QTimeZone m_zone;
    const Clock &m_clock;
    SlaPolicy m_policy;
    KpiTargets m_targets = KpiTargets::defaults();
    DashboardData m_data;
    KpiPeriod m_period;

    QThread *m_thread;
    DashboardWorker *m_worker;
    QTimer *m_debounce;
    quint64 m_ticket = 0;   ///< of the last read asked for
    bool m_running = false; ///< a read is on the worker
    bool m_again = false;   ///< another read was asked for meanwhile

    QComboBox *m_periodBox = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QComboBox *m_teamBox = nullptr;
    QComboBox *m_categoryBox = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_periodLabel = nullptr;
    TrendAlertPanel *m_trends = nullptr;
    EffectPanel *m_effect = nullptr;
    QLabel *m_teamLabel = nullptr;
    QLabel *m_categoryLabel = nullptr;
    QLabel *m_breachTitle = nullptr;
    QLabel *m_agentTitle = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    std::array<KpiTile *, kKpiCount> m_tiles{};
    DashboardCharts *m_charts = nullptr;
    RegulatorPanel *m_regulator = nullptr;
    AgentTableModel *m_agents = nullptr;
    QSortFilterProxyModel *m_agentProxy = nullptr;
    QTableView *m_agentView = nullptr;
    BreachListModel *m_breaches = nullptr;
    QTableView *m_breachView = nullptr;
};

} // namespace pd
