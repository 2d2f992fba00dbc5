#include "reporttables.h"

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

QList<ReportTable> ReportTables::tables(const WeeklyReport &r)
{
    QList<ReportTable> out;

    ReportTable summary;
    summary.key = QStringLiteral("summary");
    summary.title = tr("KPI summary");
    summary.sheet = tr("KPIs");
    summary.header = {tr("KPI"),    tr("This week"), tr("Previous week"),
                      tr("Change"), tr("Target"),    tr("Status")};
    summary.widths = {5, 2, 2, 2, 2, 2};
    summary.rows.append(
        {tr("Complaints"), number(r.current.created), number(r.previous.created),
         KpiLine{Kpi::Backlog, double(r.current.created), double(r.previous.created), {}, {}}.deltaText(),
         QStringLiteral("—"), tr("n/a")});
    for (const KpiLine &l : r.kpis)
        summary.rows.append({KpiInfo::label(l.kpi), KpiInfo::format(l.kpi, l.current),
                             KpiInfo::format(l.kpi, l.previous), l.deltaText(), targetText(l),
                             statusText(l)});
    out.append(summary);

    ReportTable sat;
    sat.key = QStringLiteral("satisfaction");
    sat.title = tr("CSAT and NPS");
    sat.sheet = tr("CSAT and NPS");
    sat.header = {tr("Measure"), tr("This week"), tr("Previous week")};
    sat.widths = {5, 2, 2};
    const auto satRows = [&](const KpiSnapshot &s) {
        return QList<QString>{number(s.csat.denominator), percent(s.csat),
                              oneDecimal(s.csatMean),     number(s.nps.answers()),
                              number(s.nps.promoters),    number(s.nps.passives),
                              number(s.nps.detractors),   KpiInfo::format(Kpi::Nps, s.nps.score())};
    };
    const QStringList labels = {tr("CSAT answers"), tr("CSAT (4–5)"), tr("CSAT mean (1–5)"),
                                tr("NPS answers"),  tr("Promoters"),  tr("Passives"),
                                tr("Detractors"),   tr("NPS")};
    const QList<QString> cur = satRows(r.current), prev = satRows(r.previous);
    for (int i = 0; i < labels.size(); ++i)
        sat.rows.append({labels[i], cur[i], prev[i]});
    out.append(sat);

    ReportTable cats;
    cats.key = QStringLiteral("categories");
    cats.title = tr("Category mix");
    cats.sheet = tr("Categories");
    cats.header = {tr("Category"), tr("Complaints"), tr("Share")};
    cats.widths = {5, 2, 2};
    for (const CategoryCount &c : r.categories)
        cats.rows.append(
            {displayName(c.category), number(c.count),
             r.current.created > 0 ? KpiInfo::format(Kpi::FirstResponseCompliance, c.share) : tr("n/a")});
    out.append(cats);

    ReportTable daily;
    daily.key = QStringLiteral("daily");
    daily.title = tr("Daily volume and SLA compliance");
    daily.sheet = tr("Daily");
    daily.header = {tr("Day"), tr("Complaints"), tr("Deadlines met"), tr("Deadlines decided"),
                    tr("SLA compliance")};
    daily.widths = {3, 2, 2, 2, 2};
    for (const DailyVolume &d : r.daily)
        daily.rows.append({d.day.toString(Qt::ISODate), number(d.created), number(d.compliance.numerator),
                           number(d.compliance.denominator), percent(d.compliance)});
    out.append(daily);

    ReportTable frt;
    frt.key = QStringLiteral("first_response");
    frt.title = tr("First response time distribution");
    frt.sheet = tr("First response");
    frt.header = {tr("First response"), tr("Tickets")};
    frt.widths = {4, 2};
    for (const ResponseBucket &b : r.firstResponse)
        frt.rows.append({b.label(), number(b.count)});
    out.append(frt);

    out.append(rateTable(r.stations, true));
    out.append(rateTable(r.couriers, false));

    ReportTable agents;
    agents.key = QStringLiteral("agents");
    agents.title = tr("Agents");
    agents.sheet = tr("Agents");
    agents.header = {tr("Agent"),          tr("Handled"), tr("Median first response"),
                     tr("SLA compliance"), tr("CSAT"),    tr("Breaches")};
    agents.widths = {4, 2, 3, 2, 2, 2};
    for (const AgentRow &a : r.agents)
        agents.rows.append({a.displayName, number(a.handled), minutes(a.firstResponse.medianMs),
                            percent(a.slaCompliance), percent(a.csat), number(a.breaches)});
    out.append(agents);

    ReportTable breaches;
    breaches.key = QStringLiteral("breaches");
    breaches.title = tr("Open tickets past their deadline");
    breaches.sheet = tr("Breaches");
    breaches.header = {tr("Ticket"),   tr("Category"), tr("Priority"), tr("Status"), tr("Team"),
                       tr("Assignee"), tr("Clock"),    tr("Deadline"), tr("Overdue")};
    breaches.widths = {3, 3, 1, 2, 2, 2, 2, 3, 2};
    for (const BreachRow &b : r.breaches)
        breaches.rows.append(
            {b.number, displayName(b.category), toCode(b.priority), displayName(b.status), b.teamId,
             b.assigneeId, b.clock == SlaClock::FirstResponse ? tr("first response") : tr("resolution"),
             r.localTime(b.deadline), KpiInfo::format(Kpi::ResolutionMedian, double(b.overdueMs))});
    out.append(breaches);
    return out;
}

QStringList ReportTables::ticketHeader()
{
    return {tr("Ticket"),
            tr("Created"),
            tr("Category"),
            tr("Priority"),
            tr("Status"),
            tr("Team"),
            tr("Assignee"),
            tr("Waybill"),
            tr("Station"),
            tr("Courier"),
            tr("First response (min)"),
            tr("Resolved"),
            tr("CSAT"),
            tr("NPS"),
            tr("Customer"),
            tr("Customer phone"),
            tr("Description")};
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
            toCode(t.priority),
            displayName(t.status),
            t.teamId,
            t.assigneeId,
            t.waybillNo,
            t.stationId,
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
