#include "slatestutil.h"

#include "models/sla/businesscalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestSlaCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processTimeZone() { verifyProcessTimeZone(); }

    void addBusinessTime_data();
    void addBusinessTime();
    void businessTimeBetween_data();
    void businessTimeBetween();
    void intervalsAreConsistent_data() { businessTimeBetween_data(); }
    void intervalsAreConsistent();
    void isBusinessTime_data();
    void isBusinessTime();
    void localDateUsesCalendarZone();
    void longHorizonsAreExact();
    void calendarWithoutHoursNeverEnds();
    void timeRangeText();
    void jsonRoundTrip();
    void jsonErrors_data();
    void jsonErrors();
};

void TestSlaCalendar::addBusinessTime_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("from");
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<QString>("expected");

    // Asia/Shanghai office hours (Mon 2 Mar 2026 is a Monday).
    QTest::addRow("inside morning") << u"cn"_s << u"2026-03-02T10:00:00+08:00"_s << 30 * kMin
                                    << u"2026-03-02T10:30:00+08:00"_s;
    QTest::addRow("across lunch break")
        << u"cn"_s << u"2026-03-02T11:50:00+08:00"_s << 30 * kMin << u"2026-03-02T13:50:00+08:00"_s;
    QTest::addRow("ends exactly at lunch")
        << u"cn"_s << u"2026-03-02T11:30:00+08:00"_s << 30 * kMin << u"2026-03-02T12:00:00+08:00"_s;
    QTest::addRow("created during lunch")
        << u"cn"_s << u"2026-03-02T12:40:00+08:00"_s << 30 * kMin << u"2026-03-02T14:00:00+08:00"_s;
    QTest::addRow("across the night")
        << u"cn"_s << u"2026-03-02T17:50:00+08:00"_s << 30 * kMin << u"2026-03-03T09:20:00+08:00"_s;
    QTest::addRow("created at night")
        << u"cn"_s << u"2026-03-02T22:00:00+08:00"_s << 30 * kMin << u"2026-03-03T09:30:00+08:00"_s;
    QTest::addRow("created before opening")
        << u"cn"_s << u"2026-03-03T07:00:00+08:00"_s << 30 * kMin << u"2026-03-03T09:30:00+08:00"_s;
    QTest::addRow("across the weekend")
        << u"cn"_s << u"2026-03-06T17:45:00+08:00"_s << 30 * kMin << u"2026-03-09T09:15:00+08:00"_s;
    QTest::addRow("created on Saturday")
        << u"cn"_s << u"2026-03-07T10:00:00+08:00"_s << 30 * kMin << u"2026-03-09T09:30:00+08:00"_s;
    QTest::addRow("24 h of business time")
        << u"cn"_s << u"2026-03-02T09:00:00+08:00"_s << 24 * kHour << u"2026-03-05T10:30:00+08:00"_s;
    QTest::addRow("zero duration") << u"cn"_s << u"2026-03-07T10:00:00+08:00"_s << qint64(0)
                                   << u"2026-03-07T10:00:00+08:00"_s;
    QTest::addRow("across National Day")
        << u"cn"_s << u"2026-09-30T17:30:00+08:00"_s << 1 * kHour << u"2026-10-08T09:30:00+08:00"_s;
    QTest::addRow("into a working Saturday")
        << u"cn"_s << u"2026-10-09T17:00:00+08:00"_s << 2 * kHour << u"2026-10-10T10:00:00+08:00"_s;
    QTest::addRow("created on a working Saturday")
        << u"cn"_s << u"2026-10-10T08:00:00+08:00"_s << 4 * kHour << u"2026-10-10T14:30:00+08:00"_s;
    // The same wall-clock hours in another zone give other instants.
    QTest::addRow("New York office") << u"ny"_s << u"2026-03-02T08:30:00-05:00"_s << 30 * kMin
                                     << u"2026-03-02T14:30:00Z"_s;
    QTest::addRow("New York office from Shanghai morning")
        << u"ny"_s << u"2026-03-02T10:00:00+08:00"_s << 30 * kMin << u"2026-03-02T14:30:00Z"_s;
    // Spring forward (Sun 8 Mar 2026): opening is 09:00 EDT = 13:00Z, not 14:00Z.
    QTest::addRow("DST spring forward")
        << u"ny_daily"_s << u"2026-03-07T16:00:00-05:00"_s << 2 * kHour << u"2026-03-08T14:00:00Z"_s;
    // Fall back (Sun 1 Nov 2026): opening is 09:00 EST = 14:00Z.
    QTest::addRow("DST fall back") << u"ny_daily"_s << u"2026-10-31T16:30:00-04:00"_s << 1 * kHour
                                   << u"2026-11-01T14:30:00Z"_s;
    QTest::addRow("24/7 calendar over the short day")
        << u"ny_allday"_s << u"2026-03-08T00:00:00-05:00"_s << 24 * kHour << u"2026-03-09T01:00:00-04:00"_s;
    QTest::addRow("24/7 calendar over the long day")
        << u"ny_allday"_s << u"2026-11-01T00:00:00-04:00"_s << 24 * kHour << u"2026-11-01T23:00:00-05:00"_s;
    QTest::addRow("night range across the gap")
        << u"ny_night"_s << u"2026-03-08T00:00:00-05:00"_s << 90 * kMin << u"2026-03-08T07:30:00Z"_s;
}

