#include "kpiqueries.h"

#include "kpiperiod.h"
#include "models/sla/businesscalendar.h"
#include "models/store/database.h"
#include "models/store/sqlhelpers.h"
#include "models/store/ticketrepository.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace pd {

namespace {

constexpr int kCategories = 6;
constexpr int kPriorities = 4;
constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
/// Longest a business calendar may stretch a first-response target (weekends, holiday weeks).
constexpr qint64 kCalendarSlackMs = 14 * kDayMs;

bool in(qint64 t, qint64 from, qint64 to)
{
    return t != kNoInstant && t >= from && t < to;
}

/// Index of the half-open range [b[i], b[i+1]) holding t, or -1.
int rangeIndex(const QList<qint64> &b, qint64 t)
{
    if (b.size() < 2 || t == kNoInstant || t < b.front() || t >= b.back())
        return -1;
    return int(std::upper_bound(b.begin(), b.end(), t) - b.begin()) - 1;
}

struct FirstResponseOutcome
{
    bool decided = false;
    bool met = false;
};

} // namespace

KpiQueries::KpiQueries(const Database &db, const QTimeZone &companyZone, const SlaPolicy &policy)
    : m_db(db)
    , m_zone(companyZone)
    , m_policy(policy)
{
    m_terms.resize(kCategories * kPriorities);
    for (int p = 0; p < kPriorities; ++p) {
        for (int c = 0; c < kCategories; ++c) {
            const SlaTerms t = m_policy.termsFor(Priority(p), Category(c));
            m_terms[std::size_t(p * kCategories + c)] = {t.firstResponse.targetMs, t.resolution.targetMs,
                                                         t.calendar};
        }
    }
}

const KpiQueries::Terms &KpiQueries::terms(const TicketFact &f) const
{
    return m_terms[std::size_t(int(f.priority) * kCategories + int(f.category))];
}

qint64 KpiQueries::firstResponseDeadline(const TicketFact &f) const
{
    const Terms &t = terms(f);
    return t.calendar ? t.calendar->addBusinessTime(f.created, t.firstResponseMs)
                      : f.created + t.firstResponseMs;
}

qint64 KpiQueries::resolutionDeadline(const TicketFact &f) const
{
    const Terms &t = terms(f);
    return t.calendar ? t.calendar->addBusinessTime(f.created, t.resolutionMs) : f.created + t.resolutionMs;
}

qint64 KpiQueries::lookbackMs() const
{
    qint64 longest = 0;
    bool calendar = false;
    for (const Terms &t : m_terms) {
        longest = std::max(longest, t.firstResponseMs);
        calendar = calendar || t.calendar;
    }
    return longest + (calendar ? kCalendarSlackMs : 0);
}

std::optional<KpiFacts> KpiQueries::facts(const KpiFilter &filter, std::optional<qint64> since) const
{
    m_error.clear();
    return KpiFacts::load(m_db, since, filter.teamId, filter.category, &m_error);
}

QList<AgeBucket> KpiQueries::ageBuckets()
{
    return {{0, kHourMs, 0},
            {kHourMs, 4 * kHourMs, 0},
            {4 * kHourMs, kDayMs, 0},
            {kDayMs, 3 * kDayMs, 0},
            {3 * kDayMs, std::nullopt, 0}};
}

bool KpiQueries::openAt(const TicketFact &f, qint64 at, qint64 now) const
{
    if (f.created >= at)
        return false;
    if (at >= now || f.isOpenNow())
        return f.isOpenNow(); // open now and created before: open then too (reopen times are not kept)
    return f.resolved != kNoInstant && f.resolved >= at;
}

