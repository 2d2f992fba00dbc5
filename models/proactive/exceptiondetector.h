#pragma once

#include "models/domain/entities.h"
#include "models/proactive/etamodel.h"
#include "models/proactive/proactivepolicy.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <limits>
#include <optional>
#include <queue>
#include <vector>

/**
 * @file
 * @brief Finds the parcels that will make customers complain, from tracking as it arrives
 * (docs/proactive.md, "Detection rules").
 *
 * The detector keeps a small state per parcel in flight and is fed one tracking event at a time; a timer of
 * the caller calls checkStalls() at nextDueAt() (a min-heap of due instants, no timer per parcel). Each
 * parcel and kind is reported once until what it reports changes (a new last scan for a stall, a new
 * promise for a late parcel, a new attempt count for failed deliveries).
 */

namespace pd {

/// @brief What is wrong with a parcel.
enum class ExceptionKind
{
    Stalled,         ///< no scan for the policy's stall hours of its status
    WillMissPromise, ///< the ETA is later than the promise by more than the policy's margin
    DamageScan,      ///< an exception scan with a damage reason
    LossScan,        ///< an exception scan with a loss reason
    ExceptionScan,   ///< an exception scan with another reason the policy counts
    Returned,        ///< a returned scan: it goes back to the sender
    FailedDelivery   ///< the policy's number of failed delivery attempts reached
};

/// @brief "stalled", "will_miss_promise", "damage_scan", "loss_scan", "exception_scan", "returned",
/// "failed_delivery".
[[nodiscard]] QString exceptionKindCode(ExceptionKind kind);
[[nodiscard]] std::optional<ExceptionKind> exceptionKindFromCode(QStringView code);
[[nodiscard]] QStringList allExceptionKindCodes();

/// @brief The recommended action of a kind: "trace_parcel" (stalled), "notify_delay" (will_miss_promise),
/// "offer_compensation" (damage_scan), "open_loss_claim" (loss_scan), "contact_station" (exception_scan),
/// "confirm_return" (returned), "arrange_redelivery" (failed_delivery).
[[nodiscard]] QString recommendedAction(ExceptionKind kind);

/// @brief Where an exception comes from, for grouping into incidents.
struct CauseKey
{
    QString stationId; ///< the parcel's delivery station
    /// The place of the parcel's last in_transit scan (the hub or line haul it was last seen at) while it
    /// has not reached its station; empty once it has.
    QString route;
    Instant windowStart = 0; ///< start of the policy's incident window (UTC epoch-aligned) holding causeAt
    friend bool operator==(const CauseKey &, const CauseKey &) = default;
};

/// @brief What the detection is based on.
struct ExceptionEvidence
{
    Instant lastScanAt = 0;
    ParcelStatus lastStatus = ParcelStatus::Created;
    QString lastPlace;
    QString reason;          ///< the scan's reason for scan kinds
    double hoursStalled = 0; ///< hours from lastScanAt to the detection
    OptInstant eta;          ///< the ETA at the detection, when there is one
    OptInstant promisedAt;
    int failedAttempts = 0;
    friend bool operator==(const ExceptionEvidence &, const ExceptionEvidence &) = default;
};

struct DetectedException
{
    QString waybillNo;
    ExceptionKind kind = ExceptionKind::Stalled;
    CauseKey cause;
    /// When the cause happened: the scan for scan kinds, last scan + stall hours for a stall, the first
    /// instant the ETA misses the promise for a late parcel. Deterministic: it never depends on when
    /// detection ran.
    Instant causeAt = 0;
    Instant detectedAt = 0; ///< the "now" of the detection
    ExceptionEvidence evidence;
    QString action; ///< recommendedAction(kind)
    friend bool operator==(const DetectedException &, const DetectedException &) = default;
};

class ExceptionDetector final
{
public:
    explicit ExceptionDetector(const ProactivePolicy &policy = ProactivePolicy::defaults(),
                               const EtaParameters &eta = {});

    /// @brief Takes a new policy; pending stall checks are re-evaluated against it when due.
    void setPolicy(const ProactivePolicy &policy);
    [[nodiscard]] const ProactivePolicy &policy() const { return m_policy; }

    /// @brief The ETA model; the detector feeds it each station dwell it sees (at_station →
    /// out_for_delivery), the caller may feed more.
    [[nodiscard]] EtaModel &etaModel() { return m_eta; }
    [[nodiscard]] const EtaModel &etaModel() const { return m_eta; }

    /// @brief Records a parcel's delivery station and promise, and re-checks the promise at @p now.
    QList<DetectedException> track(const Parcel &parcel, Instant now);

