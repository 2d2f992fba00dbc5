#include "housekeeping.h"

#include "customereraser.h"

#include "server/storage/parcelretention.h"

#include <algorithm>

namespace pd::server {

Housekeeping::Housekeeping(DocumentStore &docs, UserStore &users, const Clock &clock, const Clock &wallClock,
                           qint64 idempotencyRetentionMs, QObject *parent)
    : QObject(parent)
    , m_docs(docs)
    , m_users(users)
    , m_clock(clock)
    , m_wallClock(wallClock)
    , m_retentionMs(idempotencyRetentionMs)
{
    connect(&m_timer, &QTimer::timeout, this, &Housekeeping::run);
}

void Housekeeping::start()
{
    run();
    m_timer.start(int(std::clamp<qint64>(m_retentionMs / 4, 1000, 3600 * 1000)));
}

int Housekeeping::run()
{
    try {
        WriteTx tx(m_docs.db());
        // Idempotency records are stamped with server time (accelerated with --speed), tokens with the
        // wall clock.
        const int pruned = m_docs.pruneIdempotency(tx, m_clock.nowMs() - m_retentionMs);
        tx.commit();
        m_users.purgeExpired(m_wallClock.nowMs());
        if (pruned > 0)
            qCInfo(lcServerStore) << "deleted" << pruned << "idempotency records past their retention";
        applyCustomerRetention();
        if (m_parcelRetentionMs > 0 && !m_sweeping &&
            (m_sweepStartedMs == 0 || m_clock.nowMs() - m_sweepStartedMs >= kSweepEveryMs)) {
            m_sweeping = true;
            m_sweepStartedMs = m_clock.nowMs();
            m_sweepCursor.clear();
            m_sweepDeleted = 0;
            sweepParcels();
        }
        if (m_attachmentCleanup) {
            if (const int uploads = m_attachmentCleanup(); uploads > 0)
                qCInfo(lcServerStore) << "removed" << uploads << "attachment uploads idle for 7 days";
        }
        return pruned;
    } catch (const std::exception &e) {
        qCWarning(lcServerStore) << "housekeeping skipped:" << e.what();
        return -1;
    }
}

void Housekeeping::applyCustomerRetention()
{
    if (m_customerRetentionMs <= 0)
        return;
    try {
        bool more = false;
        const auto counts =
            CustomerEraser(m_docs, m_clock).applyRetention(m_clock.nowMs() - m_customerRetentionMs, &more);
        if (counts.tickets > 0)
            qCInfo(lcServerStore) << "customer retention blanked" << counts.summary();
        // Batches keep the event loop responsive when many tickets fall due at once (a first run).
        if (more)
            QTimer::singleShot(50, this, &Housekeeping::applyCustomerRetention);
    } catch (const std::exception &e) {
        qCWarning(lcServerStore) << "customer retention skipped:" << e.what();
    }
}

void Housekeeping::sweepParcels()
{
    try {
        WriteTx tx(m_docs.db());
        const ParcelRetention::Step step =
            ParcelRetention(m_docs).step(tx, m_sweepStartedMs - m_parcelRetentionMs, &m_sweepCursor);
        tx.commit();
        m_sweepDeleted += step.deleted;
        if (step.more) {
            QTimer::singleShot(kSweepStepGapMs, this, &Housekeeping::sweepParcels);
            return;
        }
        if (m_sweepDeleted > 0)
            qCInfo(lcServerStore) << "parcel retention deleted" << m_sweepDeleted
                                  << "parcels no ticket names, unchanged for"
                                  << m_parcelRetentionMs / (24 * 3600 * 1000) << "days";
    } catch (const std::exception &e) {
        // The next round starts the sweep again (a day later).
        qCWarning(lcServerStore) << "parcel retention skipped:" << e.what();
    }
    m_sweeping = false;
}

} // namespace pd::server
