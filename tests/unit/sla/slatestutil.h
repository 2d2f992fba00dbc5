#pragma once

#include "models/sla/businesscalendar.h"
#include "tests/common/isoinstant.h"

#include <QByteArray>
#include <QTest>
#include <QTimeZone>

// Shared fixtures of the SLA tests: calendars by key and ISO instants with explicit offsets, so no expected
// value ever depends on the process time zone.

namespace pd::test {

inline Instant at(const QString &iso)
{
    return at(iso.toLatin1().constData());
}

inline constexpr qint64 kMin = 60 * 1000;
inline constexpr qint64 kHour = 60 * kMin;

inline QList<TimeRange> officeRanges()
{
    return {{9 * 60, 12 * 60}, {13 * 60 + 30, 18 * 60}};
}

/// "cn": Mon–Fri 09:00–12:00 + 13:30–18:00 Asia/Shanghai, National Day 1–7 Oct 2026, Saturday 10 Oct worked.
/// "ny": the same office hours in America/New_York. "ny_daily": every day 09:00–17:00 New York.
/// "ny_allday": every day 00:00–24:00 New York. "ny_night": Sundays 01:00–04:00 New York.
/// "ny_gap": only 8 Mar 2026 02:30–03:30 New York (a wall-clock range inside the spring-forward gap).
inline BusinessCalendar calendar(const QString &key)
{
    if (key == u"cn") {
        BusinessCalendar c = BusinessCalendar::officeHours(QByteArrayLiteral("Asia/Shanghai"));
        c.setName(QStringLiteral("cn"));
        for (int d = 1; d <= 7; ++d)
            c.addHoliday(QDate(2026, 10, d));
        c.setExtraWorkingDay(QDate(2026, 10, 10), officeRanges());
        return c;
    }
    if (key == u"ny") {
        BusinessCalendar c = BusinessCalendar::officeHours(QByteArrayLiteral("America/New_York"));
        c.setName(QStringLiteral("ny"));
        return c;
    }
    BusinessCalendar c(QByteArrayLiteral("America/New_York"));
    c.setName(key);
    if (key == u"ny_daily") {
        for (int d = 1; d <= 7; ++d)
            c.setWeekdayHours(d, {{9 * 60, 17 * 60}});
    } else if (key == u"ny_allday") {
        for (int d = 1; d <= 7; ++d)
            c.setWeekdayHours(d, {{0, 24 * 60}});
    } else if (key == u"ny_night") {
        c.setWeekdayHours(7, {{60, 4 * 60}});
    } else if (key == u"ny_gap") {
        c.setExtraWorkingDay(QDate(2026, 3, 8), {{2 * 60 + 30, 3 * 60 + 30}});
    } else {
        qFatal("unknown calendar key in test data");
    }
    return c;
}

/// The process time zone must be the one CTest set, or the three registrations would test the same thing.
inline void verifyProcessTimeZone()
{
    const QByteArray tz = qgetenv("TZ");
    if (!tz.isEmpty())
        QCOMPARE(QTimeZone::systemTimeZoneId(), tz);
}

} // namespace pd::test
