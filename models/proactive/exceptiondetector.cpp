#include "exceptiondetector.h"

#include <QHash>

#include <QHashFunctions>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMinuteMs = 60 * 1000;

const char *const kKindCodes[] = {"stalled",        "will_miss_promise", "damage_scan",    "loss_scan",
                                  "exception_scan", "returned",          "failed_delivery"};
const char *const kActions[] = {"trace_parcel",    "notify_delay",   "offer_compensation", "open_loss_claim",
                                "contact_station", "confirm_return", "arrange_redelivery"};

bool terminal(ParcelStatus s)
{
    return s == ParcelStatus::Delivered || s == ParcelStatus::Returned;
}

bool beforeStation(ParcelStatus s)
{
    return s == ParcelStatus::Created || s == ParcelStatus::PickedUp || s == ParcelStatus::InTransit;
}

/// Reports come out in the order of their causes, then waybill and kind, whatever order work ran in.
void sortDetections(QList<DetectedException> *list)
{
    std::stable_sort(list->begin(), list->end(), [](const DetectedException &a, const DetectedException &b) {
        return std::tie(a.causeAt, a.waybillNo, a.kind) < std::tie(b.causeAt, b.waybillNo, b.kind);
    });
}

} // namespace

QString exceptionKindCode(ExceptionKind kind)
{
    return QString::fromLatin1(kKindCodes[int(kind)]);
}

std::optional<ExceptionKind> exceptionKindFromCode(QStringView code)
{
    for (std::size_t i = 0; i < std::size(kKindCodes); ++i) {
        if (code == QLatin1StringView(kKindCodes[i]))
            return ExceptionKind(i);
    }
    return std::nullopt;
}

QStringList allExceptionKindCodes()
{
    QStringList out;
    for (const char *c : kKindCodes)
        out.append(QString::fromLatin1(c));
    return out;
}

QString recommendedAction(ExceptionKind kind)
{
    return QString::fromLatin1(kActions[int(kind)]);
}

ExceptionDetector::ExceptionDetector(const ProactivePolicy &policy, const EtaParameters &eta)
    : m_policy(policy)
    , m_eta(eta)
{
    m_eta.setPromiseMarginMinutes(policy.promiseMarginMinutes());
}

void ExceptionDetector::setPolicy(const ProactivePolicy &policy)
{
    m_policy = policy;
    m_eta.setPromiseMarginMinutes(policy.promiseMarginMinutes());
}

Instant ExceptionDetector::windowStart(Instant at) const
{
    const qint64 w = qint64(m_policy.incidents().windowMinutes) * kMinuteMs;
    const qint64 q = at / w - (at % w < 0 ? 1 : 0); // floor, also before 1970
    return q * w;
}

EtaInput ExceptionDetector::inputOf(const ParcelState &s) const
{
    EtaInput in;
    in.status = s.status;
    in.lastScanAt = s.lastScanAt;
    in.stationId = s.stationId;
    in.transitScans = s.transitScans;
    in.promisedAt = s.promisedAt;
    return in;
}

std::optional<EtaInput> ExceptionDetector::etaInput(const QString &waybillNo) const
{
    const auto it = m_parcels.constFind(waybillNo);
    if (it == m_parcels.cend() || !it->scanned)
        return std::nullopt;
    return inputOf(*it);
}

void ExceptionDetector::report(const QString &waybillNo, ParcelState &s, ExceptionKind kind, qint64 signature,
                               Instant causeAt, Instant now, const QString &reason,
                               QList<DetectedException> *out)
{
    qint64 &last = s.reported.at(std::size_t(kind));
    if (last == signature)
        return;
    last = signature;
    DetectedException d;
    d.waybillNo = waybillNo;
    d.kind = kind;
    d.cause.stationId = s.stationId;
    d.cause.route = s.reachedStation ? QString() : s.route;
    d.cause.windowStart = windowStart(causeAt);
    d.causeAt = causeAt;
    d.detectedAt = now;
    d.action = recommendedAction(kind);
    d.evidence.lastScanAt = s.lastScanAt;
    d.evidence.lastStatus = s.status;
    d.evidence.lastPlace = s.lastPlace;
    d.evidence.reason = reason;
    d.evidence.hoursStalled = s.scanned ? double(now - s.lastScanAt) / double(kHourMs) : 0.0;
    d.evidence.promisedAt = s.promisedAt;
    d.evidence.failedAttempts = s.failedAttempts;
    if (s.scanned) {
        const EtaEstimate e = m_eta.estimate(inputOf(s), now);
        if (e.known)
            d.evidence.eta = e.at;
    }
    out->append(d);
}

