#pragma once

// A cache with regulator appeals, compensation and parcel volume whose figures are worked out by hand (used
// by tst_regulatorfigures and the monthly appeals report tests).
#include "kpitestdata.h"
#include "models/store/directoryrepository.h"

namespace pd::test {

/// An appeal ticket (p1) forwarded at @p forwarded, its waybill SF3… + n.
inline Ticket appealTicket(int n, qint64 forwarded, Category category)
{
    Ticket t = kpiTicket(n, forwarded);
    t.source = TicketSource::RegulatorAppeal;
    t.category = category;
    t.priority = Priority::P1;
    t.waybillNo = QStringLiteral("SF%1").arg(3000000000000LL + n);
    Appeal a;
    a.number = QStringLiteral("SS2026-%1").arg(n, 4, 10, QLatin1Char('0'));
    a.office = QStringLiteral("上海市邮政管理局");
    a.forwardedAt = forwarded;
    t.appeal = a;
    return t;
}

inline Parcel parcelAt(const Ticket &t, const QString &station)
{
    Parcel p;
    p.waybillNo = t.waybillNo;
    p.status = ParcelStatus::Delivered;
    p.stationId = station;
    p.serviceClass = QStringLiteral("standard");
    p.version = 1;
    p.updatedAt = t.createdAt;
    return p;
}

/**
 * November 2026 (Shanghai), now = 2026-12-20 12:00. Volume: 1,500,000 parcels picked up in November
 * (st-1 1,000,000 on Nov 3, st-2 500,000 on Nov 4), none in October or December.
 *
 * Appeals forwarded in November (3 → 2.0 per million; at fault 2 → 1.33 per million):
 * Deadlines: 24:00 of the 15th natural day after forwarding (5th after a rejection).
 *  - 101 delay, st-1, forwarded Nov 2 10:00, answered Nov 10 (deadline Nov 18 00:00): on time, at fault;
 *  - 102 damage, st-2, forwarded Nov 5 09:00, answered Nov 8, rejected Nov 12 09:00, answered again Nov 19
 *    09:00 (redo deadline Nov 18 00:00): late by 33 h, not at fault;
 *  - 103 wrong item (→ loss or shortage), st-1, forwarded Nov 30 23:30 (15:30 UTC), unanswered, deadline
 *    Dec 16 00:00: overdue at now, at fault.
 * Outside November: 104 forwarded Oct 31 23:00; 105 forwarded Dec 1 00:30 Shanghai (Nov 30 16:30 UTC),
 * answered Dec 3. A customer ticket (106, Nov 10) is no appeal.
 *
 * Compensation in November: 201 damage st-1 compensation ¥36 resolved Nov 10; 202 delay st-2 refund ¥15
 * resolved Nov 12; pending 203 loss st-1 ¥500 created Nov 20. Outside: 204 resolved Oct 30 ¥99; 205 pending
 * created Dec 2 ¥80; 206 resolved Nov 15, explained, no amount.
 */
struct AppealCache
{
    KpiCache cache;
    const qint64 now = sh(2026, 12, 20, 12);

    AppealCache()
    {
        QList<Ticket> tickets;
        QList<Parcel> parcels;
        const auto add = [&](Ticket t, const QString &station) {
            parcels << parcelAt(t, station);
            tickets << t;
        };
        Ticket a1 = appealTicket(101, sh(2026, 11, 2, 10), Category::Delay);
        a1.appeal->answeredAt = sh(2026, 11, 10, 15);
        a1.appeal->companyAtFault = true;
        a1.appeal->faultReason = QStringLiteral("派送超时");
        add(a1, QStringLiteral("st-1"));
        Ticket a2 = appealTicket(102, sh(2026, 11, 5, 9), Category::Damage);
        a2.appeal->rejectedAt = sh(2026, 11, 12, 9);
        a2.appeal->rejections = 1;
        a2.appeal->answeredAt = sh(2026, 11, 19, 9);
        a2.appeal->companyAtFault = false;
        add(a2, QStringLiteral("st-2"));
        Ticket a3 = appealTicket(103, sh(2026, 11, 30, 23, 30), Category::WrongItem);
        a3.appeal->companyAtFault = true;
        add(a3, QStringLiteral("st-1"));
        add(appealTicket(104, sh(2026, 10, 31, 23), Category::Delay), QStringLiteral("st-1"));
        Ticket a5 = appealTicket(105, sh(2026, 12, 1, 0, 30), Category::Service);
        a5.appeal->answeredAt = sh(2026, 12, 3, 10);
        add(a5, QStringLiteral("st-2"));
        add(kpiTicket(106, sh(2026, 11, 10, 10)), QStringLiteral("st-1"));

        const auto money = [&](int n, Category c, const QString &station, qint64 created,
                               std::optional<qint64> resolvedAt, Resolution r, std::optional<qint64> fen,
                               std::optional<qint64> pending) {
            Ticket t = kpiTicket(n, created);
            t.category = c;
            t.waybillNo = QStringLiteral("SF%1").arg(3000000000000LL + n);
            if (resolvedAt) {
                t = resolved(t, *resolvedAt);
                t.resolution = r;
                t.compensationFen = fen;
            }
            t.pendingCompensationFen = pending;
            add(t, station);
        };
        money(201, Category::Damage, QStringLiteral("st-1"), sh(2026, 11, 9), sh(2026, 11, 10),
              Resolution::Compensation, 3600, std::nullopt);
        money(202, Category::Delay, QStringLiteral("st-2"), sh(2026, 11, 11), sh(2026, 11, 12),
              Resolution::Refund, 1500, std::nullopt);
        money(203, Category::Loss, QStringLiteral("st-1"), sh(2026, 11, 20), std::nullopt, Resolution::Other,
              std::nullopt, 50000);
        money(204, Category::Loss, QStringLiteral("st-2"), sh(2026, 10, 29), sh(2026, 10, 30),
              Resolution::Compensation, 9900, std::nullopt);
        money(205, Category::Damage, QStringLiteral("st-2"), sh(2026, 12, 2), std::nullopt, Resolution::Other,
              std::nullopt, 8000);
        money(206, Category::Service, QStringLiteral("st-1"), sh(2026, 11, 14), sh(2026, 11, 15),
              Resolution::Explained, std::nullopt, std::nullopt);
        cache.add(tickets);
        cache.addParcels(parcels);
        ParcelVolume v1 = volume(QDate(2026, 11, 3), QStringLiteral("st-1"), {}, 990000, 980000);
        v1.pickedUp = 1000000;
        ParcelVolume v2 = volume(QDate(2026, 11, 4), QStringLiteral("st-2"), {}, 480000, 470000);
        v2.pickedUp = 500000;
        cache.addVolume({v1, v2});
        QString error;
        QVERIFY2(DirectoryRepository(*cache.db).upsertStations(
                     {Station{QStringLiteral("st-1"), QStringLiteral("浦东网点"), QStringLiteral("上海"),
                              std::nullopt, 1}},
                     &error),
                 qPrintable(error));
    }
};

} // namespace pd::test
