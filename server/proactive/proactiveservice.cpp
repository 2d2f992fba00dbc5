#include "proactiveservice.h"

#include "server/storage/database.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProactive, "pd.server.proactive")

namespace pd::server {

namespace {
/// The longest the timer sleeps: a policy change or a clock that runs faster (the demo) is seen this soon.
constexpr int kMaxSleepMs = 60 * 1000;
/// Incidents and causes older than this leave the grouper's memory (they stay stored).
constexpr qint64 kGroupingMemoryMs = 48LL * 3600 * 1000;
/// Parcels under way read per page at start.
constexpr int kLoadPage = 2000;

QJsonValue isoOrNull(const OptInstant &at)
{
    return at ? QJsonValue(instantToIso(*at)) : QJsonValue();
}

QJsonObject evidenceJson(const DetectedException &e)
{
    const ExceptionEvidence &v = e.evidence;
    QJsonObject o{{u"last_scan_at"_s, instantToIso(v.lastScanAt)},
                  {u"last_status"_s, toCode(v.lastStatus)},
                  {u"last_place"_s, v.lastPlace},
                  {u"hours_stalled"_s, std::round(v.hoursStalled * 10) / 10},
                  {u"failed_attempts"_s, v.failedAttempts}};
    if (!v.reason.isEmpty())
        o.insert(u"reason"_s, v.reason);
    if (v.eta)
        o.insert(u"eta"_s, instantToIso(*v.eta));
    if (v.promisedAt)
        o.insert(u"promised_at"_s, instantToIso(*v.promisedAt));
    return QJsonObject{{u"evidence"_s, o}, {u"action"_s, e.action}};
}

QStringList kindsOfFamily(const QString &family)
{
    QStringList out;
    for (const QString &code : allExceptionKindCodes()) {
        if (causeFamily(*exceptionKindFromCode(code)) == family)
            out.append(code);
    }
    return out;
}
} // namespace

ProactiveService::ProactiveService(DocumentStore &docs, ProactiveStore &store, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_store(store)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            (void)checkDue();
        } catch (const std::exception &e) {
            qCWarning(lcProactive) << "stall checks not stored:" << e.what();
        }
        schedule();
    });
}

ProactivePolicy ProactiveService::storedPolicy(ProactiveStore &store)
{
    if (const auto stored = store.policy()) {
        if (auto p = ProactivePolicy::fromJson(QJsonDocument::fromJson(stored->first).object()))
            return *p;
        qCWarning(lcProactive) << "stored proactive policy version" << stored->second
                               << "is not readable; the defaults apply";
    }
    return ProactivePolicy::defaults();
}

void ProactiveService::setPolicy(const ProactivePolicy &policy)
{
    m_detector.setPolicy(policy);
    m_grouper = IncidentGrouper(policy);
    schedule();
}

void ProactiveService::load()
{
    QElapsedTimer timer;
    timer.start();
    m_detector.setPolicy(storedPolicy(m_store));
    m_grouper = IncidentGrouper(m_detector.policy());
    const qint64 now = m_clock.nowMs();
    // One ordered pass over the parcels under way, a page at a time (three statements a page), so a million
    // parcels in flight cost a few thousand statements, not two per parcel (docs/server.md, "Proactive
    // service").
    QList<DetectedException> found;
    qint64 parcels = 0;
    QString after;
    for (;;) {
        const UnderWayPage page = m_store.underWayPage(after, kLoadPage);
        for (const Parcel &parcel : page.parcels)
            found += m_detector.check(parcel, page.tracking.value(parcel.waybillNo), now);
        parcels += page.parcels.size();
        if (page.size < kLoadPage)
            break;
        after = page.last;
    }
    persist(found);
    // The causes older than the grouping memory are forgotten now, before the server listens, rather than at
    // the first check (a walk of every exception found at start, seconds at millions of parcels under way).
    m_grouper.forgetBefore(now - kGroupingMemoryMs);
    qCInfo(lcProactive).nospace() << "proactive detection: tracking " << m_detector.trackedCount()
                                  << " parcels under way (" << parcels << " read), " << found.size()
                                  << " exceptions at start; loaded in " << timer.elapsed() << " ms";
}