    /// @brief Feeds one tracking event as it arrives. Repeated event ids are ignored; an event older than
    /// the parcel's last scan still reports its exception scan but does not move the last scan.
    QList<DetectedException> onEvent(const TrackingEvent &event, Instant now);

    /**
     * @brief Feeds a batch of events (any order) as onEvent() does, in time order, except that a parcel's
     * stall and promise are checked only at its newest event of the batch: the states between are history. A
     * backfill of a parcel's scans (picked up ten days ago … at the station an hour ago) reports where the
     * parcel is now, not a stall at each stop on its way; scan kinds (damage, loss, failed delivery) are
     * reported for every event.
     */
    QList<DetectedException> onEvents(const QList<TrackingEvent> &events, Instant now);

    /// @brief Reports every stall and late parcel due at or before @p now, ordered by causeAt.
    QList<DetectedException> checkStalls(Instant now);

    /// @brief Re-checks one parcel's stall and promise at @p now.
    QList<DetectedException> checkParcel(const QString &waybillNo, Instant now);

    /// @brief One parcel at once: track(), its events in time order, then checkParcel().
    QList<DetectedException> check(const Parcel &parcel, const QList<TrackingEvent> &events, Instant now);

    /// @brief The earliest pending check; nullopt when none.
    [[nodiscard]] OptInstant nextDueAt() const;

    /// @brief Drops a parcel's state (archived, or delivered long ago).
    void forget(const QString &waybillNo);
    [[nodiscard]] qsizetype trackedCount() const { return m_parcels.size(); }

    /// @brief The ETA input of a tracked parcel; nullopt for an unknown or never scanned parcel.
    [[nodiscard]] std::optional<EtaInput> etaInput(const QString &waybillNo) const;

private:
    static constexpr std::size_t kKinds = 7;
    static constexpr qint64 kUnreported = std::numeric_limits<qint64>::min();

    struct ParcelState
    {
        QString stationId;
        OptInstant promisedAt;
        bool scanned = false;
        ParcelStatus status = ParcelStatus::Created;
        Instant lastScanAt = 0;
        QString lastPlace;
        QString route;
        bool reachedStation = false;
        int transitScans = 0;
        int failedAttempts = 0;
        std::array<QString, 4> recentEventIds; ///< a ring: repeated deliveries of an event are ignored
        std::size_t nextEventSlot = 0;
        /// What each kind last reported (see signature()); kUnreported = never.
        std::array<qint64, kKinds> reported{kUnreported, kUnreported, kUnreported, kUnreported,
                                            kUnreported, kUnreported, kUnreported};
    };

    enum class Due : quint8
    {
        Stall,
        Promise
    };
    struct DueEntry
    {
        Instant at;
        QString waybillNo;
        Instant scanAt; ///< the last scan when scheduled: a newer scan makes the entry stale
        Due what;
        friend bool operator>(const DueEntry &a, const DueEntry &b) { return a.at > b.at; }
    };

    /// onEvent(); with @p evaluate false only scan kinds are reported (stall and promise wait for a check).
    QList<DetectedException> ingest(const TrackingEvent &event, Instant now, bool evaluate);
    [[nodiscard]] bool seen(ParcelState &s, const QString &eventId) const;
    void advance(const QString &waybillNo, ParcelState &s, const TrackingEvent &e, Instant now,
                 QList<DetectedException> *out);
    void classifyScan(const QString &waybillNo, ParcelState &s, const TrackingEvent &e, Instant now,
                      QList<DetectedException> *out);
    void checkStall(const QString &waybillNo, ParcelState &s, Instant now, QList<DetectedException> *out);
    void checkPromise(const QString &waybillNo, ParcelState &s, Instant now, QList<DetectedException> *out);
    void schedule(const QString &waybillNo, const ParcelState &s, Instant now);
    void schedulePromise(const QString &waybillNo, const ParcelState &s, Instant now);
    [[nodiscard]] static bool promiseReported(const ParcelState &s);
    /// Appends a detection unless the same kind already reported @p signature for this parcel.
    void report(const QString &waybillNo, ParcelState &s, ExceptionKind kind, qint64 signature,
                Instant causeAt, Instant now, const QString &reason, QList<DetectedException> *out);
    [[nodiscard]] EtaInput inputOf(const ParcelState &s) const;
    [[nodiscard]] Instant windowStart(Instant at) const;

    ProactivePolicy m_policy;
    EtaModel m_eta;
    QHash<QString, ParcelState> m_parcels;
    std::priority_queue<DueEntry, std::vector<DueEntry>, std::greater<>> m_due;
};

} // namespace pd
