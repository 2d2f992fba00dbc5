#include "kpiperiod.h"

#include <QDateTime>

namespace pd {

qint64 KpiPeriods::startOfDay(QDate day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toMSecsSinceEpoch();
}

QDate KpiPeriods::localDate(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).date();
}

KpiPeriod KpiPeriods::days(QDate firstDay, QDate lastDay, const QTimeZone &zone)
{
    if (!firstDay.isValid() || !lastDay.isValid())
        return {};
    if (lastDay < firstDay)
        std::swap(firstDay, lastDay);
    KpiPeriod p;
    p.firstDay = firstDay;
    p.lastDay = lastDay;
    p.from = startOfDay(firstDay, zone);
    p.to = startOfDay(lastDay.addDays(1), zone);
    return p;
}

KpiPeriod KpiPeriods::period(PeriodKind kind, qint64 nowMs, const QTimeZone &zone, QDate customFirst,
                             QDate customLast)
{
    const QDate today = localDate(nowMs, zone);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    switch (kind) {
    case PeriodKind::Today:
        return days(today, today, zone);
    case PeriodKind::Yesterday:
        return days(today.addDays(-1), today.addDays(-1), zone);
    case PeriodKind::ThisWeek:
        return days(monday, monday.addDays(6), zone);
    case PeriodKind::LastWeek:
        return days(monday.addDays(-7), monday.addDays(-1), zone);
    case PeriodKind::Last30Days:
        return days(today.addDays(-29), today, zone);
    case PeriodKind::Custom:
        return days(customFirst, customLast, zone);
    }
    return {};
}

KpiPeriod KpiPeriods::previous(const KpiPeriod &p, const QTimeZone &zone)
{
    if (!p.isValid())
        return {};
    const int n = p.days();
    return days(p.firstDay.addDays(-n), p.firstDay.addDays(-1), zone);
}

QList<qint64> KpiPeriods::dayBoundaries(const KpiPeriod &p, const QTimeZone &zone)
{
    QList<qint64> out;
    if (!p.isValid())
        return out;
    out.reserve(p.days() + 1);
    for (QDate d = p.firstDay; d <= p.lastDay.addDays(1); d = d.addDays(1))
        out.append(startOfDay(d, zone));
    return out;
}

QString KpiPeriods::displayName(PeriodKind kind)
{
    switch (kind) {
    case PeriodKind::Today:
        return tr("Today");
    case PeriodKind::Yesterday:
        return tr("Yesterday");
    case PeriodKind::ThisWeek:
        return tr("This week");
    case PeriodKind::LastWeek:
        return tr("Last week");
    case PeriodKind::Last30Days:
        return tr("Last 30 days");
    case PeriodKind::Custom:
        return tr("Custom…");
    }
    return {};
}

QString KpiPeriods::isoWeekLabel(QDate day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

} // namespace pd
