#include "weeklyreport.h"

#include "models/kpi/kpiqueries.h"
#include "models/store/cachecipher.h"
#include "models/store/database.h"
#include "models/store/syncstaterepository.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHourMs = 60 * kMinute;

/// The team condition appended to a WHERE on tickets aliased t: two binds of the team id.
constexpr auto kTeamCondition = " AND (? = '' OR t.team_id = ?)";

std::optional<qint64> optInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

} // namespace

int KpiLine::direction() const
{
    if (!current || !previous)
        return 0;
    const double d = *current - *previous;
    if (std::abs(d) < 1e-9)
        return 0;
    return d > 0 ? 1 : -1;
}

std::optional<bool> KpiLine::improved() const
{
    const int dir = direction();
    if (dir == 0)
        return std::nullopt;
    return (dir > 0) == KpiInfo::of(kpi).higherIsBetter;
}

QString KpiLine::deltaText() const
{
    if (!current || !previous)
        return QStringLiteral("—");
    const double d = *current - *previous;
    const int dir = direction();
    const QString arrow = dir > 0 ? QStringLiteral("▲") : dir < 0 ? QStringLiteral("▼") : QStringLiteral("=");
    const QString sign = d > 0 ? QStringLiteral("+") : d < 0 ? QStringLiteral("−") : QString();
    const double a = std::abs(d);
    QString amount;
    switch (KpiInfo::of(kpi).unit) {
    case KpiUnit::Share:
        //: change of a share in percentage points ("+1.2 pp"); %1 is the number
        amount = QCoreApplication::translate("pd::WeeklyReport", "%1 pp").arg(a * 100.0, 0, 'f', 1);
        break;
    case KpiUnit::DurationMs:
        amount = KpiInfo::format(kpi, a);
        break;
    case KpiUnit::Count:
        amount = QString::number(qint64(std::llround(a)));
        break;
    case KpiUnit::Score:
        amount = QString::number(a, 'f', 0);
        break;
    case KpiUnit::PerTenThousand:
        amount = QString::number(a, 'f', 1);
        break;
    }
    return QStringLiteral("%1 %2%3").arg(arrow, sign, amount);
}

QString ResponseBucket::label() const
{
    // "< 5 min", "5–10 min", "30–60 min", "1–4 h", "≥ 4 h": one unit per label, in the reader's language; a
    // range takes the unit of its lower end.
    const auto inUnit = [](qint64 unitOf, const QString &amount) {
        return unitOf >= kHourMs ? QCoreApplication::translate("pd::WeeklyReport", "%1 h").arg(amount)
                                 : QCoreApplication::translate("pd::WeeklyReport", "%1 min").arg(amount);
    };
    const auto amount = [](qint64 unitOf, qint64 ms) {
        return QString::number(unitOf >= kHourMs ? ms / kHourMs : ms / kMinute);
    };
    if (!maxMs)
        return QCoreApplication::translate("pd::WeeklyReport", "≥ %1")
            .arg(inUnit(minMs, amount(minMs, minMs)));
    if (minMs == 0)
        return QCoreApplication::translate("pd::WeeklyReport", "< %1")
            .arg(inUnit(*maxMs, amount(*maxMs, *maxMs)));
    return inUnit(minMs, QStringLiteral("%1–%2").arg(amount(minMs, minMs), amount(minMs, *maxMs)));
}

std::optional<double> RateRow::per10k() const
{
    return delivered > 0 ? std::optional<double>(double(complaints) * 10000.0 / double(delivered))
                         : std::nullopt;
}

QString WeeklyReport::localTime(qint64 utcMs) const
{
    constexpr qint64 kBucketMs = 15 * kMinute;
    constexpr qint64 kDayMs = 24 * kHourMs;
    const qint64 bucket = utcMs >= 0 ? utcMs / kBucketMs : (utcMs - kBucketMs + 1) / kBucketMs;
    if (bucket != m_offsetBucket) {
        m_offsetBucket = bucket;
        m_offsetMs =
            qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc()))) * 1000;
    }
    const qint64 local = utcMs + m_offsetMs;
    const qint64 days = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
    const qint64 msOfDay = local - days * kDayMs;
    const QDate d = QDate(1970, 1, 1).addDays(days);
    return QString::asprintf("%04d-%02d-%02d %02d:%02d", d.year(), d.month(), d.day(), int(msOfDay / kHourMs),
                             int(msOfDay / kMinute % 60));
}

