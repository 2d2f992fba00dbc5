#include "appealtables.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

QString number(qint64 n)
{
    return QString::number(n);
}

QString share(qint64 part, qint64 whole)
{
    return KpiInfo::format(Kpi::FirstResponseCompliance,
                           whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt);
}

/// Totals of the month and the month before (the bulletin's 总体情况).
ReportTable overviewTable(const MonthlyAppealsReport &r)
{
    ReportTable t;
    t.key = u"overview"_s;
    t.title = AppealTables::tr("1. Overview");
    t.sheet = AppealTables::tr("Overview");
    t.header = {AppealTables::tr("Measure"), r.monthCode(), r.month.addMonths(-1).toString(u"yyyy-MM"_s)};
    t.widths = {6, 2, 2};
    const AppealCounts &c = r.current.total;
    const AppealCounts &p = r.previous.total;
    const auto row = [&](const QString &label, const QString &now, const QString &before) {
        t.rows.append({label, now, before});
    };
    row(AppealTables::tr("Appeals received"), number(c.appeals), number(p.appeals));
    row(AppealTables::tr("Parcels picked up"), number(c.parcels), number(p.parcels));
    row(AppealTables::tr("Appeals per million parcels"), AppealTables::perMillion(c.perMillion()),
        AppealTables::perMillion(p.perMillion()));
    row(AppealTables::tr("At-fault appeals"), number(c.atFault), number(p.atFault));
    row(AppealTables::tr("At-fault appeals per million parcels"),
        AppealTables::perMillion(c.atFaultPerMillion()), AppealTables::perMillion(p.atFaultPerMillion()));
    row(AppealTables::tr("Share at fault"), share(c.atFault, c.appeals), share(p.atFault, p.appeals));
    row(AppealTables::tr("Answered on time"), number(c.answeredOnTime), number(p.answeredOnTime));
    row(AppealTables::tr("Answered late"), number(c.answeredLate), number(p.answeredLate));
    row(AppealTables::tr("Unanswered past the time limit"), number(c.overdue), number(p.overdue));
    row(AppealTables::tr("Awaiting an answer"), number(c.open), number(p.open));
    row(AppealTables::tr("Answered on time (share)"), ReportTables::percent(c.onTime()),
        ReportTables::percent(p.onTime()));
    return t;
}

/// Appeals by the bulletin's problem types, with a total row (申诉问题统计表).
ReportTable problemTable(const MonthlyAppealsReport &r)
{
    ReportTable t;
    t.key = u"problems"_s;
    t.title = AppealTables::tr("2. Appeals by problem type");
    t.sheet = AppealTables::tr("Problem types");
    t.header = {AppealTables::tr("No."),      AppealTables::tr("Problem"),
                AppealTables::tr("Appeals"),  AppealTables::tr("Share"),
                AppealTables::tr("At fault"), AppealTables::tr("Share of at-fault")};
    t.widths = {1, 4, 2, 2, 2, 2};
    const AppealCounts &total = r.current.total;
    int n = 0;
    for (const AppealGroup &g : r.current.byProblem)
        t.rows.append({number(++n), g.name, number(g.counts.appeals), share(g.counts.appeals, total.appeals),
                       number(g.counts.atFault), share(g.counts.atFault, total.atFault)});
    t.rows.append({QString(), AppealTables::tr("Total"), number(total.appeals),
                   share(total.appeals, total.appeals), number(total.atFault),
                   share(total.atFault, total.atFault)});
    return t;
}

/// Stations by at-fault appeals per million parcels (the bulletin ranks companies).
ReportTable stationTable(const MonthlyAppealsReport &r)
{
    ReportTable t;
    t.key = u"stations"_s;
    t.title = AppealTables::tr("3. At-fault appeals per million parcels by station");
    t.sheet = AppealTables::tr("Stations");
    t.header = {AppealTables::tr("Rank"),        AppealTables::tr("Station"),
                AppealTables::tr("Id"),          AppealTables::tr("Appeals"),
                AppealTables::tr("At fault"),    AppealTables::tr("Parcels"),
                AppealTables::tr("Per million"), AppealTables::tr("At fault per million")};
    t.widths = {2, 4, 2, 2, 2, 3, 3, 4};
    int rank = 0;
    for (const AppealGroup &g : r.current.byStation)
        t.rows.append({number(++rank), g.name, g.key, number(g.counts.appeals), number(g.counts.atFault),
                       number(g.counts.parcels), AppealTables::perMillion(g.counts.perMillion()),
                       AppealTables::perMillion(g.counts.atFaultPerMillion())});
    return t;
}

