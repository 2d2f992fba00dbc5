#include "models/proactive/exceptiondetector.h"
#include "proactivetestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

// Every detection rule with a case that fires and one that does not, incremental feeding, dedupe and the
// cause key.
class TestProactiveDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codes();
    void stalledAfterThreshold();
    void stalledAgainAfterANewScan();
    void unwatchedStatusNeverStalls();
    void willMissPromiseOnScan();
    void willMissPromiseLaterWithoutScan();
    void promiseKeptIsNotReported();
    void newPromiseIsReportedAgain();
    void damageAndLossScans();
    void exceptionScanReasons();
    void failedDeliveryThreshold();
    void secondDeliveryRunIsAFailedAttempt();
    void returned();
    void repeatedEventIsIgnored();
    void olderEventDoesNotMoveTheLastScan();
    void causeKeyAndWindow();
    void feedsStationDwell();
    void checkOneParcel();
    void batchChecksOnlyTheNewestScan();
    void sameEventsSameDetections();
};

namespace {

const QString kStation = u"st-sh-01"_s;

QList<ExceptionKind> kinds(const QList<DetectedException> &list)
{
    QList<ExceptionKind> out;
    for (const DetectedException &d : list)
        out.append(d.kind);
    return out;
}

ProactivePolicy policyWith(int failedAttempts = 1, const QStringList &exceptionReasons = {})
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setFailedAttemptsForCase(failedAttempts);
    ProactivePolicy::ScanReasons r = p.scanReasons();
    r.exception = exceptionReasons;
    p.setScanReasons(r);
    return p;
}

} // namespace

void TestProactiveDetector::codes()
{
    QCOMPARE(allExceptionKindCodes(),
             (QStringList{u"stalled"_s, u"will_miss_promise"_s, u"damage_scan"_s, u"loss_scan"_s,
                          u"exception_scan"_s, u"returned"_s, u"failed_delivery"_s}));
    for (const QString &c : allExceptionKindCodes())
        QCOMPARE(exceptionKindCode(*exceptionKindFromCode(c)), c);
    QVERIFY(!exceptionKindFromCode(u"Stalled"));
    QCOMPARE(recommendedAction(ExceptionKind::Stalled), u"trace_parcel"_s);
    QCOMPARE(recommendedAction(ExceptionKind::WillMissPromise), u"notify_delay"_s);
    QCOMPARE(recommendedAction(ExceptionKind::LossScan), u"open_loss_claim"_s);
    QCOMPARE(recommendedAction(ExceptionKind::FailedDelivery), u"arrange_redelivery"_s);
}

void TestProactiveDetector::stalledAfterThreshold()
{
    ExceptionDetector d;
    d.track(parcel(u"SF1"_s, kStation), t0());
    QVERIFY(
        d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::InTransit, t0(), u"苏州转运中心"_s), t0()).isEmpty());
    QCOMPARE(d.nextDueAt(), t0() + 24 * kHour);
    QVERIFY(d.checkStalls(t0() + 24 * kHour - 1).isEmpty());

    const QList<DetectedException> found = d.checkStalls(t0() + 25 * kHour);
    QCOMPARE(found.size(), 1);
    const DetectedException &x = found.first();
    QCOMPARE(x.waybillNo, u"SF1"_s);
    QCOMPARE(x.kind, ExceptionKind::Stalled);
    QCOMPARE(x.causeAt, t0() + 24 * kHour); // when it crossed the threshold, not when we looked
    QCOMPARE(x.detectedAt, t0() + 25 * kHour);
    QCOMPARE(x.evidence.hoursStalled, 25.0);
    QCOMPARE(x.evidence.lastScanAt, t0());
    QCOMPARE(x.evidence.lastStatus, ParcelStatus::InTransit);
    QCOMPARE(x.evidence.lastPlace, u"苏州转运中心"_s);
    QCOMPARE(x.action, u"trace_parcel"_s);
    // ETA of the origin sort (1905 min) stretched: 25 h after the scan it is now + half of it.
    QCOMPARE(*x.evidence.eta, t0() + 25 * kHour + qint64(952.5 * kMinute));
    // Reported once.
    QVERIFY(d.checkStalls(t0() + 40 * kHour).isEmpty());
    QVERIFY(d.checkParcel(u"SF1"_s, t0() + 40 * kHour).isEmpty());
    QVERIFY(!d.nextDueAt());
}

