#include "bench/routing/routingsim.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::bench::routing;

// The routing simulator's core on one small day: the stream, the capacity, determinism and figures in range.
class TestRoutingSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capacity();
    void demoArrivalsKeepTheRate();
    void rescaledKeepsOrderAndRate();
    void readsCsv();
    void figuresInRange_data();
    void figuresInRange();
    void deterministicForASeed();
    void overloadHurts();
    void pushWithOneInHandIsNextTicket();
};

namespace {

SimConfig small()
{
    SimConfig c;
    c.agents = 15; // per shift: 3 of team-a, 2 of team-b, English and key accounts in both
    c.days = 1;
    c.seed = 7;
    return c;
}

} // namespace

void TestRoutingSim::capacity()
{
    SimConfig c;
    c.agents = 30;
    c.handleMedianMinutes = 12;
    c.handleSigma = 0.5;
    // 10 agents on shift, 450 of 480 minutes available, mean handle 12 × 0.969 (the mix) × e^0.125 = 13.18
    // min.
    QVERIFY2(std::abs(capacityPerHour(c) - 42.69) < 0.01, qPrintable(QString::number(capacityPerHour(c))));
    c.agents = 60;
    QVERIFY(std::abs(capacityPerHour(c) - 85.38) < 0.01);
}

void TestRoutingSim::demoArrivalsKeepTheRate()
{
    const SimConfig c = small();
    const QList<Arrival> a = demoArrivals(c, 20.0);
    QVERIFY2(a.size() >= 456 && a.size() <= 504, qPrintable(QString::number(a.size()))); // 480 ± 5%
    QVERIFY(a.first().at >= simStart());
    QVERIFY(a.last().at < simStart() + 24LL * 3600 * 1000);
    int delays = 0;
    int phone = 0;
    for (qsizetype i = 1; i < a.size(); ++i)
        QVERIFY(a.at(i).at > a.at(i - 1).at);
    for (const Arrival &x : a) {
        delays += x.category == Category::Delay ? 1 : 0;
        phone += x.channel == Channel::Phone ? 1 : 0;
        QVERIFY(x.handleMinutes > 0);
    }
    // Losses take longer than service complaints (medians 18 and 8.4 minutes).
    std::vector<double> loss, service;
    for (const Arrival &x : a) {
        if (x.category == Category::Loss)
            loss.push_back(x.handleMinutes);
        if (x.category == Category::Service)
            service.push_back(x.handleMinutes);
    }
    std::sort(loss.begin(), loss.end());
    std::sort(service.begin(), service.end());
    QVERIFY(!loss.empty() && !service.empty());
    QVERIFY2(loss[loss.size() / 2] > 1.5 * service[service.size() / 2],
             qPrintable(u"%1 vs %2"_s.arg(loss[loss.size() / 2]).arg(service[service.size() / 2])));
    // The demo's mix: 45% delay, 60% phone (wide bounds for 480 draws).
    QVERIFY2(delays > a.size() * 0.38 && delays < a.size() * 0.52, qPrintable(QString::number(delays)));
    QVERIFY2(phone > a.size() * 0.53 && phone < a.size() * 0.67, qPrintable(QString::number(phone)));
}

void TestRoutingSim::rescaledKeepsOrderAndRate()
{
    const SimConfig c = small();
    const QList<Arrival> a = demoArrivals(c, 10.0);
    const QList<Arrival> faster = rescaled(a, c, 20.0);
    // Twice the rate: the day's stream fits into its first half, the same complaints in the same order.
    QCOMPARE(faster.size(), a.size());
    QCOMPARE(faster.first().at, simStart());
    QVERIFY(faster.last().at < simStart() + 13LL * 3600 * 1000);
    for (qsizetype i = 0; i < a.size(); ++i)
        QCOMPARE(faster.at(i).category, a.at(i).category);
}

void TestRoutingSim::readsCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"arrivals.csv"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("created_at,category,channel,team_id,language,key_account\n"
            "2026-12-07T02:10:00Z,loss,phone,team-a,en,true\n"
            "2026-12-07T02:00:00Z,delay,app,team-b,,\n");
    f.close();
    QString error;
    const QList<Arrival> a = readArrivalsCsv(path, small(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).category, Category::Delay); // sorted by time
    QCOMPARE(a.at(1).teamId, u"team-a"_s);
    QCOMPARE(a.at(1).language, u"en"_s);
    QVERIFY(a.at(1).keyAccount);
    QVERIFY(!a.at(0).keyAccount);

    QVERIFY(f.open(QIODevice::Append));
    f.write("yesterday,delay,phone,team-a\n");
    f.close();
    QVERIFY(readArrivalsCsv(path, small(), &error).isEmpty());
    QVERIFY2(error.contains(u":4:"_s), qPrintable(error));
}

