#include "reporttables.h"

#include "appealtables.h"
#include "effecttables.h"
#include "models/domain/masking.h"

namespace pd {

namespace {

QString number(qint64 n)
{
    return QString::number(n);
}

QString oneDecimal(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 1) : ReportTables::tr("n/a");
}

QString minutes(std::optional<double> ms)
{
    return KpiInfo::format(Kpi::FirstResponseMedian, ms);
}

QString rateTitle(bool stations)
{
    return stations ? ReportTables::tr("Station") : ReportTables::tr("Courier");
}

ReportTable rateTable(const QList<RateRow> &rows, bool stations)
{
    ReportTable t;
    t.key = stations ? QStringLiteral("stations") : QStringLiteral("couriers");
    t.title = stations ? ReportTables::tr("Stations by complaints per 10,000 parcels")
                       : ReportTables::tr("Couriers by complaints per 10,000 parcels");
    t.sheet = stations ? ReportTables::tr("Stations") : ReportTables::tr("Couriers");
    t.header = {ReportTables::tr("Rank"),
                rateTitle(stations),
                ReportTables::tr("Id"),
                ReportTables::tr("Complaints"),
                ReportTables::tr("Parcels delivered"),
                ReportTables::tr("Per 10,000")};
    t.widths = {1, 4, 3, 2, 2, 2};
    int rank = 0;
    for (const RateRow &r : rows)
        t.rows.append({number(++rank), r.name, r.id, number(r.complaints), number(r.delivered),
                       oneDecimal(r.per10k())});
    return t;
}

} // namespace

QString ReportTables::percent(const KpiRatio &r)
{
    return KpiInfo::format(Kpi::FirstResponseCompliance, r.value());
}

QString ReportTables::targetText(const KpiLine &line)
{
    if (!line.target)
        return QStringLiteral("—");
    const bool higher = KpiInfo::of(line.kpi).higherIsBetter;
    return QStringLiteral("%1 %2").arg(higher ? QStringLiteral("≥") : QStringLiteral("≤"),
                                       KpiInfo::format(line.kpi, line.target));
}

QString ReportTables::statusText(const KpiLine &line)
{
    if (!line.target)
        return tr("no target");
    if (!line.meetsTarget)
        return tr("n/a");
    return *line.meetsTarget ? tr("met") : tr("missed");
}

