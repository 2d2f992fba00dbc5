// Trend alerts (docs/proactive.md, "Trend alerts"): what one evaluation costs over 90 days of a city centre's
// complaints, how often quiet weeks raise an alert (false alarms), and how fast planted spikes are found.
// Run: `cmake --build . --target bench_trends_run`, or `bench_trends [seeds] [p_value] [window_hours]`
// (default 3 seeds and the policy's defaults).

#include "bench/common/stats.h"
#include "trendscenario.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::bench;

namespace {

constexpr int kEvaluations = 50;
constexpr int kHistoryWeeks = 4;  // fed before anything is counted
constexpr int kMeasuredWeeks = 8; // evaluated
constexpr qint64 kEvery = 15 * kMinuteMs;

/// The policy the simulations use: the defaults, or what the command line sets.
ProactivePolicy &benchPolicy()
{
    static ProactivePolicy policy;
    return policy;
}

Instant start()
{
    return *instantFromIso(u"2026-03-02T00:00:00+08:00"); // a Monday
}

QString thousands(qint64 n)
{
    QString s = QString::number(n);
    for (qsizetype i = s.size() - 3; i > 0; i -= 3)
        s.insert(i, u',');
    return s;
}

struct Spike
{
    QString dimension;
    QString key;
    Instant from = 0;
    int hours = 3;
    int extra = 0; ///< complaints planted
    OptInstant foundAt;
};

/// What one simulated run found, per dimension (TrendDetector::dimensions() order).
struct RunResult
{
    std::array<int, 4> falseAlarms{};
    std::array<int, 4> series{};
    std::array<int, 4> planted{};
    std::array<int, 4> found{};
    std::array<std::vector<double>, 4> delaysHours;
    std::array<std::vector<double>, 4> extraFound; ///< complaints planted in the spikes found
    std::array<std::vector<double>, 4> extraMissed;
};

struct SpikeShape
{
    double multiplier = 3; ///< the hour's normal × this
    int hours = 3;
    double minPerHour = 2; ///< extra complaints an hour at least (couriers have few)
};

/// One spike a day in each dimension, on a random key, starting at a random hour of the measured weeks.
QList<Spike> plantSpikes(ComplaintCity &city, const SpikeShape &shape, QList<TrendComplaint> *all)
{
    QList<Spike> spikes;
    const Instant measured = start() + kHistoryWeeks * kWeekMs;
    for (int day = 0; day < kMeasuredWeeks * 7 - 1; ++day) {
        for (const QString &dim : TrendDetector::dimensions()) {
            const QStringList keys = city.keys(dim);
            Spike s;
            s.dimension = dim;
            s.key = keys.at(std::uniform_int_distribution<int>(0, int(keys.size()) - 1)(city.rng()));
            s.from =
                measured + day * kDayMs + std::uniform_int_distribution<int>(0, 23)(city.rng()) * kHourMs;
            s.hours = shape.hours;
            const QList<TrendComplaint> planted =
                city.spike(dim, s.key, s.from, s.hours, shape.multiplier, shape.minPerHour);
            s.extra = int(planted.size());
            *all += planted;
            spikes.append(s);
        }
    }
    return spikes;
}

/// Credits an opened alert to the planted spike of its series it follows, or counts a false alarm.
void classify(const TrendAlert &a, const ProactivePolicy &policy, QList<Spike> *spikes, RunResult *r)
{
    const auto d = std::size_t(TrendDetector::dimensions().indexOf(a.dimension));
    const qint64 late = qint64(policy.trends().windowHours + 1) * kHourMs;
    for (Spike &s : *spikes) {
        if (s.dimension == a.dimension && s.key == a.key && a.openedAt > s.from &&
            a.openedAt <= s.from + s.hours * kHourMs + late) {
            if (!s.foundAt) {
                s.foundAt = a.openedAt;
                ++r->found[d];
                r->delaysHours[d].push_back(double(a.openedAt - s.from) / double(kHourMs));
            }
            return;
        }
    }
    ++r->falseAlarms[d];
}

RunResult simulate(const TrendScenario &scenario, quint32 seed, const std::optional<SpikeShape> &shape)
{
    ComplaintCity city(scenario, seed);
    const Instant end = start() + (kHistoryWeeks + kMeasuredWeeks) * kWeekMs;
    QList<TrendComplaint> all = city.generate(start(), end);
    QList<Spike> spikes = shape ? plantSpikes(city, *shape, &all) : QList<Spike>{};
    std::stable_sort(all.begin(), all.end(), [](const TrendComplaint &a, const TrendComplaint &b) {
        return a.createdAt < b.createdAt;
    });
    RunResult r;
    for (const Spike &s : std::as_const(spikes))
        ++r.planted[std::size_t(TrendDetector::dimensions().indexOf(s.dimension))];
    for (std::size_t d = 0; d < 4; ++d)
        r.series[d] = int(city.keys(TrendDetector::dimensions().at(qsizetype(d))).size());

    TrendDetector detector(benchPolicy());
    qsizetype next = 0;
    for (Instant now = start() + kHistoryWeeks * kWeekMs; now < end; now += kEvery) {
        for (; next < all.size() && all.at(next).createdAt < now; ++next)
            detector.add(all.at(next));
        for (const TrendAlert &a : detector.evaluate(now)) {
            if (!a.closedAt && a.openedAt == now) // opened now (an escalation keeps its openedAt)
                classify(a, detector.policy(), &spikes, &r);
        }
    }
    for (const Spike &s : std::as_const(spikes)) {
        const auto d = std::size_t(TrendDetector::dimensions().indexOf(s.dimension));
        (s.foundAt ? r.extraFound : r.extraMissed)[d].push_back(s.extra);
    }
    return r;
}

RunResult simulateSeeds(const TrendScenario &scenario, int seeds, const std::optional<SpikeShape> &shape)
{
    RunResult total;
    for (int i = 0; i < seeds; ++i) {
        const RunResult r = simulate(scenario, quint32(1000 + i), shape);
        for (std::size_t d = 0; d < 4; ++d) {
            total.falseAlarms[d] += r.falseAlarms[d];
            total.series[d] += r.series[d];
            total.planted[d] += r.planted[d];
            total.found[d] += r.found[d];
            const auto append = [](std::vector<double> &to, const std::vector<double> &from) {
                to.insert(to.end(), from.begin(), from.end());
            };
            append(total.delaysHours[d], r.delaysHours[d]);
            append(total.extraFound[d], r.extraFound[d]);
            append(total.extraMissed[d], r.extraMissed[d]);
        }
    }
    return total;
}

void printFalseAlarms(const TrendScenario &scenario, int seeds)
{
    const RunResult r = simulateSeeds(scenario, seeds, std::nullopt);
    std::printf("  %s (%s complaints a day, %d stations, %d couriers, %d routes, 6 categories):\n",
                qPrintable(scenario.name), qPrintable(thousands(qint64(scenario.perDay))), scenario.stations,
                scenario.stations * scenario.couriersPerStation, scenario.routes);
    int all = 0;
    for (std::size_t d = 0; d < 4; ++d) {
        const double seriesWeeks = double(r.series[d]) * kMeasuredWeeks;
        all += r.falseAlarms[d];
        std::printf("    %-9s %6.4f false alarms per series-week (%d in %s series-weeks)\n",
                    qPrintable(TrendDetector::dimensions().at(qsizetype(d))), r.falseAlarms[d] / seriesWeeks,
                    r.falseAlarms[d], qPrintable(thousands(qint64(seriesWeeks))));
    }
    std::printf("    city-wide %.2f false alarms a week (%d in %d weeks)\n",
                double(all) / (seeds * kMeasuredWeeks), all, seeds * kMeasuredWeeks);
}

void printDetection(const TrendScenario &scenario, int seeds, const SpikeShape &shape)
{
    const RunResult r = simulateSeeds(scenario, seeds, shape);
    std::printf("  %s, spikes of %.0f× the hour's normal for %d hours (at least +%.0f an hour):\n",
                qPrintable(scenario.name), shape.multiplier, shape.hours, shape.minPerHour);
    for (std::size_t d = 0; d < 4; ++d) {
        std::printf("    %-9s found %3d of %3d (%5.1f%%), delay from the spike's start: median %.2f h, "
                    "p90 %.2f h; median complaints added: %.0f in the found, %.0f in the missed\n",
                    qPrintable(TrendDetector::dimensions().at(qsizetype(d))), r.found[d], r.planted[d],
                    100.0 * r.found[d] / std::max(1, r.planted[d]), percentile(r.delaysHours[d], 0.5),
                    percentile(r.delaysHours[d], 0.9), percentile(r.extraFound[d], 0.5),
                    percentile(r.extraMissed[d], 0.5));
    }
}

/// 90 days of the city centre, then kEvaluations evaluations, each after one more hour of complaints.
void printTiming(int baselineWeeks)
{
    const TrendScenario scenario = TrendScenario::cityCentre();
    ComplaintCity city(scenario, 7);
    const Instant end = start() + 90 * kDayMs;
    const QList<TrendComplaint> all = city.generate(start(), end);
    ProactivePolicy policy = benchPolicy();
    ProactivePolicy::TrendRules rules = policy.trends();
    rules.baselineWeeks = baselineWeeks;
    policy.setTrends(rules);
    TrendDetector detector(policy);
    const Instant timed = end - kEvaluations * kHourMs;
    qsizetype next = 0;
    QElapsedTimer t;
    t.start();
    for (; next < all.size() && all.at(next).createdAt < timed; ++next)
        detector.add(all.at(next));
    const double addUs = double(t.nsecsElapsed()) / 1000.0 / double(next);
    (void)detector.evaluate(timed);
    std::vector<double> ms;
    for (int i = 1; i <= kEvaluations; ++i) {
        const Instant now = timed + i * kHourMs;
        for (; next < all.size() && all.at(next).createdAt < now; ++next)
            detector.add(all.at(next));
        t.restart();
        (void)detector.evaluate(now);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("  baseline_weeks %2d: %s complaints in 90 days, %lld series; add one complaint %.2f µs; "
                "one evaluation median %.2f ms, p99 %.2f ms over %d evaluations   (goal < 200 ms)\n",
                baselineWeeks, qPrintable(thousands(all.size())), qlonglong(detector.seriesCount()), addUs,
                percentile(ms, 0.5), percentile(ms, 0.99), kEvaluations);
}

/// The baseline against the truth: the generator knows every series' real rate. Bias of the expected count
/// and its error variance relative to the Poisson variance (what widens the tail beyond the test's).
void printCalibration()
{
    const TrendScenario scenario = TrendScenario::cityCentre();
    ComplaintCity city(scenario, 1000);
    const Instant end = start() + (kHistoryWeeks + kMeasuredWeeks) * kWeekMs;
    const QList<TrendComplaint> all = city.generate(start(), end);
    TrendDetector detector(benchPolicy());
    qsizetype next = 0;
    std::array<double, 4> error{}, truth{}, squares{}, windows{};
    // Every 1 h 17 min, so that the current hour is caught at every fraction.
    for (Instant now = start() + kHistoryWeeks * kWeekMs; now < end; now += kHourMs + 17 * kMinuteMs) {
        for (; next < all.size() && all.at(next).createdAt < now; ++next)
            detector.add(all.at(next));
        const qint64 current = trendHourOf(now);
        for (const TrendSeriesWindow &sw : detector.windows(now)) {
            const auto d = std::size_t(TrendDetector::dimensions().indexOf(sw.dimension));
            const TrendWindow &w = sw.window;
            double real = 0;
            for (qint64 h = trendHourOf(w.windowStart); h <= current; ++h)
                real += city.ratePerHour(h * kHourMs) * city.share(sw.dimension, sw.key) *
                        (h == current ? double(now - current * kHourMs) / double(kHourMs) : 1.0);
            error[d] += w.expected - real;
            truth[d] += real;
            squares[d] += (w.expected - real) * (w.expected - real) / std::max(real, 1e-9);
            windows[d] += 1;
        }
    }
    std::printf("Baseline against the true rates (city centre, 8 weeks, %s windows):\n",
                qPrintable(thousands(qint64(windows[0] + windows[1] + windows[2] + windows[3]))));
    for (std::size_t d = 0; d < 4; ++d)
        std::printf("  %-9s expected count %+.1f%% off the truth; its error variance %.0f%% of the Poisson "
                    "variance\n",
                    qPrintable(TrendDetector::dimensions().at(qsizetype(d))), 100.0 * error[d] / truth[d],
                    100.0 * squares[d] / windows[d]);
}

} // namespace

int main(int argc, char **argv)
{

    const int seeds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    ProactivePolicy::TrendRules rules = ProactivePolicy::defaults().trends();
    if (argc > 2)
        rules.pValue = std::atof(argv[2]);
    if (argc > 3)
        rules.windowHours = std::max(1, std::atoi(argv[3]));
    benchPolicy().setTrends(rules);
    std::printf("Trend alerts, policy: window_hours %d, baseline_weeks %d, p_value %g, "
                "min_complaints %d, alert_ratio %g; evaluated every %lld minutes\n",
                rules.windowHours, rules.baselineWeeks, rules.pValue, rules.minComplaints, rules.alertRatio,
                qlonglong(kEvery / kMinuteMs));
    std::printf("Evaluation cost, city centre (2,000 complaints a day):\n");
    printTiming(rules.baselineWeeks);
    printTiming(12);
    printCalibration();
    std::printf(
        "False alarms on quiet weeks (nothing planted): %d weeks of history, then %d weeks evaluated, "
        "%d seeds\n",
        kHistoryWeeks, kMeasuredWeeks, seeds);
    printFalseAlarms(TrendScenario::demo(), seeds);
    printFalseAlarms(TrendScenario::cityCentre(), seeds);
    std::printf(
        "Planted spikes: one a day in each dimension, on a random key at a random hour; found = an alert "
        "opened on that key before the spike's end + window_hours + 1 h\n");
    printDetection(TrendScenario::cityCentre(), seeds, {3, 3, 2});
    printDetection(TrendScenario::cityCentre(), seeds, {2, 3, 1});
    printDetection(TrendScenario::demo(), seeds, {3, 3, 2});
    return 0;
}
