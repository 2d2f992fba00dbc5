#include "models/proactive/incidentgrouper.h"
#include "proactivetestutil.h"

#include <QCryptographicHash>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

// Grouping exceptions into incidents: threshold, window, families, dimensions, deterministic ids.
class TestProactiveGrouper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void belowThresholdStaysIndividual();
    void thresholdMakesAnIncident();
    void windowSplits();
    void familiesDoNotMix();
    void sameParcelCountsOnce();
    void routeGrouping();
    void deterministicIds();
    void continuesThePreviousWindow();
    void forgetBefore();
    void fromDetector();
    void summaryFollowsReplacedAndMovedExceptions();
};

namespace {

constexpr qint64 kWindow = 120 * kMinute;

DetectedException exception(const QString &waybill, ExceptionKind kind, Instant causeAt,
                            const QString &station = u"st-sh-01"_s, const QString &route = {},
                            OptInstant eta = std::nullopt)
{
    DetectedException e;
    e.waybillNo = waybill;
    e.kind = kind;
    e.causeAt = causeAt;
    e.detectedAt = causeAt + kMinute;
    e.cause.stationId = station;
    e.cause.route = route;
    e.cause.windowStart = causeAt - (causeAt % kWindow);
    e.evidence.eta = eta;
    e.action = recommendedAction(kind);
    return e;
}

QList<DetectedException> stalls(int n, Instant from, const QString &station = u"st-sh-01"_s)
{
    QList<DetectedException> out;
    for (int i = 0; i < n; ++i)
        out.append(exception(u"SF%1"_s.arg(i, 3, 10, QLatin1Char('0')), ExceptionKind::Stalled,
                             from + i * kMinute, station, {}, from + (10 + i) * kHour));
    return out;
}

} // namespace

void TestProactiveGrouper::belowThresholdStaysIndividual()
{
    IncidentGrouper g;
    for (const DetectedException &e : stalls(4, t0()))
        QVERIFY(g.add(e).incidentId.isEmpty());
    QVERIFY(g.incidents().isEmpty());
    const QList<DetectedException> cases = g.individualCases();
    QCOMPARE(cases.size(), 4);
    QCOMPARE(cases.first().waybillNo, u"SF000"_s);
    QCOMPARE(cases.last().waybillNo, u"SF003"_s);
    QVERIFY(g.incidentOf(u"SF000"_s).isEmpty());
}

void TestProactiveGrouper::thresholdMakesAnIncident()
{
    IncidentGrouper g;
    const QList<DetectedException> list = stalls(6, t0());
    for (qsizetype i = 0; i < 4; ++i)
        g.add(list.at(i));
    const GroupingUpdate fifth = g.add(list.at(4));
    QVERIFY(fifth.created);
    const QString id = IncidentGrouper::incidentId(u"station"_s, u"st-sh-01"_s, u"delay"_s, t0());
    QCOMPARE(fifth.incidentId, id);
    const GroupingUpdate sixth = g.add(list.at(5));
    QCOMPARE(sixth.incidentId, id);
    QVERIFY(!sixth.created);

    const QList<Incident> incidents = g.incidents();
    QCOMPARE(incidents.size(), 1);
    const Incident &inc = incidents.first();
    QCOMPARE(inc.id, id);
    QCOMPARE(inc.causeCode, u"station_delay"_s);
    QCOMPARE(inc.dimension, u"station"_s);
    QCOMPARE(inc.key, u"st-sh-01"_s);
    QCOMPARE(inc.windowStart, t0());
    QCOMPARE(inc.windowEnd, t0() + kWindow);
    QCOMPARE(inc.waybills,
             (QStringList{u"SF000"_s, u"SF001"_s, u"SF002"_s, u"SF003"_s, u"SF004"_s, u"SF005"_s}));
    QCOMPARE(inc.kinds.value(u"stalled"_s), 6);
    QCOMPARE(inc.firstDetectedAt, t0() + kMinute);
    QCOMPARE(inc.lastDetectedAt, t0() + 6 * kMinute);
    QCOMPARE(inc.expectedRecoveryAt, t0() + 15 * kHour); // the latest ETA
    QVERIFY(inc.continuesId.isEmpty());
    QVERIFY(g.individualCases().isEmpty());
    QCOMPARE(g.incidentOf(u"SF003"_s), id);
    QCOMPARE(g.incident(id)->waybills.size(), 6);
    QVERIFY(!g.incident(u"inc-0000000000000000"_s));

    // A higher threshold leaves the same six as individual cases.
    ProactivePolicy strict = ProactivePolicy::defaults();
    strict.setIncidents({7, 120, {u"station"_s, u"route"_s}});
    QVERIFY(IncidentGrouper::group(strict, list).isEmpty());
}

