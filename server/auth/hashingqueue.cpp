#include "hashingqueue.h"

#include <QThread>

#include <algorithm>

namespace pd::server {

int HashingQueue::defaultThreads()
{
    return std::max(1, QThread::idealThreadCount() - 1);
}

HashingQueue::HashingQueue(int threads, int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(1, capacity))
{
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setObjectName(QStringLiteral("pd-hashing"));
}

HashingQueue::~HashingQueue()
{
    m_pool.clear();       // jobs not started yet are dropped: nobody waits for their answers any more
    m_pool.waitForDone(); // a running hash finishes before the pool goes
}

bool HashingQueue::submit(std::function<void()> work, std::function<void()> done)
{
    if (m_pending >= m_capacity)
        return false;
    ++m_pending;
    m_pool.start([this, work = std::move(work), done = std::move(done)]() mutable {
        work();
        // Back to the owner's thread. This object outlives its workers (the destructor waits for them), and a
        // call queued to it when it is gone is dropped by Qt.
        QMetaObject::invokeMethod(
            this,
            [this, done = std::move(done)] {
                --m_pending;
                done();
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace pd::server
