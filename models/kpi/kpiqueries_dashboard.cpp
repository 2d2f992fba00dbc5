// KpiQueries: the agent table, the breach list and the one-read dashboard (the period KPIs are in
// kpiqueries.cpp).
#include "kpifactcache.h"
#include "kpiperiod.h"
#include "kpiqueries.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"

#include <QMap>

#include <algorithm>

namespace pd {

namespace {

bool in(qint64 t, qint64 from, qint64 to)
{
    return t != kNoInstant && t >= from && t < to;
}

} // namespace

QList<AgentRow> KpiQueries::agentsFrom(const KpiFacts &facts, qint64 from, qint64 to, qint64 now) const
{
    struct Acc
    {
        AgentRow row;
        std::vector<qint64> firstResponse;
        qint64 csatAnswers = 0;
        bool any = false;
    };
    std::vector<Acc> acc(std::size_t(facts.assignees.size()));
    const qint64 earliest = from - lookbackMs();
    for (const TicketFact &f : facts.rows) {
        if (f.assignee < 0)
            continue;
        Acc &a = acc[std::size_t(f.assignee)];
        if (in(f.resolved, from, to)) {
            a.any = true;
            ++a.row.handled;
            if (f.csat >= 1) {
                ++a.row.csat.denominator;
                a.row.csat.numerator += f.csat >= 4;
            }
        }
        if (in(f.created, from, to) && f.firstResponse != kNoInstant) {
            a.any = true;
            a.firstResponse.push_back(std::max<qint64>(0, f.firstResponse - f.created));
        }
        if (f.created >= earliest && f.created < to) {
            const qint64 due = firstResponseDeadline(f);
            if (due >= from && due < to && (f.firstResponse != kNoInstant || due <= now)) {
                a.any = true;
                ++a.row.slaCompliance.denominator;
                const bool met = f.firstResponse != kNoInstant && f.firstResponse <= due;
                a.row.slaCompliance.numerator += met;
                a.row.breaches += !met;
            }
        }
    }
    const QHash<QString, QString> names = KpiFacts::loadUserNames(m_db);
    QList<AgentRow> out;
    for (std::size_t i = 0; i < acc.size(); ++i) {
        if (!acc[i].any)
            continue;
        AgentRow row = acc[i].row;
        row.assigneeId = facts.assignees.at(qsizetype(i));
        row.displayName = names.value(row.assigneeId);
        if (row.displayName.isEmpty())
            row.displayName = row.assigneeId;
        row.firstResponse = DurationStats::of(acc[i].firstResponse);
        out.append(row);
    }
    std::sort(out.begin(), out.end(), [](const AgentRow &a, const AgentRow &b) {
        return a.handled != b.handled ? a.handled > b.handled : a.displayName < b.displayName;
    });
    return out;
}

QList<AgentRow> KpiQueries::agents(const KpiFilter &filter, qint64 now) const
{
    const auto f = facts(filter, filter.from - lookbackMs());
    return f ? agentsFrom(*f, filter.from, filter.to, now) : QList<AgentRow>();
}

QList<BreachRow> KpiQueries::breachesFrom(const KpiFacts &facts, qint64 now, int limit) const
{
    QList<BreachRow> out;
    for (const TicketFact &f : facts.rows) {
        if (!f.isOpenNow())
            continue;
        BreachRow b;
        if (f.firstResponse == kNoInstant) {
            b.clock = SlaClock::FirstResponse;
            b.deadline = firstResponseDeadline(f);
        } else if (f.status != TicketStatus::Pending) {
            b.clock = SlaClock::Resolution;
            b.deadline = resolutionDeadline(f);
        } else {
            continue; // answered and waiting: the resolution clock is paused
        }
        if (b.deadline > now)
            continue;
        b.pk = f.pk;
        b.category = f.category;
        b.priority = f.priority;
        b.status = f.status;
        b.overdueMs = now - b.deadline;
        out.append(b);
    }
    std::sort(out.begin(), out.end(), [](const BreachRow &a, const BreachRow &b) {
        return a.overdueMs != b.overdueMs ? a.overdueMs > b.overdueMs : a.pk < b.pk;
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    QList<qint64> pks;
    for (const BreachRow &b : out)
        pks.append(b.pk);
    QHash<qint64, Ticket> tickets;
    for (const TicketRow &row : TicketRepository(m_db).byPks(pks))
        tickets.insert(row.pk, row.ticket);
    for (BreachRow &b : out) {
        const Ticket t = tickets.value(b.pk);
        b.ticketId = t.id;
        b.number = t.number;
        b.teamId = t.teamId;
        b.assigneeId = t.assigneeId;
    }
    return out;
}

QList<BreachRow> KpiQueries::breaches(const KpiFilter &filter, qint64 now, int limit) const
{
    const auto f = facts(filter, std::nullopt);
    return f ? breachesFrom(*f, now, limit) : QList<BreachRow>();
}

DashboardData KpiQueries::dashboardFrame(const KpiFilter &filter, qint64 now, qint64 *since) const
{
    DashboardData d;
    d.now = now;
    d.current.filter = filter;
    // The period before: the same company-time days just before, or the same length for odd instants.
    const QDate firstDay = KpiPeriods::localDate(filter.from, m_zone);
    const QDate lastDay = KpiPeriods::localDate(filter.to - 1, m_zone);
    const KpiPeriod period = KpiPeriods::days(firstDay, lastDay, m_zone);
    KpiFilter prev = filter;
    if (period.from == filter.from && period.to == filter.to) {
        const KpiPeriod p = KpiPeriods::previous(period, m_zone);
        prev.from = p.from;
        prev.to = p.to;
    } else {
        prev.from = filter.from - (filter.to - filter.from);
        prev.to = filter.from;
    }
    d.previous.filter = prev;
    const QDate today = KpiPeriods::localDate(now, m_zone);
    const QDate dailyFirst = lastDay.addDays(1 - kComplianceDays);
    *since = std::min({prev.from, KpiPeriods::startOfDay(dailyFirst, m_zone),
                       KpiPeriods::startOfDay(today, m_zone)}) -
             lookbackMs();
    return d;
}

void KpiQueries::fillDashboard(DashboardData &d, const KpiFacts &facts,
                               const QHash<qint64, TicketEventFacts> &events) const
{
    const KpiFilter &filter = d.current.filter;
    const qint64 now = d.now;
    const QDate today = KpiPeriods::localDate(now, m_zone);
    const QDate lastDay = KpiPeriods::localDate(filter.to - 1, m_zone);
    fillTickets(d.current, facts, events, now);
    fillTickets(d.previous, facts, events, now);
    for (KpiSnapshot *s : {&d.current, &d.previous}) {
        if (const auto parcels = ParcelFacts::load(m_db, s->filter.from, s->filter.to, &m_error)) {
            s->parcelsDelivered = parcels->delivered;
            s->onTimeDelivery = {parcels->onTime, parcels->delivered};
        }
    }
    d.categories = categoriesFrom(facts, filter.from, filter.to);
    d.hourly = hourlyFrom(facts, today);
    d.daily = dailyFrom(facts, lastDay.addDays(1 - kComplianceDays), lastDay, now);
    d.backlogAges = agesFrom(facts, now, now);
    d.agents = agentsFrom(facts, filter.from, filter.to, now);
    d.breaches = breachesFrom(facts, now, 200);
}

DashboardData KpiQueries::dashboard(const KpiFilter &filter, qint64 now) const
{
    qint64 since = 0;
    DashboardData d = dashboardFrame(filter, now, &since);
    const auto f = facts(filter, since);
    if (!f)
        return d;
    const auto events =
        KpiFacts::loadEvents(m_db, d.previous.filter.from, filter.teamId, filter.category, &m_error);
    fillDashboard(d, *f, events.value_or(QHash<qint64, TicketEventFacts>()));
    return d;
}

DashboardData KpiQueries::dashboard(const KpiFilter &filter, qint64 now, KpiFactCache &cache) const
{
    m_error.clear();
    qint64 since = 0;
    DashboardData d = dashboardFrame(filter, now, &since);
    if (!cache.update(m_db, since, &m_error))
        return d;
    if (filter.teamId.isEmpty() && !filter.category)
        fillDashboard(d, cache.facts(), cache.events());
    else
        fillDashboard(d, cache.facts().filtered(filter.teamId, filter.category), cache.events());
    return d;
}

} // namespace pd
