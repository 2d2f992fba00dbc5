#include "models/proactive/trendalerts.h"
#include "trendtestutil.h"

#include <QMap>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

// Trend alerts (docs/proactive.md, "Trend alerts"): complaints above the normal level of their hour of the
// week, per station, courier, route and category, reported once per rise.
class TestProactiveTrends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void poissonTail_data();
    void poissonTail();
    void quietDailyPatternDoesNotAlert();
    void spikeAtStationAlerts();
    void busyHourIsNormal();
    void reportedOnceThenClosesAndFiresAgain();
    void warningEscalatesToAlert();
    void minComplaintsRespected();
    void newSeriesStartsTypical();
    void floorWithoutHistory();
    void hourOfWeekInCompanyZone();
    void daylightSavingFollowsLocalTime();
    void sameIdOnEveryInstance();
    void watchesOnlyThePolicysDimensions();
    void ignoresWhatItCannotHold();
};

namespace {

/// Four weeks before Monday 2026-11-23 00:00 Shanghai.
Instant historyStart()
{
    return at("2026-10-26T00:00:00+08:00");
}

/// Stations st-01…st-03 follow kPattern exactly from historyStart() to @p until.
TrendDetector detectorWithHistory(Instant until, const ProactivePolicy &policy = ProactivePolicy::defaults())
{
    TrendDetector d(policy);
    for (const QString &st : {u"st-01"_s, u"st-02"_s, u"st-03"_s})
        addExact(d, historyStart(), until, shanghai(), patternAt, complaint(0, st));
    return d;
}

/// @p extra more complaints an hour at st-01 over [from, from + hours).
void addSpike(TrendDetector &d, Instant from, int hours, int extra, const QString &station = u"st-01"_s)
{
    addExact(
        d, from, from + hours * kHour, shanghai(), [extra](const QDateTime &) { return extra; },
        complaint(0, station));
}

} // namespace

void TestProactiveTrends::poissonTail_data()
{
    QTest::addColumn<int>("observed");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tail");

    QTest::addRow("nothing observed") << 0 << 3.0 << 1.0;
    QTest::addRow("one at mean one") << 1 << 1.0 << 1.0 - std::exp(-1.0);
    QTest::addRow("five at mean one") << 5 << 1.0 << 0.0036598468273437;
    QTest::addRow("below the mean") << 10 << 20.0 << 0.99500458769;
    QTest::addRow("24 at mean 6") << 24 << 6.0 << 2.48178177560e-08;
    QTest::addRow("no baseline") << 3 << 0.0 << 0.0;
    QTest::addRow("large mean") << 1200 << 1000.0 << 4.68420385587e-10;
}

void TestProactiveTrends::poissonTail()
{
    QFETCH(int, observed);
    QFETCH(double, expected);
    QFETCH(double, tail);
    const double got = poissonUpperTail(observed, expected);
    QVERIFY2(std::abs(got - tail) <= 1e-3 * tail + 1e-15, qPrintable(QString::number(got, 'g', 10)));
}

void TestProactiveTrends::quietDailyPatternDoesNotAlert()
{
    // Six weeks of Poisson complaints following the daily pattern at four stations; two weeks evaluated every
    // half hour find nothing, and the baseline has learnt the pattern.
    std::mt19937 rng(20261123);
    TrendDetector d;
    const Instant start = at("2026-10-12T00:00:00+08:00");
    const Instant end = start + 42 * 24 * kHour;
    const QStringList stations{u"st-01"_s, u"st-02"_s, u"st-03"_s, u"st-04"_s};
    QList<TrendComplaint> all;
    for (const QString &st : stations)
        all += poissonHistory(
            rng, start, end, shanghai(), [](const QDateTime &l) { return patternAt(l); }, complaint(0, st));
    Feed feed(all);
    int changes = 0;
    for (Instant now = end - 14 * 24 * kHour; now < end; now += 30 * kMinute) {
        feed.feed(d, now);
        changes += int(d.evaluate(now).size());
    }
    QCOMPARE(changes, 0);
    // The busy hours (8 an hour) and the night (none) as learnt, averaged over the stations.
    double busy = 0;
    double night = 0;
    for (const QString &st : stations) {
        for (int h : {9, 10, 11})
            busy += *d.expectedPerHour(u"station"_s, st, at("2026-11-20T00:30:00+08:00") + h * kHour) / 12;
        night += *d.expectedPerHour(u"station"_s, st, at("2026-11-20T03:30:00+08:00")) / 4;
    }
    QVERIFY2(busy > 7.2 && busy < 8.8, qPrintable(QString::number(busy)));
    QVERIFY2(night < 0.3, qPrintable(QString::number(night)));
}

