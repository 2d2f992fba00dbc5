#include "businesscalendar.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>

#include <algorithm>

namespace pd {

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01

constexpr std::array<const char *, 7> kWeekdayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

QList<TimeRange> normalized(QList<TimeRange> ranges)
{
    for (auto &r : ranges) {
        r.startMinute = std::clamp(r.startMinute, 0, 1440);
        r.endMinute = std::clamp(r.endMinute, 0, 1440);
    }
    ranges.removeIf([](const TimeRange &r) { return r.endMinute <= r.startMinute; });
    std::sort(ranges.begin(), ranges.end(),
              [](const TimeRange &a, const TimeRange &b) { return a.startMinute < b.startMinute; });
    QList<TimeRange> out;
    for (const auto &r : ranges) {
        if (!out.isEmpty() && r.startMinute <= out.last().endMinute)
            out.last().endMinute = std::max(out.last().endMinute, r.endMinute);
        else
            out.append(r);
    }
    return out;
}

QJsonArray rangesToJson(const QList<TimeRange> &ranges)
{
    QJsonArray a;
    for (const auto &r : ranges) {
        a.append(QJsonObject{{QStringLiteral("start"), TimeRange::minuteText(r.startMinute)},
                             {QStringLiteral("end"), TimeRange::minuteText(r.endMinute)}});
    }
    return a;
}

} // namespace

QString TimeRange::minuteText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

std::optional<int> TimeRange::parseMinute(QStringView text)
{
    if (text.size() != 5 || text[2] != QLatin1Char(':'))
        return std::nullopt;
    bool okH = false;
    bool okM = false;
    const int h = text.first(2).toInt(&okH);
    const int m = text.last(2).toInt(&okM);
    if (!okH || !okM || h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0))
        return std::nullopt;
    return h * 60 + m;
}

BusinessCalendar::BusinessCalendar()
    : m_zone(QByteArrayLiteral("Asia/Shanghai"))
    , m_offsets(offsetTable(m_zone))
{}

std::shared_ptr<const BusinessCalendar::OffsetTable> BusinessCalendar::offsetTable(const QTimeZone &zone)
{
    // One table per zone id for the whole process; built under a lock, read-only afterwards.
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<const OffsetTable>> cache;
    const QMutexLocker lock(&mutex);
    if (auto hit = cache.value(zone.id()))
        return hit;
    auto table = std::make_shared<OffsetTable>();
    const QDateTime from(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC);
    table->validFrom = from.toMSecsSinceEpoch();
    table->validTo = to.toMSecsSinceEpoch();
    table->initialOffsetMs = qint64(zone.offsetFromUtc(from)) * 1000;
    for (const auto &t : zone.transitions(from, to)) {
        table->transitions.push_back(t.atUtc.toMSecsSinceEpoch());
        table->offsetsAfterMs.push_back(qint64(t.offsetFromUtc) * 1000);
    }
    cache.insert(zone.id(), table);
    return table;
}

BusinessCalendar::BusinessCalendar(const QByteArray &ianaId)
    : BusinessCalendar()
{
    setTimeZone(ianaId);
}

BusinessCalendar BusinessCalendar::officeHours(const QByteArray &ianaId)
{
    BusinessCalendar c(ianaId);
    c.setName(QStringLiteral("office"));
    for (int day = 1; day <= 5; ++day)
        c.setWeekdayHours(day, {{9 * 60, 12 * 60}, {13 * 60 + 30, 18 * 60}});
    return c;
}

bool BusinessCalendar::setTimeZone(const QByteArray &ianaId)
{
    QTimeZone zone(ianaId);
    if (!zone.isValid())
        return false;
    m_zone = zone;
    m_offsets = offsetTable(m_zone);
    return true;
}

void BusinessCalendar::setWeekdayHours(int isoWeekday, const QList<TimeRange> &ranges)
{
    if (isoWeekday >= 1 && isoWeekday <= 7)
        m_week[std::size_t(isoWeekday - 1)] = normalized(ranges);
}

QList<TimeRange> BusinessCalendar::weekdayHours(int isoWeekday) const
{
    if (isoWeekday < 1 || isoWeekday > 7)
        return {};
    return m_week[std::size_t(isoWeekday - 1)];
}

void BusinessCalendar::addHoliday(QDate date)
{
    if (date.isValid())
        m_holidays.insert(date);
}

void BusinessCalendar::removeHoliday(QDate date)
{
    m_holidays.remove(date);
}