void KpiQueries::fillTickets(KpiSnapshot &s, const KpiFacts &facts,
                             const QHash<qint64, TicketEventFacts> &events, qint64 now) const
{
    const qint64 from = s.filter.from;
    const qint64 to = s.filter.to;
    const qint64 earliest = from - lookbackMs();
    const qint64 backlogAt = std::min(to, now);
    std::vector<qint64> firstResponse;
    std::vector<qint64> resolution;
    std::vector<qint64> resolutionExPending;
    qint64 csatSum = 0;
    for (const TicketFact &f : facts.rows) {
        if (in(f.created, from, to)) {
            ++s.created;
            s.damageComplaints += f.category == Category::Damage;
            s.lossComplaints += f.category == Category::Loss;
            if (f.firstResponse != kNoInstant)
                firstResponse.push_back(std::max<qint64>(0, f.firstResponse - f.created));
        }
        if (f.created >= earliest && f.created < to) {
            const qint64 due = firstResponseDeadline(f);
            if (due >= from && due < to) {
                if (f.firstResponse != kNoInstant) {
                    ++s.firstResponseCompliance.denominator;
                    s.firstResponseCompliance.numerator += f.firstResponse <= due;
                } else if (due <= now) {
                    ++s.firstResponseCompliance.denominator;
                }
            }
        }
        if (in(f.resolved, from, to)) {
            const TicketEventFacts ev = events.value(f.pk);
            const bool reopened = ev.reopened || f.status == TicketStatus::Reopened;
            const qint64 took = std::max<qint64>(0, f.resolved - f.created);
            resolution.push_back(took);
            resolutionExPending.push_back(std::max<qint64>(0, took - ev.pendingMs));
            ++s.firstContactResolution.denominator;
            s.firstContactResolution.numerator += !reopened && ev.interactions <= 1;
            ++s.reopenRate.denominator;
            s.reopenRate.numerator += reopened;
            ++s.followUpCompletion.denominator;
            s.followUpCompletion.numerator += f.followUpDone != kNoInstant;
            if (f.csat >= 1) {
                ++s.csat.denominator;
                s.csat.numerator += f.csat >= 4;
                csatSum += f.csat;
            }
            if (f.nps >= 0) {
                if (f.nps >= 9)
                    ++s.nps.promoters;
                else if (f.nps >= 7)
                    ++s.nps.passives;
                else
                    ++s.nps.detractors;
            }
        }
        s.backlog += openAt(f, backlogAt, now);
    }
    s.firstResponse = DurationStats::of(firstResponse);
    s.resolution = DurationStats::of(resolution);
    s.resolutionExPending = DurationStats::of(resolutionExPending);
    if (s.csat.denominator > 0)
        s.csatMean = double(csatSum) / double(s.csat.denominator);
}

KpiSnapshot KpiQueries::summary(const KpiFilter &filter, qint64 now) const
{
    KpiSnapshot s;
    s.filter = filter;
    const auto f = facts(filter, filter.from - lookbackMs());
    if (!f)
        return s;
    const auto events = KpiFacts::loadEvents(m_db, filter.from, filter.teamId, filter.category, &m_error);
    const auto parcels = ParcelFacts::load(m_db, filter.from, filter.to, &m_error);
    fillTickets(s, *f, events.value_or(QHash<qint64, TicketEventFacts>()), now);
    if (parcels) {
        s.parcelsDelivered = parcels->delivered;
        s.onTimeDelivery = {parcels->onTime, parcels->delivered};
    }
    return s;
}

QList<CategoryCount> KpiQueries::categoriesFrom(const KpiFacts &facts, qint64 from, qint64 to) const
{
    QList<CategoryCount> out;
    for (int c = 0; c < kCategories; ++c)
        out.append({Category(c), 0, 0});
    qint64 total = 0;
    for (const TicketFact &f : facts.rows) {
        if (in(f.created, from, to)) {
            ++out[int(f.category)].count;
            ++total;
        }
    }
    for (CategoryCount &c : out)
        c.share = total > 0 ? double(c.count) / double(total) : 0;
    return out;
}

QList<CategoryCount> KpiQueries::byCategory(const KpiFilter &filter) const
{
    m_error.clear();
    QList<CategoryCount> out;
    for (int c = 0; c < kCategories; ++c)
        out.append({Category(c), 0, 0});
    QString sql = QStringLiteral(
        "SELECT category, count(*) FROM complaint_tickets WHERE created_at >= ? AND created_at < ?");
    if (!filter.teamId.isEmpty())
        sql += QStringLiteral(" AND team_id = ?");
    if (filter.category)
        sql += QStringLiteral(" AND category = ?");
    sql += QStringLiteral(" GROUP BY category");
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q, sql, &m_error))
        return out;
    q.addBindValue(filter.from);
    q.addBindValue(filter.to);
    if (!filter.teamId.isEmpty())
        q.addBindValue(filter.teamId);
    if (filter.category)
        q.addBindValue(toCode(*filter.category));
    if (!sql::exec(q, &m_error))
        return out;
    qint64 total = 0;
    while (q.next()) {
        if (const auto c = fromCode<Category>(q.value(0).toString())) {
            out[int(*c)].count = q.value(1).toLongLong();
            total += out[int(*c)].count;
        }
    }
    for (CategoryCount &c : out)
        c.share = total > 0 ? double(c.count) / double(total) : 0;
    return out;
}