void TestProactiveDetector::stalledAgainAfterANewScan()
{
    ExceptionDetector d;
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::PickedUp, t0()), t0());
    QCOMPARE(kinds(d.checkStalls(t0() + 12 * kHour)), QList<ExceptionKind>{ExceptionKind::Stalled});
    // It moves: a new scan, a new stall clock (out_for_delivery: 6 h).
    d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0() + 13 * kHour), t0() + 13 * kHour);
    QVERIFY(d.checkStalls(t0() + 19 * kHour - 1).isEmpty());
    const QList<DetectedException> again = d.checkStalls(t0() + 19 * kHour);
    QCOMPARE(kinds(again), QList<ExceptionKind>{ExceptionKind::Stalled});
    QCOMPARE(again.first().evidence.lastStatus, ParcelStatus::OutForDelivery);
    QCOMPARE(again.first().causeAt, t0() + 19 * kHour);
}

void TestProactiveDetector::unwatchedStatusNeverStalls()
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setStallHours(ParcelStatus::InTransit, std::nullopt);
    ExceptionDetector d(p);
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::InTransit, t0()), t0());
    d.onEvent(scan(u"e2"_s, u"SF2"_s, ParcelStatus::Delivered, t0()), t0());
    QVERIFY(d.checkStalls(t0() + 1000 * kHour).isEmpty());
    QVERIFY(d.checkParcel(u"SF1"_s, t0() + 1000 * kHour).isEmpty());
    QVERIFY(d.checkParcel(u"SF2"_s, t0() + 1000 * kHour).isEmpty());
}

void TestProactiveDetector::willMissPromiseOnScan()
{
    ExceptionDetector d;
    // Out for delivery at t0: ETA t0 + 2:45; promised t0 + 1:00 → 105 min late, margin 60.
    d.track(parcel(u"SF1"_s, kStation, t0() + kHour), t0());
    const QList<DetectedException> found =
        d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0() + kMinute);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::WillMissPromise});
    QCOMPARE(found.first().causeAt, t0());
    QCOMPARE(found.first().detectedAt, t0() + kMinute);
    QCOMPARE(*found.first().evidence.eta, t0() + 165 * kMinute);
    QCOMPARE(*found.first().evidence.promisedAt, t0() + kHour);
    QCOMPARE(found.first().action, u"notify_delay"_s);
    // The next scan does not report it again for the same promise.
    const QList<DetectedException> next =
        d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0() + kMinute), t0() + 2 * kMinute);
    QVERIFY(!kinds(next).contains(ExceptionKind::WillMissPromise));
}

void TestProactiveDetector::willMissPromiseLaterWithoutScan()
{
    ExceptionDetector d;
    // Promised t0 + 3:00: on time at the scan; without another scan the ETA passes t0 + 4:00 after 2:37:30.
    d.track(parcel(u"SF1"_s, kStation, t0() + 3 * kHour), t0());
    QVERIFY(d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0()).isEmpty());
    const Instant due = t0() + 157 * kMinute + 30 * 1000 + 1;
    QCOMPARE(d.nextDueAt(), due);
    QVERIFY(d.checkStalls(due - 1).isEmpty());
    const QList<DetectedException> found = d.checkStalls(due + kMinute);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::WillMissPromise});
    QCOMPARE(found.first().causeAt, due);
    // The stall (6 h) is still to come, and reported separately.
    QCOMPARE(kinds(d.checkStalls(t0() + 6 * kHour)), QList<ExceptionKind>{ExceptionKind::Stalled});
}

void TestProactiveDetector::promiseKeptIsNotReported()
{
    ExceptionDetector d;
    d.track(parcel(u"SF1"_s, kStation, t0() + 3 * kHour), t0());
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0());
    // Delivered before the promise check: nothing, and the pending checks go stale.
    QVERIFY(
        d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::Delivered, t0() + kHour), t0() + kHour).isEmpty());
    QVERIFY(d.checkStalls(t0() + 100 * kHour).isEmpty());
    // A parcel without a promise is never late.
    ExceptionDetector noPromise;
    noPromise.onEvent(scan(u"e1"_s, u"SF2"_s, ParcelStatus::OutForDelivery, t0()), t0());
    QCOMPARE(kinds(noPromise.checkStalls(t0() + 5 * kHour)), QList<ExceptionKind>{});
}