void TestProactiveTrends::spikeAtStationAlerts()
{
    // Monday 15:00–18:00 Shanghai: st-01 normally has 2 an hour; 6 more an hour make four times that.
    const Instant spike = at("2026-11-23T15:00:00+08:00");
    const Instant now = at("2026-11-23T18:00:00+08:00");
    TrendDetector d = detectorWithHistory(now);
    addSpike(d, spike, 3, 6);
    const QList<TrendAlert> changes = d.evaluate(now);
    QCOMPARE(changes.size(), 1);
    const TrendAlert &a = changes.first();
    QCOMPARE(a.dimension, u"station"_s);
    QCOMPARE(a.key, u"st-01"_s);
    QCOMPARE(a.windowStart, spike);
    QCOMPARE(a.windowEnd, now);
    QCOMPARE(a.observed, 24);
    QVERIFY2(a.expected > 5.4 && a.expected < 6.6, qPrintable(QString::number(a.expected)));
    QVERIFY(a.ratio > 3.6 && a.ratio < 4.4);
    QVERIFY(a.pValue < 1e-6);
    QCOMPARE(a.level, u"alert"_s);
    QCOMPARE(a.openedAt, now);
    QVERIFY(!a.closedAt);
    QCOMPARE(a.id, TrendDetector::alertId(u"station"_s, u"st-01"_s, spike));
    QVERIFY(a.id.startsWith(u"trend-"_s));
    QCOMPARE(a.id.size(), 22);
    QCOMPARE(d.openAlerts(), changes);
}

void TestProactiveTrends::busyHourIsNormal()
{
    // The same 24 complaints in three hours are normal from 09:00 to 12:00, when st-01 always has 8 an hour.
    const Instant now = at("2026-11-23T12:00:00+08:00");
    TrendDetector d = detectorWithHistory(now);
    QCOMPARE(d.evaluate(now), QList<TrendAlert>{});
    const auto w = d.window(u"station"_s, u"st-01"_s, now);
    QVERIFY(w);
    QCOMPARE(w->observed, 24);
    QCOMPARE(w->windowStart, at("2026-11-23T09:00:00+08:00"));
    QVERIFY2(w->expected > 21.5 && w->expected < 26.5, qPrintable(QString::number(w->expected)));
    QVERIFY(w->pValue > 0.3);
    // Every series at once gives the same windows.
    const QList<TrendSeriesWindow> all = d.windows(now);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().dimension, u"station"_s);
    QCOMPARE(all.first().key, u"st-01"_s);
    QCOMPARE(all.first().window, *w);
    QCOMPARE(all.last().key, u"st-03"_s);
}

void TestProactiveTrends::reportedOnceThenClosesAndFiresAgain()
{
    // Two days with the same spike, evaluated every 10 minutes as complaints arrive: one alert a day, each
    // reported when it opens, maybe once more when it escalates, and once when it closes.
    const Instant spike = at("2026-11-23T15:00:00+08:00");
    const Instant nextDay = spike + 24 * kHour;
    const Instant end = nextDay + 12 * kHour;
    const Instant evaluated = at("2026-11-23T12:00:00+08:00");
    TrendDetector d = detectorWithHistory(evaluated);
    QList<TrendComplaint> later;
    for (const QString &st : {u"st-01"_s, u"st-02"_s, u"st-03"_s})
        later += exactHistory(evaluated, end, shanghai(), patternAt, complaint(0, st));
    for (Instant day : {spike, nextDay})
        later += exactHistory(
            day, day + 3 * kHour, shanghai(), [](const QDateTime &) { return 6; }, complaint(0, u"st-01"_s));
    Feed feed(later);
    QList<TrendAlert> changes;
    for (Instant now = evaluated; now <= end; now += 10 * kMinute) {
        feed.feed(d, now);
        changes += d.evaluate(now);
    }
    QMap<QString, QList<TrendAlert>> byId;
    for (const TrendAlert &a : std::as_const(changes)) {
        QCOMPARE(a.key, u"st-01"_s);
        byId[a.id].append(a);
    }
    QCOMPARE(byId.size(), 2);
    int day = 0;
    for (const QList<TrendAlert> &rise : std::as_const(byId)) {
        QVERIFY2(rise.size() == 2 || rise.size() == 3, qPrintable(QString::number(rise.size())));
        QVERIFY(!rise.first().closedAt);
        QVERIFY(rise.last().closedAt);
        QCOMPARE(rise.last().level, u"alert"_s);
        QCOMPARE(rise.first().id, TrendDetector::alertId(u"station"_s, u"st-01"_s, rise.first().windowStart));
        // Opened while the spike was under way; closed once the window had left most of it behind.
        const Instant from = rise.first().openedAt < nextDay ? spike : nextDay;
        day += from == spike ? 1 : 2;
        QVERIFY(rise.first().openedAt > from && rise.first().openedAt <= from + 3 * kHour);
        QVERIFY(*rise.last().closedAt >= from + 4 * kHour);
        QVERIFY(*rise.last().closedAt <= from + 6 * kHour);
        // The closed rise's figures: from its window's start to the last evaluation that still found it.
        QCOMPARE(rise.last().windowStart, rise.first().windowStart);
        QVERIFY(rise.last().windowEnd < *rise.last().closedAt);
        QVERIFY(rise.last().observed >= 24);
        QVERIFY(rise.last().pValue < 1e-4);
    }
    QCOMPARE(day, 3); // one rise on each day
    QVERIFY(d.openAlerts().isEmpty());
}

