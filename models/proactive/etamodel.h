#pragma once

#include "models/domain/entities.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <deque>

/**
 * @file
 * @brief The ETA model of proactive service (docs/proactive.md, "The ETA model").
 *
 * A parcel travels a fixed chain of legs: pickup → first mile → line haul → last transfer → station dwell →
 * last mile. Each leg has a median duration (EtaParameters). The ETA of a parcel is its last scan time plus
 * the medians of the legs still ahead of it, where the station-dwell leg is replaced by the median dwell
 * observed at the parcel's station over a sliding window when enough observations exist. The ETA is never
 * sooner than now plus a share of the remaining legs: a parcel without a new scan cannot be delivered
 * sooner than that, so a parcel stuck somewhere sees its ETA move later as time passes.
 */

namespace pd {

/// @brief The legs of the standard route, in order.
enum class EtaLeg
{
    Pickup,       ///< created → picked_up
    FirstMile,    ///< picked_up → first in_transit scan (the origin sorting centre)
    LineHaul,     ///< origin sorting centre → destination hub (second in_transit scan)
    LastTransfer, ///< destination hub → at_station
    StationDwell, ///< at_station → out_for_delivery; replaced by the station's observed median
    LastMile,     ///< out_for_delivery → delivered
    Reattempt     ///< after an exception scan: the next delivery run (then the last mile)
};

/// @brief The model's figures. The defaults are the medians of the demo network's legs (docs/proactive.md).
struct EtaParameters
{
    /// Median minutes of each EtaLeg, in declaration order.
    std::array<int, 7> legMinutes{180, 150, 1080, 330, 330, 165, 1200};
    qint64 dwellWindowMs = 24LL * 3600 * 1000; ///< observations older than this (before "now") are ignored
    int minDwellSamples = 3;                   ///< fewer recent observations: the leg's median is used
    int maxDwellSamples = 500;                 ///< per station; the oldest are dropped first
    /// The ETA is at least now + this share of the remaining legs (a parcel that has not moved).
    double overdueShare = 0.5;
    int promiseMarginMinutes = 60; ///< ProactivePolicy::promiseMarginMinutes()
};

/// @brief What the model needs to know about a parcel.
struct EtaInput
{
    ParcelStatus status = ParcelStatus::InTransit;
    Instant lastScanAt = 0;
    QString stationId;    ///< the delivery station (Parcel::stationId)
    int transitScans = 1; ///< in_transit scans so far: 1 = at the origin sorting centre, 2+ = at the hub
    OptInstant promisedAt;
};

/// @brief An estimate. known is false for delivered and returned parcels (nothing left to estimate).
struct EtaEstimate
{
    bool known = false;
    Instant at = 0;               ///< the estimated delivery instant
    qint64 remainingMs = 0;       ///< the medians of the legs ahead, with the station's dwell
    bool stationAdjusted = false; ///< the station's observed dwell replaced the leg's median
    qint64 stationDwellMs = 0;    ///< the dwell used for the station leg (when it is ahead)
    /// The floor now + overdueShare × remainingMs decided the ETA: no scan for a while, so it moved later.
    bool stretched = false;
    bool missesPromise = false; ///< at > promisedAt + margin
    qint64 lateByMs = 0;        ///< at - promisedAt when there is a promise (negative = early)
};

/// @brief One (prediction inputs, actual delivery) pair for measuring the model.
struct EtaSample
{
    EtaInput input;
    Instant predictedAt = 0; ///< the "now" of the prediction
    Instant deliveredAt = 0; ///< what really happened
};

/// @brief Absolute errors of a set of predictions, in minutes.
struct EtaError
{
    int count = 0;
    double medianMinutes = 0; ///< the median (mean of the two middle values for an even count)
    double p90Minutes = 0;    ///< the 90th percentile, nearest rank
    double biasMinutes = 0;   ///< mean of (predicted − actual): positive = the model is pessimistic
};

class EtaModel final
{
public:
    explicit EtaModel(EtaParameters parameters = {});

    [[nodiscard]] const EtaParameters &parameters() const { return m_parameters; }
    void setPromiseMarginMinutes(int minutes) { m_parameters.promiseMarginMinutes = minutes; }

    /// @brief Records that a parcel waited @p durationMs at @p stationId (at_station → out_for_delivery),
    /// ending at @p atMs. Negative durations are ignored.
    void observeDwell(const QString &stationId, qint64 durationMs, Instant atMs);

    /// @brief The median dwell observed at the station in (now − window, now]; 0 when there are fewer than
    /// minDwellSamples such observations.
    [[nodiscard]] qint64 stationDwellMs(const QString &stationId, Instant now) const;

    /// @brief The ETA of a parcel at @p now.
    [[nodiscard]] EtaEstimate estimate(const EtaInput &in, Instant now) const;

    /// @brief The first instant from which estimate() will say the parcel misses its promise if no scan
    /// arrives and the station's dwell stays as at @p now; nullopt without a promise or an estimate.
    /// Returns @p now or earlier when it already misses.
    [[nodiscard]] OptInstant missesPromiseFrom(const EtaInput &in, Instant now) const;

    /// @brief Predicts every sample at its predictedAt and compares with deliveredAt.
    [[nodiscard]] EtaError measure(const QList<EtaSample> &samples) const;

    /// @brief The median, p90 and bias of signed errors in minutes (predicted − actual).
    [[nodiscard]] static EtaError summarize(QList<double> signedErrorsMinutes);

    /// @brief The legs still ahead of a parcel with this status; empty for delivered and returned.
    [[nodiscard]] static QList<EtaLeg> legsAhead(ParcelStatus status, int transitScans);

private:
    struct Dwell
    {
        Instant at;
        qint64 ms;
    };

    [[nodiscard]] qint64 legMs(EtaLeg leg) const;

    EtaParameters m_parameters;
    QHash<QString, std::deque<Dwell>> m_dwells; ///< per station, sorted by at
};

} // namespace pd