void TestProactiveDetector::newPromiseIsReportedAgain()
{
    ExceptionDetector d;
    d.track(parcel(u"SF1"_s, kStation, t0() + kHour), t0());
    QCOMPARE(d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0()).size(), 1);
    // The same promise again: nothing. A new, still missed promise: reported again.
    QVERIFY(d.track(parcel(u"SF1"_s, kStation, t0() + kHour), t0()).isEmpty());
    const QList<DetectedException> again = d.track(parcel(u"SF1"_s, kStation, t0() + 90 * kMinute), t0());
    QCOMPARE(kinds(again), QList<ExceptionKind>{ExceptionKind::WillMissPromise});
    QCOMPARE(*again.first().evidence.promisedAt, t0() + 90 * kMinute);
    // A generous new promise: nothing.
    QVERIFY(d.track(parcel(u"SF1"_s, kStation, t0() + 10 * kHour), t0()).isEmpty());
}

void TestProactiveDetector::damageAndLossScans()
{
    ExceptionDetector d;
    d.track(parcel(u"SF1"_s, kStation), t0());
    QCOMPARE(kinds(d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"damaged"_s), t0())),
             QList<ExceptionKind>{ExceptionKind::DamageScan});
    const QList<DetectedException> lost =
        d.onEvent(scan(u"e2"_s, u"SF2"_s, ParcelStatus::Exception, t0(), u"上海转运中心"_s, u"lost"_s), t0());
    QCOMPARE(kinds(lost), QList<ExceptionKind>{ExceptionKind::LossScan});
    QCOMPARE(lost.first().evidence.reason, u"lost"_s);
    QCOMPARE(lost.first().action, u"open_loss_claim"_s);
    // Negative: an in-transit scan, and a failed-delivery reason, are neither damage nor loss.
    QVERIFY(
        d.onEvent(scan(u"e3"_s, u"SF3"_s, ParcelStatus::InTransit, t0(), {}, u"damaged"_s), t0()).isEmpty());
    ExceptionDetector twoAttempts(policyWith(2));
    QVERIFY(
        twoAttempts.onEvent(scan(u"e4"_s, u"SF4"_s, ParcelStatus::Exception, t0(), {}, u"address"_s), t0())
            .isEmpty());
}

void TestProactiveDetector::exceptionScanReasons()
{
    // Default: any other reason (also none) is an exception scan.
    ExceptionDetector any;
    const QList<DetectedException> found =
        any.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"customs"_s), t0());
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::ExceptionScan});
    QCOMPARE(found.first().action, u"contact_station"_s);
    QCOMPARE(kinds(any.onEvent(scan(u"e2"_s, u"SF2"_s, ParcelStatus::Exception, t0()), t0())),
             QList<ExceptionKind>{ExceptionKind::ExceptionScan});
    // With a list, only the listed reasons count.
    ExceptionDetector listed(policyWith(1, {u"weather"_s}));
    QVERIFY(listed.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"customs"_s), t0())
                .isEmpty());
    QCOMPARE(
        kinds(listed.onEvent(scan(u"e2"_s, u"SF2"_s, ParcelStatus::Exception, t0(), {}, u"weather"_s), t0())),
        QList<ExceptionKind>{ExceptionKind::ExceptionScan});
}

void TestProactiveDetector::failedDeliveryThreshold()
{
    ExceptionDetector d(policyWith(2));
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0());
    QVERIFY(d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::Exception, t0() + kHour, {}, u"address"_s),
                      t0() + kHour)
                .isEmpty());
    d.onEvent(scan(u"e3"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0() + 20 * kHour), t0() + 20 * kHour);
    const QList<DetectedException> found =
        d.onEvent(scan(u"e4"_s, u"SF1"_s, ParcelStatus::Exception, t0() + 21 * kHour, {}, u"refused"_s),
                  t0() + 21 * kHour);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::FailedDelivery});
    QCOMPARE(found.first().evidence.failedAttempts, 2);
    QCOMPARE(found.first().evidence.reason, u"refused"_s);
    QCOMPARE(found.first().action, u"arrange_redelivery"_s);
    // A third attempt changes the count: reported again with 3.
    const QList<DetectedException> third =
        d.onEvent(scan(u"e5"_s, u"SF1"_s, ParcelStatus::Exception, t0() + 45 * kHour, {}, u"absent"_s),
                  t0() + 45 * kHour);
    QCOMPARE(third.size(), 1);
    QCOMPARE(third.first().evidence.failedAttempts, 3);
}