/// Appeals not answered within the time limit (the bulletin's 逾期情况表, here one row per appeal).
ReportTable lateTable(const MonthlyAppealsReport &r)
{
    ReportTable t;
    t.key = u"late"_s;
    t.title = AppealTables::tr("4. Appeals not answered within the time limit");
    t.sheet = AppealTables::tr("Late answers");
    t.header = {AppealTables::tr("No."),      AppealTables::tr("Appeal"),   AppealTables::tr("Ticket"),
                AppealTables::tr("Problem"),  AppealTables::tr("Station"),  AppealTables::tr("Forwarded"),
                AppealTables::tr("Deadline"), AppealTables::tr("Answered"), AppealTables::tr("Late by")};
    t.widths = {1, 4, 4, 2, 3, 3, 3, 3, 3};
    // Month, day and time: the year is the report's (a deadline in January of the next year reads 01-…).
    const auto at = [&r](qint64 utcMs) { return r.localTime(utcMs).mid(5); };
    int n = 0;
    for (const AppealRow &a : r.current.lateAppeals())
        t.rows.append({number(++n), a.appealNumber, a.ticketNumber,
                       RegulatorQueries::displayName(RegulatorQueries::problemOf(a.category)),
                       a.stationName.isEmpty() ? a.stationId : a.stationName, at(a.forwardedAt),
                       at(a.deadline), a.answeredAt ? at(*a.answeredAt) : AppealTables::tr("not answered"),
                       AppealTables::lateness(a.lateMs)});
    return t;
}

/// The 12 months ending with the report's month.
ReportTable trendTable(const MonthlyAppealsReport &r)
{
    ReportTable t;
    t.key = u"trend"_s;
    t.title = AppealTables::tr("5. Monthly trend");
    t.sheet = AppealTables::tr("Trend");
    t.header = {AppealTables::tr("Month"),           AppealTables::tr("Appeals"),
                AppealTables::tr("At fault"),        AppealTables::tr("Parcels"),
                AppealTables::tr("Per million"),     AppealTables::tr("At fault per million"),
                AppealTables::tr("Answered on time")};
    t.widths = {2, 2, 2, 3, 2, 3, 2};
    for (const AppealGroup &g : r.trend)
        t.rows.append({g.key, number(g.counts.appeals), number(g.counts.atFault), number(g.counts.parcels),
                       AppealTables::perMillion(g.counts.perMillion()),
                       AppealTables::perMillion(g.counts.atFaultPerMillion()),
                       ReportTables::percent(g.counts.onTime())});
    return t;
}

ReportTable moneyTable(const QString &key, const QString &title, const QString &sheet, const QString &group,
                       const QList<CompensationGroup> &groups, bool withId)
{
    ReportTable t;
    t.key = key;
    t.title = title;
    t.sheet = sheet;
    t.header = {group};
    if (withId)
        t.header << AppealTables::tr("Id");
    t.header << AppealTables::tr("Paid (tickets)") << AppealTables::tr("Paid (¥)")
             << AppealTables::tr("Pending approval (tickets)") << AppealTables::tr("Pending approval (¥)");
    t.widths = withId ? QList<int>{4, 2, 2, 2, 3, 3} : QList<int>{4, 2, 2, 3, 3};
    for (const CompensationGroup &g : groups) {
        QStringList row{g.name};
        if (withId)
            row << g.key;
        row << number(g.paid.tickets) << AppealTables::yuan(g.paid.fen) << number(g.pending.tickets)
            << AppealTables::yuan(g.pending.fen);
        t.rows.append(row);
    }
    return t;
}

} // namespace

QString AppealTables::perMillion(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 2) : tr("n/a");
}

QString AppealTables::yuan(qint64 fen)
{
    return QString::number(double(fen) / 100.0, 'f', 2);
}

QString AppealTables::lateness(qint64 ms)
{
    const qint64 hours = (ms + kHourMs - 1) / kHourMs;
    if (hours < 24)
        //: how late an answer came, in hours
        return tr("%1 h").arg(hours);
    //: how late an answer came: days and hours
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QList<ReportTable> AppealTables::monthly(const MonthlyAppealsReport &r)
{
    return {overviewTable(r), problemTable(r), stationTable(r), lateTable(r), trendTable(r)};
}

QList<ReportTable> AppealTables::compensation(const CompensationFigures &f)
{
    return {moneyTable(u"compensation_categories"_s, tr("Compensation by category"),
                       tr("Compensation categories"), tr("Category"), f.byCategory, false),
            moneyTable(u"compensation_stations"_s, tr("Compensation by station"), tr("Compensation stations"),
                       tr("Station"), f.byStation, true),
            moneyTable(u"compensation_resolutions"_s, tr("Compensation by resolution type"),
                       tr("Compensation resolutions"), tr("Resolution"), f.byResolution, false)};
}

ReportTable AppealTables::weeklyAppeals(const RegulatorFigures &f)
{
    ReportTable t;
    t.key = u"appeals"_s;
    t.title = tr("Regulator appeals of the week");
    t.sheet = tr("Appeals");
    t.header = {tr("Measure"), tr("This week")};
    t.widths = {6, 2};
    const AppealCounts &c = f.total;
    t.rows = {{tr("Appeals received"), number(c.appeals)},
              {tr("Answered on time"), number(c.answeredOnTime)},
              {tr("Answered late"), number(c.answeredLate)},
              {tr("Unanswered past the time limit"), number(c.overdue)},
              {tr("Awaiting an answer"), number(c.open)},
              {tr("At-fault appeals"), number(c.atFault)},
              {tr("Appeals per million parcels"), perMillion(c.perMillion())},
              {tr("At-fault appeals per million parcels"), perMillion(c.atFaultPerMillion())}};
    return t;
}

} // namespace pd
