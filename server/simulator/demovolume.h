#pragma once

#include "democity.h"

#include "server/storage/volumestore.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace pd::server {

/**
 * @brief The demo city's parcel volume (docs/server.md, "Demo volume"): what its 12 stations deliver a day,
 * by listed courier and by the station's other channels (pickup points, lockers, couriers the directory does
 * not list), with believable on-time, exception, damage and loss counts.
 *
 * The seeder picks the station and courier of its detailed parcels by this volume, so complaints fall where
 * parcels are; then writeBulk() adds what the detailed parcels do not count themselves, so that each day's
 * totals are the city's volume.
 */
class DemoVolume final
{
public:
    static constexpr int kCouriersPerStation = 8;
    /// Deliveries a listed courier makes a day (door to door), before the weekday pattern.
    static constexpr int kCourierMin = 100;
    static constexpr int kCourierMax = 200;
    /// Deliveries of a station's other channels a day.
    static constexpr int kStationOtherMin = 4500;
    static constexpr int kStationOtherMax = 6500;

    /// @brief Who delivers: a station and one of its listed couriers, or its other channels (courier 0).
    struct Source
    {
        int station = 0; ///< 0-based
        int courier = 0; ///< 1..kCouriersPerStation, 0: the station's other channels
        double daily = 0;
        double onTime = 0.965;
    };

    DemoVolume(DemoCity &city, int stations);

    [[nodiscard]] const QList<Source> &sources() const { return m_sources; }
    /// @brief A source drawn in proportion to its volume.
    [[nodiscard]] int pick();
    [[nodiscard]] static QString stationId(const Source &s);
    /// @brief The courier id, empty for a station's other channels.
    [[nodiscard]] static QString courierId(const Source &s);

    /**
     * @brief Adds to the aggregates of the days [first, last] what the parcels stored there do not count, so
     * that each row holds the city's volume (today's only up to @p lastFraction of a day's deliveries).
     * Returns the parcels delivered over those days in all.
     */
    qint64 writeBulk(WriteTx &tx, VolumeStore &store, const QDate &first, const QDate &last,
                     double lastFraction, qint64 nowMs);

private:
    [[nodiscard]] VolumeCounts target(const Source &s, const QDate &day, double fraction);
    [[nodiscard]] qint64 poisson(double mean);

    DemoCity &m_city;
    QList<Source> m_sources;
    double m_total = 0;
};

} // namespace pd::server