void TestProactiveTrends::warningEscalatesToAlert()
{
    // From 09:00, when st-01 normally has 8 an hour, 12 more an hour (2.5 times the normal: a warning), then
    // from 12:00 30 more an hour (about six times the normal: an alert).
    const Instant spike = at("2026-11-23T09:00:00+08:00");
    TrendDetector d = detectorWithHistory(spike);
    QList<TrendComplaint> later;
    for (const QString &st : {u"st-01"_s, u"st-02"_s, u"st-03"_s})
        later += exactHistory(spike, spike + 6 * kHour, shanghai(), patternAt, complaint(0, st));
    later += exactHistory(
        spike, spike + 3 * kHour, shanghai(), [](const QDateTime &) { return 12; }, complaint(0, u"st-01"_s));
    later += exactHistory(
        spike + 3 * kHour, spike + 6 * kHour, shanghai(), [](const QDateTime &) { return 30; },
        complaint(0, u"st-01"_s));
    Feed feed(later);
    QList<TrendAlert> changes;
    for (Instant now = spike; now <= spike + 5 * kHour; now += 15 * kMinute) {
        feed.feed(d, now);
        changes += d.evaluate(now);
    }
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).level, u"warning"_s);
    QVERIFY(changes.at(0).ratio < 3);
    QVERIFY(changes.at(0).openedAt < spike + 3 * kHour);
    QCOMPARE(changes.at(1).level, u"alert"_s);
    QCOMPARE(changes.at(1).id, changes.at(0).id);
    QVERIFY(changes.at(1).openedAt == changes.at(0).openedAt);
    QVERIFY(changes.at(1).observed > changes.at(0).observed);
    QCOMPARE(d.openAlerts().size(), 1);
    QCOMPARE(d.openAlerts().first().level, u"alert"_s);
}

void TestProactiveTrends::minComplaintsRespected()
{
    // A courier with one complaint a week gets 4 in an hour: far above its normal (p below the policy's
    // 0.001), but under min_complaints 5; with min_complaints 4 it fires.
    const Instant now = at("2026-11-23T16:00:00+08:00");
    const auto weekly = [](const QDateTime &l) { return l.date().dayOfWeek() == 3 && l.time().hour() == 10; };
    ProactivePolicy policy;
    policy.setTrends({3, 4, 0.001, 5, 3, TrendDetector::dimensions()});
    TrendDetector five(policy);
    policy.setTrends({3, 4, 0.001, 4, 3, TrendDetector::dimensions()});
    TrendDetector four(policy);
    for (TrendDetector *d : {&five, &four}) {
        addExact(*d, historyStart(), now, shanghai(), weekly, complaint(0, {}, u"cr-01-1"_s));
        addExact(
            *d, now - kHour, now, shanghai(), [](const QDateTime &) { return 4; },
            complaint(0, {}, u"cr-01-1"_s));
    }
    QCOMPARE(five.evaluate(now), QList<TrendAlert>{});
    const auto w = five.window(u"courier"_s, u"cr-01-1"_s, now);
    QVERIFY(w && w->observed == 4 && w->pValue < 0.001);
    const QList<TrendAlert> fired = four.evaluate(now);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.first().dimension, u"courier"_s);
    QCOMPARE(fired.first().observed, 4);
}