void TestProactiveGrouper::windowSplits()
{
    IncidentGrouper g;
    // Three before t0 + 2:00 and three after: two windows of three, no incident.
    for (const DetectedException &e : stalls(3, t0() + kWindow - 10 * kMinute))
        g.add(e);
    QList<DetectedException> later = stalls(6, t0() + kWindow);
    for (qsizetype i = 3; i < 6; ++i)
        g.add(later.at(i));
    QVERIFY(g.incidents().isEmpty());
    QCOMPARE(g.individualCases().size(), 6);
    // A longer window holds them all.
    ProactivePolicy wide = ProactivePolicy::defaults();
    wide.setIncidents({5, 240, {u"station"_s}});
    QList<DetectedException> all = g.individualCases();
    for (DetectedException &e : all)
        e.cause.windowStart = e.causeAt - (e.causeAt % (240 * kMinute));
    const QList<Incident> incidents = IncidentGrouper::group(wide, all);
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents.first().waybills.size(), 6);
    QCOMPARE(incidents.first().windowEnd - incidents.first().windowStart, 240 * kMinute);
}

void TestProactiveGrouper::familiesDoNotMix()
{
    IncidentGrouper g;
    QList<DetectedException> list = stalls(3, t0());
    list.append(exception(u"SF100"_s, ExceptionKind::DamageScan, t0()));
    list.append(exception(u"SF101"_s, ExceptionKind::DamageScan, t0()));
    for (const DetectedException &e : list)
        g.add(e);
    QVERIFY(g.incidents().isEmpty());
    // Late and stalled parcels are the same family (delay).
    g.add(exception(u"SF200"_s, ExceptionKind::WillMissPromise, t0()));
    g.add(exception(u"SF201"_s, ExceptionKind::WillMissPromise, t0()));
    const QList<Incident> incidents = g.incidents();
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents.first().family, u"delay"_s);
    QCOMPARE(incidents.first().kinds.value(u"will_miss_promise"_s), 2);
    QCOMPARE(incidents.first().kinds.value(u"stalled"_s), 3);
    QCOMPARE(g.individualCases().size(), 2);
    QCOMPARE(g.individualCases().first().kind, ExceptionKind::DamageScan);
    QCOMPARE(causeFamily(ExceptionKind::LossScan), u"loss"_s);
    QCOMPARE(causeFamily(ExceptionKind::FailedDelivery), u"delivery"_s);
    QCOMPARE(causeFamily(ExceptionKind::Returned), u"delivery"_s);
}

void TestProactiveGrouper::sameParcelCountsOnce()
{
    IncidentGrouper g;
    QList<DetectedException> list = stalls(4, t0());
    // The fifth is one of the four again, late as well as stalled: still four parcels.
    list.append(exception(u"SF000"_s, ExceptionKind::WillMissPromise, t0() + 30 * kMinute));
    list.append(exception(u"SF001"_s, ExceptionKind::Stalled, t0() + 40 * kMinute));
    for (const DetectedException &e : list)
        QVERIFY(g.add(e).incidentId.isEmpty());
    QVERIFY(g.incidents().isEmpty());
    QCOMPARE(g.individualCases().size(), 5);
}