QList<QDate> BusinessCalendar::holidays() const
{
    QList<QDate> out(m_holidays.cbegin(), m_holidays.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void BusinessCalendar::setExtraWorkingDay(QDate date, const QList<TimeRange> &ranges)
{
    if (date.isValid())
        m_extraDays.insert(date, normalized(ranges));
}

void BusinessCalendar::removeExtraWorkingDay(QDate date)
{
    m_extraDays.remove(date);
}

const QList<TimeRange> &BusinessCalendar::rangesOn(QDate date) const
{
    static const QList<TimeRange> kNone;
    if (!m_extraDays.isEmpty()) {
        const auto it = m_extraDays.constFind(date);
        if (it != m_extraDays.cend())
            return it.value();
    }
    if (m_holidays.contains(date))
        return kNone;
    return m_week[std::size_t(date.dayOfWeek() - 1)];
}

QList<TimeRange> BusinessCalendar::hoursOn(QDate localDate) const
{
    return rangesOn(localDate);
}

bool BusinessCalendar::hasBusinessHours() const
{
    const bool weekly =
        std::any_of(m_week.cbegin(), m_week.cend(), [](const auto &r) { return !r.isEmpty(); });
    return weekly ||
           std::any_of(m_extraDays.cbegin(), m_extraDays.cend(), [](const auto &r) { return !r.isEmpty(); });
}

qint64 BusinessCalendar::offsetMs(Instant at) const
{
    const OffsetTable &t = *m_offsets;
    if (at >= t.validFrom && at < t.validTo) {
        const auto it = std::upper_bound(t.transitions.cbegin(), t.transitions.cend(), at);
        return it == t.transitions.cbegin() ? t.initialOffsetMs
                                            : t.offsetsAfterMs[std::size_t(it - t.transitions.cbegin() - 1)];
    }
    return qint64(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC))) * 1000;
}

QDate BusinessCalendar::localDate(Instant at) const
{
    return QDate::fromJulianDay(floorDiv(at + offsetMs(at), kDayMs) + kEpochJulianDay);
}

Instant BusinessCalendar::localToUtc(QDate date, int minuteOfDay) const
{
    // Wall-clock milliseconds as if the zone were UTC; the answer is u with u + offset(u) == local.
    const qint64 local = (date.toJulianDay() - kEpochJulianDay) * kDayMs + minuteOfDay * kMinuteMs;
    // Zones change offset at most once around a given day, so the offsets a day before and after are the
    // only candidates.
    const qint64 before = offsetMs(local - kDayMs);
    const qint64 after = offsetMs(local + kDayMs);
    if (before == after)
        return local - before;
    const Instant u1 = local - before;
    const Instant u2 = local - after;
    const bool valid1 = offsetMs(u1) == before;
    const bool valid2 = offsetMs(u2) == after;
    if (valid1 && valid2)
        return std::min(u1, u2); // repeated hour: its first occurrence
    if (valid1)
        return u1;
    if (valid2)
        return u2;
    // Inside a gap: the wall-clock time is skipped; business time starts or ends at the transition.
    const auto t = m_zone.nextTransition(QDateTime::fromMSecsSinceEpoch(std::min(u1, u2) - 1, Qt::UTC));
    return t.atUtc.isValid() ? t.atUtc.toMSecsSinceEpoch() : std::min(u1, u2);
}

BusinessCalendar::DaySpans BusinessCalendar::spansOn(QDate date) const
{
    DaySpans out;
    const auto &ranges = rangesOn(date);
    if (ranges.isEmpty())
        return out;
    const qint64 midnightLocal = (date.toJulianDay() - kEpochJulianDay) * kDayMs;
    const qint64 before = offsetMs(midnightLocal - kDayMs);
    const qint64 after = offsetMs(midnightLocal + 2 * kDayMs);
    for (const auto &r : ranges) {
        Interval iv;
        if (before == after) {
            // The common case: no offset change near this day, so no further zone look-ups.
            iv = {midnightLocal + r.startMinute * kMinuteMs - before,
                  midnightLocal + r.endMinute * kMinuteMs - before};
        } else {
            iv = {localToUtc(date, r.startMinute), localToUtc(date, r.endMinute)};
        }
        if (iv.end > iv.start)
            out.append(iv);
    }
    return out;
}

template<typename F>
void BusinessCalendar::forEachInterval(Instant a, Instant b, F &&f) const
{
    if (b <= a)
        return;
    const QDate last = localDate(b);
    for (QDate d = localDate(a); d <= last; d = d.addDays(1)) {
        for (const auto &iv : spansOn(d)) {
            const Instant s = std::max(iv.start, a);
            const Instant e = std::min(iv.end, b);
            if (e > s)
                f(Interval{s, e});
        }
    }
}

bool BusinessCalendar::isBusinessTime(Instant at) const
{
    const auto spans = spansOn(localDate(at));
    return std::any_of(spans.cbegin(), spans.cend(),
                       [at](const Interval &iv) { return iv.start <= at && at < iv.end; });
}

Instant BusinessCalendar::addBusinessTime(Instant from, qint64 durationMs) const
{
    if (durationMs <= 0)
        return from;
    qint64 left = durationMs;
    QDate d = localDate(from);
    for (int i = 0; i < kHorizonDays; ++i, d = d.addDays(1)) {
        for (const auto &iv : spansOn(d)) {
            if (iv.end <= from)
                continue;
            const Instant s = std::max(iv.start, from);
            const qint64 available = iv.end - s;
            if (available >= left)
                return s + left;
            left -= available;
        }
    }
    return kNever;
}

