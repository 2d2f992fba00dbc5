#include "incidentgrouper.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

QString exceptionKey(const DetectedException &e)
{
    return e.waybillNo + u'\n' + exceptionKindCode(e.kind) + u'\n' + QString::number(e.cause.windowStart);
}

} // namespace

QString causeFamily(ExceptionKind kind)
{
    switch (kind) {
    case ExceptionKind::Stalled:
    case ExceptionKind::WillMissPromise:
        return u"delay"_s;
    case ExceptionKind::DamageScan:
        return u"damage"_s;
    case ExceptionKind::LossScan:
        return u"loss"_s;
    case ExceptionKind::ExceptionScan:
    case ExceptionKind::FailedDelivery:
    case ExceptionKind::Returned:
        break;
    }
    return u"delivery"_s;
}

IncidentGrouper::IncidentGrouper(const ProactivePolicy &policy)
    : m_policy(policy)
{}

QString IncidentGrouper::incidentId(const QString &dimension, const QString &key, const QString &family,
                                    Instant windowStart)
{
    const QByteArray cause =
        (dimension + u'\n' + key + u'\n' + family + u'\n' + QString::number(windowStart)).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(cause, QCryptographicHash::Sha256);
    return u"inc-"_s + QString::fromLatin1(hash.left(8).toHex());
}

QStringList IncidentGrouper::bucketsOf(const DetectedException &e) const
{
    QStringList ids;
    for (const QString &dimension : m_policy.incidents().groupBy) {
        const QString &key = dimension == u"station" ? e.cause.stationId : e.cause.route;
        if (!key.isEmpty())
            ids.append(incidentId(dimension, key, causeFamily(e.kind), e.cause.windowStart));
    }
    return ids;
}

bool IncidentGrouper::qualifies(const Bucket &b) const
{
    return b.waybills.size() >= m_policy.incidents().minParcels;
}

void IncidentGrouper::removeFromBuckets(const QString &exKey, const DetectedException &e)
{
    for (const QString &id : bucketsOf(e)) {
        const auto it = m_buckets.find(id);
        if (it == m_buckets.end())
            continue;
        it->exceptions.remove(exKey);
        it->stale = true;
        const QString prefix = e.waybillNo + u'\n';
        const bool other = std::any_of(it->exceptions.cbegin(), it->exceptions.cend(),
                                       [&](const QString &k) { return k.startsWith(prefix); });
        if (!other)
            it->waybills.remove(e.waybillNo);
    }
}

GroupingUpdate IncidentGrouper::add(const DetectedException &e)
{
    const QString exKey = exceptionKey(e);
    const auto previous = m_exceptions.constFind(exKey);
    // The same parcel, kind and window with another station or route: it moves.
    if (previous != m_exceptions.cend() && previous->cause != e.cause)
        removeFromBuckets(exKey, *previous);
    m_exceptions.insert(exKey, e);
    m_byWaybill[e.waybillNo].insert(exKey);

    GroupingUpdate update;
    for (const QString &dimension : m_policy.incidents().groupBy) {
        const QString &key = dimension == u"station" ? e.cause.stationId : e.cause.route;
        if (key.isEmpty())
            continue;
        const QString id = incidentId(dimension, key, causeFamily(e.kind), e.cause.windowStart);
        Bucket &b = m_buckets[id];
        if (b.dimension.isEmpty()) {
            b.dimension = dimension;
            b.key = key;
            b.family = causeFamily(e.kind);
            b.windowStart = e.cause.windowStart;
        }
        const bool was = qualifies(b);
        if (b.exceptions.contains(exKey))
            b.stale = true; // replaced: its earlier detection is in the summary
        else if (!b.stale)
            b.summary.add(e);
        b.exceptions.insert(exKey);
        b.waybills.insert(e.waybillNo);
        if (qualifies(b) && update.incidentId.isEmpty()) {
            update.incidentId = id;
            update.created = !was;
        }
    }
    return update;
}

void IncidentGrouper::Summary::add(const DetectedException &e)
{
    kinds[exceptionKindCode(e.kind)] += 1;
    firstDetectedAt = any ? std::min(firstDetectedAt, e.detectedAt) : e.detectedAt;
    lastDetectedAt = any ? std::max(lastDetectedAt, e.detectedAt) : e.detectedAt;
    any = true;
    if (e.evidence.eta)
        expectedRecoveryAt = std::max(expectedRecoveryAt.value_or(*e.evidence.eta), *e.evidence.eta);
}

