#pragma once

// Small hand-made caches for the KPI tests: every figure the tests expect is worked out in the comments.
#include "../../common/fixtures.h"
#include "models/store/database.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/volumerepository.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace pd::test {

inline const QTimeZone &shanghai()
{
    static const QTimeZone zone("Asia/Shanghai");
    return zone;
}

/// UTC ms of a Shanghai wall time.
inline qint64 sh(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), shanghai()).toMSecsSinceEpoch();
}

/// UTC ms of a UTC wall time.
inline qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

constexpr qint64 kMin = 60LL * 1000;
constexpr qint64 kHour = 60 * kMin;

/// A ticket of team-a, p2 delay, open, unanswered, created at @p created.
inline Ticket kpiTicket(int n, qint64 created)
{
    Ticket t = makeTicket(n);
    t.teamId = QStringLiteral("team-a");
    t.assigneeId = QStringLiteral("u-agent1");
    t.category = Category::Delay;
    t.priority = Priority::P2;
    t.status = TicketStatus::Open;
    t.createdAt = created;
    t.firstResponseAt.reset();
    t.updatedAt = created;
    return t;
}

inline Ticket resolved(Ticket t, qint64 at)
{
    t.status = TicketStatus::Resolved;
    t.resolvedAt = at;
    t.resolution = Resolution::Explained;
    return t;
}

inline TicketEvent timelineEvent(const Ticket &t, int n, EventKind kind, qint64 at,
                                 const QJsonObject &data = {})
{
    TicketEvent e;
    e.id = QStringLiteral("%1-e%2").arg(t.id).arg(n);
    e.ticketId = t.id;
    e.kind = kind;
    e.at = at;
    e.data = data;
    e.version = 1;
    return e;
}

inline TicketEvent statusChange(const Ticket &t, int n, qint64 at, const char *from, const char *to)
{
    return timelineEvent(t, n, EventKind::StatusChange, at,
                         QJsonObject{{QStringLiteral("from"), QLatin1String(from)},
                                     {QStringLiteral("to"), QLatin1String(to)}});
}

inline Parcel delivered(int n, qint64 at, std::optional<qint64> promised)
{
    Parcel p;
    p.waybillNo = QStringLiteral("SF%1").arg(2000000000000LL + n);
    p.status = ParcelStatus::Delivered;
    p.deliveredAt = at;
    p.promisedAt = promised;
    p.version = 1;
    p.updatedAt = at;
    return p;
}

/// The server's volume figures of one Shanghai day, station and courier (empty: no listed courier).
inline ParcelVolume volume(const QDate &day, const QString &station, const QString &courier, qint64 delivered,
                           qint64 onTime)
{
    ParcelVolume v;
    v.day = day;
    v.dayStart = day.startOfDay(shanghai()).toMSecsSinceEpoch();
    v.dayEnd = day.addDays(1).startOfDay(shanghai()).toMSecsSinceEpoch();
    v.stationId = station;
    v.courierId = courier;
    v.pickedUp = delivered;
    v.delivered = delivered;
    v.deliveredOnTime = onTime;
    v.version = 1;
    return v;
}

/// Two weeks of tickets from Shanghai 2026-10-20, one every 5 h 7 min, over two teams, four agents and every
/// category; most answered (some late), every fourth resolved with scores.
inline QList<Ticket> twoWeeksOfTickets()
{
    QList<Ticket> tickets;
    const qint64 start = sh(2026, 10, 20);
    for (int i = 0; i < 70; ++i) {
        Ticket t = kpiTicket(i + 1, start + qint64(i) * (5 * kHour + 7 * kMin));
        t.category = Category(i % 6);
        t.teamId = i % 3 ? QStringLiteral("team-a") : QStringLiteral("team-b");
        t.assigneeId = QStringLiteral("u-agent%1").arg(i % 4);
        if (i % 5)
            t.firstResponseAt = t.createdAt + qint64(i % 7) * 9 * kMin;
        if (i % 4 == 0) {
            t = resolved(t, t.createdAt + qint64(i % 9 + 1) * kHour);
            t.csat = 1 + i % 5;
            t.nps = i % 11;
        }
        tickets.append(t);
    }
    return tickets;
}

/// A fresh cache in a temporary directory.
struct KpiCache
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    KpiCache()
    {
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("cache.sqlite")), &error);
        if (!db)
            qFatal("cache: %s", qPrintable(error));
    }
    void add(const QList<Ticket> &tickets, const QList<TicketEvent> &events = {})
    {
        QString error;
        TicketRepository repo(*db);
        QVERIFY2(repo.upsert(tickets, &error), qPrintable(error));
        if (!events.isEmpty())
            QVERIFY2(repo.upsertEvents(events, &error), qPrintable(error));
    }
    void addParcels(const QList<Parcel> &parcels)
    {
        QString error;
        QVERIFY2(ParcelRepository(*db).upsert(parcels, &error), qPrintable(error));
    }
    void addVolume(const QList<ParcelVolume> &rows)
    {
        QString error;
        QVERIFY2(VolumeRepository(*db).upsert(rows, &error), qPrintable(error));
    }
};

} // namespace pd::test