void ProactiveService::start()
{
    schedule();
}

void ProactiveService::observe(const QList<Parcel> &parcels, const QList<TrackingEvent> &events)
{
    const qint64 now = m_clock.nowMs();
    QList<DetectedException> found;
    for (const Parcel &p : parcels)
        found += m_detector.track(p, now);
    found += m_detector.onEvents(events, now);
    persist(found);
    schedule();
}

int ProactiveService::checkDue()
{
    const qint64 now = m_clock.nowMs();
    const QList<DetectedException> found = m_detector.checkStalls(now);
    m_grouper.forgetBefore(now - kGroupingMemoryMs);
    persist(found);
    return int(found.size());
}

void ProactiveService::schedule()
{
    const OptInstant due = m_detector.nextDueAt();
    qint64 wait = kMaxSleepMs;
    if (due) {
        // The demo's clock may run faster than the wall clock; never sleep past the due instant of either.
        wait = std::clamp<qint64>(*due - m_clock.nowMs(), 0, kMaxSleepMs);
    }
    m_timer.start(int(wait));
}

QString ProactiveService::caseId(const DetectedException &e)
{
    return u"pc-"_s +
           shortHash(e.waybillNo + u'|' + exceptionKindCode(e.kind) + u'|' + QString::number(e.causeAt));
}

void ProactiveService::persist(const QList<DetectedException> &found)
{
    if (found.isEmpty())
        return;
    WriteTx tx(m_docs.db());
    QHash<QString, QSet<QString>> touched; // incident id → its parcels new in this batch; all when it formed
    QList<ProactiveCaseRow> cases;
    cases.reserve(found.size());
    for (const DetectedException &e : found) {
        const GroupingUpdate g = m_grouper.add(e);
        cases.append(caseRow(e, g.incidentId));
        if (g.incidentId.isEmpty())
            continue;
        QSet<QString> &parcels = touched[g.incidentId];
        if (g.created) {
            const QStringList all =
                m_grouper.incident(g.incidentId)->waybills; // the earlier cases join it too
            parcels.unite(QSet<QString>(all.cbegin(), all.cend()));
        } else {
            parcels.insert(e.waybillNo);
        }
    }
    (void)m_store.addCases(tx, cases); // before the incidents, which link the earlier ones
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        if (const auto incident = m_grouper.incidentSummary(it.key())) {
            QStringList parcels(it.value().cbegin(), it.value().cend());
            std::sort(parcels.begin(), parcels.end());
            storeIncident(tx, *incident, parcels);
        }
    }
    tx.commit();
    m_detected += found.size();
}

ProactiveCaseRow ProactiveService::caseRow(const DetectedException &e, const QString &incidentId)
{
    ProactiveCaseRow row;
    row.id = caseId(e);
    row.waybillNo = e.waybillNo;
    row.kind = exceptionKindCode(e.kind);
    row.causeMs = e.causeAt;
    row.detectedMs = e.detectedAt;
    row.stationId = e.cause.stationId;
    row.route = e.cause.route;
    row.incidentId = incidentId;
    row.data = QJsonDocument(evidenceJson(e)).toJson(QJsonDocument::Compact);
    row.updatedMs = e.detectedAt;
    return row;
}

