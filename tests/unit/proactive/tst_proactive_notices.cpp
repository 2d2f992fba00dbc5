#include "models/proactive/noticeplanner.h"
#include "proactivetestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

// When a notice may go: quiet hours in the company's zone (run under TZ=UTC and TZ=America/New_York),
// one notice per parcel and cause, the per-minute rate limit.
class TestProactiveNotices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietHoursAcrossMidnight_data();
    void quietHoursAcrossMidnight();
    void urgentNotices();
    void quietHoursWithinADay();
    void quietHoursOff();
    void quietHoursInAnotherZoneAcrossDst();
    void oncePerParcelAndCause();
    void noRecipient();
    void rateLimit();
    void rateLimitAndQuietHoursPushEachOther();
    void cancelGivesTheSlotBack();
};

namespace {

PlannedNotice notice(Instant when, const QString &waybill = u"SF1"_s, const QString &cause = u"inc-1"_s,
                     bool urgent = false)
{
    PlannedNotice n;
    n.waybillNo = waybill;
    n.cause = cause;
    n.urgent = urgent;
    n.recipientToken = u"tok-"_s + waybill;
    n.at = when;
    return n;
}

ProactivePolicy perMinute(int limit)
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setNoticesPerMinute(limit);
    return p;
}

} // namespace

void TestProactiveNotices::quietHoursAcrossMidnight_data()
{
    QTest::addColumn<Instant>("when");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<Instant>("sendAt");
    // Asia/Shanghai, 22:00–08:00.
    const Instant morning = at("2026-11-24T08:00:00+08:00");
    QTest::addRow("21:59:59 evening")
        << at("2026-11-23T21:59:59+08:00") << int(NoticeVerdict::SendNow) << at("2026-11-23T21:59:59+08:00");
    QTest::addRow("22:00 starts") << at("2026-11-23T22:00:00+08:00") << int(NoticeVerdict::Later) << morning;
    QTest::addRow("23:30 before midnight")
        << at("2026-11-23T23:30:00+08:00") << int(NoticeVerdict::Later) << morning;
    QTest::addRow("00:00 midnight") << at("2026-11-24T00:00:00+08:00") << int(NoticeVerdict::Later)
                                    << morning;
    QTest::addRow("03:00 after midnight")
        << at("2026-11-24T03:00:00+08:00") << int(NoticeVerdict::Later) << morning;
    QTest::addRow("07:59:59") << at("2026-11-24T07:59:59+08:00") << int(NoticeVerdict::Later) << morning;
    QTest::addRow("08:00 ends") << morning << int(NoticeVerdict::SendNow) << morning;
    QTest::addRow("noon") << at("2026-11-24T12:00:00+08:00") << int(NoticeVerdict::SendNow)
                          << at("2026-11-24T12:00:00+08:00");
    // 15:00 UTC is 23:00 in Shanghai, whatever the machine's zone says.
    QTest::addRow("15:00Z") << at("2026-11-23T15:00:00Z") << int(NoticeVerdict::Later) << morning;
}

void TestProactiveNotices::quietHoursAcrossMidnight()
{
    QFETCH(Instant, when);
    QFETCH(int, verdict);
    QFETCH(Instant, sendAt);
    NoticePlanner planner;
    const NoticeDecision d = planner.decide(notice(when));
    QCOMPARE(int(d.verdict), verdict);
    QCOMPARE(d.sendAt, sendAt);
    QCOMPARE(d.reason, verdict == int(NoticeVerdict::Later) ? u"quiet_hours"_s : QString());
    QCOMPARE(planner.inQuietHours(when), verdict == int(NoticeVerdict::Later));
    QCOMPARE(planner.nextAllowed(when), sendAt);
}

void TestProactiveNotices::urgentNotices()
{
    const Instant night = at("2026-11-23T23:00:00+08:00");
    NoticePlanner planner;
    const NoticeDecision urgent = planner.decide(notice(night, u"SF1"_s, u"inc-1"_s, true));
    QCOMPARE(urgent.verdict, NoticeVerdict::SendNow);
    QCOMPARE(urgent.sendAt, night);
    ProactivePolicy p = ProactivePolicy::defaults();
    ProactivePolicy::QuietHours q = p.quietHours();
    q.urgentMayBreak = false;
    p.setQuietHours(q);
    NoticePlanner strict(p);
    const NoticeDecision held = strict.decide(notice(night, u"SF1"_s, u"inc-1"_s, true));
    QCOMPARE(held.verdict, NoticeVerdict::Later);
    QCOMPARE(held.sendAt, at("2026-11-24T08:00:00+08:00"));
}

