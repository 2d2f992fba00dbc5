#pragma once

#include "models/kpi/kpitypes.h"

#include <QObject>

#include <optional>

class QChartView;
class QWidget;

namespace pd {

/**
 * @brief The four charts of the dashboard (Qt Charts): complaints by category (pie, slices clickable),
 * today's hourly intake against first responses, first-response SLA compliance per day, backlog by age.
 */
class DashboardCharts final : public QObject
{
    Q_OBJECT
public:
    explicit DashboardCharts(QWidget *parentWidget);

    [[nodiscard]] QChartView *categories() const { return m_categories; }
    [[nodiscard]] QChartView *hourly() const { return m_hourly; }
    /// @brief Sets the chart titles in the current language (series are named when they are set).
    void retranslate();
    [[nodiscard]] QChartView *daily() const { return m_daily; }
    [[nodiscard]] QChartView *backlog() const { return m_backlog; }

    void setCategories(const QList<CategoryCount> &counts);
    void setHourly(const QList<HourlyPoint> &points, int currentHour);
    void setDaily(const QList<DailyCompliance> &days, std::optional<double> target);
    void setBacklog(const QList<AgeBucket> &buckets);

Q_SIGNALS:
    /// @brief A category slice was clicked.
    void categoryClicked(pd::Category category);

private:
    QChartView *m_categories;
    QChartView *m_hourly;
    QChartView *m_daily;
    QChartView *m_backlog;
};

} // namespace pd