QList<HourlyPoint> KpiQueries::hourlyFrom(const KpiFacts &facts, QDate day) const
{
    QList<qint64> bounds;
    for (int h = 0; h < 24; ++h)
        bounds.append(QDateTime(day, QTime(h, 0), m_zone).toMSecsSinceEpoch());
    bounds.append(KpiPeriods::startOfDay(day.addDays(1), m_zone));
    QList<HourlyPoint> out;
    for (int h = 0; h < 24; ++h)
        out.append({h, bounds[h], 0, 0});
    for (const TicketFact &f : facts.rows) {
        if (const int i = rangeIndex(bounds, f.created); i >= 0)
            ++out[i].created;
        if (const int i = rangeIndex(bounds, f.firstResponse); i >= 0)
            ++out[i].firstResponses;
    }
    return out;
}

QList<HourlyPoint> KpiQueries::hourlyIntake(QDate day, const KpiFilter &filter) const
{
    const auto f = facts(filter, KpiPeriods::startOfDay(day, m_zone) - lookbackMs() - kDayMs);
    return f ? hourlyFrom(*f, day) : hourlyFrom(KpiFacts{}, day);
}

QList<DailyCompliance> KpiQueries::dailyFrom(const KpiFacts &facts, QDate firstDay, QDate lastDay,
                                             qint64 now) const
{
    const KpiPeriod p = KpiPeriods::days(firstDay, lastDay, m_zone);
    const QList<qint64> bounds = KpiPeriods::dayBoundaries(p, m_zone);
    QList<DailyCompliance> out;
    for (int i = 0; i + 1 < bounds.size(); ++i)
        out.append({p.firstDay.addDays(i), bounds[i], {}});
    if (out.isEmpty())
        return out;
    const qint64 earliest = p.from - lookbackMs();
    for (const TicketFact &f : facts.rows) {
        if (f.created < earliest || f.created >= p.to)
            continue;
        const qint64 due = firstResponseDeadline(f);
        const int i = rangeIndex(bounds, due);
        if (i < 0)
            continue;
        if (f.firstResponse != kNoInstant) {
            ++out[i].compliance.denominator;
            out[i].compliance.numerator += f.firstResponse <= due;
        } else if (due <= now) {
            ++out[i].compliance.denominator;
        }
    }
    return out;
}

QList<DailyCompliance> KpiQueries::dailyCompliance(const KpiFilter &filter, qint64 now) const
{
    const QDate first = KpiPeriods::localDate(filter.from, m_zone);
    const QDate last = KpiPeriods::localDate(filter.to - 1, m_zone);
    const auto f = facts(filter, KpiPeriods::startOfDay(first, m_zone) - lookbackMs());
    return dailyFrom(f.value_or(KpiFacts{}), first, last, now);
}

QList<AgeBucket> KpiQueries::agesFrom(const KpiFacts &facts, qint64 at, qint64 now) const
{
    QList<AgeBucket> out = ageBuckets();
    for (const TicketFact &f : facts.rows) {
        if (!openAt(f, at, now))
            continue;
        const qint64 age = at - f.created;
        for (AgeBucket &b : out) {
            if (age >= b.minAgeMs && (!b.maxAgeMs || age < *b.maxAgeMs)) {
                ++b.count;
                break;
            }
        }
    }
    return out;
}

QList<AgeBucket> KpiQueries::backlogByAge(const KpiFilter &filter, qint64 now) const
{
    const qint64 at = std::min(filter.to, now);
    const auto f = facts(filter, at >= now ? std::nullopt : std::optional<qint64>(at));
    if (!f)
        return ageBuckets();
    return agesFrom(*f, at, now);
}

} // namespace pd