void TestProactiveTrends::newSeriesStartsTypical()
{
    // st-09 opens today and has the volume of the other stations: normal. A new courier with 3 complaints
    // in an hour: under min_complaints. One with 9: an alert, against what a typical courier has.
    const Instant opened = at("2026-11-23T00:00:00+08:00");
    const Instant now = at("2026-11-23T12:00:00+08:00");
    TrendDetector d = detectorWithHistory(now);
    addExact(
        d, historyStart(), now, shanghai(), [](const QDateTime &l) { return l.time().hour() == 14; },
        complaint(0, {}, u"cr-old"_s));
    addExact(d, opened, now, shanghai(), patternAt, complaint(0, u"st-09"_s));
    addExact(
        d, now - kHour, now, shanghai(), [](const QDateTime &) { return 3; }, complaint(0, {}, u"cr-new3"_s));
    addExact(
        d, now - kHour, now, shanghai(), [](const QDateTime &) { return 9; }, complaint(0, {}, u"cr-new9"_s));
    const QList<TrendAlert> changes = d.evaluate(now);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().key, u"cr-new9"_s);
    const auto st09 = d.window(u"station"_s, u"st-09"_s, now);
    QVERIFY2(st09->expected > 18 && st09->expected < 30, qPrintable(QString::number(st09->expected)));
    // A new courier is expected to have what the only other courier has in that hour: its one complaint a
    // day is at 14:00, so around noon it is the floor.
    const auto courier = d.expectedPerHour(u"courier"_s, u"cr-new9"_s, now - 30 * kMinute);
    QVERIFY(courier);
    QVERIFY2(*courier >= 0.05 && *courier < 0.2, qPrintable(QString::number(*courier)));
}

void TestProactiveTrends::floorWithoutHistory()
{
    // The first complaints ever: no history, no typical series; the floor is the whole baseline, so one
    // complaint is no spike and min_complaints decides.
    TrendDetector d;
    const Instant now = at("2026-11-23T10:30:00+08:00");
    d.add(complaint(now - 10 * kMinute, u"st-01"_s, {}, {}, u"delay"_s));
    QCOMPARE(d.evaluate(now), QList<TrendAlert>{});
    const auto w = d.window(u"category"_s, u"delay"_s, now);
    QVERIFY(w);
    QCOMPARE(w->observed, 1);
    QVERIFY(qFuzzyCompare(w->expected, TrendParameters{}.floorPerHour * 3.5));
    QVERIFY(w->pValue > 0.1);
}

void TestProactiveTrends::hourOfWeekInCompanyZone()
{
    // st-05 has 20 complaints from 09:00 to 10:00 Shanghai on weekdays and 1 in every other hour. On Monday
    // 20 complaints at 09:00 Shanghai are normal; on Sunday at 09:00 Shanghai, or on Monday at 09:00 UTC
    // (17:00 Shanghai), the same 20 are a spike, whatever the process's own time zone.
    const auto weekdayNine = [](const QDateTime &l) {
        return l.time().hour() == 9 && l.date().dayOfWeek() <= 5 ? 20 : 1;
    };
    const auto probe = [&](Instant hourStart) {
        TrendDetector d;
        addExact(d, historyStart(), hourStart, shanghai(), weekdayNine, complaint(0, u"st-05"_s));
        addExact(
            d, hourStart, hourStart + kHour, shanghai(), [](const QDateTime &) { return 20; },
            complaint(0, u"st-05"_s));
        return d.evaluate(hourStart + kHour).size();
    };
    QCOMPARE(probe(at("2026-11-23T09:00:00+08:00")), 0);
    QCOMPARE(probe(at("2026-11-22T09:00:00+08:00")), 1);
    QCOMPARE(probe(at("2026-11-23T09:00:00Z")), 1);

    TrendDetector d;
    addExact(d, historyStart(), at("2026-11-23T12:00:00+08:00"), shanghai(), weekdayNine,
             complaint(0, u"st-05"_s));
    const WeekClock clock(shanghai());
    QCOMPARE(clock.hourOfWeek(trendHourOf(at("2026-11-23T09:30:00+08:00"))), 9);
    QCOMPARE(clock.hourOfWeek(trendHourOf(at("2026-11-22T23:59:00+08:00"))), 167);
    const auto monday = d.expectedPerHour(u"station"_s, u"st-05"_s, at("2026-11-23T09:30:00+08:00"));
    QVERIFY2(*monday > 18 && *monday < 21, qPrintable(QString::number(*monday)));
}

