#pragma once

#include "models/proactive/exceptiondetector.h"
#include "models/proactive/proactivepolicy.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

/**
 * @file
 * @brief Groups exceptions that share a cause into incidents (docs/proactive.md, "Incidents").
 *
 * A cause is a dimension ("station" or "route"), its key (the station id or the route's place), a family of
 * kinds (delay, damage, loss, delivery) and an incident window: windows are the policy's window_minutes long
 * and aligned to the Unix epoch in UTC, and an exception falls in the window holding its causeAt. When at
 * least min_parcels distinct parcels share a cause, they form an incident; the others stay individual
 * cases. The incident's id is a hash of the cause, so any server instance grouping the same exceptions
 * names the incident the same way, whatever order they arrived in.
 */

namespace pd {

/// @brief "delay" (stalled, will_miss_promise), "damage" (damage_scan), "loss" (loss_scan), "delivery"
/// (exception_scan, failed_delivery, returned).
[[nodiscard]] QString causeFamily(ExceptionKind kind);

struct Incident
{
    QString id;        ///< IncidentGrouper::incidentId() of the cause
    QString causeCode; ///< "<dimension>_<family>", e.g. "station_delay", "route_loss"
    QString dimension; ///< "station" or "route"
    QString key;       ///< the station id or the route's place
    QString family;    ///< causeFamily() of its exceptions
    Instant windowStart = 0;
    Instant windowEnd = 0;    ///< windowStart + the policy's window (exclusive)
    QStringList waybills;     ///< the affected parcels, sorted
    QMap<QString, int> kinds; ///< exceptions per kind code
    Instant firstDetectedAt = 0;
    Instant lastDetectedAt = 0;
    /// The latest ETA of the affected parcels: when the last of them is expected to be delivered; unset
    /// when none has an ETA (damage, loss).
    OptInstant expectedRecoveryAt;
    /// The incident of the same cause in the window before, when that was one too (a lasting cause).
    QString continuesId;
    friend bool operator==(const Incident &, const Incident &) = default;
};

/// @brief What adding one exception changed.
struct GroupingUpdate
{
    /// The exception's incident (the first dimension of group_by that forms one); empty = an individual
    /// case for now.
    QString incidentId;
    bool created = false; ///< this exception made the cause reach min_parcels: a new incident
};

class IncidentGrouper final
{
public:
    explicit IncidentGrouper(const ProactivePolicy &policy = ProactivePolicy::defaults());

    /// @brief Adds an exception; the same parcel, kind and window again replaces the earlier one.
    GroupingUpdate add(const DetectedException &e);

    /// @brief Every incident, ordered by window start then id.
    [[nodiscard]] QList<Incident> incidents() const;
    [[nodiscard]] std::optional<Incident> incident(const QString &id) const;
    /// @brief The incident without its list of parcels (waybills empty): what storing it after a batch needs,
    /// without copying and sorting the thousands of waybills of a large incident each time.
    [[nodiscard]] std::optional<Incident> incidentSummary(const QString &id) const;
    /// @brief The exceptions that belong to no incident, ordered by causeAt then waybill.
    [[nodiscard]] QList<DetectedException> individualCases() const;
    /// @brief The incident a parcel belongs to (the most recent window first); empty if none.
    [[nodiscard]] QString incidentOf(const QString &waybillNo) const;

    /// @brief Drops every cause whose window started before @p instant.
    void forgetBefore(Instant instant);

    /// @brief "inc-" and 16 hex digits of SHA-256 over the cause: the same on every server instance.
    [[nodiscard]] static QString incidentId(const QString &dimension, const QString &key,
                                            const QString &family, Instant windowStart);

    /// @brief Groups a whole list at once (same result as add() of each, in any order).
    [[nodiscard]] static QList<Incident> group(const ProactivePolicy &policy,
                                               const QList<DetectedException> &list);

private:
    /// What an incident reports of its exceptions.
    struct Summary
    {
        QMap<QString, int> kinds;
        Instant firstDetectedAt = 0;
        Instant lastDetectedAt = 0;
        OptInstant expectedRecoveryAt;
        bool any = false;
        void add(const DetectedException &e);
    };

    struct Bucket
    {
        QString dimension;
        QString key;
        QString family;
        Instant windowStart = 0;
        QSet<QString> exceptions; ///< exception keys (waybill and kind)
        QSet<QString> waybills;
        /// Kept as exceptions are added, so a bucket of thousands is not walked after every batch; counted
        /// again from the exceptions (once) after one was replaced or left.
        mutable Summary summary;
        mutable bool stale = false;
    };

    [[nodiscard]] bool qualifies(const Bucket &b) const;
    [[nodiscard]] QStringList bucketsOf(const DetectedException &e) const;
    [[nodiscard]] const Summary &summaryOf(const Bucket &b) const;
    [[nodiscard]] Incident build(const QString &bucketId, const Bucket &b, bool withWaybills = true) const;
    void removeFromBuckets(const QString &exKey, const DetectedException &e);

    ProactivePolicy m_policy;
    QHash<QString, DetectedException> m_exceptions; ///< by exception key
    QHash<QString, Bucket> m_buckets;               ///< by incident id
    QHash<QString, QSet<QString>> m_byWaybill;      ///< exception keys of each parcel
};

} // namespace pd
