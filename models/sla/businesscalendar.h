#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QTimeZone>
#include <QVarLengthArray>

#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace pd {

/// @brief A time range inside one local day, in minutes since local midnight ([start, end), end ≤ 24:00).
struct TimeRange
{
    int startMinute = 0;
    int endMinute = 0;

    [[nodiscard]] int minutes() const { return endMinute - startMinute; }
    /// @brief "09:00"-style text of a minute of the day (1440 gives "24:00").
    [[nodiscard]] static QString minuteText(int minute);
    /// @brief Parses "HH:mm" (00:00 … 24:00); nullopt for anything else.
    [[nodiscard]] static std::optional<int> parseMinute(QStringView text);
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

/// @brief A stretch of absolute time [start, end) in UTC milliseconds.
struct Interval
{
    Instant start = 0;
    Instant end = 0;
    friend bool operator==(const Interval &, const Interval &) = default;
};

/**
 * @brief Business hours in one IANA time zone: ranges per weekday, holidays and extra working days (调休).
 *
 * All arithmetic is done on UTC instants; local dates and wall-clock ranges are converted through the
 * calendar's QTimeZone, never through the process time zone, so results do not depend on TZ. On a DST day a
 * range keeps its wall-clock meaning (09:00–17:00 is 8 h; 00:00–24:00 is 23 h or 25 h). A wall-clock time
 * that does not exist (inside a spring-forward gap) maps to the instant of the transition; an ambiguous one
 * (repeated hour in autumn) maps to its first occurrence.
 *
 * The effective hours of a date are, in order: the hours of an extra working day on that date; none on a
 * holiday; else the weekday's ranges. The work done is one step per local day, never per minute.
 */
class BusinessCalendar final
{
    Q_DECLARE_TR_FUNCTIONS(pd::BusinessCalendar)
public:
    /// @brief Returned by addBusinessTime() when the calendar has no business time within kHorizonDays.
    static constexpr Instant kNever = std::numeric_limits<Instant>::max();
    /// @brief How far (local days) addBusinessTime() searches before giving up.
    static constexpr int kHorizonDays = 1100;

    /// @brief An empty calendar (no business hours) in Asia/Shanghai.
    BusinessCalendar();
    /// @brief An empty calendar in the given IANA zone (invalid ids leave Asia/Shanghai; see setTimeZone()).
    explicit BusinessCalendar(const QByteArray &ianaId);

    /// @brief Monday–Friday 09:00–12:00 and 13:30–18:00 in the given zone: a typical office week.
    [[nodiscard]] static BusinessCalendar
    officeHours(const QByteArray &ianaId = QByteArrayLiteral("Asia/Shanghai"));

    [[nodiscard]] const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    [[nodiscard]] QByteArray timeZoneId() const { return m_zone.id(); }
    [[nodiscard]] const QTimeZone &timeZone() const { return m_zone; }
    /// @brief Sets the IANA zone; false (and no change) when the id is unknown.
    bool setTimeZone(const QByteArray &ianaId);

    /// @brief Sets the ranges of an ISO weekday (1 = Monday … 7 = Sunday); ranges are sorted and merged.
    void setWeekdayHours(int isoWeekday, const QList<TimeRange> &ranges);
    [[nodiscard]] QList<TimeRange> weekdayHours(int isoWeekday) const;

    void addHoliday(QDate date);
    void removeHoliday(QDate date);
    /// @brief Holidays in ascending order.
    [[nodiscard]] QList<QDate> holidays() const;

    /// @brief Makes a date a working day with the given hours (a 调休 Saturday), overriding weekday and
    /// holiday.
    void setExtraWorkingDay(QDate date, const QList<TimeRange> &ranges);
    void removeExtraWorkingDay(QDate date);
    [[nodiscard]] const QMap<QDate, QList<TimeRange>> &extraWorkingDays() const { return m_extraDays; }

    /// @brief The effective business hours of a local date.
    [[nodiscard]] QList<TimeRange> hoursOn(QDate localDate) const;
    /// @brief True if some weekday or extra working day has hours.
    [[nodiscard]] bool hasBusinessHours() const;

    /// @brief The local date of an instant in the calendar's zone.
    [[nodiscard]] QDate localDate(Instant at) const;
    /// @brief The UTC instant of a local wall-clock time (minute of the day, 1440 = next midnight).
    [[nodiscard]] Instant localToUtc(QDate date, int minuteOfDay) const;

    [[nodiscard]] bool isBusinessTime(Instant at) const;
    /// @brief The instant at which @p durationMs of business time has passed after @p from (kNever if never).
    [[nodiscard]] Instant addBusinessTime(Instant from, qint64 durationMs) const;
    /// @brief Business time in [a, b) in milliseconds (0 when b ≤ a).
    [[nodiscard]] qint64 businessTimeBetween(Instant a, Instant b) const;
    /// @brief The business stretches inside [a, b), ascending and non-overlapping.
    [[nodiscard]] QList<Interval> businessIntervals(Instant a, Instant b) const;

    /// @brief JSON form: name, time_zone, weekly_hours {mon…sun: [{start,end}]}, holidays,
    /// extra_working_days.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<BusinessCalendar> fromJson(const QJsonObject &o,
                                                                  JsonError *error = nullptr);

    friend bool operator==(const BusinessCalendar &a, const BusinessCalendar &b);

private:
    using DaySpans = QVarLengthArray<Interval, 4>;

    [[nodiscard]] qint64 offsetMs(Instant at) const;
    [[nodiscard]] const QList<TimeRange> &rangesOn(QDate date) const;
    [[nodiscard]] DaySpans spansOn(QDate date) const;
    template<typename F>
    void forEachInterval(Instant a, Instant b, F &&f) const;

    // UTC offsets of the zone as a sorted transition table, built once per zone and shared between copies:
    // a binary search is far cheaper than QTimeZone::offsetFromUtc() and needs no mutable cache.
    struct OffsetTable
    {
        Instant validFrom = 0;
        Instant validTo = 0;
        qint64 initialOffsetMs = 0;
        std::vector<Instant> transitions;
        std::vector<qint64> offsetsAfterMs;
    };
    [[nodiscard]] static std::shared_ptr<const OffsetTable> offsetTable(const QTimeZone &zone);

    QString m_name;
    QTimeZone m_zone;
    std::shared_ptr<const OffsetTable> m_offsets;
    std::array<QList<TimeRange>, 7> m_week;
    QSet<QDate> m_holidays;
    QMap<QDate, QList<TimeRange>> m_extraDays;
};

} // namespace pd
