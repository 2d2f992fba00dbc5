#include "isoweek.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pd {

int IsoWeek::weeksInYear(int isoYear)
{
    // 28 December is always in the last ISO week of its year.
    return QDate(isoYear, 12, 28).weekNumber();
}

std::optional<IsoWeek> IsoWeek::of(int year, int week)
{
    if (year < 1 || year > 9999 || week < 1 || week > weeksInYear(year))
        return std::nullopt;
    return IsoWeek(year, week);
}

IsoWeek IsoWeek::containing(QDate day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return IsoWeek(year, week);
}

std::optional<IsoWeek> IsoWeek::parse(QStringView text)
{
    static const QRegularExpression re(u"^\\s*(\\d{4})-?[Ww](\\d{1,2})\\s*$"_s);
    const QRegularExpressionMatch m = re.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    return of(m.capturedView(1).toInt(), m.capturedView(2).toInt());
}

IsoWeek IsoWeek::lastWeek(qint64 nowMs, const QTimeZone &zone)
{
    return containing(KpiPeriods::localDate(nowMs, zone)).previous();
}

QDate IsoWeek::monday() const
{
    if (!isValid())
        return {};
    // 4 January is always in week 1.
    const QDate jan4(m_year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek() + 7 * (m_week - 1));
}

QString IsoWeek::toString() const
{
    return QStringLiteral("%1-W%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_week, 2, 10, QLatin1Char('0'));
}

QString IsoWeek::displayName() const
{
    const QLocale locale;
    return tr("Week %1, %2 (%3 – %4)")
        .arg(m_week)
        .arg(m_year)
        .arg(locale.toString(monday(), QLocale::ShortFormat),
             locale.toString(sunday(), QLocale::ShortFormat));
}

} // namespace pd