void TestSlaCalendar::addBusinessTime()
{
    QFETCH(QString, calendar);
    QFETCH(QString, from);
    QFETCH(qint64, duration);
    QFETCH(QString, expected);
    const BusinessCalendar c = pd::test::calendar(calendar);
    const Instant result = c.addBusinessTime(at(from), duration);
    QCOMPARE(instantToIso(result), instantToIso(at(expected)));
    // The inverse: exactly `duration` of business time lies between the two.
    QCOMPARE(c.businessTimeBetween(at(from), result), duration);
}

void TestSlaCalendar::businessTimeBetween_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("expected");

    QTest::addRow("one office day") << u"cn"_s << u"2026-03-02T09:00:00+08:00"_s
                                    << u"2026-03-02T18:00:00+08:00"_s << qint64(450 * kMin);
    QTest::addRow("over lunch") << u"cn"_s << u"2026-03-02T11:00:00+08:00"_s << u"2026-03-02T14:00:00+08:00"_s
                                << qint64(90 * kMin);
    QTest::addRow("over a weekend") << u"cn"_s << u"2026-03-06T17:00:00+08:00"_s
                                    << u"2026-03-09T10:00:00+08:00"_s << qint64(2 * kHour);
    QTest::addRow("whole week") << u"cn"_s << u"2026-03-02T00:00:00+08:00"_s << u"2026-03-09T00:00:00+08:00"_s
                                << qint64(5 * 450 * kMin);
    QTest::addRow("over National Day")
        << u"cn"_s << u"2026-09-30T09:00:00+08:00"_s << u"2026-10-08T09:00:00+08:00"_s << qint64(450 * kMin);
    QTest::addRow("with a working Saturday")
        << u"cn"_s << u"2026-10-09T09:00:00+08:00"_s << u"2026-10-12T09:00:00+08:00"_s << qint64(900 * kMin);
    QTest::addRow("only night") << u"cn"_s << u"2026-03-02T18:00:00+08:00"_s << u"2026-03-03T09:00:00+08:00"_s
                                << qint64(0);
    QTest::addRow("reversed") << u"cn"_s << u"2026-03-03T09:00:00+08:00"_s << u"2026-03-02T09:00:00+08:00"_s
                              << qint64(0);
    QTest::addRow("New York day seen in UTC")
        << u"ny"_s << u"2026-03-02T00:00:00Z"_s << u"2026-03-03T00:00:00Z"_s << qint64(450 * kMin);
    QTest::addRow("23 h day (spring forward)") << u"ny_allday"_s << u"2026-03-08T00:00:00-05:00"_s
                                               << u"2026-03-09T00:00:00-04:00"_s << qint64(23 * kHour);
    QTest::addRow("25 h day (fall back)") << u"ny_allday"_s << u"2026-11-01T00:00:00-04:00"_s
                                          << u"2026-11-02T00:00:00-05:00"_s << qint64(25 * kHour);
    QTest::addRow("8 h office day after spring forward")
        << u"ny_daily"_s << u"2026-03-08T00:00:00Z"_s << u"2026-03-09T00:00:00Z"_s << qint64(8 * kHour);
    QTest::addRow("01:00-04:00 on spring-forward night")
        << u"ny_night"_s << u"2026-03-08T00:00:00Z"_s << u"2026-03-09T00:00:00Z"_s << qint64(2 * kHour);
    QTest::addRow("01:00-04:00 on fall-back night")
        << u"ny_night"_s << u"2026-11-01T00:00:00Z"_s << u"2026-11-02T00:00:00Z"_s << qint64(4 * kHour);
    QTest::addRow("02:30-03:30 inside the gap")
        << u"ny_gap"_s << u"2026-03-08T00:00:00Z"_s << u"2026-03-09T00:00:00Z"_s << qint64(30 * kMin);
}