bool ExceptionDetector::seen(ParcelState &s, const QString &eventId) const
{
    if (eventId.isEmpty())
        return false;
    if (std::find(s.recentEventIds.cbegin(), s.recentEventIds.cend(), eventId) != s.recentEventIds.cend())
        return true;
    s.recentEventIds.at(s.nextEventSlot) = eventId;
    s.nextEventSlot = (s.nextEventSlot + 1) % s.recentEventIds.size();
    return false;
}

QList<DetectedException> ExceptionDetector::track(const Parcel &parcel, Instant now)
{
    ParcelState &s = m_parcels[parcel.waybillNo];
    s.stationId = parcel.stationId;
    const bool promiseChanged = s.promisedAt != parcel.promisedAt;
    s.promisedAt = parcel.promisedAt;
    QList<DetectedException> out;
    if (s.scanned && promiseChanged && !terminal(s.status)) {
        checkPromise(parcel.waybillNo, s, now, &out);
        schedule(parcel.waybillNo, s, now);
    }
    return out;
}

QList<DetectedException> ExceptionDetector::onEvent(const TrackingEvent &event, Instant now)
{
    return ingest(event, now, true);
}

QList<DetectedException> ExceptionDetector::onEvents(const QList<TrackingEvent> &events, Instant now)
{
    QList<TrackingEvent> ordered = events;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const TrackingEvent &a, const TrackingEvent &b) { return a.at < b.at; });
    QHash<QString, qsizetype> newest; // waybill → index of its last event in time order
    for (qsizetype i = 0; i < ordered.size(); ++i)
        newest.insert(ordered.at(i).waybillNo, i);
    QList<DetectedException> out;
    for (qsizetype i = 0; i < ordered.size(); ++i)
        out += ingest(ordered.at(i), now, newest.value(ordered.at(i).waybillNo) == i);
    sortDetections(&out);
    return out;
}

QList<DetectedException> ExceptionDetector::ingest(const TrackingEvent &event, Instant now, bool evaluate)
{
    QList<DetectedException> out;
    if (event.waybillNo.isEmpty())
        return out;
    ParcelState &s = m_parcels[event.waybillNo];
    if (seen(s, event.id))
        return out;
    const bool newer = !s.scanned || event.at >= s.lastScanAt;
    if (newer)
        advance(event.waybillNo, s, event, now, &out);
    classifyScan(event.waybillNo, s, event, now, &out);
    if (newer && !terminal(s.status)) {
        if (evaluate) {
            checkStall(event.waybillNo, s, now, &out);
            checkPromise(event.waybillNo, s, now, &out);
        }
        schedule(event.waybillNo, s, now);
    }
    sortDetections(&out);
    return out;
}

void ExceptionDetector::advance(const QString &waybillNo, ParcelState &s, const TrackingEvent &e, Instant now,
                                QList<DetectedException> *out)
{
    if (s.scanned && s.status == ParcelStatus::AtStation && e.status == ParcelStatus::OutForDelivery)
        m_eta.observeDwell(s.stationId, e.at - s.lastScanAt, e.at);
    const bool redelivery =
        s.scanned && s.status == ParcelStatus::OutForDelivery && e.status == ParcelStatus::OutForDelivery;
    if (e.status == ParcelStatus::InTransit) {
        ++s.transitScans;
        s.route = e.place;
    }
    if (!beforeStation(e.status) && e.status != ParcelStatus::Exception)
        s.reachedStation = true;
    s.scanned = true;
    s.status = e.status;
    s.lastScanAt = e.at;
    s.lastPlace = e.place;
    if (redelivery) {
        // A second delivery run without a failure scan: the first attempt failed.
        ++s.failedAttempts;
        if (s.failedAttempts >= m_policy.failedAttemptsForCase())
            report(waybillNo, s, ExceptionKind::FailedDelivery, s.failedAttempts, e.at, now, {}, out);
    }
}

void ExceptionDetector::classifyScan(const QString &waybillNo, ParcelState &s, const TrackingEvent &e,
                                     Instant now, QList<DetectedException> *out)
{
    if (e.status == ParcelStatus::Returned) {
        report(waybillNo, s, ExceptionKind::Returned, 1, e.at, now, e.reason, out);
        return;
    }
    if (e.status != ParcelStatus::Exception)
        return;
    const ProactivePolicy::ScanReasons &r = m_policy.scanReasons();
    const qint64 reasonSignature = qint64(qHash(e.reason));
    if (r.damage.contains(e.reason)) {
        report(waybillNo, s, ExceptionKind::DamageScan, reasonSignature, e.at, now, e.reason, out);
    } else if (r.loss.contains(e.reason)) {
        report(waybillNo, s, ExceptionKind::LossScan, reasonSignature, e.at, now, e.reason, out);
    } else if (r.failedDelivery.contains(e.reason)) {
        ++s.failedAttempts;
        if (s.failedAttempts >= m_policy.failedAttemptsForCase())
            report(waybillNo, s, ExceptionKind::FailedDelivery, s.failedAttempts, e.at, now, e.reason, out);
    } else if (r.exception.isEmpty() || r.exception.contains(e.reason)) {
        report(waybillNo, s, ExceptionKind::ExceptionScan, reasonSignature, e.at, now, e.reason, out);
    }
}