void TestProactiveDetector::secondDeliveryRunIsAFailedAttempt()
{
    ExceptionDetector d;
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0());
    const QList<DetectedException> found = d.onEvent(
        scan(u"e2"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0() + 20 * kHour), t0() + 20 * kHour);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::FailedDelivery});
    QCOMPARE(found.first().evidence.failedAttempts, 1);
    // Negative: at station, then out for delivery is the normal way.
    ExceptionDetector normal;
    normal.onEvent(scan(u"e1"_s, u"SF2"_s, ParcelStatus::AtStation, t0()), t0());
    QVERIFY(normal.onEvent(scan(u"e2"_s, u"SF2"_s, ParcelStatus::OutForDelivery, t0() + kHour), t0() + kHour)
                .isEmpty());
}

void TestProactiveDetector::returned()
{
    ExceptionDetector d;
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0()), t0());
    const QList<DetectedException> found =
        d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::Returned, t0() + kHour), t0() + kHour);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::Returned});
    QCOMPARE(found.first().action, u"confirm_return"_s);
    QVERIFY(!found.first().evidence.eta);
    // A returned parcel no longer stalls.
    QVERIFY(d.checkStalls(t0() + 100 * kHour).isEmpty());
    // Negative: delivered is not returned.
    QVERIFY(d.onEvent(scan(u"e3"_s, u"SF2"_s, ParcelStatus::Delivered, t0()), t0()).isEmpty());
}

void TestProactiveDetector::repeatedEventIsIgnored()
{
    ExceptionDetector d(policyWith(2));
    const TrackingEvent failed = scan(u"e1"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"address"_s);
    QVERIFY(d.onEvent(failed, t0()).isEmpty());
    // The same event delivered again by the feed does not count as a second attempt.
    QVERIFY(d.onEvent(failed, t0() + kMinute).isEmpty());
    const TrackingEvent damaged = scan(u"e2"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"damaged"_s);
    QCOMPARE(d.onEvent(damaged, t0()).size(), 1);
    QVERIFY(d.onEvent(damaged, t0()).isEmpty());
    // A second damage scan with another id and the same reason is the same finding.
    QVERIFY(d.onEvent(scan(u"e3"_s, u"SF1"_s, ParcelStatus::Exception, t0() + kHour, {}, u"damaged"_s),
                      t0() + kHour)
                .isEmpty());
}

void TestProactiveDetector::olderEventDoesNotMoveTheLastScan()
{
    ExceptionDetector d;
    d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::OutForDelivery, t0() + 10 * kHour), t0() + 10 * kHour);
    // A late upload of an earlier damage scan: reported, but the last scan stays the delivery run.
    const QList<DetectedException> found = d.onEvent(
        scan(u"e1"_s, u"SF1"_s, ParcelStatus::Exception, t0(), {}, u"damaged"_s), t0() + 11 * kHour);
    QCOMPARE(kinds(found), QList<ExceptionKind>{ExceptionKind::DamageScan});
    QCOMPARE(found.first().causeAt, t0());
    QCOMPARE(found.first().evidence.lastStatus, ParcelStatus::OutForDelivery);
    QCOMPARE(d.etaInput(u"SF1"_s)->lastScanAt, t0() + 10 * kHour);
    const QList<DetectedException> stall = d.checkStalls(t0() + 16 * kHour);
    QCOMPARE(kinds(stall), QList<ExceptionKind>{ExceptionKind::Stalled});
    QCOMPARE(stall.first().causeAt, t0() + 16 * kHour);
}