QString WeeklyReport::coverageLine() const
{
    if (lastSyncAt <= 0)
        return tr("Data coverage: the local cache has never synced; figures may be incomplete.");
    return tr("Data as of %1 (%2), generated %3.")
        .arg(localTime(lastSyncAt), QString::fromUtf8(zone.id()), localTime(generatedAt));
}

QString WeeklyReport::title() const
{
    const QString base = tr("%1 — weekly report %2").arg(companyName, week.toString());
    return teamId.isEmpty() ? base : tr("%1 — team %2").arg(base, teamId);
}

WeeklyReportBuilder::WeeklyReportBuilder(const Database &db, const QTimeZone &companyZone)
    : m_db(db)
    , m_zone(companyZone)
{}

QList<ResponseBucket> WeeklyReportBuilder::responseBuckets()
{
    return {{0, 5 * kMinute, 0},        {5 * kMinute, 10 * kMinute, 0}, {10 * kMinute, 30 * kMinute, 0},
            {30 * kMinute, kHourMs, 0}, {kHourMs, 4 * kHourMs, 0},      {4 * kHourMs, std::nullopt, 0}};
}

std::optional<WeeklyReport> WeeklyReportBuilder::build(const IsoWeek &week, const ReportOptions &options,
                                                       qint64 now) const
{
    m_error.clear();
    if (!week.isValid()) {
        m_error = QStringLiteral("invalid week");
        return std::nullopt;
    }
    WeeklyReport r;
    r.week = week;
    r.period = week.period(m_zone);
    r.teamId = options.teamId;
    r.companyName = options.companyName;
    r.zone = m_zone;
    r.generatedAt = now;
    r.targets = options.targets;
    r.effect = options.effect;
    if (const auto &f = r.effect.figures; f && (f->from != r.period.from || f->to != r.period.to))
        r.effect = {std::nullopt, EffectGap::Failed}; // another period's figures are not this week's

    const KpiQueries kpi(m_db, m_zone, options.policy);
    KpiFilter filter;
    filter.from = r.period.from;
    filter.to = r.period.to;
    filter.teamId = options.teamId;
    // One read of the cache for the week, the week before, the compliance days, agents and breaches.
    const DashboardData dash = kpi.dashboard(filter, now);
    r.current = dash.current;
    r.previous = dash.previous;
    r.categories = dash.categories;
    const QList<DailyCompliance> &compliance = dash.daily;
    r.agents = dash.agents;
    r.breaches = dash.breaches.mid(0, options.breachLimit);
    if (!kpi.lastError().isEmpty()) {
        m_error = kpi.lastError();
        return std::nullopt;
    }
    for (int i = 0; i < kKpiCount; ++i) {
        KpiLine line;
        line.kpi = Kpi(i);
        line.current = r.current.value(line.kpi);
        line.previous = r.previous.value(line.kpi);
        line.target = r.targets.target(line.kpi);
        line.meetsTarget = r.targets.meets(line.kpi, line.current);
        r.kpis.append(line);
    }
    for (int d = 0; d < r.period.days(); ++d) {
        DailyVolume v;
        v.day = r.period.firstDay.addDays(d);
        for (const DailyCompliance &c : compliance)
            if (c.day == v.day)
                v.compliance = c.compliance;
        r.daily.append(v);
    }
    if (!readDaily(r) || !readResponses(r) || !readRates(r, true) || !readRates(r, false) ||
        !readMoneyAndAppeals(r, options, now))
        return std::nullopt;
    r.lastSyncAt = lastSyncAt(m_db);
    return r;
}

bool WeeklyReportBuilder::readDaily(WeeklyReport &r) const
{
    const QList<qint64> bounds = KpiPeriods::dayBoundaries(r.period, m_zone);
    QSqlQuery q(m_db.connection());
    if (!execForPeriod(
            q,
            QStringLiteral(
                "SELECT t.created_at FROM complaint_tickets t WHERE t.created_at >= ? AND t.created_at < ?") +
                QLatin1String(kTeamCondition),
            r))
        return false;
    while (q.next()) {
        const qint64 at = q.value(0).toLongLong();
        const auto it = std::upper_bound(bounds.cbegin(), bounds.cend(), at);
        const qsizetype day = (it - bounds.cbegin()) - 1;
        if (day >= 0 && day < r.daily.size())
            ++r.daily[day].created;
    }
    return true;
}

