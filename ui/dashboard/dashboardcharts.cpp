#include "dashboardcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>

namespace pd {

namespace {

QChartView *makeView(const QString &objectName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    return view;
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

const QColor kCategoryColours[] = {QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35),
                                   QColor(0x6d, 0x4c, 0x41), QColor(0xfb, 0x8c, 0x00),
                                   QColor(0x8e, 0x24, 0xaa), QColor(0x75, 0x75, 0x75)};

} // namespace

DashboardCharts::DashboardCharts(QWidget *parentWidget)
    : QObject(parentWidget)
    , m_categories(makeView(QStringLiteral("categoryChart"), parentWidget))
    , m_hourly(makeView(QStringLiteral("hourlyChart"), parentWidget))
    , m_daily(makeView(QStringLiteral("dailyChart"), parentWidget))
    , m_backlog(makeView(QStringLiteral("backlogChart"), parentWidget))
{
    m_categories->chart()->legend()->setAlignment(Qt::AlignRight);
    retranslate();
}

void DashboardCharts::retranslate()
{
    m_categories->chart()->setTitle(tr("Complaints by category"));
    m_hourly->chart()->setTitle(tr("Today: intake and first responses by hour"));
    m_daily->chart()->setTitle(tr("First-response SLA compliance, last 30 days"));
    m_backlog->chart()->setTitle(tr("Backlog by age"));
}

void DashboardCharts::setCategories(const QList<CategoryCount> &counts)
{
    QChart *chart = m_categories->chart();
    clear(chart);
    auto *series = new QPieSeries;
    series->setHoleSize(0.35);
    for (const CategoryCount &c : counts) {
        if (c.count == 0)
            continue;
        auto *slice = series->append(
            tr("%1 (%2%)").arg(displayName(c.category), QLocale().toString(c.share * 100.0, 'f', 0)),
            double(c.count));
        slice->setColor(kCategoryColours[int(c.category) % 6]);
        slice->setProperty("category", int(c.category));
        connect(slice, &QPieSlice::clicked, this,
                [this, category = c.category] { Q_EMIT categoryClicked(category); });
        connect(slice, &QPieSlice::hovered, slice, [slice](bool on) { slice->setExploded(on); });
    }
    chart->addSeries(series);
}

void DashboardCharts::setHourly(const QList<HourlyPoint> &points, int currentHour)
{
    QChart *chart = m_hourly->chart();
    clear(chart);
    auto *created = new QBarSet(tr("New tickets"));
    created->setColor(QColor(0x90, 0xca, 0xf9));
    auto *responses = new QLineSeries;
    responses->setName(tr("First responses"));
    responses->setColor(QColor(0x2e, 0x7d, 0x32));
    QStringList hours;
    qint64 top = 1;
    for (const HourlyPoint &p : points) {
        hours.append(QString::number(p.hour));
        created->append(double(p.created));
        if (p.hour <= currentHour)
            responses->append(p.hour, double(p.firstResponses));
        top = std::max({top, p.created, p.firstResponses});
    }
    auto *bars = new QBarSeries;
    bars->append(created);
    chart->addSeries(bars);
    chart->addSeries(responses);
    auto *x = new QBarCategoryAxis;
    x->append(hours);
    auto *y = new QValueAxis;
    y->setRange(0, double(top) * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(bars), static_cast<QAbstractSeries *>(responses)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void DashboardCharts::setDaily(const QList<DailyCompliance> &days, std::optional<double> target)
{
    QChart *chart = m_daily->chart();
    clear(chart);
    auto *line = new QLineSeries;
    line->setName(tr("Met first-response deadlines"));
    line->setPointsVisible(true);
    QStringList labels;
    for (int i = 0; i < days.size(); ++i) {
        labels.append(QLocale().toString(days[i].day, QStringLiteral("MM-dd")));
        if (const auto v = days[i].compliance.value())
            line->append(i, *v * 100.0);
    }
    chart->addSeries(line);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setLabelsAngle(-90);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    if (target && !days.isEmpty()) {
        auto *goal = new QLineSeries;
        goal->setName(tr("Target"));
        QPen pen(QColor(0xc6, 0x28, 0x28));
        pen.setStyle(Qt::DashLine);
        goal->setPen(pen);
        goal->append(0, *target * 100.0);
        goal->append(double(days.size() - 1), *target * 100.0);
        chart->addSeries(goal);
        goal->attachAxis(x);
        goal->attachAxis(y);
    }
}

void DashboardCharts::setBacklog(const QList<AgeBucket> &buckets)
{
    QChart *chart = m_backlog->chart();
    clear(chart);
    auto *set = new QBarSet(tr("Open tickets"));
    set->setColor(QColor(0xfb, 0x8c, 0x00));
    QStringList labels;
    qint64 top = 1;
    for (const AgeBucket &b : buckets) {
        labels.append(b.label());
        set->append(double(b.count));
        top = std::max(top, b.count);
    }
    set->setLabelColor(Qt::black);
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    auto *y = new QValueAxis;
    y->setRange(0, double(top) * 1.15);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
}

} // namespace pd