void TestProactiveNotices::quietHoursWithinADay()
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setQuietHours({true, QTime(12, 0), QTime(14, 0), true});
    NoticePlanner planner(p);
    QVERIFY(!planner.inQuietHours(at("2026-11-23T11:59:00+08:00")));
    QVERIFY(planner.inQuietHours(at("2026-11-23T12:00:00+08:00")));
    QCOMPARE(planner.nextAllowed(at("2026-11-23T13:15:00+08:00")), at("2026-11-23T14:00:00+08:00"));
    QVERIFY(!planner.inQuietHours(at("2026-11-23T23:00:00+08:00")));
}

void TestProactiveNotices::quietHoursOff()
{
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setQuietHours({false, QTime(22, 0), QTime(8, 0), true});
    NoticePlanner planner(p);
    const Instant night = at("2026-11-23T23:00:00+08:00");
    QCOMPARE(planner.decide(notice(night)).verdict, NoticeVerdict::SendNow);
}

void TestProactiveNotices::quietHoursInAnotherZoneAcrossDst()
{
    // A company in New York: on 2026-03-08 clocks go from 02:00 EST to 03:00 EDT inside the quiet hours.
    ProactivePolicy p = ProactivePolicy::defaults();
    p.setTimeZone(QByteArrayLiteral("America/New_York"));
    NoticePlanner planner(p);
    const Instant evening = at("2026-03-07T23:00:00-05:00");
    QVERIFY(planner.inQuietHours(evening));
    QCOMPARE(planner.nextAllowed(evening), at("2026-03-08T08:00:00-04:00"));
    QCOMPARE(planner.nextAllowed(evening), at("2026-03-08T12:00:00Z"));
    // The same instant is 12:00 in Shanghai: not quiet there.
    QVERIFY(!NoticePlanner().inQuietHours(evening));
}