void TestProactiveGrouper::routeGrouping()
{
    // Five parcels for five stations, all stuck at one hub: an incident by route only.
    QList<DetectedException> list;
    for (int i = 0; i < 5; ++i)
        list.append(exception(u"SF%1"_s.arg(i), ExceptionKind::Stalled, t0() + i * kMinute, u"st-%1"_s.arg(i),
                              u"苏州转运中心"_s));
    const QList<Incident> byRoute = IncidentGrouper::group(ProactivePolicy::defaults(), list);
    QCOMPARE(byRoute.size(), 1);
    QCOMPARE(byRoute.first().causeCode, u"route_delay"_s);
    QCOMPARE(byRoute.first().key, u"苏州转运中心"_s);
    QCOMPARE(byRoute.first().id,
             IncidentGrouper::incidentId(u"route"_s, u"苏州转运中心"_s, u"delay"_s, t0()));
    ProactivePolicy stationOnly = ProactivePolicy::defaults();
    stationOnly.setIncidents({5, 120, {u"station"_s}});
    QVERIFY(IncidentGrouper::group(stationOnly, list).isEmpty());

    // Both dimensions qualify: the parcel's incident is the first of group_by.
    QList<DetectedException> both;
    for (int i = 0; i < 5; ++i)
        both.append(exception(u"SF%1"_s.arg(i), ExceptionKind::Stalled, t0(), u"st-1"_s, u"苏州转运中心"_s));
    IncidentGrouper g;
    for (const DetectedException &e : both)
        g.add(e);
    QCOMPARE(g.incidents().size(), 2);
    QCOMPARE(g.incidentOf(u"SF0"_s), IncidentGrouper::incidentId(u"station"_s, u"st-1"_s, u"delay"_s, t0()));
    ProactivePolicy routeFirst = ProactivePolicy::defaults();
    routeFirst.setIncidents({5, 120, {u"route"_s, u"station"_s}});
    IncidentGrouper r(routeFirst);
    for (const DetectedException &e : both)
        r.add(e);
    QCOMPARE(r.incidentOf(u"SF0"_s),
             IncidentGrouper::incidentId(u"route"_s, u"苏州转运中心"_s, u"delay"_s, t0()));
}

void TestProactiveGrouper::deterministicIds()
{
    const QString id = IncidentGrouper::incidentId(u"station"_s, u"st-sh-01"_s, u"delay"_s, t0());
    QVERIFY(id.startsWith(u"inc-"_s));
    QCOMPARE(id.size(), 20);
    const QByteArray cause = "station\nst-sh-01\ndelay\n" + QByteArray::number(t0());
    QCOMPARE(id,
             u"inc-"_s + QString::fromLatin1(
                             QCryptographicHash::hash(cause, QCryptographicHash::Sha256).left(8).toHex()));
    QVERIFY(id != IncidentGrouper::incidentId(u"station"_s, u"st-sh-01"_s, u"delay"_s, t0() + kWindow));
    QVERIFY(id != IncidentGrouper::incidentId(u"station"_s, u"st-sh-02"_s, u"delay"_s, t0()));
    QVERIFY(id != IncidentGrouper::incidentId(u"route"_s, u"st-sh-01"_s, u"delay"_s, t0()));
    QVERIFY(id != IncidentGrouper::incidentId(u"station"_s, u"st-sh-01"_s, u"loss"_s, t0()));

    // Two instances, the same exceptions in opposite orders: the same incidents.
    QList<DetectedException> list = stalls(7, t0());
    QList<DetectedException> beijing = stalls(5, t0(), u"st-bj-02"_s);
    for (DetectedException &e : beijing)
        e.waybillNo.prepend(u"BJ"_s);
    list += beijing;
    const QList<Incident> a = IncidentGrouper::group(ProactivePolicy::defaults(), list);
    std::reverse(list.begin(), list.end());
    const QList<Incident> b = IncidentGrouper::group(ProactivePolicy::defaults(), list);
    QCOMPARE(a.size(), 2);
    QVERIFY(a == b);
}

void TestProactiveGrouper::continuesThePreviousWindow()
{
    IncidentGrouper g;
    for (const DetectedException &e : stalls(5, t0()))
        g.add(e);
    for (const DetectedException &e : stalls(5, t0() + kWindow))
        g.add(e);
    const QList<Incident> incidents = g.incidents();
    QCOMPARE(incidents.size(), 2);
    QVERIFY(incidents.at(0).continuesId.isEmpty());
    QCOMPARE(incidents.at(1).continuesId, incidents.at(0).id);
    // The same waybills in both windows: the latest incident is theirs.
    QCOMPARE(g.incidentOf(u"SF000"_s), incidents.at(1).id);
}

