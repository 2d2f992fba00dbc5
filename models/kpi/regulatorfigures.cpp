#include "regulatorfigures.h"

#include "kpiperiod.h"
#include "models/store/database.h"
#include "models/store/sqlhelpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

std::optional<double> perMillion(qint64 n, qint64 parcels)
{
    return parcels > 0 ? std::optional<double>(double(n) * 1e6 / double(parcels)) : std::nullopt;
}

/// Adds one appeal to @p c: its outcome at @p now.
void count(AppealCounts &c, const AppealRow &a, qint64 now)
{
    ++c.appeals;
    c.atFault += a.atFault.value_or(false);
    if (a.answeredAt)
        (a.late ? c.answeredLate : c.answeredOnTime) += 1;
    else
        (a.deadline < now ? c.overdue : c.open) += 1;
}

bool worseStation(const AppealGroup &a, const AppealGroup &b)
{
    const double fa = a.counts.atFaultPerMillion().value_or(-1);
    const double fb = b.counts.atFaultPerMillion().value_or(-1);
    if (fa != fb)
        return fa > fb;
    if (a.counts.appeals != b.counts.appeals)
        return a.counts.appeals > b.counts.appeals;
    return a.key < b.key;
}

} // namespace

std::optional<double> AppealCounts::perMillion() const
{
    return pd::perMillion(appeals, parcels);
}

std::optional<double> AppealCounts::atFaultPerMillion() const
{
    return pd::perMillion(atFault, parcels);
}

void AppealCounts::add(const AppealCounts &o)
{
    appeals += o.appeals;
    atFault += o.atFault;
    answeredOnTime += o.answeredOnTime;
    answeredLate += o.answeredLate;
    overdue += o.overdue;
    open += o.open;
    parcels += o.parcels;
}

QList<AppealRow> RegulatorFigures::lateAppeals() const
{
    QList<AppealRow> out;
    for (const AppealRow &a : appeals)
        if (a.late)
            out.append(a);
    return out;
}

RegulatorQueries::RegulatorQueries(const Database &db, const QTimeZone &companyZone, const AppealTerms &terms)
    : m_db(db)
    , m_zone(companyZone)
    , m_terms(terms)
{}

AppealProblem RegulatorQueries::problemOf(Category category)
{
    switch (category) {
    case Category::Delay:
        return AppealProblem::Delay;
    case Category::Loss:
    case Category::WrongItem: // 错发漏发: the bulletin counts a missing or wrong item as 丢失短少
        return AppealProblem::LossShortage;
    case Category::Damage:
        return AppealProblem::Damage;
    case Category::Service:
        return AppealProblem::Service;
    case Category::Other:
        break;
    }
    return AppealProblem::Other;
}

QString RegulatorQueries::displayName(AppealProblem problem)
{
    switch (problem) {
    case AppealProblem::Delay:
        //: the regulator bulletin's problem type 延误
        return tr("Delay");
    case AppealProblem::LossShortage:
        //: the regulator bulletin's problem type 丢失短少
        return tr("Loss or shortage");
    case AppealProblem::Damage:
        //: the regulator bulletin's problem type 损毁
        return tr("Damage");
    case AppealProblem::Service:
        //: the regulator bulletin's problem type 服务 (delivery and pick-up service)
        return tr("Service");
    case AppealProblem::Other:
        break;
    }
    //: the regulator bulletin's problem type 其他
    return tr("Other");
}

QString RegulatorQueries::code(AppealProblem problem)
{
    static const QString codes[] = {u"delay"_s, u"loss_shortage"_s, u"damage"_s, u"service"_s, u"other"_s};
    return codes[int(problem)];
}

qint64 RegulatorQueries::answerDeadline(const Appeal &appeal, const AppealTerms &terms, const QTimeZone &zone)
{
    // Natural days in the company zone, the deadline at 24:00 of the last counted day (day 1 is the day after
    // the start). models/sla's legal clocks ("appeal_answer", "appeal_redo": legalDeadline() in
    // legalclocks.h, on the policy's calendar) were not committed when this was written; they compute the
    // same for natural days and replace this function once they are.
    // Once rejected, the latest answer (or its absence) is judged by the redo clock: the answer before the
    // rejection was not accepted.
    const bool redo = appeal.rejections > 0 && appeal.rejectedAt;
    const qint64 start = redo ? *appeal.rejectedAt : appeal.forwardedAt;
    const int days = redo ? terms.redoDays : terms.answerDays;
    return KpiPeriods::startOfDay(KpiPeriods::localDate(start, zone).addDays(days + 1), zone);
}

std::pair<qint64, qint64> RegulatorQueries::monthPeriod(QDate day, const QTimeZone &zone)
{
    const QDate first(day.year(), day.month(), 1);
    const KpiPeriod p = KpiPeriods::days(first, first.addMonths(1).addDays(-1), zone);
    return {p.from, p.to};
}