void ExceptionDetector::checkStall(const QString &waybillNo, ParcelState &s, Instant now,
                                   QList<DetectedException> *out)
{
    if (!s.scanned || terminal(s.status) ||
        s.reported.at(std::size_t(ExceptionKind::Stalled)) == s.lastScanAt)
        return;
    const auto hours = m_policy.stallHours(s.status);
    if (!hours)
        return;
    const Instant due = s.lastScanAt + qint64(*hours) * kHourMs;
    if (due <= now)
        report(waybillNo, s, ExceptionKind::Stalled, s.lastScanAt, due, now, {}, out);
}

void ExceptionDetector::checkPromise(const QString &waybillNo, ParcelState &s, Instant now,
                                     QList<DetectedException> *out)
{
    if (!s.scanned || terminal(s.status) || !s.promisedAt || promiseReported(s))
        return;
    const EtaInput in = inputOf(s);
    const OptInstant from = m_eta.missesPromiseFrom(in, now);
    if (!from || *from > now)
        return;
    // The cause's instant is when the estimate first missed after the last scan, not when we looked.
    const OptInstant first = m_eta.missesPromiseFrom(in, std::min(now, s.lastScanAt));
    report(waybillNo, s, ExceptionKind::WillMissPromise, *s.promisedAt, first.value_or(now), now, {}, out);
}

bool ExceptionDetector::promiseReported(const ParcelState &s)
{
    return s.promisedAt && s.reported.at(std::size_t(ExceptionKind::WillMissPromise)) == *s.promisedAt;
}

void ExceptionDetector::schedulePromise(const QString &waybillNo, const ParcelState &s, Instant now)
{
    if (!s.scanned || terminal(s.status) || !s.promisedAt || promiseReported(s))
        return;
    const OptInstant from = m_eta.missesPromiseFrom(inputOf(s), now);
    if (from && *from > now)
        m_due.push({*from, waybillNo, s.lastScanAt, Due::Promise});
}

void ExceptionDetector::schedule(const QString &waybillNo, const ParcelState &s, Instant now)
{
    if (!s.scanned || terminal(s.status))
        return;
    if (const auto hours = m_policy.stallHours(s.status)) {
        const Instant due = s.lastScanAt + qint64(*hours) * kHourMs;
        if (due > now)
            m_due.push({due, waybillNo, s.lastScanAt, Due::Stall});
    }
    schedulePromise(waybillNo, s, now);
}

QList<DetectedException> ExceptionDetector::checkStalls(Instant now)
{
    QList<DetectedException> out;
    while (!m_due.empty() && m_due.top().at <= now) {
        const DueEntry entry = m_due.top();
        m_due.pop();
        const auto it = m_parcels.find(entry.waybillNo);
        // A newer scan scheduled its own checks; this one is stale.
        if (it == m_parcels.end() || !it->scanned || it->lastScanAt != entry.scanAt)
            continue;
        if (entry.what == Due::Stall) {
            checkStall(entry.waybillNo, *it, now, &out);
        } else {
            checkPromise(entry.waybillNo, *it, now, &out);
            // The station's dwell may have changed since scheduling: look again later if not yet late.
            schedulePromise(entry.waybillNo, *it, now);
        }
    }
    sortDetections(&out);
    return out;
}

QList<DetectedException> ExceptionDetector::checkParcel(const QString &waybillNo, Instant now)
{
    QList<DetectedException> out;
    const auto it = m_parcels.find(waybillNo);
    if (it == m_parcels.end())
        return out;
    checkStall(waybillNo, *it, now, &out);
    checkPromise(waybillNo, *it, now, &out);
    sortDetections(&out);
    return out;
}

QList<DetectedException> ExceptionDetector::check(const Parcel &parcel, const QList<TrackingEvent> &events,
                                                  Instant now)
{
    QList<DetectedException> out = track(parcel, now);
    QList<TrackingEvent> sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const TrackingEvent &a, const TrackingEvent &b) { return a.at < b.at; });
    // Catching up: the states between the events are history, only the last one is checked.
    for (const TrackingEvent &e : std::as_const(sorted)) {
        TrackingEvent own = e;
        own.waybillNo = parcel.waybillNo;
        out += ingest(own, now, false);
    }
    out += checkParcel(parcel.waybillNo, now);
    sortDetections(&out);
    return out;
}

OptInstant ExceptionDetector::nextDueAt() const
{
    if (m_due.empty())
        return std::nullopt;
    return m_due.top().at;
}

void ExceptionDetector::forget(const QString &waybillNo)
{
    m_parcels.remove(waybillNo);
}

} // namespace pd
