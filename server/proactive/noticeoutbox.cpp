#include "noticeoutbox.h"

#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcProactive)

namespace pd::server {

namespace {
/// How long a claimed notice is the claimer's: far longer than any gateway's timeout.
constexpr qint64 kLeaseMs = 2 * 60 * 1000;
/// Notices read per look; the gateway gets at most this many at once.
constexpr int kBatch = 50;
/// How often the outbox looks when nothing is due (notices queued by another instance).
constexpr int kIdlePollMs = 5000;

QString tokenOf(const QString &phone)
{
    return phone.isEmpty() ? QString() : shortHash(phone);
}
} // namespace

NoticeOutbox::NoticeOutbox(DocumentStore &docs, ProactiveStore &store, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_store(store)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            dispatch();
        } catch (const std::exception &e) {
            qCWarning(lcProactive) << "outbox not read:" << e.what();
        }
        if (!m_timer.isActive())
            m_timer.start(kIdlePollMs);
    });
}

NoticeOutbox::~NoticeOutbox() = default;

void NoticeOutbox::setGateway(std::unique_ptr<NotifyGateway> gateway)
{
    m_gateway = std::move(gateway);
}

QString NoticeOutbox::noticeId(const QString &waybill, const QString &cause, int number)
{
    return u"nt-"_s + shortHash(waybill + u'|' + cause + u'|' + QString::number(number));
}

QString NoticeOutbox::recipientOf(const QString &waybill)
{
    const auto d = m_docs.get(DocType::Parcel, waybill);
    if (!d || d->deleted)
        return {};
    return QJsonDocument::fromJson(d->data).object().value(u"recipient_phone"_s).toString();
}

void NoticeOutbox::start()
{
    kick();
}

void NoticeOutbox::kick()
{
    if (m_gateway)
        m_timer.start(0);
}

void NoticeOutbox::dispatch()
{
    if (!m_gateway)
        return;
    const qint64 now = m_clock.nowMs();
    m_planner.forgetMinutesBefore(now - 60 * 1000);
    const QList<NoticeRow> due = m_store.due(now, kBatch);
    for (NoticeRow row : due) {
        if (m_inFlight >= kBatch)
            break;
        const QString phone = recipientOf(row.waybillNo);
        const PlannedNotice planned{row.waybillNo, row.id, row.urgent, tokenOf(phone), now};
        // Quiet hours and the per-minute limit. Counted per notice id: the one notice per parcel and cause is
        // the id's own (a hash of both), and a retry is the same notice again.
        const NoticeDecision d = m_planner.decide(planned);
        if (d.verdict == NoticeVerdict::Never && d.reason == u"no_recipient"_s) {
            WriteTx tx(m_docs.db());
            row.state = u"failed"_s;
            row.lastError = u"the parcel has no recipient phone"_s;
            m_store.updateNotice(tx, row);
            tx.commit();
            continue;
        }
        if (d.verdict == NoticeVerdict::Later) {
            WriteTx tx(m_docs.db());
            row.nextMs = d.sendAt;
            row.lastError = d.reason; // "quiet_hours" or "rate_limit": why it waits
            m_store.updateNotice(tx, row);
            tx.commit();
            continue;
        }
        WriteTx tx(m_docs.db());
        const bool mine = m_store.claim(tx, row, now, now + kLeaseMs);
        tx.commit();
        if (!mine)
            continue; // another instance took it
        (void)m_planner.book(planned);
        row.attempts += 1;
        sendOne(row, phone, now);
    }
    if (const qint64 next = m_store.nextDueMs(); next > 0)
        m_timer.start(int(std::clamp<qint64>(next - m_clock.nowMs(), 0, kIdlePollMs)));
}

void NoticeOutbox::sendOne(NoticeRow row, const QString &phone, Instant plannedAt)
{
    NoticeMessage m;
    m.id = row.id;
    m.waybillNo = row.waybillNo;
    m.recipientPhone = phone;
    m.language = row.language;
    m.text = row.text;
    m.incidentId = row.incidentId;
    m.cause = row.incidentId.isEmpty() ? row.cause.section(u':', 1) : row.cause;
    m.urgent = row.urgent;
    m.createdMs = row.createdMs;
    m.attempt = row.attempts;
    ++m_inFlight;
    m_gateway->send(m, [this, row, plannedAt](const GatewayResult &r) {
        --m_inFlight;
        try {
            finish(row, plannedAt, r);
        } catch (const std::exception &e) {
            // The lease runs out and the notice goes again with the same id: the provider dedupes it.
            qCWarning(lcProactive) << "notice outcome not stored:" << row.id << e.what();
        }
        kick();
    });
}

void NoticeOutbox::finish(NoticeRow row, Instant plannedAt, const GatewayResult &result)
{
    const qint64 now = m_clock.nowMs();
    row.httpStatus = result.httpStatus;
    row.lastError = result.error;
    if (result.outcome == GatewayResult::Outcome::Delivered) {
        row.state = u"sent"_s;
        row.sentMs = now;
        row.providerId = result.providerId;
        row.lastError.clear();
    } else {
        // Not sent: its slot of the minute is free again.
        m_planner.cancel(PlannedNotice{row.waybillNo, row.id, row.urgent, {}, plannedAt}, plannedAt);
        const bool again = result.outcome == GatewayResult::Outcome::Retry && row.attempts < kMaxAttempts;
        row.state = again ? u"queued"_s : u"failed"_s;
        const qint64 backoff = std::min(kMaxBackoffMs, m_retryBaseMs << std::min(row.attempts - 1, 20));
        row.nextMs = again ? now + backoff : now;
    }
    WriteTx tx(m_docs.db());
    m_store.updateNotice(tx, row);
    if (row.state == u"sent"_s)
        m_store.markNotified(tx, row.waybillNo, row.incidentId, row.caseId, now);
    tx.commit();
}

} // namespace pd::server