void TestProactiveDetector::causeKeyAndWindow()
{
    ExceptionDetector d;
    d.track(parcel(u"SF1"_s, kStation), t0());
    d.onEvent(scan(u"e1"_s, u"SF1"_s, ParcelStatus::InTransit, t0() - kHour, u"苏州转运中心"_s), t0());
    d.onEvent(scan(u"e2"_s, u"SF1"_s, ParcelStatus::InTransit, t0() + 30 * kMinute, u"上海转运中心"_s), t0());
    const QList<DetectedException> stall = d.checkStalls(t0() + 30 * kHour);
    QCOMPARE(stall.size(), 1);
    QCOMPARE(stall.first().cause.stationId, kStation);
    QCOMPARE(stall.first().cause.route, u"上海转运中心"_s);
    // Crossed at t0 + 24:30; windows of 120 min aligned to the epoch: t0 + 24:00.
    QCOMPARE(stall.first().cause.windowStart, t0() + 24 * kHour);
    QCOMPARE(d.etaInput(u"SF1"_s)->transitScans, 2);

    // At its station the route no longer applies.
    d.onEvent(scan(u"e3"_s, u"SF1"_s, ParcelStatus::AtStation, t0() + 31 * kHour, u"徐汇站"_s),
              t0() + 31 * kHour);
    const QList<DetectedException> late = d.checkStalls(t0() + 50 * kHour);
    QCOMPARE(late.size(), 1);
    QCOMPARE(late.first().cause.route, QString());
    QCOMPARE(late.first().cause.stationId, kStation);
    QCOMPARE(late.first().cause.windowStart, t0() + 42 * kHour);
}

void TestProactiveDetector::feedsStationDwell()
{
    ExceptionDetector d;
    for (int i = 0; i < 3; ++i) {
        const QString wb = u"SF%1"_s.arg(i);
        d.track(parcel(wb, kStation), t0());
        d.onEvent(scan(wb + u"a"_s, wb, ParcelStatus::AtStation, t0() + i * kMinute), t0());
        d.onEvent(scan(wb + u"b"_s, wb, ParcelStatus::OutForDelivery, t0() + (i + 40 + 10 * i) * kMinute),
                  t0());
    }
    // Dwells 40, 50, 60 minutes → median 50.
    QCOMPARE(d.etaModel().stationDwellMs(kStation, t0() + 2 * kHour), 50 * kMinute);
    // Parcels now at that station get the shorter dwell in their ETA.
    d.track(parcel(u"SF9"_s, kStation), t0());
    d.onEvent(scan(u"x"_s, u"SF9"_s, ParcelStatus::AtStation, t0() + 2 * kHour), t0() + 2 * kHour);
    const EtaEstimate e = d.etaModel().estimate(*d.etaInput(u"SF9"_s), t0() + 2 * kHour);
    QCOMPARE(e.at, t0() + 2 * kHour + (50 + 165) * kMinute);
}

void TestProactiveDetector::checkOneParcel()
{
    ExceptionDetector d;
    // Events out of order; a promise of t0 + 20:00 and the last scan at the station at t0 + 10:00.
    const QList<TrackingEvent> events{
        scan(u"e3"_s, {}, ParcelStatus::AtStation, t0() + 10 * kHour, u"徐汇站"_s),
        scan(u"e1"_s, {}, ParcelStatus::PickedUp, t0()),
        scan(u"e2"_s, {}, ParcelStatus::InTransit, t0() + 2 * kHour, u"苏州转运中心"_s),
    };
    const QList<DetectedException> found =
        d.check(parcel(u"SF1"_s, kStation, t0() + 20 * kHour), events, t0() + 23 * kHour);
    // Stalled at the station since t0 + 22:00; its ETA (now + half of 495 min) misses t0 + 21:00.
    QCOMPARE(kinds(found), (QList<ExceptionKind>{ExceptionKind::WillMissPromise, ExceptionKind::Stalled}));
    QCOMPARE(found.at(1).causeAt, t0() + 22 * kHour);
    QCOMPARE(found.at(1).waybillNo, u"SF1"_s);
    QCOMPARE(d.etaInput(u"SF1"_s)->status, ParcelStatus::AtStation);
    // Checking again finds nothing new.
    QVERIFY(d.check(parcel(u"SF1"_s, kStation, t0() + 20 * kHour), events, t0() + 24 * kHour).isEmpty());
}

