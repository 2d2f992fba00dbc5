#include "models/proactive/etamodel.h"
#include "proactivetestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

// The ETA model: legs ahead per status, the station's observed dwell, the floor for parcels without a new
// scan, the promise check and the error measurement.
class TestProactiveEta : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legsAhead();
    void knownInputsGiveKnownEta_data();
    void knownInputsGiveKnownEta();
    void stationDwellReplacesTheLeg();
    void dwellWindowSlides();
    void dwellSamplesAreCapped();
    void noScanStretchesTheEta();
    void promiseAndMargin();
    void missesPromiseFrom();
    void deliveredHasNoEta();
    void measuresError();
    void summarizeEvenCount();
};

namespace {

EtaInput input(ParcelStatus status, Instant lastScan, int transitScans = 1,
               OptInstant promised = std::nullopt)
{
    EtaInput in;
    in.status = status;
    in.lastScanAt = lastScan;
    in.stationId = u"st-sh-01"_s;
    in.transitScans = transitScans;
    in.promisedAt = promised;
    return in;
}

} // namespace

void TestProactiveEta::legsAhead()
{
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::Created, 0).size(), 6);
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::PickedUp, 0).first(), EtaLeg::FirstMile);
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::InTransit, 1).first(), EtaLeg::LineHaul);
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::InTransit, 2).first(), EtaLeg::LastTransfer);
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::AtStation, 2),
             (QList<EtaLeg>{EtaLeg::StationDwell, EtaLeg::LastMile}));
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::OutForDelivery, 2), QList<EtaLeg>{EtaLeg::LastMile});
    QCOMPARE(EtaModel::legsAhead(ParcelStatus::Exception, 2),
             (QList<EtaLeg>{EtaLeg::Reattempt, EtaLeg::LastMile}));
    QVERIFY(EtaModel::legsAhead(ParcelStatus::Delivered, 2).isEmpty());
    QVERIFY(EtaModel::legsAhead(ParcelStatus::Returned, 2).isEmpty());
}

void TestProactiveEta::knownInputsGiveKnownEta_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("transitScans");
    QTest::addColumn<int>("minutes");
    // Default legs: pickup 180, first mile 150, line haul 1080, last transfer 330, dwell 330, last mile 165.
    QTest::addRow("created") << int(ParcelStatus::Created) << 0 << 180 + 150 + 1080 + 330 + 330 + 165;
    QTest::addRow("picked up") << int(ParcelStatus::PickedUp) << 0 << 150 + 1080 + 330 + 330 + 165;
    QTest::addRow("origin sort") << int(ParcelStatus::InTransit) << 1 << 1080 + 330 + 330 + 165;
    QTest::addRow("hub") << int(ParcelStatus::InTransit) << 2 << 330 + 330 + 165;
    QTest::addRow("at station") << int(ParcelStatus::AtStation) << 2 << 330 + 165;
    QTest::addRow("out for delivery") << int(ParcelStatus::OutForDelivery) << 2 << 165;
    QTest::addRow("exception") << int(ParcelStatus::Exception) << 2 << 1200 + 165;
}

void TestProactiveEta::knownInputsGiveKnownEta()
{
    QFETCH(int, status);
    QFETCH(int, transitScans);
    QFETCH(int, minutes);
    const EtaModel m;
    const EtaEstimate e = m.estimate(input(ParcelStatus(status), t0(), transitScans), t0());
    QVERIFY(e.known);
    QCOMPARE(e.remainingMs, minutes * kMinute);
    QCOMPARE(e.at, t0() + minutes * kMinute);
    QVERIFY(!e.stretched);
    QVERIFY(!e.stationAdjusted);
    QVERIFY(!e.missesPromise);
}

