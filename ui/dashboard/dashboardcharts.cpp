#include "dashboardcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
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

/// Days between two date labels of the 30-day chart; hours between two labels of today's chart.
constexpr qsizetype kDailyLabelStep = 7;
constexpr qsizetype kHourlyLabelStep = 3;

/// Ticks on whole numbers (1, 2, 5, 10, 20, 50, … apart, at most about five), so "%d" labels never repeat.
void integerTicks(QValueAxis *axis, qint64 top)
{
    qint64 step = 1;
    for (qint64 scale = 1; top / step > 5; scale *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            step = m * scale;
            if (top / step <= 5)
                break;
        }
    }
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(double(step));
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
    // Every third hour labelled: 24 labels do not fit a half-page chart (Qt Charts cuts them to "…").
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, std::max(0.5, double(points.size()) - 0.5));
    x->setStartValue(-0.5);
    for (qsizetype i = 0; i < hours.size(); i += kHourlyLabelStep)
        x->append(hours[i], double(i));
    auto *y = new QValueAxis;
    y->setRange(0, double(top) * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    integerTicks(y, top);
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
    for (int i = 0; i < days.size(); ++i) {
        if (const auto v = days[i].compliance.value())
            line->append(i, *v * 100.0);
    }
    chart->addSeries(line);
    // A label on every day does not fit (Qt Charts then cuts each to "…", drawn "⋮" when turned): one a week,
    // level, counted back from the last day so today always has its label.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, std::max(0.5, double(days.size()) - 0.5));
    x->setStartValue(-0.5);
    for (qsizetype i = days.isEmpty() ? 0 : (days.size() - 1) % kDailyLabelStep; i < days.size();
         i += kDailyLabelStep)
        x->append(QLocale().toString(days[i].day, QStringLiteral("MM-dd")), double(i));
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
        // Qt Charts draws axis labels as rich text: "< 1 h" unescaped opens a tag and shows nothing.
        labels.append(b.label().toHtmlEscaped());
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
