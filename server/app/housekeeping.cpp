#include "housekeeping.h"

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
        return pruned;
    } catch (const std::exception &e) {
        qCWarning(lcServerStore) << "housekeeping skipped:" << e.what();
        return -1;
    }
}

} // namespace pd::server
