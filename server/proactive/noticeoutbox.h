#pragma once

#include "proactivestore.h"

#include "server/notify/notifygateway.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"
#include "models/proactive/noticeplanner.h"

#include <QObject>
#include <QTimer>

namespace pd::server {

/**
 * @brief The notification outbox (docs/proactive.md, "The outbox"): notices queued in the table notices go
 * out through the gateway, one attempt at a time per notice.
 *
 * A due notice is claimed in a transaction (state "sending" with a lease, so two instances never send it at
 * the same time), checked against quiet hours and the per-minute limit (NoticePlanner: a notice that may not
 * go now is put back with its new due instant), and handed to the gateway with its id as the idempotency
 * key. Delivered: "sent". Retry: queued again after 2^(attempt-1) × the retry base, at most 30 minutes,
 * until kMaxAttempts; then "failed". Rejected: "failed" at once. At most one notice per parcel and cause
 * exists (its id is a hash of both), so nothing is queued twice; a notice whose lease ended without an
 * answer (the server stopped mid-send) is sent again with the same id, which the provider dedupes.
 */
class NoticeOutbox final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAttempts = 8;
    static constexpr qint64 kMaxBackoffMs = 30 * 60 * 1000;

    NoticeOutbox(DocumentStore &docs, ProactiveStore &store, Clock &clock, QObject *parent = nullptr);
    ~NoticeOutbox() override;

    /// @brief The gateway notices go out through (owned); null keeps them queued.
    void setGateway(std::unique_ptr<NotifyGateway> gateway);
    [[nodiscard]] NotifyGateway *gateway() const { return m_gateway.get(); }
    void setPolicy(const ProactivePolicy &policy) { m_planner.setPolicy(policy); }
    /// @brief The first retry's delay (default 30 s).
    void setRetryBaseMs(qint64 ms) { m_retryBaseMs = std::max<qint64>(ms, 10); }

    /// @brief "nt-" and 16 hex digits over parcel, cause and number: the notice's id and idempotency key.
    [[nodiscard]] static QString noticeId(const QString &waybill, const QString &cause, int number);
    /// @brief The recipient's full phone from the parcel record; empty when it has none.
    [[nodiscard]] QString recipientOf(const QString &waybill);

    void start();
    /// @brief Looks for due notices soon (after a commit that queued some).
    void kick();

private:
    void dispatch();
    void sendOne(NoticeRow row, const QString &phone, Instant plannedAt);
    void finish(NoticeRow row, Instant plannedAt, const GatewayResult &result);

    DocumentStore &m_docs;
    ProactiveStore &m_store;
    Clock &m_clock;
    std::unique_ptr<NotifyGateway> m_gateway;
    NoticePlanner m_planner;
    QTimer m_timer;
    qint64 m_retryBaseMs = 30 * 1000;
    int m_inFlight = 0;
};

} // namespace pd::server
