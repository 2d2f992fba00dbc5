#include "trendservice.h"

#include "server/storage/database.h"

#include "models/proactive/trendcomplaint.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServerTrends, "pd.server.trends")

namespace pd::server {

namespace {
constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kWeekMs = 7 * 24 * kHourMs;

QString seriesOf(const TrendAlert &a)
{
    return a.dimension + u'|' + a.key;
}
} // namespace

TrendService::TrendService(DocumentStore &docs, const Clock &clock, PolicySource policy, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_clock(clock)
    , m_policySource(std::move(policy))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)evaluateNow(); });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { (void)evaluateNow(); });
}

void TrendService::applyPolicy()
{
    const ProactivePolicy policy = m_policySource();
    if (policy.version() == m_policyVersion)
        return;
    m_detector.setPolicy(policy);
    m_policyVersion = policy.version();
}

void TrendService::load()
{
    applyPolicy();
    const qint64 now = m_clock.nowMs();
    // The baseline's weeks, the window and a day of slack: complaints before that are never compared.
    const qint64 from = now - (m_detector.policy().trends().baselineWeeks + 1) * kWeekMs - 24 * kHourMs;
    const qint64 lastSeq = m_docs.maxSeq();
    readComplaints(0, from);
    m_seq = std::max(m_seq, lastSeq);
    for (const Doc &d : m_docs.byStatus(kTrendAlertDocType, {u"open"_s})) {
        if (const auto a = trendAlertFromJson(QJsonDocument::fromJson(d.data).object()))
            m_stored.insert(seriesOf(*a), *a);
    }
    qCInfo(lcServerTrends) << "trend alerts: counted" << m_counted.size() << "complaints of the history,"
                           << m_detector.seriesCount() << "series," << m_stored.size() << "alerts open";
}

void TrendService::start()
{
    (void)evaluateNow();
    m_timer.start();
}

void TrendService::ticketChanged()
{
    if (!m_debounce.isActive())
        m_debounce.start();
}

// Tickets written after afterSeq (and, at load, updated since updatedFrom, which holds every complaint
// created since then); each ticket is counted once, at its creation instant, with its parcel's station,
// courier and route.
void TrendService::readComplaints(qint64 afterSeq, qint64 updatedFrom)
{
    QSqlQuery q =
        m_docs.db().run(u"SELECT seq, id, data FROM docs WHERE type = ? AND deleted = 0 AND seq > ? "
                        "AND updated_ms >= ? ORDER BY seq"_s,
                        {DocType::Ticket, afterSeq, updatedFrom});
    QList<Ticket> tickets;
    QStringList waybills;
    while (q.next()) {
        m_seq = std::max(m_seq, q.value(0).toLongLong());
        const QString id = q.value(1).toString();
        if (m_counted.contains(id))
            continue;
        const auto t = Ticket::fromJson(QJsonDocument::fromJson(q.value(2).toByteArray()).object());
        if (!t || t->createdAt < updatedFrom)
            continue;
        m_counted.insert(id);
        tickets.append(*t);
        if (!t->waybillNo.isEmpty())
            waybills.append(t->waybillNo);
    }
    if (tickets.isEmpty())
        return;
    waybills.removeDuplicates();
    QHash<QString, Parcel> parcels;
    for (const Doc &d : m_docs.getMany(DocType::Parcel, waybills)) {
        if (auto p = Parcel::fromJson(QJsonDocument::fromJson(d.data).object()))
            parcels.insert(p->waybillNo, *p);
    }
    QList<TrendComplaint> complaints;
    complaints.reserve(tickets.size());
    for (const Ticket &t : std::as_const(tickets)) {
        const auto it = parcels.constFind(t.waybillNo);
        complaints.append(trendComplaintOf(t, it == parcels.cend() ? nullptr : &*it));
    }
    m_detector.add(complaints);
}

QList<TrendAlert> TrendService::evaluateNow()
{
    try {
        applyPolicy();
        readComplaints(m_seq, 0);
        QList<TrendAlert> changes = m_detector.evaluate(m_clock.nowMs());
        store(changes);
        return changes;
    } catch (const std::exception &e) {
        qCWarning(lcServerTrends) << "trend alerts not evaluated:" << e.what();
        return {};
    }
}

QList<TrendAlert> TrendService::openAlerts() const
{
    QList<TrendAlert> open;
    for (const TrendAlert &a : m_stored)
        open.append(a);
    std::sort(open.begin(), open.end(), [](const TrendAlert &a, const TrendAlert &b) {
        return std::tie(a.dimension, a.key) < std::tie(b.dimension, b.key);
    });
    return open;
}

void TrendService::store(QList<TrendAlert> changes)
{
    for (TrendAlert &a : changes) {
        // A rise that was open before a restart goes on under the id and start it had.
        const auto before = m_stored.constFind(seriesOf(a));
        if (before != m_stored.cend() && before->id != a.id) {
            a.id = before->id;
            a.windowStart = std::min(a.windowStart, before->windowStart);
            a.openedAt = before->openedAt;
        }
    }
    closeStale(changes);
    if (changes.isEmpty())
        return;
    WriteTx tx(m_docs.db());
    for (const TrendAlert &a : std::as_const(changes))
        put(tx, a);
    tx.commit();
    for (const TrendAlert &a : std::as_const(changes)) {
        if (a.closedAt)
            m_stored.remove(seriesOf(a));
        else
            m_stored.insert(seriesOf(a), a);
    }
}

// The first evaluation after load() closes the stored alerts whose rise it no longer finds.
void TrendService::closeStale(QList<TrendAlert> &changes)
{
    if (m_evaluated)
        return;
    m_evaluated = true;
    QSet<QString> open;
    for (const TrendAlert &a : m_detector.openAlerts())
        open.insert(seriesOf(a));
    for (const TrendAlert &stored : std::as_const(m_stored)) {
        if (open.contains(seriesOf(stored)))
            continue;
        TrendAlert closed = stored;
        closed.closedAt = m_clock.nowMs();
        changes.append(closed);
    }
}

void TrendService::put(WriteTx &tx, const TrendAlert &alert)
{
    const auto previous = m_docs.get(kTrendAlertDocType, alert.id);
    const qint64 version = previous ? previous->version + 1 : 1;
    const qint64 now = m_clock.nowMs();
    QJsonObject record = trendAlertToJson(alert, version);
    record.insert(u"updated_at"_s, instantToIso(now));
    Doc d;
    d.type = kTrendAlertDocType;
    d.id = alert.id;
    d.version = version;
    d.status = record.value(u"state"_s).toString();
    d.parent = alert.dimension + u':' + alert.key;
    d.updatedMs = now;
    d.data = QJsonDocument(record).toJson(QJsonDocument::Compact);
    m_docs.put(tx, d);
    tx.publishChanged(kTrendAlertDocType, d.id, version);
}

} // namespace pd::server
