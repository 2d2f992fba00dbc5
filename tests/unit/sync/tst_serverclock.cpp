#include "sync/serverclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace pd;

class TestServerClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpDate();
    void preciseHeaderAndMidpoint();
    void medianIgnoresOneOutlier();
    void wrongPcClockDoesNotMoveServerTime();
    void localJumpForwarded();
    void coarseAndSlowSamplesDoNotJump();
    void stepBelievedWhenTwoSamplesAgree();
};

void TestServerClock::httpDate()
{
    QCOMPARE(ServerClock::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"),
             std::optional<qint64>(784111777000));
    QCOMPARE(ServerClock::formatHttpDate(784111777000), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
    QVERIFY(!ServerClock::parseHttpDate("yesterday").has_value());
    QVERIFY(!ServerClock::parseHttpDate("").has_value());
}

void TestServerClock::preciseHeaderAndMidpoint()
{
    ManualClock local(1'000'000);
    ServerClock clock(&local);
    QSignalSpy jumped(&clock, &Clock::jumped);
    // Sent at 1,000,000, received at 1,000,200: the server stamped 5,000,100 at the midpoint.
    clock.observe(1'000'000, 1'000'200, "Thu, 01 Jan 1970 01:23:20 GMT", "5000100");
    QCOMPARE(clock.offsetMs(), 4'000'000);
    QCOMPARE(clock.nowMs(), 5'000'000);
    QCOMPARE(jumped.count(), 1);
    // Without the precise header the Date header (whole seconds) is read as the middle of its second.
    ServerClock coarse(&local);
    coarse.observe(1'000'000, 1'000'000, ServerClock::formatHttpDate(5'000'000));
    QCOMPARE(coarse.offsetMs(), 4'000'500);
}

void TestServerClock::medianIgnoresOneOutlier()
{
    ManualClock local(0);
    ServerClock clock(&local);
    for (int i = 0; i < 4; ++i)
        clock.observe(1000 * i, 1000 * i + 100, {}, QByteArray::number(1000 * i + 50 + 7200000));
    QCOMPARE(clock.offsetMs(), 7200000);
    clock.observe(10000, 19000, {}, QByteArray::number(10000 + 7200000)); // a slow response, skewed sample
    QCOMPARE(clock.offsetMs(), 7200000);
    QVERIFY(clock.hasMeasurement());
}

void TestServerClock::wrongPcClockDoesNotMoveServerTime()
{
    // The PC is two hours fast; the server time seen by the console stays right.
    const qint64 serverNow = 1'795'420'800'000;
    ManualClock local(serverNow + 2 * 3600 * 1000);
    ServerClock clock(&local);
    clock.observe(local.nowMs(), local.nowMs() + 40, {}, QByteArray::number(serverNow + 20));
    QCOMPARE(clock.nowMs(), serverNow);
    QCOMPARE(clock.offsetMs(), -2 * 3600 * 1000);
}

void TestServerClock::localJumpForwarded()
{
    ManualClock local(0);
    ServerClock clock(&local);
    QSignalSpy jumped(&clock, &Clock::jumped);
    clock.setOffsetMs(100); // below the threshold: no jump
    QCOMPARE(jumped.count(), 0);
    local.advance(60000);
    QCOMPARE(jumped.count(), 1);
    QCOMPARE(clock.nowMs(), 60100);
    clock.observe(100, 50, {}, "999999"); // received before sent: ignored
    QCOMPARE(clock.offsetMs(), 100);
}

// Seen in the console: 1,788 "server clock offset now … ms" lines in 20 minutes. Responses with only a Date
// header (±500 ms) and slow ones (half their round trip) between precise ones moved the median of five back
// and forth by more than the jump threshold. The most precise sample wins now: one jump at the start, no
// more.
void TestServerClock::coarseAndSlowSamplesDoNotJump()
{
    ManualClock local(1'000'000);
    ServerClock clock(&local);
    QSignalSpy jumped(&clock, &Clock::jumped);
    QSignalSpy localJumps(&local, &Clock::jumped); // ManualClock::advance() is a jump too, forwarded
    const qint64 offset = 3'000'000;
    for (int i = 0; i < 200; ++i) {
        const qint64 sent = local.nowMs();
        const qint64 rtt = i % 3 == 0 ? 900 : 20; // every third exchange is a slow one
        const qint64 stamped = sent + (i % 3 == 0 ? rtt - 5 : rtt / 2) + offset; // stamped late in a slow one
        if (i % 2 == 0)
            clock.observe(sent, sent + rtt, {}, QByteArray::number(stamped));
        else
            clock.observe(sent, sent + rtt, ServerClock::formatHttpDate(stamped)); // whole seconds only
        local.advance(rtt + 3001);
    }
    QCOMPARE(jumped.count() - localJumps.count(), 1); // the first measurement
    QVERIFY2(qAbs(clock.offsetMs() - offset) <= 10, qPrintable(QString::number(clock.offsetMs())));
}

// The server restarted with its clock an hour back: one disagreeing sample is not believed (it could be a
// stalled response), two that agree are, and the old samples are dropped at once.
void TestServerClock::stepBelievedWhenTwoSamplesAgree()
{
    ManualClock local(0);
    ServerClock clock(&local);
    const qint64 hour = 3'600'000;
    for (int i = 0; i < 8; ++i) {
        clock.observe(local.nowMs(), local.nowMs() + 10, {}, QByteArray::number(local.nowMs() + 5 + hour));
        local.advance(1000);
    }
    QCOMPARE(clock.offsetMs(), hour);
    local.advance(1000);
    QSignalSpy jumped(&clock, &Clock::jumped);
    clock.observe(local.nowMs(), local.nowMs() + 40, {}, QByteArray::number(local.nowMs() + 20));
    QCOMPARE(clock.offsetMs(), hour);
    QCOMPARE(jumped.count(), 0);
    const qint64 at = local.nowMs();
    clock.observe(at, at + 30, {}, QByteArray::number(at + 15));
    QCOMPARE(clock.offsetMs(), 0);
    QCOMPARE(jumped.count(), 1);
    QCOMPARE(jumped.first().at(0).toLongLong(), -hour);
}

QTEST_GUILESS_MAIN(TestServerClock)
#include "tst_serverclock.moc"