const IncidentGrouper::Summary &IncidentGrouper::summaryOf(const Bucket &b) const
{
    if (b.stale) {
        b.summary = {};
        for (const QString &key : b.exceptions) {
            if (const auto e = m_exceptions.constFind(key); e != m_exceptions.cend())
                b.summary.add(*e);
        }
        b.stale = false;
    }
    return b.summary;
}

Incident IncidentGrouper::build(const QString &bucketId, const Bucket &b, bool withWaybills) const
{
    Incident inc;
    inc.id = bucketId;
    inc.dimension = b.dimension;
    inc.key = b.key;
    inc.family = b.family;
    inc.causeCode = b.dimension + u'_' + b.family;
    inc.windowStart = b.windowStart;
    inc.windowEnd = b.windowStart + qint64(m_policy.incidents().windowMinutes) * kMinuteMs;
    if (withWaybills) {
        inc.waybills = QStringList(b.waybills.cbegin(), b.waybills.cend());
        std::sort(inc.waybills.begin(), inc.waybills.end());
    }
    const Summary &summary = summaryOf(b);
    inc.kinds = summary.kinds;
    inc.firstDetectedAt = summary.firstDetectedAt;
    inc.lastDetectedAt = summary.lastDetectedAt;
    inc.expectedRecoveryAt = summary.expectedRecoveryAt;
    const Instant before = b.windowStart - qint64(m_policy.incidents().windowMinutes) * kMinuteMs;
    const QString previousId = incidentId(b.dimension, b.key, b.family, before);
    const auto previous = m_buckets.constFind(previousId);
    if (previous != m_buckets.cend() && qualifies(*previous))
        inc.continuesId = previousId;
    return inc;
}

QList<Incident> IncidentGrouper::incidents() const
{
    QList<Incident> out;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        if (qualifies(*it))
            out.append(build(it.key(), *it));
    }
    std::sort(out.begin(), out.end(), [](const Incident &a, const Incident &b) {
        return std::tie(a.windowStart, a.id) < std::tie(b.windowStart, b.id);
    });
    return out;
}

std::optional<Incident> IncidentGrouper::incident(const QString &id) const
{
    const auto it = m_buckets.constFind(id);
    if (it == m_buckets.cend() || !qualifies(*it))
        return std::nullopt;
    return build(id, *it);
}

std::optional<Incident> IncidentGrouper::incidentSummary(const QString &id) const
{
    const auto it = m_buckets.constFind(id);
    if (it == m_buckets.cend() || !qualifies(*it))
        return std::nullopt;
    return build(id, *it, false);
}

QList<DetectedException> IncidentGrouper::individualCases() const
{
    QList<DetectedException> out;
    for (const DetectedException &e : m_exceptions) {
        const QStringList ids = bucketsOf(e);
        const bool grouped = std::any_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
            const auto it = m_buckets.constFind(id);
            return it != m_buckets.cend() && qualifies(*it);
        });
        if (!grouped)
            out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const DetectedException &a, const DetectedException &b) {
        return std::tie(a.causeAt, a.waybillNo, a.kind) < std::tie(b.causeAt, b.waybillNo, b.kind);
    });
    return out;
}

QString IncidentGrouper::incidentOf(const QString &waybillNo) const
{
    QString best;
    Instant bestWindow = std::numeric_limits<Instant>::min();
    for (const QString &exKey : m_byWaybill.value(waybillNo)) {
        const auto it = m_exceptions.constFind(exKey);
        if (it == m_exceptions.cend())
            continue;
        for (const QString &id : bucketsOf(*it)) {
            const auto b = m_buckets.constFind(id);
            // Strictly later windows win; within one window the first dimension of group_by.
            if (b != m_buckets.cend() && qualifies(*b) && b->windowStart > bestWindow) {
                best = id;
                bestWindow = b->windowStart;
            }
        }
    }
    return best;
}

void IncidentGrouper::forgetBefore(Instant instant)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->windowStart < instant)
            it = m_buckets.erase(it);
        else
            ++it;
    }
    for (auto it = m_exceptions.begin(); it != m_exceptions.end();) {
        if (it->cause.windowStart < instant) {
            const auto w = m_byWaybill.find(it->waybillNo);
            w->remove(it.key());
            if (w->isEmpty())
                m_byWaybill.erase(w);
            it = m_exceptions.erase(it);
        } else {
            ++it;
        }
    }
}

QList<Incident> IncidentGrouper::group(const ProactivePolicy &policy, const QList<DetectedException> &list)
{
    IncidentGrouper g(policy);
    for (const DetectedException &e : list)
        g.add(e);
    return g.incidents();
}

} // namespace pd