void TestProactiveEta::stationDwellReplacesTheLeg()
{
    EtaModel m;
    m.observeDwell(u"st-sh-01"_s, 60 * kMinute, t0() - 3 * kHour);
    m.observeDwell(u"st-sh-01"_s, 120 * kMinute, t0() - 2 * kHour);
    // Two observations are not enough (minDwellSamples 3): the leg's median stays.
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0()), 0);
    QCOMPARE(m.estimate(input(ParcelStatus::AtStation, t0()), t0()).at, t0() + (330 + 165) * kMinute);

    m.observeDwell(u"st-sh-01"_s, 90 * kMinute, t0() - kHour);
    m.observeDwell(u"st-bj-02"_s, 600 * kMinute, t0() - kHour); // another station's dwell changes nothing
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0()), 90 * kMinute);
    const EtaEstimate e = m.estimate(input(ParcelStatus::AtStation, t0()), t0());
    QVERIFY(e.stationAdjusted);
    QCOMPARE(e.stationDwellMs, 90 * kMinute);
    QCOMPARE(e.at, t0() + (90 + 165) * kMinute);
    // The hub's estimate has the station's dwell ahead as well.
    QCOMPARE(m.estimate(input(ParcelStatus::InTransit, t0(), 2), t0()).at, t0() + (330 + 90 + 165) * kMinute);
    // Past the station the dwell no longer matters.
    const EtaEstimate out = m.estimate(input(ParcelStatus::OutForDelivery, t0()), t0());
    QVERIFY(!out.stationAdjusted);
    QCOMPARE(out.at, t0() + 165 * kMinute);
    // An even number of observations: the mean of the two middle ones.
    m.observeDwell(u"st-sh-01"_s, 200 * kMinute, t0() - 30 * kMinute);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0()), 105 * kMinute);
}

void TestProactiveEta::dwellWindowSlides()
{
    EtaModel m;
    for (int i = 0; i < 3; ++i)
        m.observeDwell(u"st-sh-01"_s, 30 * kMinute, t0() + i * kMinute);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + 2 * kMinute), 30 * kMinute);
    // Before the observations happened they do not count.
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + kMinute), 0);
    // 24 hours after the first one it has left the window: only two remain.
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + 24 * kHour), 0);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + 24 * kHour - 1), 30 * kMinute);
    // New observations a day later push the old ones out for good.
    for (int i = 0; i < 3; ++i)
        m.observeDwell(u"st-sh-01"_s, 10 * kMinute, t0() + 30 * kHour + i * kMinute);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + 31 * kHour), 10 * kMinute);
    // Negative durations are ignored.
    m.observeDwell(u"st-sh-01"_s, -5, t0() + 31 * kHour);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + 31 * kHour), 10 * kMinute);
}

void TestProactiveEta::dwellSamplesAreCapped()
{
    EtaParameters p;
    p.maxDwellSamples = 5;
    EtaModel m(p);
    // Five slow dwells, then five fast ones: only the last five are kept.
    for (int i = 0; i < 5; ++i)
        m.observeDwell(u"st-sh-01"_s, 300 * kMinute, t0() + i * kMinute);
    for (int i = 5; i < 10; ++i)
        m.observeDwell(u"st-sh-01"_s, 20 * kMinute, t0() + i * kMinute);
    QCOMPARE(m.stationDwellMs(u"st-sh-01"_s, t0() + kHour), 20 * kMinute);
}

void TestProactiveEta::noScanStretchesTheEta()
{
    const EtaModel m;
    const EtaInput in = input(ParcelStatus::OutForDelivery, t0());
    // Until half of the remaining 165 minutes would be left, the estimate stays at the scan plus 165.
    QCOMPARE(m.estimate(in, t0() + 82 * kMinute).at, t0() + 165 * kMinute);
    QVERIFY(!m.estimate(in, t0() + 82 * kMinute).stretched);
    // Ten hours without a scan: now + 82.5 minutes.
    const EtaEstimate e = m.estimate(in, t0() + 10 * kHour);
    QVERIFY(e.stretched);
    QCOMPARE(e.at, t0() + 10 * kHour + 82 * kMinute + 30 * 1000);
}

void TestProactiveEta::promiseAndMargin()
{
    const EtaModel m; // margin 60 minutes
    // ETA t0 + 2:45; promised t0 + 2:00 → 45 minutes late: inside the margin.
    EtaEstimate e = m.estimate(input(ParcelStatus::OutForDelivery, t0(), 2, t0() + 2 * kHour), t0());
    QCOMPARE(e.lateByMs, 45 * kMinute);
    QVERIFY(!e.missesPromise);
    // Promised t0 + 1:45 → exactly 60 minutes late: still inside.
    e = m.estimate(input(ParcelStatus::OutForDelivery, t0(), 2, t0() + 105 * kMinute), t0());
    QCOMPARE(e.lateByMs, 60 * kMinute);
    QVERIFY(!e.missesPromise);
    // Promised t0 + 1:00 → 105 minutes late.
    e = m.estimate(input(ParcelStatus::OutForDelivery, t0(), 2, t0() + kHour), t0());
    QCOMPARE(e.lateByMs, 105 * kMinute);
    QVERIFY(e.missesPromise);
    // A smaller margin catches the 45 minutes.
    EtaModel strict;
    strict.setPromiseMarginMinutes(30);
    QVERIFY(
        strict.estimate(input(ParcelStatus::OutForDelivery, t0(), 2, t0() + 2 * kHour), t0()).missesPromise);
    // Early parcels: negative lateness.
    e = m.estimate(input(ParcelStatus::OutForDelivery, t0(), 2, t0() + 5 * kHour), t0());
    QCOMPARE(e.lateByMs, -135 * kMinute);
}

