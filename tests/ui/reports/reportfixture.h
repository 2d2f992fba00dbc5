#pragma once
// A cache for the weekly report of 2026-W47 (Shanghai): 40 tickets of two named teams and agents, their
// parcels at a named station and courier, first responses in every bucket, and 20 tickets the week before (so
// every KPI has a change to show).
#include "../../common/fixtures.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "reports/isoweek.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace pd::test {

struct ReportFixture
{
    static inline const QString kTeamA = QStringLiteral("华东一组");
    static inline const QString kTeamB = QStringLiteral("华南二组");
    static inline const QString kAgent1 = QStringLiteral("张伟");
    static inline const QString kAgent2 = QStringLiteral("李静");
    static inline const QString kStation = QStringLiteral("上海浦东站");
    static inline const QString kCourier = QStringLiteral("王师傅");

    QTimeZone zone{"Asia/Shanghai"};
    IsoWeek week = *IsoWeek::of(2026, 47);

    [[nodiscard]] qint64 monday() const
    {
        return QDateTime(week.monday(), QTime(9, 0), zone).toMSecsSinceEpoch();
    }

    /// Fills @p db; false and @p error on failure.
    bool fill(const Database &db, QString *error) const
    {
        // The directory and parcels by hand: only what the report reads.
        const auto exec = [&db, error](const QString &sql, const QVariantList &values) {
            QSqlQuery q(db.connection());
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec())
                return true;
            *error = q.lastError().text();
            return false;
        };
        const QString team = QStringLiteral("INSERT INTO teams(id, name) VALUES (?, ?)");
        const QString user = QStringLiteral("INSERT INTO users(id, login, display_name, role, team_id) "
                                            "VALUES (?, ?, ?, 'agent', ?)");
        if (!exec(team, {QStringLiteral("team-a"), kTeamA}) ||
            !exec(team, {QStringLiteral("team-b"), kTeamB}) ||
            !exec(user, {QStringLiteral("u-agent1"), QStringLiteral("agent1"), kAgent1,
                         QStringLiteral("team-a")}) ||
            !exec(user, {QStringLiteral("u-agent2"), QStringLiteral("agent2"), kAgent2,
                         QStringLiteral("team-b")}) ||
            !exec(QStringLiteral("INSERT INTO stations(id, name) VALUES ('st-1', ?)"), {kStation}) ||
            !exec(QStringLiteral("INSERT INTO couriers(id, name, station_id) VALUES ('c-1', ?, 'st-1')"),
                  {kCourier}))
            return false;
        QList<Ticket> tickets;
        // First responses of 2, 7, 20, 45 minutes, 2 hours and 5 hours: every bucket of the distribution.
        const qint64 responses[] = {2, 7, 20, 45, 120, 300};
        for (int i = 0; i < 60; ++i) {
            Ticket t = makeTicket(i);
            const bool thisWeek = i < 40;
            t.createdAt =
                thisWeek ? monday() + qint64(i) * 3 * 3600000 : monday() - 7 * 86400000LL + i * 3600000;
            t.firstResponseAt = t.createdAt + responses[i % 6] * 60000 * (thisWeek ? 1 : 2);
            t.updatedAt = *t.firstResponseAt;
            t.priority = i % 4 == 0 ? Priority::P4 : Priority::P2;
            tickets.append(t);
            if (!exec(QStringLiteral("INSERT INTO parcels(waybill_no, status, station_id, courier_id) "
                                     "VALUES (?, 'in_transit', 'st-1', 'c-1')"),
                      {t.waybillNo}))
                return false;
        }
        return TicketRepository(db).upsert(tickets, error);
    }
};

} // namespace pd::test