std::optional<QList<AppealRow>> RegulatorQueries::readAppeals(qint64 from, qint64 to, qint64 now,
                                                              const QString &teamId) const
{
    // The forwarding instant is inside the appeal's JSON: appeals are few, so every appeal ticket is read
    // (the partial index tickets_source) and the period applied here.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(
            q,
            u"SELECT t.id, t.number, t.category, t.appeal, p.station_id, s.name FROM complaint_tickets t "
            "LEFT JOIN parcels p ON p.waybill_no = t.waybill_no LEFT JOIN stations s ON s.id = "
            "p.station_id WHERE t.source = 'regulator_appeal' AND t.appeal IS NOT NULL "
            "AND (? = '' OR t.team_id = ?)"_s,
            &m_error))
        return std::nullopt;
    const QString team = teamId.isNull() ? u""_s : teamId;
    q.addBindValue(team);
    q.addBindValue(team);
    if (!sql::exec(q, &m_error))
        return std::nullopt;
    QList<AppealRow> out;
    while (q.next()) {
        const auto appeal = Appeal::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
        if (!appeal || appeal->forwardedAt < from || appeal->forwardedAt >= to)
            continue;
        AppealRow a;
        a.ticketId = q.value(0).toString();
        a.ticketNumber = q.value(1).toString();
        a.category = fromCode<Category>(q.value(2).toString()).value_or(Category::Other);
        a.stationId = q.value(4).toString();
        a.stationName = q.value(5).toString();
        a.appealNumber = appeal->number;
        a.office = appeal->office;
        a.forwardedAt = appeal->forwardedAt;
        // An answer given before the latest rejection was turned down: the appeal waits for a new one.
        const bool redoPending = appeal->rejections > 0 && appeal->rejectedAt && appeal->answeredAt &&
                                 *appeal->answeredAt < *appeal->rejectedAt;
        a.answeredAt = redoPending ? std::nullopt : appeal->answeredAt;
        a.rejections = appeal->rejections;
        a.atFault = appeal->companyAtFault;
        a.faultReason = appeal->faultReason;
        a.deadline = answerDeadline(*appeal, m_terms, m_zone);
        const qint64 end = a.answeredAt.value_or(now);
        a.late = end > a.deadline;
        a.lateMs = a.late ? end - a.deadline : 0;
        out.append(a);
    }
    std::sort(out.begin(), out.end(), [](const AppealRow &a, const AppealRow &b) {
        return a.forwardedAt != b.forwardedAt ? a.forwardedAt < b.forwardedAt
                                              : a.appealNumber < b.appealNumber;
    });
    return out;
}

std::optional<QHash<QString, qint64>> RegulatorQueries::readParcels(qint64 from, qint64 to) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      u"SELECT station_id, SUM(picked_up) FROM parcel_volume WHERE day_start >= ? AND "
                      "day_start < ? GROUP BY station_id"_s,
                      &m_error))
        return std::nullopt;
    q.addBindValue(from);
    q.addBindValue(to);
    if (!sql::exec(q, &m_error))
        return std::nullopt;
    QHash<QString, qint64> out;
    qint64 total = 0;
    while (q.next()) {
        const qint64 n = q.value(1).toLongLong();
        total += n;
        if (!q.value(0).toString().isEmpty())
            out.insert(q.value(0).toString(), n);
    }
    out.insert(QString(), total);
    return out;
}

std::optional<RegulatorFigures> RegulatorQueries::figures(qint64 from, qint64 to, qint64 now,
                                                          const QString &teamId) const
{
    m_error.clear();
    const auto appeals = readAppeals(from, to, now, teamId);
    const auto parcels = appeals ? readParcels(from, to) : std::nullopt;
    if (!parcels)
        return std::nullopt;
    RegulatorFigures f;
    f.from = from;
    f.to = to;
    f.now = now;
    f.appeals = *appeals;
    f.total.parcels = parcels->value(QString());
    for (int p = 0; p < kAppealProblemCount; ++p)
        f.byProblem.append({code(AppealProblem(p)), displayName(AppealProblem(p)), {}});
    for (int c = 0; c < 6; ++c)
        f.byCategory.append({toCode(Category(c)), pd::displayName(Category(c)), {}});
    QHash<QString, AppealGroup> stations;
    for (const AppealRow &a : f.appeals) {
        count(f.total, a, now);
        count(f.byProblem[int(problemOf(a.category))].counts, a, now);
        count(f.byCategory[int(a.category)].counts, a, now);
        AppealGroup &s = stations[a.stationId];
        s.key = a.stationId;
        s.name = a.stationId.isEmpty()     ? tr("Unknown station")
                 : a.stationName.isEmpty() ? a.stationId
                                           : a.stationName;
        count(s.counts, a, now);
    }
    for (AppealGroup &s : stations) {
        s.counts.parcels = s.key.isEmpty() ? 0 : parcels->value(s.key);
        f.byStation.append(s);
    }
    std::sort(f.byStation.begin(), f.byStation.end(), worseStation);
    return f;
}

std::optional<QList<AppealGroup>> RegulatorQueries::byMonth(QDate lastMonth, int months, qint64 now,
                                                            const QString &teamId) const
{
    m_error.clear();
    const QDate last(lastMonth.year(), lastMonth.month(), 1);
    const QDate first = last.addMonths(1 - std::max(1, months));
    const auto all =
        readAppeals(monthPeriod(first, m_zone).first, monthPeriod(last, m_zone).second, now, teamId);
    if (!all)
        return std::nullopt;
    QList<AppealGroup> out;
    for (QDate m = first; m <= last; m = m.addMonths(1)) {
        const auto [from, to] = monthPeriod(m, m_zone);
        const auto parcels = readParcels(from, to);
        if (!parcels)
            return std::nullopt;
        AppealGroup g{m.toString(u"yyyy-MM"_s), m.toString(u"yyyy-MM"_s), {}};
        g.counts.parcels = parcels->value(QString());
        for (const AppealRow &a : *all)
            if (a.forwardedAt >= from && a.forwardedAt < to)
                count(g.counts, a, now);
        out.append(g);
    }
    return out;
}

} // namespace pd