void TestProactiveGrouper::forgetBefore()
{
    IncidentGrouper g;
    for (const DetectedException &e : stalls(5, t0()))
        g.add(e);
    g.add(exception(u"SF900"_s, ExceptionKind::LossScan, t0() + 3 * kHour));
    g.forgetBefore(t0() + kWindow);
    QVERIFY(g.incidents().isEmpty());
    QVERIFY(g.incidentOf(u"SF000"_s).isEmpty());
    QCOMPARE(g.individualCases().size(), 1);
    QCOMPARE(g.individualCases().first().waybillNo, u"SF900"_s);
}

void TestProactiveGrouper::fromDetector()
{
    // A hub short of trucks: five parcels for one station stop after the same in-transit scan.
    ExceptionDetector d;
    IncidentGrouper g;
    for (int i = 0; i < 5; ++i) {
        const QString wb = u"SF%1"_s.arg(i);
        d.track(parcel(wb, u"st-sh-01"_s), t0());
        d.onEvent(scan(wb + u"-1"_s, wb, ParcelStatus::InTransit, t0() + i * 10 * kMinute, u"上海转运中心"_s),
                  t0());
    }
    QList<GroupingUpdate> updates;
    for (const DetectedException &e : d.checkStalls(t0() + 26 * kHour))
        updates.append(g.add(e));
    QCOMPARE(updates.size(), 5);
    QVERIFY(updates.at(3).incidentId.isEmpty());
    QVERIFY(updates.at(4).created);
    const Incident inc = *g.incident(updates.at(4).incidentId);
    QCOMPARE(inc.causeCode, u"station_delay"_s);
    QCOMPARE(inc.windowStart, t0() + 24 * kHour);
    QCOMPARE(inc.waybills.size(), 5);
    // Stalled since t0 + 24:00 … 24:40; ETAs: 26:00 + half of 1905 min each.
    QCOMPARE(*inc.expectedRecoveryAt, t0() + 26 * kHour + qint64(952.5 * kMinute));
}

// An incident's kinds, detection times and recovery are kept as exceptions are added and counted again after
// one is replaced (the same parcel, kind and window detected again) or moves to another station: the same as
// a grouper given only the final exceptions. The summary without parcels is the same incident without them.
void TestProactiveGrouper::summaryFollowsReplacedAndMovedExceptions()
{
    IncidentGrouper g;
    QList<DetectedException> list = stalls(6, t0());
    for (const DetectedException &e : std::as_const(list))
        g.add(e);
    const QString id = g.incidents().value(0).id;
    QVERIFY(!id.isEmpty());
    // Detected again later with a later ETA and detection time: replaces the first.
    DetectedException again = list.at(2);
    again.detectedAt += 3 * kHour;
    again.evidence.eta = t0() + 40 * kHour;
    g.add(again);
    list[2] = again;
    // Another kind of the same family for a parcel already counted.
    const DetectedException promise = exception(u"SF004"_s, ExceptionKind::WillMissPromise,
                                                t0() + 5 * kMinute, u"st-sh-01"_s, {}, t0() + 12 * kHour);
    g.add(promise);
    list.append(promise);
    // One parcel's stall moves to another station: it leaves this incident.
    DetectedException moved = list.at(5);
    moved.cause.stationId = u"st-sh-02"_s;
    g.add(moved);
    list[5] = moved;

    const std::optional<Incident> kept = g.incident(id);
    const std::optional<Incident> fresh = IncidentGrouper::group(ProactivePolicy::defaults(), list).value(0);
    QVERIFY(kept && fresh);
    QCOMPARE(kept->id, fresh->id);
    QCOMPARE(kept->kinds, (QMap<QString, int>{{u"stalled"_s, 5}, {u"will_miss_promise"_s, 1}}));
    QCOMPARE(kept->kinds, fresh->kinds);
    QCOMPARE(kept->waybills.size(), 5);
    QCOMPARE(kept->lastDetectedAt, again.detectedAt);
    QCOMPARE(kept->expectedRecoveryAt, OptInstant(t0() + 40 * kHour));
    QCOMPARE(*kept, *fresh);

    const std::optional<Incident> summary = g.incidentSummary(id);
    QVERIFY(summary);
    QVERIFY(summary->waybills.isEmpty());
    Incident withParcels = *summary;
    withParcels.waybills = kept->waybills;
    QCOMPARE(withParcels, *kept);
    QVERIFY(!g.incidentSummary(u"inc-none"_s));
}

QTEST_GUILESS_MAIN(TestProactiveGrouper)
#include "tst_proactive_grouper.moc"