bool ReportTables::isPlainNumber(const QString &cell, double *value)
{
    // -?(0|[1-9][0-9]{0,14})(\.[0-9]+)? without a regular expression: called for every cell of the ticket
    // list.
    qsizetype i = 0;
    const qsizetype n = cell.size();
    if (i < n && cell[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    while (i < n && cell[i] >= u'0' && cell[i] <= u'9')
        ++i;
    const qsizetype intLen = i - intStart;
    if (intLen == 0 || intLen > 15 || (intLen > 1 && cell[intStart] == u'0'))
        return false;
    if (i < n && cell[i] == u'.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < n && cell[i] >= u'0' && cell[i] <= u'9')
            ++i;
        if (i == fracStart)
            return false;
    }
    if (i != n)
        return false;
    if (value)
        *value = cell.toDouble();
    return true;
}

namespace {

/// Every KPI this week and last, against its target.
ReportTable summaryTable(const WeeklyReport &r)
{
    ReportTable summary;
    summary.key = QStringLiteral("summary");
    summary.title = ReportTables::tr("KPI summary");
    summary.sheet = ReportTables::tr("KPIs");
    summary.header = {ReportTables::tr("KPI"),           ReportTables::tr("This week"),
                      ReportTables::tr("Previous week"), ReportTables::tr("Change"),
                      ReportTables::tr("Target"),        ReportTables::tr("Status")};
    summary.widths = {5, 2, 2, 2, 2, 2};
    summary.rows.append(
        {ReportTables::tr("Complaints"), number(r.current.created), number(r.previous.created),
         KpiLine{Kpi::Backlog, double(r.current.created), double(r.previous.created), {}, {}}.deltaText(),
         QStringLiteral("—"), ReportTables::tr("no target")});
    for (const KpiLine &l : r.kpis)
        summary.rows.append({KpiInfo::label(l.kpi), KpiInfo::format(l.kpi, l.current),
                             KpiInfo::format(l.kpi, l.previous), l.deltaText(), ReportTables::targetText(l),
                             ReportTables::statusText(l)});
    return summary;
}

/// CSAT and NPS with their answer counts.
ReportTable satisfactionTable(const WeeklyReport &r)
{
    ReportTable sat;
    sat.key = QStringLiteral("satisfaction");
    sat.title = ReportTables::tr("CSAT and NPS");
    sat.sheet = ReportTables::tr("CSAT and NPS");
    sat.header = {ReportTables::tr("Measure"), ReportTables::tr("This week"),
                  ReportTables::tr("Previous week")};
    sat.widths = {5, 2, 2};
    const auto satRows = [&](const KpiSnapshot &s) {
        return QList<QString>{number(s.csat.denominator), ReportTables::percent(s.csat),
                              oneDecimal(s.csatMean),     number(s.nps.answers()),
                              number(s.nps.promoters),    number(s.nps.passives),
                              number(s.nps.detractors),   KpiInfo::format(Kpi::Nps, s.nps.score())};
    };
    const QStringList labels = {ReportTables::tr("CSAT answers"),    ReportTables::tr("CSAT (4–5)"),
                                ReportTables::tr("CSAT mean (1–5)"), ReportTables::tr("NPS answers"),
                                ReportTables::tr("Promoters"),       ReportTables::tr("Passives"),
                                ReportTables::tr("Detractors"),      ReportTables::tr("NPS")};
    const QList<QString> cur = satRows(r.current), prev = satRows(r.previous);
    for (int i = 0; i < labels.size(); ++i)
        sat.rows.append({labels[i], cur[i], prev[i]});
    return sat;
}

/// Complaints per category.
ReportTable categoryTable(const WeeklyReport &r)
{
    ReportTable cats;
    cats.key = QStringLiteral("categories");
    cats.title = ReportTables::tr("Category mix");
    cats.sheet = ReportTables::tr("Categories");
    cats.header = {ReportTables::tr("Category"), ReportTables::tr("Complaints"), ReportTables::tr("Share")};
    cats.widths = {5, 2, 2};
    for (const CategoryCount &c : r.categories)
        cats.rows.append({displayName(c.category), number(c.count),
                          r.current.created > 0 ? KpiInfo::format(Kpi::FirstResponseCompliance, c.share)
                                                : ReportTables::tr("n/a")});
    return cats;
}

/// Complaints and first-response compliance per day.
ReportTable dailyTable(const WeeklyReport &r)
{
    ReportTable daily;
    daily.key = QStringLiteral("daily");
    daily.title = ReportTables::tr("Daily volume and SLA compliance");
    daily.sheet = ReportTables::tr("Daily");
    daily.header = {ReportTables::tr("Day"), ReportTables::tr("Complaints"),
                    ReportTables::tr("Deadlines met"), ReportTables::tr("Deadlines decided"),
                    ReportTables::tr("SLA compliance")};
    daily.widths = {3, 2, 2, 2, 2};
    for (const DailyVolume &d : r.daily)
        daily.rows.append({d.day.toString(Qt::ISODate), number(d.created), number(d.compliance.numerator),
                           number(d.compliance.denominator), ReportTables::percent(d.compliance)});
    return daily;
}

/// How long first responses took, in buckets.
ReportTable firstResponseTable(const WeeklyReport &r)
{
    ReportTable frt;
    frt.key = QStringLiteral("first_response");
    frt.title = ReportTables::tr("First response time distribution");
    frt.sheet = ReportTables::tr("First response");
    frt.header = {ReportTables::tr("First response"), ReportTables::tr("Tickets")};
    frt.widths = {4, 2};
    for (const ResponseBucket &b : r.firstResponse)
        frt.rows.append({b.label(), number(b.count)});
    return frt;
}

/// Per agent: handled, first response, compliance, CSAT, breaches.
ReportTable agentTable(const WeeklyReport &r)
{
    ReportTable agents;
    agents.key = QStringLiteral("agents");
    agents.title = ReportTables::tr("Agents");
    agents.sheet = ReportTables::tr("Agents");
    agents.header = {ReportTables::tr("Agent"),
                     ReportTables::tr("Handled"),
                     ReportTables::tr("Median first response"),
                     ReportTables::tr("SLA compliance"),
                     ReportTables::tr("CSAT"),
                     ReportTables::tr("Breaches")};
    agents.widths = {4, 2, 3, 2, 2, 2};
    for (const AgentRow &a : r.agents)
        agents.rows.append({a.displayName, number(a.handled), minutes(a.firstResponse.medianMs),
                            ReportTables::percent(a.slaCompliance), ReportTables::percent(a.csat),
                            number(a.breaches)});
    return agents;
}

/// Open tickets past a deadline.
ReportTable breachTable(const WeeklyReport &r)
{
    ReportTable breaches;
    breaches.key = QStringLiteral("breaches");
    breaches.title = ReportTables::tr("Open tickets past their deadline");
    breaches.sheet = ReportTables::tr("Breaches");
    breaches.header = {ReportTables::tr("Ticket"), ReportTables::tr("Category"), ReportTables::tr("Priority"),
                       ReportTables::tr("Status"), ReportTables::tr("Team"),     ReportTables::tr("Assignee"),
                       ReportTables::tr("Clock"),  ReportTables::tr("Deadline"), ReportTables::tr("Overdue")};
    breaches.widths = {3, 3, 1, 2, 2, 2, 2, 3, 2};
    for (const BreachRow &b : r.breaches)
        breaches.rows.append({b.number, displayName(b.category), toCode(b.priority), displayName(b.status),
                              b.teamId, b.assigneeId,
                              b.clock == SlaClock::FirstResponse ? ReportTables::tr("first response")
                                                                 : ReportTables::tr("resolution"),
                              r.localTime(b.deadline),
                              KpiInfo::format(Kpi::ResolutionMedian, double(b.overdueMs))});
    return breaches;
}

} // namespace

QList<ReportTable> ReportTables::tables(const WeeklyReport &r)
{
    QList<ReportTable> out{summaryTable(r),
                           satisfactionTable(r),
                           categoryTable(r),
                           dailyTable(r),
                           firstResponseTable(r),
                           rateTable(r.stations, true),
                           rateTable(r.couriers, false),
                           agentTable(r),
                           breachTable(r)};
    out += AppealTables::compensation(r.compensation);
    out.append(AppealTables::weeklyAppeals(r.appeals));
    out += EffectTables::of(r.effect);
    return out;
}

QStringList ReportTables::ticketHeader()
{
    // Names for people, each code in the column after it (for filters and look-ups).
    return {tr("Ticket"),         tr("Created"),     tr("Category"),   tr("Priority"),
            tr("Priority code"),  tr("Status"),      tr("Team"),       tr("Team id"),
            tr("Assignee"),       tr("Assignee id"), tr("Waybill"),    tr("Station"),
            tr("Station id"),     tr("Courier"),     tr("Courier id"), tr("First response (min)"),
            tr("Resolved"),       tr("CSAT"),        tr("NPS"),        tr("Customer"),
            tr("Customer phone"), tr("Description")};
}

QStringList ReportTables::ticketRow(const WeeklyReport &r, const ReportTicket &t, const CustomerData *full)
{
    // Masked unless the export holds this ticket in full; a value the server sent masked stays as it is.
    const auto fullValues = full ? full->constFind(t.id) : CustomerData::const_iterator();
    const bool inFull = full && fullValues != full->cend();
    const QString name = inFull                                 ? fullValues->name
                         : Masking::looksMasked(t.customerName) ? t.customerName
                                                                : Masking::maskName(t.customerName);
    const QString phone = inFull                                  ? fullValues->phone
                          : Masking::looksMasked(t.customerPhone) ? t.customerPhone
                                                                  : Masking::maskPhone(t.customerPhone);
    return {t.number,
            r.localTime(t.createdAt),
            displayName(t.category),
            displayName(t.priority),
            toCode(t.priority),
            displayName(t.status),
            t.teamName,
            t.teamId,
            t.assigneeName,
            t.assigneeId,
            t.waybillNo,
            t.stationName,
            t.stationId,
            t.courierName,
            t.courierId,
            t.firstResponseAt ? QString::number(double(*t.firstResponseAt - t.createdAt) / 60000.0, 'f', 1)
                              : QString(),
            t.resolvedAt ? r.localTime(*t.resolvedAt) : QString(),
            t.csat ? QString::number(*t.csat) : QString(),
            t.nps ? QString::number(*t.nps) : QString(),
            name,
            phone,
            Masking::maskPhonesIn(t.description)};
}

} // namespace pd
