// Instants as ISO 8601 text: the server writes and reads one for every scan it stores, so the usual form
// ("2026-11-23T08:15:00.000Z", or with an offset) is converted here by hand, and anything else by QDateTime.
#include "entities.h"

#include <QDateTime>

namespace pd {

namespace {

constexpr qint64 kDayMs = 86400000;
constexpr Instant kYear1000 = -30610224000000;  // 1000-01-01T00:00:00Z
constexpr Instant kYear10000 = 253402300800000; // 10000-01-01T00:00:00Z

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms").
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, int *y, int *m, int *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = int(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = int(yoe + era * 400) + (*m <= 2);
}

int daysInMonth(int y, int m)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

void put(char16_t *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

// The value of text[at, at + width) when all are digits, else -1.
int digits(QStringView text, qsizetype at, int width)
{
    int value = 0;
    for (qsizetype i = at; i < at + width; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

/**
 * The usual form, "YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)" with a year from 1000 and fields in their ranges;
 * nullopt for anything else, which QDateTime then reads (or refuses) as before.
 */
OptInstant fromUsualIso(QStringView s)
{
    const qsizetype n = s.size();
    if (n != 20 && n != 24 && n != 25 && n != 29)
        return std::nullopt;
    if (s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':')
        return std::nullopt;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 ||
        mi > 59 || sec < 0 || sec > 59)
        return std::nullopt;
    qsizetype at = 19;
    int ms = 0;
    if (s[at] == u'.') {
        if (n - at < 5 || (ms = digits(s, at + 1, 3)) < 0)
            return std::nullopt;
        at += 4;
    }
    int offsetMin = 0;
    if (n - at == 1) {
        if (s[at] != u'Z')
            return std::nullopt;
    } else if (n - at == 6 && (s[at] == u'+' || s[at] == u'-') && s[at + 3] == u':') {
        const int oh = digits(s, at + 1, 2), om = digits(s, at + 4, 2);
        if (oh < 0 || oh > 14 || om < 0 || om > 59)
            return std::nullopt;
        offsetMin = (s[at] == u'-' ? -1 : 1) * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    return daysFromCivil(y, mo, d) * kDayMs + ((h * 60 + mi - offsetMin) * 60LL + sec) * 1000 + ms;
}

} // namespace

QString instantToIso(Instant ms)
{
    if (ms < kYear1000 || ms >= kYear10000)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    const qint64 days = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    const qint64 inDay = ms - days * kDayMs;
    int y = 0, m = 0, d = 0;
    civilFromDays(days, &y, &m, &d);
    QString out(24, Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    put(p, y, 4);
    *p++ = u'-';
    put(p, m, 2);
    *p++ = u'-';
    put(p, d, 2);
    *p++ = u'T';
    put(p, int(inDay / 3600000), 2);
    *p++ = u':';
    put(p, int(inDay / 60000 % 60), 2);
    *p++ = u':';
    put(p, int(inDay / 1000 % 60), 2);
    *p++ = u'.';
    put(p, int(inDay % 1000), 3);
    *p = u'Z';
    return out;
}

OptInstant instantFromIso(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (const OptInstant usual = fromUsualIso(trimmed))
        return usual;
    // An offset or Z is required: a bare local time cannot be placed on the timeline.
    const QString s = trimmed.toString();
    if (s.size() < 20)
        return std::nullopt;
    const bool hasZone =
        s.endsWith(QLatin1Char('Z')) || s.endsWith(QLatin1Char('z')) ||
        (s.size() >= 6 &&
         (s.at(s.size() - 6) == QLatin1Char('+') || s.at(s.size() - 6) == QLatin1Char('-')) &&
         s.at(s.size() - 3) == QLatin1Char(':'));
    if (!hasZone)
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

} // namespace pd
