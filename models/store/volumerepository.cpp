#include "volumerepository.h"

#include "database.h"
#include "sqlhelpers.h"

#include <QDate>
#include <QSqlQuery>

namespace pd {

VolumeRepository::VolumeRepository(const Database &db)
    : m_db(db)
{}

bool VolumeRepository::upsert(const QList<ParcelVolume> &rows, QString *error)
{
    if (rows.isEmpty())
        return true;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error);
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral(R"sql(
INSERT INTO parcel_volume(day, station_id, courier_id, day_start, day_end, picked_up, delivered, delivered_on_time,
    damaged, lost, exceptions, version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(day, station_id, courier_id) DO UPDATE SET
    day_start = excluded.day_start, day_end = excluded.day_end, picked_up = excluded.picked_up,
    delivered = excluded.delivered, delivered_on_time = excluded.delivered_on_time, damaged = excluded.damaged,
    lost = excluded.lost, exceptions = excluded.exceptions, version = excluded.version
WHERE excluded.version >= parcel_volume.version
)sql"),
                      error))
        return false;
    for (const ParcelVolume &v : rows) {
        int i = 0;
        q.bindValue(i++, v.day.toString(Qt::ISODate));
        q.bindValue(i++, sql::text(v.stationId));
        q.bindValue(i++, sql::text(v.courierId));
        q.bindValue(i++, v.dayStart);
        q.bindValue(i++, v.dayEnd);
        q.bindValue(i++, v.pickedUp);
        q.bindValue(i++, v.delivered);
        q.bindValue(i++, v.deliveredOnTime);
        q.bindValue(i++, v.damaged);
        q.bindValue(i++, v.lost);
        q.bindValue(i++, v.exceptions);
        q.bindValue(i++, v.version);
        if (!sql::exec(q, error))
            return false;
    }
    return tx.commit(error);
}

QList<ParcelVolume> VolumeRepository::between(qint64 from, qint64 to) const
{
    QList<ParcelVolume> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(
            q,
            QStringLiteral("SELECT day, station_id, courier_id, day_start, day_end, picked_up, delivered, "
                           "delivered_on_time, damaged, lost, exceptions, version FROM parcel_volume "
                           "WHERE day_start >= ? AND day_start < ? ORDER BY day, station_id, courier_id"),
            nullptr))
        return out;
    q.bindValue(0, from);
    q.bindValue(1, to);
    if (!sql::exec(q, nullptr))
        return out;
    while (q.next()) {
        ParcelVolume v;
        v.day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        v.stationId = q.value(1).toString();
        v.courierId = q.value(2).toString();
        v.dayStart = q.value(3).toLongLong();
        v.dayEnd = q.value(4).toLongLong();
        v.pickedUp = q.value(5).toLongLong();
        v.delivered = q.value(6).toLongLong();
        v.deliveredOnTime = q.value(7).toLongLong();
        v.damaged = q.value(8).toLongLong();
        v.lost = q.value(9).toLongLong();
        v.exceptions = q.value(10).toLongLong();
        v.version = q.value(11).toLongLong();
        out.append(v);
    }
    return out;
}

} // namespace pd