void TestProactiveTrends::daylightSavingFollowsLocalTime()
{
    // New York leaves daylight saving time on 2026-11-01: 09:00 local is 13:00 UTC before, 14:00 UTC after.
    const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
    const WeekClock clock(newYork);
    const qint64 monday = trendHourOf(at("2026-11-02T09:00:00-05:00"));
    QCOMPARE(clock.sameHourWeeksBefore(monday, 1), monday - 169);
    QCOMPARE(clock.sameHourWeeksBefore(monday, 2), monday - 337);
    // 2027-03-14 02:00 did not exist in New York: the week after has no same hour.
    QCOMPARE(clock.sameHourWeeksBefore(trendHourOf(at("2027-03-21T02:30:00-04:00")), 1), std::nullopt);

    ProactivePolicy policy;
    policy.setTimeZone(QByteArrayLiteral("America/New_York"));
    TrendDetector d(policy);
    const auto nineLocal = [](const QDateTime &l) { return l.time().hour() == 9 ? 12 : 1; };
    const Instant now = at("2026-11-09T12:00:00-05:00");
    addExact(d, at("2026-10-12T00:00:00-04:00"), now, newYork, nineLocal, complaint(0, u"st-ny"_s));
    // Three of the four weeks learnt were in daylight saving time: 09:00 local is still the busy hour.
    const auto nine = d.expectedPerHour(u"station"_s, u"st-ny"_s, at("2026-11-09T09:30:00-05:00"));
    const auto eight = d.expectedPerHour(u"station"_s, u"st-ny"_s, at("2026-11-09T08:30:00-05:00"));
    QVERIFY2(*nine > 10.5, qPrintable(QString::number(*nine)));
    QVERIFY2(*eight < 2, qPrintable(QString::number(*eight)));
    QCOMPARE(d.evaluate(now), QList<TrendAlert>{});
}

void TestProactiveTrends::sameIdOnEveryInstance()
{
    // Two instances fed the same complaints in different orders name the alert the same way.
    const Instant spike = at("2026-11-23T15:00:00+08:00");
    const Instant now = spike + 3 * kHour;
    TrendDetector a = detectorWithHistory(now);
    addSpike(a, spike, 3, 6);
    QList<TrendComplaint> list;
    for (const QString &st : {u"st-03"_s, u"st-02"_s, u"st-01"_s}) {
        for (Instant h = historyStart(); h < now; h += kHour) {
            const int n = patternAt(QDateTime::fromMSecsSinceEpoch(h, shanghai())) +
                          (st == u"st-01" && h >= spike ? 6 : 0);
            for (int i = n - 1; i >= 0; --i)
                list.append(complaint(h + (2 * i + 1) * kHour / (2 * n), st));
        }
    }
    TrendDetector b;
    b.add(list);
    const QList<TrendAlert> fromA = a.evaluate(now);
    QCOMPARE(fromA.size(), 1);
    QCOMPARE(b.evaluate(now), fromA);
}

void TestProactiveTrends::watchesOnlyThePolicysDimensions()
{
    const Instant spike = at("2026-11-23T15:00:00+08:00");
    const Instant now = spike + 3 * kHour;
    ProactivePolicy policy;
    ProactivePolicy::TrendRules rules;
    rules.dimensions = {u"category"_s};
    policy.setTrends(rules);
    TrendDetector d = detectorWithHistory(now, policy);
    addExact(d, historyStart(), now, shanghai(), patternAt, complaint(0, {}, {}, {}, u"damage"_s));
    addExact(
        d, spike, now, shanghai(), [](const QDateTime &) { return 6; },
        complaint(0, u"st-01"_s, {}, {}, u"damage"_s));
    const QList<TrendAlert> changes = d.evaluate(now);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().dimension, u"category"_s);
    QCOMPARE(changes.first().key, u"damage"_s);
    // Watching stations again finds st-01 as well.
    d.setPolicy(ProactivePolicy::defaults());
    const QList<TrendAlert> more = d.evaluate(now + kMinute);
    QCOMPARE(more.size(), 1);
    QCOMPARE(more.first().key, u"st-01"_s);
}

void TestProactiveTrends::ignoresWhatItCannotHold()
{
    // History older than baseline_weeks + 1 weeks, and complaints dated more than a day after the last
    // evaluation (a wrong clock), are not counted.
    const Instant now = at("2026-11-23T12:00:00+08:00");
    TrendDetector d = detectorWithHistory(now);
    QCOMPARE(d.evaluate(now), QList<TrendAlert>{});
    d.add(complaint(now - 6 * 7 * 24 * kHour, u"st-01"_s));
    d.add(complaint(now + 3 * 24 * kHour, u"st-01"_s));
    QCOMPARE(d.ignoredCount(), 2);
    const auto w = d.window(u"station"_s, u"st-01"_s, now);
    QCOMPARE(w->observed, 24);
}

QTEST_GUILESS_MAIN(TestProactiveTrends)
#include "tst_proactive_trends.moc"