qint64 BusinessCalendar::businessTimeBetween(Instant a, Instant b) const
{
    qint64 total = 0;
    forEachInterval(a, b, [&total](const Interval &iv) { total += iv.end - iv.start; });
    return total;
}

QList<Interval> BusinessCalendar::businessIntervals(Instant a, Instant b) const
{
    QList<Interval> out;
    forEachInterval(a, b, [&out](const Interval &iv) {
        if (!out.isEmpty() && out.last().end == iv.start)
            out.last().end = iv.end; // 24:00 of one day meets 00:00 of the next
        else
            out.append(iv);
    });
    return out;
}

QJsonObject BusinessCalendar::toJson() const
{
    QJsonObject week;
    for (std::size_t i = 0; i < kWeekdayKeys.size(); ++i)
        week.insert(QLatin1StringView(kWeekdayKeys[i]), rangesToJson(m_week[i]));
    QJsonArray holidays;
    for (const QDate &d : this->holidays())
        holidays.append(d.toString(Qt::ISODate));
    QJsonArray extra;
    for (auto it = m_extraDays.cbegin(); it != m_extraDays.cend(); ++it) {
        extra.append(QJsonObject{{QStringLiteral("date"), it.key().toString(Qt::ISODate)},
                                 {QStringLiteral("hours"), rangesToJson(it.value())}});
    }
    QJsonObject o{{QStringLiteral("time_zone"), QString::fromLatin1(m_zone.id())},
                  {QStringLiteral("weekly_hours"), week},
                  {QStringLiteral("holidays"), holidays},
                  {QStringLiteral("extra_working_days"), extra}};
    if (!m_name.isEmpty())
        o.insert(QStringLiteral("name"), m_name);
    return o;
}

std::optional<BusinessCalendar> BusinessCalendar::fromJson(const QJsonObject &o, JsonError *error)
{
    auto fail = [error](const QString &field, const QString &message) {
        if (error)
            *error = {field, message};
        return std::nullopt;
    };
    auto readRanges = [](const QJsonValue &v, QList<TimeRange> *out) {
        if (!v.isArray())
            return false;
        for (const auto &item : v.toArray()) {
            const QJsonObject r = item.toObject();
            const auto s = TimeRange::parseMinute(r.value(QLatin1StringView("start")).toString());
            const auto e = TimeRange::parseMinute(r.value(QLatin1StringView("end")).toString());
            if (!s || !e || *e <= *s)
                return false;
            out->append({*s, *e});
        }
        return true;
    };
    const QString rangeHelp =
        tr("must be a list of {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} with start before end");

    BusinessCalendar c;
    c.m_name = o.value(QLatin1StringView("name")).toString();
    const QJsonValue zone = o.value(QLatin1StringView("time_zone"));
    if (!zone.isUndefined() && !c.setTimeZone(zone.toString().toLatin1()))
        return fail(QStringLiteral("time_zone"), tr("is not a known IANA time zone, e.g. Asia/Shanghai"));

    const QJsonObject week = o.value(QLatin1StringView("weekly_hours")).toObject();
    for (std::size_t i = 0; i < kWeekdayKeys.size(); ++i) {
        const QJsonValue v = week.value(QLatin1StringView(kWeekdayKeys[i]));
        QList<TimeRange> ranges;
        if (!v.isUndefined() && !v.isNull() && !readRanges(v, &ranges))
            return fail(QStringLiteral("weekly_hours.") + QLatin1StringView(kWeekdayKeys[i]), rangeHelp);
        c.setWeekdayHours(int(i) + 1, ranges);
    }
    for (const auto &v : o.value(QLatin1StringView("holidays")).toArray()) {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        if (!d.isValid())
            return fail(QStringLiteral("holidays"), tr("must be a list of dates such as 2026-10-01"));
        c.addHoliday(d);
    }
    for (const auto &v : o.value(QLatin1StringView("extra_working_days")).toArray()) {
        const QJsonObject day = v.toObject();
        const QDate d = QDate::fromString(day.value(QLatin1StringView("date")).toString(), Qt::ISODate);
        if (!d.isValid())
            return fail(QStringLiteral("extra_working_days"),
                        tr("each entry needs a date such as 2026-09-27"));
        QList<TimeRange> ranges;
        if (!readRanges(day.value(QLatin1StringView("hours")), &ranges) || ranges.isEmpty())
            return fail(QStringLiteral("extra_working_days.hours"), rangeHelp);
        c.setExtraWorkingDay(d, ranges);
    }
    if (!c.hasBusinessHours())
        return fail(QStringLiteral("weekly_hours"), tr("must give business hours on at least one day"));
    return c;
}

bool operator==(const BusinessCalendar &a, const BusinessCalendar &b)
{
    return a.m_name == b.m_name && a.m_zone.id() == b.m_zone.id() && a.m_week == b.m_week &&
           a.m_holidays == b.m_holidays && a.m_extraDays == b.m_extraDays;
}

} // namespace pd