void TestRoutingSim::figuresInRange_data()
{
    QTest::addColumn<int>("strategy");
    QTest::addRow("earliest_deadline") << int(SimStrategy::EarliestDeadline);
    QTest::addRow("round_robin") << int(SimStrategy::RoundRobin);
    QTest::addRow("next_ticket") << int(SimStrategy::NextTicket);
    QTest::addRow("oldest_first") << int(SimStrategy::OldestFirst);
}

void TestRoutingSim::figuresInRange()
{
    QFETCH(int, strategy);
    const SimConfig c = small();
    const QList<Arrival> arrivals = demoArrivals(c, capacityPerHour(c) * 0.7);
    const SimResult r = simulate(c, SimStrategy(strategy), arrivals);
    // Tickets created between 02:00 and 22:00 of the day are measured.
    int expected = 0;
    for (const Arrival &a : arrivals)
        expected += (a.at >= simStart() + 2 * 3600000LL && a.at < simStart() + 22 * 3600000LL) ? 1 : 0;
    QCOMPARE(r.tickets, expected);
    QVERIFY(r.compliance >= 0.0 && r.compliance <= 1.0);
    QVERIFY(r.keyCompliance >= 0.0 && r.keyCompliance <= 1.0);
    QVERIFY2(r.compliance > 0.5, qPrintable(QString::number(r.compliance))); // 70% load is answerable
    QVERIFY(r.p90FirstResponse >= 0.0);
    QVERIFY2(r.occupancy > 0.4 && r.occupancy <= 1.0, qPrintable(QString::number(r.occupancy)));
    QVERIFY(r.meanSpread >= 0.0 && r.meanSpread <= r.maxSpread);
    const bool pull =
        SimStrategy(strategy) == SimStrategy::NextTicket || SimStrategy(strategy) == SimStrategy::OldestFirst;
    if (pull) {
        QCOMPARE(r.reroutes, 0); // nothing is pushed, so nothing times out
        QVERIFY(r.maxSpread <= 1);
    }
}

void TestRoutingSim::deterministicForASeed()
{
    SimConfig c = small();
    const QList<Arrival> a = demoArrivals(c, capacityPerHour(c) * 0.9);
    const QList<Arrival> b = demoArrivals(c, capacityPerHour(c) * 0.9);
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.last().at, b.last().at);
    const SimResult r1 = simulate(c, SimStrategy::EarliestDeadline, a);
    const SimResult r2 = simulate(c, SimStrategy::EarliestDeadline, b);
    QCOMPARE(r1.compliance, r2.compliance);
    QCOMPARE(r1.p90FirstResponse, r2.p90FirstResponse);
    QCOMPARE(r1.occupancy, r2.occupancy);
    QCOMPARE(r1.reroutes, r2.reroutes);
    c.seed = 8;
    QVERIFY(demoArrivals(c, capacityPerHour(c) * 0.9).first().at != a.first().at);
}

void TestRoutingSim::overloadHurts()
{
    const SimConfig c = small();
    const SimResult light = simulate(c, SimStrategy::NextTicket, demoArrivals(c, capacityPerHour(c) * 0.5));
    const SimResult heavy = simulate(c, SimStrategy::NextTicket, demoArrivals(c, capacityPerHour(c) * 1.3));
    QVERIFY2(heavy.compliance < light.compliance,
             qPrintable(u"%1 vs %2"_s.arg(heavy.compliance).arg(light.compliance)));
    QVERIFY(heavy.p90FirstResponse > light.p90FirstResponse);
    QVERIFY(heavy.occupancy > light.occupancy);
}

void TestRoutingSim::pushWithOneInHandIsNextTicket()
{
    // With max_open 1 the engine pushes only to idle agents, the most urgent ticket first: the same work as
    // idle agents taking the most urgent ticket with "Next ticket", so the figures must be equal.
    SimConfig c = small();
    c.maxOpen = 1;
    const QList<Arrival> arrivals = demoArrivals(c, capacityPerHour(c) * 0.9);
    const SimResult push = simulate(c, SimStrategy::EarliestDeadline, arrivals);
    const SimResult pull = simulate(c, SimStrategy::NextTicket, arrivals);
    QCOMPARE(push.compliance, pull.compliance);
    QCOMPARE(push.keyCompliance, pull.keyCompliance);
    QCOMPARE(push.reroutes, 0);
    // Queued behind busy agents, pushed tickets bounce on the acceptance timeout.
    c.maxOpen = 3;
    QVERIFY(simulate(c, SimStrategy::EarliestDeadline, arrivals).reroutes > 0);
}

QTEST_GUILESS_MAIN(TestRoutingSim)
#include "tst_routing_sim.moc"
