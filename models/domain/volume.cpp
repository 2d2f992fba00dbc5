#include "volume.h"

#include "jsonreader.h"

#include <QCoreApplication>

namespace pd {

namespace {
constexpr int kMaxIdText = 200;
} // namespace

QString ParcelVolume::id() const
{
    return day.toString(Qt::ISODate) + QLatin1Char('|') + stationId + QLatin1Char('|') + courierId;
}

QJsonObject ParcelVolume::toJson() const
{
    return QJsonObject{{QStringLiteral("day"), day.toString(Qt::ISODate)},
                       {QStringLiteral("day_start"), instantToIso(dayStart)},
                       {QStringLiteral("day_end"), instantToIso(dayEnd)},
                       {QStringLiteral("station_id"), stationId},
                       {QStringLiteral("courier_id"), courierId},
                       {QStringLiteral("picked_up"), pickedUp},
                       {QStringLiteral("delivered"), delivered},
                       {QStringLiteral("delivered_on_time"), deliveredOnTime},
                       {QStringLiteral("damaged"), damaged},
                       {QStringLiteral("lost"), lost},
                       {QStringLiteral("exceptions"), exceptions},
                       {QStringLiteral("version"), version}};
}

std::optional<ParcelVolume> ParcelVolume::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    ParcelVolume v;
    const QString day = r.string("day", true, 10);
    v.day = QDate::fromString(day, Qt::ISODate);
    v.dayStart = r.instant("day_start");
    v.dayEnd = r.instant("day_end");
    v.stationId = r.string("station_id", false, kMaxIdText);
    v.courierId = r.string("courier_id", false, kMaxIdText);
    v.pickedUp = r.integer("picked_up");
    v.delivered = r.integer("delivered");
    v.deliveredOnTime = r.integer("delivered_on_time");
    v.damaged = r.integer("damaged");
    v.lost = r.integer("lost");
    v.exceptions = r.integer("exceptions");
    v.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    if (!v.day.isValid() || v.dayEnd <= v.dayStart) {
        if (error)
            *error = {QStringLiteral("day"),
                      QCoreApplication::translate("pd::ParcelVolume", "is not a day with its start and end")};
        return std::nullopt;
    }
    return v;
}

} // namespace pd