void TestProactiveDetector::batchChecksOnlyTheNewestScan()
{
    // A backfill in one batch: SF1 picked up 40 h ago, in transit 30 h ago (a 24 h stall limit passed between
    // the two), damaged and at its station an hour ago; SF2 picked up 20 h ago and nothing since.
    const Instant now = t0() + 40 * kHour;
    const QList<TrackingEvent> batch{
        scan(u"e3"_s, u"SF1"_s, ParcelStatus::AtStation, now - kHour, u"徐汇站"_s),
        scan(u"e1"_s, u"SF1"_s, ParcelStatus::PickedUp, t0()),
        scan(u"e2"_s, u"SF1"_s, ParcelStatus::InTransit, t0() + 10 * kHour, u"苏州转运中心"_s),
        scan(u"e4"_s, u"SF1"_s, ParcelStatus::Exception, now - 2 * kHour, {}, u"damaged"_s),
        scan(u"e5"_s, u"SF2"_s, ParcelStatus::PickedUp, t0() + 20 * kHour),
    };
    ExceptionDetector batched;
    const QList<DetectedException> found = batched.onEvents(batch, now);
    // SF2: stalled since t0 + 32:00 (picked up: 12 h); SF1: its damage scan, no stall (it moved on).
    QCOMPARE(kinds(found), (QList<ExceptionKind>{ExceptionKind::Stalled, ExceptionKind::DamageScan}));
    QCOMPARE(found.at(0).waybillNo, u"SF2"_s);
    QCOMPARE(found.at(0).causeAt, t0() + 32 * kHour);
    QCOMPARE(found.at(1).waybillNo, u"SF1"_s);
    QCOMPARE(batched.etaInput(u"SF1"_s)->status, ParcelStatus::AtStation);

    // The same events one by one, each judged on arrival: SF1 is reported stalled at its pick-up scan too.
    ExceptionDetector oneByOne;
    QList<DetectedException> each;
    QList<TrackingEvent> ordered = batch;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const TrackingEvent &a, const TrackingEvent &b) { return a.at < b.at; });
    for (const TrackingEvent &e : std::as_const(ordered))
        each += oneByOne.onEvent(e, now);
    QVERIFY(std::count_if(each.cbegin(), each.cend(), [](const DetectedException &e) {
                return e.waybillNo == u"SF1"_s && e.kind == ExceptionKind::Stalled;
            }) >= 1);
}

void TestProactiveDetector::sameEventsSameDetections()
{
    // Two server instances: one sees the events as they come, the other catches up later in one go.
    const QList<TrackingEvent> events{
        scan(u"e1"_s, u"SF1"_s, ParcelStatus::InTransit, t0(), u"苏州转运中心"_s),
        scan(u"e2"_s, u"SF2"_s, ParcelStatus::PickedUp, t0() + kHour),
        scan(u"e3"_s, u"SF3"_s, ParcelStatus::Exception, t0() + kHour, {}, u"lost"_s)};
    ExceptionDetector live;
    QList<DetectedException> a;
    for (const TrackingEvent &e : events)
        a += live.onEvent(e, e.at);
    a += live.checkStalls(t0() + 13 * kHour);
    a += live.checkStalls(t0() + 30 * kHour);

    ExceptionDetector late;
    QList<DetectedException> b;
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        b += late.onEvent(*it, t0() + 30 * kHour);
    b += late.checkStalls(t0() + 30 * kHour);

    // SF1 and SF2 stall; SF3 is lost and, without a scan for 24 hours after it, stalls as well.
    QCOMPARE(a.size(), 4);
    QCOMPARE(b.size(), 4);
    auto byWaybill = [](QList<DetectedException> l) {
        std::sort(l.begin(), l.end(), [](const auto &x, const auto &y) {
            return std::tie(x.waybillNo, x.kind) < std::tie(y.waybillNo, y.kind);
        });
        return l;
    };
    a = byWaybill(a);
    b = byWaybill(b);
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).waybillNo, b.at(i).waybillNo);
        QCOMPARE(a.at(i).kind, b.at(i).kind);
        QCOMPARE(a.at(i).causeAt, b.at(i).causeAt);
        QCOMPARE(a.at(i).cause, b.at(i).cause);
    }
    QCOMPARE(a.at(0).causeAt, t0() + 24 * kHour);
    QCOMPARE(a.at(1).causeAt, t0() + 13 * kHour);
    QCOMPARE(a.at(2).kind, ExceptionKind::Stalled);
    QCOMPARE(a.at(2).causeAt, t0() + 25 * kHour);
    QCOMPARE(a.at(3).kind, ExceptionKind::LossScan);
    QCOMPARE(a.at(3).causeAt, t0() + kHour);
}

QTEST_GUILESS_MAIN(TestProactiveDetector)
#include "tst_proactive_detector.moc"