bool WeeklyReportBuilder::execForPeriod(QSqlQuery &q, const QString &sql, const WeeklyReport &r) const
{
    // Every read of the week: its period, then the team (kTeamCondition: empty matches every team).
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(r.period.from);
    q.addBindValue(r.period.to);
    const QString team = r.teamId.isNull() ? QString(u""_s) : r.teamId;
    q.addBindValue(team);
    q.addBindValue(team);
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

bool WeeklyReportBuilder::readResponses(WeeklyReport &r) const
{
    r.firstResponse = responseBuckets();
    QSqlQuery q(m_db.connection());
    if (!execForPeriod(
            q,
            QStringLiteral(
                "SELECT t.first_response_at - t.created_at FROM complaint_tickets t WHERE t.created_at >= ? "
                "AND t.created_at < ? AND t.first_response_at IS NOT NULL") +
                QLatin1String(kTeamCondition),
            r))
        return false;
    while (q.next()) {
        const qint64 ms = q.value(0).toLongLong();
        for (ResponseBucket &b : r.firstResponse) {
            if (ms >= b.minMs && (!b.maxMs || ms < *b.maxMs)) {
                ++b.count;
                break;
            }
        }
        if (ms < 0)
            ++r.firstResponse.first().count;
    }
    return true;
}

bool WeeklyReportBuilder::readRates(WeeklyReport &r, bool stations) const
{
    // Column and table names are fixed here, never taken from input; values are bound.
    const QString key = stations ? u"p.station_id"_s : u"p.courier_id"_s;
    const QString complaintsSql = u"SELECT %1, COUNT(*) FROM complaint_tickets t JOIN parcels p ON "
                                  "p.waybill_no = t.waybill_no WHERE t.created_at >= ? AND t.created_at < ? "
                                  "AND %1 IS NOT NULL"_s.arg(key);
    // Deliveries come from the volume aggregates (days starting in the week), not from parcel rows; a
    // station's parcels that no listed courier delivered (courier_id '') count for the station only.
    const QString deliveredSql =
        stations
            ? QStringLiteral("SELECT v.station_id, SUM(v.delivered), s.name FROM parcel_volume v LEFT JOIN "
                             "stations s ON s.id = v.station_id WHERE v.day_start >= ? AND v.day_start < ? "
                             "AND v.station_id <> '' GROUP BY v.station_id HAVING SUM(v.delivered) > 0")
            : QStringLiteral("SELECT v.courier_id, SUM(v.delivered), c.name FROM parcel_volume v LEFT JOIN "
                             "couriers c ON c.id = v.courier_id WHERE v.day_start >= ? AND v.day_start < ? "
                             "AND v.courier_id <> '' GROUP BY v.courier_id HAVING SUM(v.delivered) > 0");
    const QString namesSql = stations ? QStringLiteral("SELECT id, name FROM stations WHERE id = ?")
                                      : QStringLiteral("SELECT id, name FROM couriers WHERE id = ?");
    QHash<QString, RateRow> rows;
    QSqlQuery q(m_db.connection());
    if (!execForPeriod(q, complaintsSql + QLatin1String(kTeamCondition) + QStringLiteral(" GROUP BY 1"), r))
        return false;
    while (q.next()) {
        RateRow &row = rows[q.value(0).toString()];
        row.id = q.value(0).toString();
        row.complaints = q.value(1).toLongLong();
    }
    QSqlQuery d(m_db.connection());
    d.setForwardOnly(true);
    d.prepare(deliveredSql);
    d.addBindValue(r.period.from);
    d.addBindValue(r.period.to);
    if (!d.exec()) {
        m_error = d.lastError().text();
        return false;
    }
    while (d.next()) {
        const QString id = d.value(0).toString();
        // A team report lists only the stations/couriers its complaints touched.
        if (!r.teamId.isEmpty() && !rows.contains(id))
            continue;
        RateRow &row = rows[id];
        row.id = id;
        row.delivered = d.value(1).toLongLong();
        row.name = d.value(2).toString();
    }
    QSqlQuery n(m_db.connection());
    n.prepare(namesSql);
    QList<RateRow> list;
    list.reserve(rows.size());
    for (RateRow &row : rows) {
        if (row.name.isEmpty()) {
            n.addBindValue(row.id);
            if (n.exec() && n.next())
                row.name = n.value(1).toString();
            n.finish();
        }
        if (row.name.isEmpty())
            row.name = row.id;
        list.append(row);
    }
    std::sort(list.begin(), list.end(), [](const RateRow &a, const RateRow &b) {
        const auto ra = a.per10k(), rb = b.per10k();
        if (ra.has_value() != rb.has_value())
            return ra.has_value() ? false : true; // complaints with no delivery at all first
        if (ra && rb && *ra != *rb)
            return *ra > *rb;
        if (a.complaints != b.complaints)
            return a.complaints > b.complaints;
        return a.id < b.id;
    });
    (stations ? r.stations : r.couriers) = list;
    return true;
}

bool WeeklyReportBuilder::readMoneyAndAppeals(WeeklyReport &r, const ReportOptions &options, qint64 now) const
{
    const CompensationQueries money(m_db);
    const auto compensation = money.figures(r.period.from, r.period.to, r.teamId);
    const RegulatorQueries regulator(m_db, m_zone, options.appealTerms);
    const auto appeals = regulator.figures(r.period.from, r.period.to, now, r.teamId);
    if (!compensation || !appeals) {
        m_error = compensation ? regulator.lastError() : money.lastError();
        return false;
    }
    r.compensation = *compensation;
    r.appeals = *appeals;
    return true;
}

qint64 WeeklyReportBuilder::lastSyncAt(const Database &db)
{
    // The sync engine keeps its last complete pull in memory only; "sync.last_pull_at" is read when a
    // future engine stores it, otherwise the newest server change in the cache stands in for it.
    const qint64 stored = SyncStateRepository(db).value(QStringLiteral("sync.last_pull_at")).toLongLong();
    if (stored > 0)
        return stored;
    QSqlQuery q(db.connection());
    if (q.exec(QStringLiteral("SELECT MAX(updated_at) FROM tickets")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

qint64 WeeklyReportBuilder::ticketCount(const WeeklyReport &report) const
{
    qint64 n = 0;
    for (const DailyVolume &d : report.daily)
        n += d.created;
    return n;
}

bool WeeklyReportBuilder::forEachTicket(const WeeklyReport &report,
                                        const std::function<bool(const ReportTicket &)> &fn) const
{
    QSqlQuery q(m_db.connection());
    if (!execForPeriod(
            q,
            QStringLiteral(
                "SELECT t.number, t.created_at, t.category, t.priority, t.status, t.team_id, "
                "t.assignee_id, t.waybill_no, p.station_id, p.courier_id, t.first_response_at, "
                "COALESCE(t.resolved_at, t.closed_at), t.csat, t.nps, t.description, t.id, "
                "t.customer_name, t.customer_phone, tm.name, u.display_name, s.name, c.name FROM "
                "complaint_tickets t "
                "LEFT JOIN parcels p ON p.waybill_no = t.waybill_no "
                "LEFT JOIN teams tm ON tm.id = t.team_id LEFT JOIN users u ON u.id = t.assignee_id "
                "LEFT JOIN stations s ON s.id = p.station_id LEFT JOIN couriers c ON c.id = p.courier_id "
                "WHERE t.created_at >= ? AND t.created_at < ?") +
                QLatin1String(kTeamCondition) + QStringLiteral(" ORDER BY t.created_at, t.pk"),
            report))
        return false;
    // Sealed fields (docs/architecture.md, "Customer data at rest"); a locked cache reads them as empty.
    const std::shared_ptr<const CacheCipher> cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    ReportTicket t;
    while (q.next()) {
        t.number = q.value(0).toString();
        t.createdAt = q.value(1).toLongLong();
        t.category = fromCode<Category>(q.value(2).toString()).value_or(Category::Other);
        t.priority = fromCode<Priority>(q.value(3).toString()).value_or(Priority::P3);
        t.status = fromCode<TicketStatus>(q.value(4).toString()).value_or(TicketStatus::New);
        t.teamId = q.value(5).toString();
        t.assigneeId = q.value(6).toString();
        t.waybillNo = q.value(7).toString();
        t.stationId = q.value(8).toString();
        t.courierId = q.value(9).toString();
        t.firstResponseAt = optInt(q.value(10));
        t.resolvedAt = optInt(q.value(11));
        const auto csat = optInt(q.value(12));
        const auto nps = optInt(q.value(13));
        t.csat = csat ? std::optional<int>(int(*csat)) : std::nullopt;
        t.nps = nps ? std::optional<int>(int(*nps)) : std::nullopt;
        t.description = c.open(q.value(14), SealedField::FreeText);
        t.id = q.value(15).toString();
        t.customerName = c.open(q.value(16), SealedField::CustomerName);
        t.customerPhone = c.open(q.value(17), SealedField::CustomerPhone);
        t.teamName = q.value(18).toString();
        t.assigneeName = q.value(19).toString();
        t.stationName = q.value(20).toString();
        t.courierName = q.value(21).toString();
        if (!fn(t))
            break;
    }
    return true;
}

} // namespace pd