void TestProactiveEta::missesPromiseFrom()
{
    const EtaModel m;
    const EtaInput in = input(ParcelStatus::OutForDelivery, t0(), 2, t0() + 3 * kHour);
    // Limit t0 + 4:00; the floor is now + 82.5 min: it passes the limit just after t0 + 2:37:30.
    const Instant from = *m.missesPromiseFrom(in, t0());
    QCOMPARE(from, t0() + 157 * kMinute + 30 * 1000 + 1);
    QVERIFY(!m.estimate(in, from - 1).missesPromise);
    QVERIFY(m.estimate(in, from).missesPromise);
    // Already late: the answer is "now".
    const EtaInput late = input(ParcelStatus::OutForDelivery, t0(), 2, t0());
    QCOMPARE(*m.missesPromiseFrom(late, t0() + kMinute), t0() + kMinute);
    // No promise, no answer.
    QVERIFY(!m.missesPromiseFrom(input(ParcelStatus::OutForDelivery, t0()), t0()));
}

void TestProactiveEta::deliveredHasNoEta()
{
    const EtaModel m;
    QVERIFY(!m.estimate(input(ParcelStatus::Delivered, t0(), 2, t0()), t0()).known);
    QVERIFY(!m.estimate(input(ParcelStatus::Returned, t0()), t0()).known);
    QVERIFY(!m.missesPromiseFrom(input(ParcelStatus::Delivered, t0(), 2, t0()), t0()));
}

void TestProactiveEta::measuresError()
{
    const EtaModel m;
    QList<EtaSample> samples;
    // Out for delivery at t0, predicted at t0 → ETA t0 + 165 min; actual deliveries off by these minutes.
    for (int off : {-30, 0, 10, 60, 120}) {
        EtaSample s;
        s.input = input(ParcelStatus::OutForDelivery, t0());
        s.predictedAt = t0();
        s.deliveredAt = t0() + (165 + off) * kMinute;
        samples.append(s);
    }
    // A hub parcel predicted an hour after its scan (ETA t0 + 825 min), delivered at t0 + 14:00 (15 min
    // late).
    EtaSample hub;
    hub.input = input(ParcelStatus::InTransit, t0(), 2);
    hub.predictedAt = t0() + kHour;
    hub.deliveredAt = t0() + 14 * kHour;
    samples.append(hub);
    // Delivered parcels have nothing to predict: left out of the count.
    EtaSample done;
    done.input = input(ParcelStatus::Delivered, t0());
    samples.append(done);

    const EtaError err = m.measure(samples);
    QCOMPARE(err.count, 6);
    // |errors| sorted: 0, 10, 15, 30, 60, 120 → median (15 + 30) / 2, p90 = rank ceil(5.4) = 6th.
    QCOMPARE(err.medianMinutes, 22.5);
    QCOMPARE(err.p90Minutes, 120.0);
    // Signed (predicted − actual): 30, 0, −10, −60, −120, −15 → mean −29.1667.
    QVERIFY(qAbs(err.biasMinutes - (-175.0 / 6.0)) < 1e-9);
    QCOMPARE(EtaModel::summarize({}).count, 0);
}

void TestProactiveEta::summarizeEvenCount()
{
    const EtaError e = EtaModel::summarize({-40, 10, 30, -20});
    QCOMPARE(e.count, 4);
    QCOMPARE(e.medianMinutes, 25.0);
    QCOMPARE(e.p90Minutes, 40.0);
    QCOMPARE(e.biasMinutes, -5.0);
    const EtaError one = EtaModel::summarize({-7});
    QCOMPARE(one.medianMinutes, 7.0);
    QCOMPARE(one.p90Minutes, 7.0);
}

QTEST_GUILESS_MAIN(TestProactiveEta)
#include "tst_proactive_eta.moc"
