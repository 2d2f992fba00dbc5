// Exception detection and incident grouping (docs/proactive.md, "Figures") at 1,000,000 parcels in flight:
// the CPU cost of one tracking event (ExceptionDetector::onEvent + IncidentGrouper::add of what it finds),
// of the once-a-second checkStalls(), the throughput against 2,000 events a second, and the memory held.
// Run: `cmake --build . --target bench_detection_run`, or `bench_detection [parcels] [seconds]`.

#include "bench/common/stats.h"
#include "models/proactive/exceptiondetector.h"
#include "models/proactive/incidentgrouper.h"

#include <QFile>
#include <QMap>
#include <QSet>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace pd;

namespace {

using Clock = std::chrono::steady_clock;

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr int kStations = 20;
constexpr int kRate = 2000;           // events a second, the goal
constexpr int kStalledAtHub = 200;    // parcels whose last scan was at the stalled hub
constexpr int kBackgroundStalls = 40; // other parcels whose stall comes due during the stream
const char *const kHubs[] = {"上海转运中心", "北京转运中心", "广州转运中心", "深圳转运中心", "义乌转运中心",
                             "苏州转运中心", "成都转运中心", "南京转运中心", "宁波转运中心"};
const char *const kStalledHub = "武汉转运中心";

double residentMiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double micros(Clock::duration d)
{
    return std::chrono::duration<double, std::micro>(d).count();
}

/// The parcels as the bench knows them: where each one is, to send its next scan.
struct Fleet
{
    QStringList waybills;
    QStringList stations;
    QStringList hubs;
    QString cityHub = u"杭州转运中心"_s;
    std::vector<quint8> status;   // ParcelStatus
    std::vector<quint8> transits; // in_transit scans so far
    std::vector<quint8> station;
    std::vector<int> scans;
};

/// A parcel's current scan before the stream: its status, and when (recent enough not to stall yet).
TrackingEvent initialScan(Fleet &f, int i, Instant t0, std::mt19937 &rng)
{
    std::uniform_real_distribution<> u(0, 1);
    TrackingEvent e;
    e.id = u"e%1-0"_s.arg(i);
    e.waybillNo = f.waybills.at(i);
    const double r = u(rng);
    const auto status = r < 0.15   ? ParcelStatus::PickedUp
                        : r < 0.60 ? ParcelStatus::InTransit
                        : r < 0.80 ? ParcelStatus::AtStation
                                   : ParcelStatus::OutForDelivery;
    f.status[std::size_t(i)] = quint8(status);
    f.transits[std::size_t(i)] = status == ParcelStatus::InTransit ? quint8(1 + (u(rng) < 0.5)) : 0;
    e.status = status;
    e.place = status == ParcelStatus::InTransit
                  ? (f.transits[std::size_t(i)] == 2 ? f.cityHub : f.hubs.at(i % f.hubs.size()))
                  : f.stations.at(f.station[std::size_t(i)]);
    // Scanned within the last 5 hours: under every stall limit (6 h for out_for_delivery at the least).
    e.at = t0 - qint64(u(rng) * 5 * kHour) - kMinute;
    if (i < kStalledAtHub) { // the stalled hub: their 24-hour in_transit limit falls in the stream
        e.status = ParcelStatus::InTransit;
        f.status[std::size_t(i)] = quint8(ParcelStatus::InTransit);
        f.transits[std::size_t(i)] = 1;
        e.place = QString::fromUtf8(kStalledHub);
        e.at = t0 - 24 * kHour + qint64(u(rng) * 50 * 1000);
    } else if (i < kStalledAtHub + kBackgroundStalls) { // a few others stall at random during the stream
        e.status = ParcelStatus::AtStation;
        f.status[std::size_t(i)] = quint8(ParcelStatus::AtStation);
        e.place = f.stations.at(f.station[std::size_t(i)]);
        e.at = t0 - 12 * kHour + qint64(u(rng) * 50 * 1000);
    }
    return e;
}

struct Counts
{
    QMap<QString, int> kinds;
    qint64 detections = 0;
    void add(const QList<DetectedException> &list, IncidentGrouper &grouper)
    {
        for (const DetectedException &d : list) {
            ++kinds[exceptionKindCode(d.kind)];
            ++detections;
            (void)grouper.add(d);
        }
    }
};

/// A promise that the parcel will keep: the detector's ETA for it plus 1–24 hours; one in a hundred already
/// broken (the ETA is 2–10 hours past it), as a carrier's feed has them.
Instant promiseFor(const ExceptionDetector &detector, const QString &waybill, Instant now, std::mt19937 &rng)
{
    std::uniform_real_distribution<> u(0, 1);
    const EtaEstimate eta = detector.etaModel().estimate(*detector.etaInput(waybill), now);
    const double hours = u(rng) < 0.01 ? -(2 + 8 * u(rng)) : 1 + 23 * u(rng);
    return eta.at + qint64(hours * double(kHour));
}

/// The next scan of parcel @p i at @p at: one step along its way, sometimes an exception scan.
TrackingEvent nextScan(Fleet &f, int i, Instant at, std::mt19937 &rng)
{
    std::uniform_real_distribution<> u(0, 1);
    const auto k = std::size_t(i);
    auto s = ParcelStatus(f.status[k]);
    TrackingEvent e;
    e.id = u"e%1-%2"_s.arg(i).arg(++f.scans[k]);
    e.waybillNo = f.waybills.at(i);
    e.at = at;
    const double r = u(rng);
    if (r < 0.002 && s == ParcelStatus::AtStation) {
        e.status = ParcelStatus::Exception;
        e.reason = u"damaged"_s;
    } else if (r < 0.01 && s == ParcelStatus::OutForDelivery) {
        e.status = ParcelStatus::Exception;
        e.reason = u"address"_s;
    } else {
        s = s == ParcelStatus::PickedUp                                    ? ParcelStatus::InTransit
            : s == ParcelStatus::InTransit && f.transits[k] < 2            ? ParcelStatus::InTransit
            : s == ParcelStatus::InTransit                                 ? ParcelStatus::AtStation
            : s == ParcelStatus::AtStation || s == ParcelStatus::Exception ? ParcelStatus::OutForDelivery
                                                                           : ParcelStatus::Delivered;
        if (s == ParcelStatus::InTransit)
            ++f.transits[k];
        e.status = s;
    }
    f.status[k] = quint8(e.status);
    e.place = e.status == ParcelStatus::InTransit
                  ? (f.transits[k] >= 2 ? f.cityHub : f.hubs.at(i % f.hubs.size()))
                  : f.stations.at(f.station[k]);
    return e;
}

/// The detector, the grouper, and what one run measured.
struct Run
{
    Instant t0 = 0;
    ExceptionDetector detector;
    IncidentGrouper grouper;
    Counts setup;
    Counts stream;
    QSet<QString> setupIncidents;
    double setupS = 0;
    double rssBefore = 0;
    double rssTracked = 0;
    std::vector<double> perEvent; ///< µs
    std::vector<double> perCheck; ///< ms
    double cpuS = 0;
};

Fleet makeFleet(int parcels)
{
    Fleet f;
    for (int s = 0; s < kStations; ++s)
        f.stations.append(u"st-%1"_s.arg(s + 1, 2, 10, QLatin1Char('0')));
    for (const char *h : kHubs)
        f.hubs.append(QString::fromUtf8(h));
    f.status.resize(std::size_t(parcels));
    f.transits.resize(std::size_t(parcels));
    f.station.resize(std::size_t(parcels));
    f.scans.resize(std::size_t(parcels));
    return f;
}

/// Tracks every parcel with its delivery station, its current scan and a promise.
void setUp(Run &run, Fleet &f, int parcels, std::mt19937 &rng)
{
    const Instant setupAt = run.t0 - 1000; // what setup finds is told apart by its detection instant
    run.rssBefore = residentMiB();
    const auto started = Clock::now();
    for (int i = 0; i < parcels; ++i) {
        f.waybills.append(u"SF%1"_s.arg(1400000000000LL + i));
        f.station[std::size_t(i)] = quint8(i % kStations);
        Parcel p;
        p.waybillNo = f.waybills.last();
        p.stationId = f.stations.at(i % kStations);
        run.setup.add(run.detector.track(p, setupAt), run.grouper);
        run.setup.add(run.detector.onEvent(initialScan(f, i, run.t0, rng), setupAt), run.grouper);
        p.promisedAt = promiseFor(run.detector, p.waybillNo, setupAt, rng);
        run.setup.add(run.detector.track(p, setupAt), run.grouper);
    }
    run.setupS = std::chrono::duration<double>(Clock::now() - started).count();
    run.rssTracked = residentMiB();
    for (const Incident &i : run.grouper.incidents())
        run.setupIncidents.insert(i.id);
}

/// kRate events a second of simulated time, checkStalls() once a simulated second, each timed.
void replay(Run &run, Fleet &f, int parcels, int seconds, std::mt19937 &rng)
{
    run.perEvent.reserve(std::size_t(kRate) * std::size_t(seconds));
    Clock::duration total{};
    std::uniform_int_distribution<int> anyParcel(kStalledAtHub + kBackgroundStalls, parcels - 1);
    for (int sec = 0; sec < seconds; ++sec) {
        for (int n = 0; n < kRate; ++n) {
            const Instant at = run.t0 + sec * 1000 + n * 1000 / kRate;
            const TrackingEvent e = nextScan(f, anyParcel(rng), at, rng);
            const auto a = Clock::now();
            run.stream.add(run.detector.onEvent(e, at), run.grouper);
            const auto d = Clock::now() - a;
            total += d;
            run.perEvent.push_back(micros(d));
        }
        const auto a = Clock::now();
        run.stream.add(run.detector.checkStalls(run.t0 + (sec + 1) * 1000), run.grouper);
        const auto d = Clock::now() - a;
        total += d;
        run.perCheck.push_back(micros(d) / 1000.0);
    }
    run.cpuS = std::chrono::duration<double>(total).count();
}

QString joined(const QMap<QString, int> &counts)
{
    QStringList out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    return out.join(u", ");
}

/// The incidents the stream formed (in any group_by dimension), and the stalled hub's.
void printIncidents(const Run &run)
{
    QMap<QString, int> causes;
    QString hub = u"no incident"_s;
    int formed = 0;
    for (const Incident &i : run.grouper.incidents()) {
        if (run.setupIncidents.contains(i.id))
            continue;
        ++formed;
        ++causes[i.causeCode];
        if (i.key == QString::fromUtf8(kStalledHub))
            hub = u"%1 (%2) with %3 parcels"_s.arg(i.id, i.causeCode).arg(i.waybills.size());
    }
    std::printf("  the stream formed %d incidents (%s); the stalled hub %s: %s\n", formed,
                qPrintable(joined(causes)), kStalledHub, qPrintable(hub));
}

void print(const Run &run, int parcels, int seconds)
{
    std::printf("Exception detection + incident grouping, %d parcels in flight over %d stations\n", parcels,
                kStations);
    std::printf("  setup: track() and one scan of each parcel in %.1f s; %lld detections and %lld incidents "
                "before the stream (promises already broken)\n",
                run.setupS, qlonglong(run.setup.detections), qlonglong(run.setupIncidents.size()));
    std::printf(
        "  resident memory: %.0f MiB before, %.0f MiB with %d parcels tracked (%.0f bytes a parcel)\n",
        run.rssBefore, run.rssTracked, parcels, (run.rssTracked - run.rssBefore) * 1024 * 1024 / parcels);
    std::printf("  stream: %zu events (%d a second for %d simulated seconds), checkStalls() once a second\n",
                run.perEvent.size(), kRate, seconds);
    std::printf("  per event: p50 %.2f µs, p99 %.2f µs, max %.1f µs\n", bench::percentile(run.perEvent, 0.5),
                bench::percentile(run.perEvent, 0.99), bench::percentile(run.perEvent, 1.0));
    std::printf("  checkStalls(): p50 %.3f ms, p99 %.3f ms\n", bench::percentile(run.perCheck, 0.5),
                bench::percentile(run.perCheck, 0.99));
    const double throughput = double(run.perEvent.size()) / run.cpuS;
    std::printf("  detection keeps up with 2,000 events/s: %.0f events/s measured (x%.0f)\n", throughput,
                throughput / kRate);
    std::printf("  the stream found %lld exceptions (%s)\n", qlonglong(run.stream.detections),
                qPrintable(joined(run.stream.kinds)));
    printIncidents(run);
    std::printf("  resident memory after the stream: %.0f MiB\n", residentMiB());
}

} // namespace

int main(int argc, char **argv)
{
    const int parcels = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 1'000'000;
    const int seconds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 60;
    std::mt19937 rng(20261123);
    Fleet f = makeFleet(parcels);
    Run run;
    run.t0 = *instantFromIso(u"2026-11-23T10:10:00+08:00");
    setUp(run, f, parcels, rng);
    replay(run, f, parcels, seconds, rng);
    print(run, parcels, seconds);
    return 0;
}