void ProactiveService::storeIncident(WriteTx &tx, const Incident &incident, const QStringList &parcels)
{
    const int added = m_store.addIncidentParcels(tx, incident.id, parcels, m_clock.nowMs());
    m_store.linkCases(tx, incident.id, parcels, kindsOfFamily(incident.family), incident.windowStart,
                      incident.windowEnd);
    const std::optional<QJsonObject> stored = this->incident(incident.id);
    QJsonObject r = stored.value_or(QJsonObject{{u"state"_s, u"open"_s}, {u"explanation"_s, QString()}});
    r.insert(u"id"_s, incident.id);
    r.insert(u"cause"_s, incident.causeCode);
    r.insert(u"dimension"_s, incident.dimension);
    r.insert(u"key"_s, incident.key);
    r.insert(u"place"_s, placeName(incident.dimension, incident.key));
    r.insert(u"family"_s, incident.family);
    r.insert(u"window_start"_s, instantToIso(incident.windowStart));
    r.insert(u"window_end"_s, instantToIso(incident.windowEnd));
    // The grouper forgets old causes: the stored list of parcels is the whole one, and only this adds to it
    // (in the same transaction as the record), so the record's count plus the rows just added is its size.
    r.insert(u"parcels"_s, r.value(u"parcels"_s).toInteger() + added);
    QJsonObject kinds = r.value(u"kinds"_s).toObject();
    for (auto it = incident.kinds.cbegin(); it != incident.kinds.cend(); ++it)
        kinds.insert(it.key(), std::max(it.value(), kinds.value(it.key()).toInt()));
    r.insert(u"kinds"_s, kinds);
    if (!r.contains(u"first_detected_at"_s))
        r.insert(u"first_detected_at"_s, instantToIso(incident.firstDetectedAt));
    r.insert(u"last_detected_at"_s, instantToIso(incident.lastDetectedAt));
    // A supervisor's estimate of the recovery stays; the model's follows the parcels.
    if (!r.value(u"recovery_set_by"_s).isString())
        r.insert(u"expected_recovery_at"_s, isoOrNull(incident.expectedRecoveryAt));
    if (!incident.continuesId.isEmpty())
        r.insert(u"continues_id"_s, incident.continuesId);
    putIncident(tx, r);
}

void ProactiveService::putIncident(WriteTx &tx, QJsonObject record)
{
    const qint64 now = m_clock.nowMs();
    const qint64 version = record.value(u"version"_s).toInteger() + 1;
    record.insert(u"version"_s, version);
    record.insert(u"updated_at"_s, instantToIso(now));
    Doc d;
    d.type = kIncidentDocType;
    d.id = record.value(u"id"_s).toString();
    d.version = version;
    d.status = record.value(u"state"_s).toString();
    d.parent = record.value(u"key"_s).toString();
    d.updatedMs = now;
    d.data = QJsonDocument(record).toJson(QJsonDocument::Compact);
    m_docs.put(tx, d);
    tx.publishChanged(kIncidentDocType, d.id, version);
}

std::optional<QJsonObject> ProactiveService::incident(const QString &id)
{
    const auto d = m_docs.get(kIncidentDocType, id);
    if (!d || d->deleted)
        return std::nullopt;
    return QJsonDocument::fromJson(d->data).object();
}

OptInstant ProactiveService::etaOf(const QString &waybill) const
{
    const auto in = m_detector.etaInput(waybill);
    if (!in)
        return std::nullopt;
    const EtaEstimate e = m_detector.etaModel().estimate(*in, m_clock.nowMs());
    return e.known ? OptInstant(e.at) : std::nullopt;
}

QString ProactiveService::openIncidentOf(const QString &waybill)
{
    for (const QString &id : m_store.incidentsOf(waybill)) {
        const auto r = incident(id);
        if (r && r->value(u"state"_s).toString() == u"open"_s)
            return id;
    }
    return {};
}

QString ProactiveService::placeName(const QString &dimension, const QString &key)
{
    if (dimension != u"station"_s)
        return key; // a route is named by its place already
    const auto d = m_docs.get(DocType::Station, key);
    if (!d)
        return key;
    const QString name = QJsonDocument::fromJson(d->data).object().value(u"name"_s).toString();
    return name.isEmpty() ? key : name;
}

} // namespace pd::server