void TestProactiveNotices::oncePerParcelAndCause()
{
    NoticePlanner planner;
    const Instant noon = at("2026-11-23T12:00:00+08:00");
    QCOMPARE(planner.book(notice(noon)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(planner.booked(u"SF1"_s, u"inc-1"_s), 1);
    const NoticeDecision again = planner.book(notice(noon + kHour));
    QCOMPARE(again.verdict, NoticeVerdict::Never);
    QCOMPARE(again.reason, u"already_notified"_s);
    QCOMPARE(again.sendAt, 0);
    QCOMPARE(planner.booked(u"SF1"_s, u"inc-1"_s), 1);
    // Another cause for the same parcel, or the same cause for another parcel, may go.
    QCOMPARE(planner.book(notice(noon, u"SF1"_s, u"SF1:damage_scan"_s)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(planner.book(notice(noon, u"SF2"_s)).verdict, NoticeVerdict::SendNow);
    // decide() books nothing.
    NoticePlanner fresh;
    QCOMPARE(fresh.decide(notice(noon)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(fresh.decide(notice(noon)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(fresh.booked(u"SF1"_s, u"inc-1"_s), 0);
    // A policy allowing two.
    ProactivePolicy two = ProactivePolicy::defaults();
    two.setMaxNoticesPerParcelAndCause(2);
    NoticePlanner twice(two);
    QCOMPARE(twice.book(notice(noon)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(twice.book(notice(noon + kHour)).verdict, NoticeVerdict::SendNow);
    QCOMPARE(twice.book(notice(noon + 2 * kHour)).verdict, NoticeVerdict::Never);
}

void TestProactiveNotices::noRecipient()
{
    NoticePlanner planner;
    PlannedNotice n = notice(at("2026-11-23T12:00:00+08:00"));
    n.recipientToken.clear();
    const NoticeDecision d = planner.book(n);
    QCOMPARE(d.verdict, NoticeVerdict::Never);
    QCOMPARE(d.reason, u"no_recipient"_s);
    QCOMPARE(planner.booked(u"SF1"_s, u"inc-1"_s), 0);
}

void TestProactiveNotices::rateLimit()
{
    NoticePlanner planner(perMinute(3));
    const Instant noon = at("2026-11-23T12:00:20+08:00");
    for (int i = 0; i < 3; ++i) {
        const NoticeDecision d = planner.book(notice(noon, u"SF%1"_s.arg(i)));
        QCOMPARE(d.verdict, NoticeVerdict::SendNow);
        QCOMPARE(d.sendAt, noon);
    }
    QCOMPARE(planner.bookedInMinute(noon), 3);
    // The fourth waits for the next minute's start, the seventh for the one after.
    const NoticeDecision fourth = planner.book(notice(noon, u"SF3"_s));
    QCOMPARE(fourth.verdict, NoticeVerdict::Later);
    QCOMPARE(fourth.reason, u"rate_limit"_s);
    QCOMPARE(fourth.sendAt, at("2026-11-23T12:01:00+08:00"));
    planner.book(notice(noon, u"SF4"_s));
    planner.book(notice(noon, u"SF5"_s));
    QCOMPARE(planner.book(notice(noon, u"SF6"_s)).sendAt, at("2026-11-23T12:02:00+08:00"));
    QCOMPARE(planner.bookedInMinute(at("2026-11-23T12:01:59+08:00")), 3);
    // Later in a free minute: at once.
    QCOMPARE(planner.decide(notice(noon + 5 * kMinute, u"SF7"_s)).sendAt, noon + 5 * kMinute);
    // No limit.
    NoticePlanner unlimited(perMinute(0));
    for (int i = 0; i < 500; ++i)
        QCOMPARE(unlimited.book(notice(noon, u"SF%1"_s.arg(i))).verdict, NoticeVerdict::SendNow);
    planner.forgetMinutesBefore(at("2026-11-23T12:02:00+08:00"));
    QCOMPARE(planner.bookedInMinute(noon), 0);
    QCOMPARE(planner.bookedInMinute(at("2026-11-23T12:02:00+08:00")), 1);
}

void TestProactiveNotices::rateLimitAndQuietHoursPushEachOther()
{
    NoticePlanner planner(perMinute(1));
    const Instant lastMinute = at("2026-11-23T21:59:30+08:00");
    QCOMPARE(planner.book(notice(lastMinute, u"SF1"_s)).verdict, NoticeVerdict::SendNow);
    // The minute is full; the next one is quiet: the morning.
    const NoticeDecision pushed = planner.book(notice(lastMinute + 10 * 1000, u"SF2"_s));
    QCOMPARE(pushed.verdict, NoticeVerdict::Later);
    QCOMPARE(pushed.sendAt, at("2026-11-24T08:00:00+08:00"));
    QCOMPARE(pushed.reason, u"quiet_hours"_s);
    // Quiet now, and the morning's first minute is taken: 08:01.
    const NoticeDecision third = planner.book(notice(at("2026-11-23T23:00:00+08:00"), u"SF3"_s));
    QCOMPARE(third.sendAt, at("2026-11-24T08:01:00+08:00"));
    QCOMPARE(third.reason, u"rate_limit"_s);
    // An urgent notice at night still needs a free minute.
    const Instant night = at("2026-11-23T23:00:10+08:00");
    QCOMPARE(planner.book(notice(night, u"SF4"_s, u"inc-1"_s, true)).sendAt, night);
    const NoticeDecision urgent = planner.book(notice(night, u"SF5"_s, u"inc-1"_s, true));
    QCOMPARE(urgent.sendAt, at("2026-11-23T23:01:00+08:00"));
    QCOMPARE(urgent.reason, u"rate_limit"_s);
}

void TestProactiveNotices::cancelGivesTheSlotBack()
{
    NoticePlanner planner(perMinute(1));
    const Instant noon = at("2026-11-23T12:00:00+08:00");
    const PlannedNotice n = notice(noon);
    QCOMPARE(planner.book(n).sendAt, noon);
    QCOMPARE(planner.decide(notice(noon, u"SF2"_s)).sendAt, noon + kMinute);
    planner.cancel(n, noon);
    QCOMPARE(planner.booked(u"SF1"_s, u"inc-1"_s), 0);
    QCOMPARE(planner.bookedInMinute(noon), 0);
    QCOMPARE(planner.decide(notice(noon, u"SF2"_s)).sendAt, noon);
    QCOMPARE(planner.book(n).verdict, NoticeVerdict::SendNow);
}

QTEST_GUILESS_MAIN(TestProactiveNotices)
#include "tst_proactive_notices.moc"
