#include "monthlyappealsreport.h"

#include "models/kpi/kpiperiod.h"
#include "weeklyreport.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

QString twoDecimals(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 2) : MonthlyAppealsReport::tr("n/a");
}

} // namespace

QString MonthlyAppealsReport::title() const
{
    const QString base = tr("%1 — appeals report %2").arg(companyName, monthCode());
    return teamId.isEmpty() ? base : tr("%1 — team %2").arg(base, teamId);
}

QString MonthlyAppealsReport::overviewText() const
{
    const AppealCounts &c = current.total;
    //: the opening of the monthly appeals report, after the regulator's bulletin; %1 month, %2 appeals,
    //: %3 per million parcels, %4 at-fault appeals, %5 at fault per million, %6 answered late or overdue
    return tr("In %1 the postal regulator forwarded %2 appeals (12305), %3 per million parcels. Of them %4 "
              "were "
              "at fault (the company responsible), %5 per million parcels. %6 were not answered within the "
              "time limit.")
        .arg(monthCode())
        .arg(c.appeals)
        .arg(twoDecimals(c.perMillion()))
        .arg(c.atFault)
        .arg(twoDecimals(c.atFaultPerMillion()))
        .arg(c.late());
}

QString MonthlyAppealsReport::localTime(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString MonthlyAppealsReport::coverageLine() const
{
    if (lastSyncAt <= 0)
        return tr("Data coverage: the local cache has never synced; figures may be incomplete.");
    return tr("Data as of %1 (%2), generated %3.")
        .arg(localTime(lastSyncAt), QString::fromUtf8(zone.id()), localTime(generatedAt));
}

MonthlyAppealsBuilder::MonthlyAppealsBuilder(const Database &db, const QTimeZone &companyZone)
    : m_db(db)
    , m_zone(companyZone)
{}

std::optional<QDate> MonthlyAppealsBuilder::parseMonth(const QString &text)
{
    static const QRegularExpression re(u"^(\\d{4})-(\\d{2})$"_s);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

QDate MonthlyAppealsBuilder::lastFullMonth(qint64 now, const QTimeZone &zone)
{
    const QDate today = KpiPeriods::localDate(now, zone);
    return QDate(today.year(), today.month(), 1).addMonths(-1);
}

std::optional<MonthlyAppealsReport> MonthlyAppealsBuilder::build(QDate month, const QString &teamId,
                                                                 const QString &companyName, qint64 now,
                                                                 const AppealTerms &terms) const
{
    m_error.clear();
    if (!month.isValid()) {
        m_error = u"invalid month"_s;
        return std::nullopt;
    }
    MonthlyAppealsReport r;
    r.month = QDate(month.year(), month.month(), 1);
    r.teamId = teamId;
    r.companyName = companyName;
    r.zone = m_zone;
    r.terms = terms;
    r.generatedAt = now;
    const RegulatorQueries q(m_db, m_zone, terms);
    const auto [from, to] = RegulatorQueries::monthPeriod(r.month, m_zone);
    const auto [prevFrom, prevTo] = RegulatorQueries::monthPeriod(r.month.addMonths(-1), m_zone);
    const auto current = q.figures(from, to, now, teamId);
    const auto previous = current ? q.figures(prevFrom, prevTo, now, teamId) : std::nullopt;
    const auto trend = previous ? q.byMonth(r.month, kTrendMonths, now, teamId) : std::nullopt;
    if (!trend) {
        m_error = q.lastError();
        return std::nullopt;
    }
    r.current = *current;
    r.previous = *previous;
    r.trend = *trend;
    r.lastSyncAt = WeeklyReportBuilder::lastSyncAt(m_db);
    return r;
}

} // namespace pd