void TestSlaCalendar::businessTimeBetween()
{
    QFETCH(QString, calendar);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, expected);
    QCOMPARE(pd::test::calendar(calendar).businessTimeBetween(at(from), at(to)), expected);
}

void TestSlaCalendar::intervalsAreConsistent()
{
    QFETCH(QString, calendar);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, expected);
    const BusinessCalendar c = pd::test::calendar(calendar);
    const auto intervals = c.businessIntervals(at(from), at(to));
    qint64 sum = 0;
    Instant previousEnd = at(from);
    for (const Interval &iv : intervals) {
        QVERIFY(iv.start >= previousEnd);
        QVERIFY(iv.end > iv.start);
        QVERIFY(c.isBusinessTime(iv.start));
        QVERIFY(!c.isBusinessTime(iv.end) || iv.end == at(to));
        sum += iv.end - iv.start;
        previousEnd = iv.end;
    }
    QCOMPARE(sum, expected);
}

void TestSlaCalendar::isBusinessTime_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("instant");
    QTest::addColumn<bool>("expected");

    QTest::addRow("opening instant") << u"cn"_s << u"2026-03-02T09:00:00+08:00"_s << true;
    QTest::addRow("closing instant") << u"cn"_s << u"2026-03-02T18:00:00+08:00"_s << false;
    QTest::addRow("lunch") << u"cn"_s << u"2026-03-02T12:30:00+08:00"_s << false;
    QTest::addRow("Sunday") << u"cn"_s << u"2026-03-08T10:00:00+08:00"_s << false;
    QTest::addRow("holiday Thursday") << u"cn"_s << u"2026-10-01T10:00:00+08:00"_s << false;
    QTest::addRow("working Saturday") << u"cn"_s << u"2026-10-10T10:00:00+08:00"_s << true;
    QTest::addRow("ordinary Saturday") << u"cn"_s << u"2026-10-17T10:00:00+08:00"_s << false;
    QTest::addRow("Monday 10:00 Shanghai is Sunday night in New York")
        << u"ny"_s << u"2026-03-02T10:00:00+08:00"_s << false;
    QTest::addRow("New York opening after spring forward")
        << u"ny_daily"_s << u"2026-03-08T13:00:00Z"_s << true;
    QTest::addRow("an hour before it") << u"ny_daily"_s << u"2026-03-08T12:59:59Z"_s << false;
    QTest::addRow("gap range starts at the transition") << u"ny_gap"_s << u"2026-03-08T07:00:00Z"_s << true;
    QTest::addRow("before the transition") << u"ny_gap"_s << u"2026-03-08T06:59:00Z"_s << false;
}

void TestSlaCalendar::isBusinessTime()
{
    QFETCH(QString, calendar);
    QFETCH(QString, instant);
    QFETCH(bool, expected);
    QCOMPARE(pd::test::calendar(calendar).isBusinessTime(at(instant)), expected);
}

void TestSlaCalendar::localDateUsesCalendarZone()
{
    const Instant t = at("2026-03-02T02:00:00Z");
    QCOMPARE(calendar(u"cn"_s).localDate(t), QDate(2026, 3, 2));
    QCOMPARE(calendar(u"ny"_s).localDate(t), QDate(2026, 3, 1));
    QCOMPARE(calendar(u"ny"_s).localToUtc(QDate(2026, 11, 1), 90),
             at("2026-11-01T05:30:00Z"));                                                       // first 01:30
    QCOMPARE(calendar(u"ny"_s).localToUtc(QDate(2026, 3, 8), 150), at("2026-03-08T07:00:00Z")); // gap
    QCOMPARE(calendar(u"cn"_s).localToUtc(QDate(2026, 3, 2), 24 * 60), at("2026-03-02T16:00:00Z"));
}

void TestSlaCalendar::longHorizonsAreExact()
{
    // Business time is added a day at a time: a year of business time over Chinese office hours
    // (about 1,200 calendar days of iterations per call) must still be answered exactly.
    const BusinessCalendar c = calendar(u"cn"_s);
    const Instant from = at("2026-03-02T09:00:00+08:00");
    const qint64 year = 260 * 450 * kMin; // 260 working days
    const Instant end = c.addBusinessTime(from, year);
    QVERIFY(end != BusinessCalendar::kNever);
    QCOMPARE(c.businessTimeBetween(from, end), year);
    QVERIFY(c.isBusinessTime(end - 1));
}

void TestSlaCalendar::calendarWithoutHoursNeverEnds()
{
    const BusinessCalendar empty;
    QVERIFY(!empty.hasBusinessHours());
    QCOMPARE(empty.addBusinessTime(at("2026-03-02T09:00:00Z"), kMin), BusinessCalendar::kNever);
    QCOMPARE(empty.businessTimeBetween(at("2026-03-02T09:00:00Z"), at("2026-04-02T09:00:00Z")), qint64(0));
}

void TestSlaCalendar::timeRangeText()
{
    QCOMPARE(TimeRange::parseMinute(u"13:30").value_or(-1), 13 * 60 + 30);
    QCOMPARE(TimeRange::parseMinute(u"24:00").value_or(-1), 24 * 60);
    QCOMPARE(TimeRange::parseMinute(u"24:01").value_or(-1), -1);
    QCOMPARE(TimeRange::parseMinute(u"9:00").value_or(-1), -1);
    QCOMPARE(TimeRange::parseMinute(u"09:60").value_or(-1), -1);
    QCOMPARE(TimeRange::minuteText(24 * 60), u"24:00"_s);
    QCOMPARE(TimeRange::minuteText(9 * 60 + 5), u"09:05"_s);

    BusinessCalendar c;
    c.setWeekdayHours(1, {{13 * 60, 14 * 60}, {9 * 60, 12 * 60}, {11 * 60, 13 * 60}, {15 * 60, 15 * 60}});
    QCOMPARE(c.weekdayHours(1), (QList<TimeRange>{{9 * 60, 14 * 60}})); // sorted, merged, empty dropped
}

void TestSlaCalendar::jsonRoundTrip()
{
    const BusinessCalendar c = calendar(u"cn"_s);
    const QJsonObject json = c.toJson();
    QCOMPARE(json.value(u"time_zone").toString(), u"Asia/Shanghai"_s);
    QCOMPARE(json.value(u"weekly_hours")[u"mon"][1][u"start"].toString(), u"13:30"_s);
    QCOMPARE(json.value(u"holidays").toArray().size(), 7);
    QCOMPARE(json.value(u"holidays")[0].toString(), u"2026-10-01"_s);
    QCOMPARE(json.value(u"extra_working_days")[0][u"date"].toString(), u"2026-10-10"_s);

    JsonError error;
    const auto back = BusinessCalendar::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error.field + u": " + error.message));
    QVERIFY(*back == c);
    QCOMPARE(back->addBusinessTime(at("2026-10-09T17:00:00+08:00"), 2 * kHour),
             at("2026-10-10T10:00:00+08:00"));
}

void TestSlaCalendar::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    const QByteArray hours = R"("weekly_hours": {"mon": [{"start": "09:00", "end": "18:00"}]})";
    QTest::addRow("unknown zone") << (R"({"time_zone": "Mars/Olympus", )" + hours + "}") << u"time_zone"_s;
    QTest::addRow("end before start")
        << QByteArray(R"({"weekly_hours": {"tue": [{"start": "18:00", "end": "09:00"}]}})")
        << u"weekly_hours.tue"_s;
    QTest::addRow("bad time") << QByteArray(R"({"weekly_hours": {"wed": [{"start": "9h", "end": "18:00"}]}})")
                              << u"weekly_hours.wed"_s;
    QTest::addRow("no hours at all") << QByteArray(R"({"time_zone": "Asia/Shanghai"})") << u"weekly_hours"_s;
    QTest::addRow("bad holiday") << (R"({"holidays": ["2026-02-30"], )" + hours + "}") << u"holidays"_s;
    QTest::addRow("extra day without hours")
        << (R"({"extra_working_days": [{"date": "2026-10-10"}], )" + hours + "}")
        << u"extra_working_days.hours"_s;
}

void TestSlaCalendar::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    QCOMPARE(parse.error, QJsonParseError::NoError);
    JsonError error;
    QVERIFY(!BusinessCalendar::fromJson(doc.object(), &error));
    QCOMPARE(error.field, field);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSlaCalendar)
#include "tst_sla_calendar.moc"
