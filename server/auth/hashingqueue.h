#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace pd::server {

/**
 * @brief Runs password hashing (PBKDF2, ~0.1–0.2 s of CPU each) on worker threads, so that the event loop
 * keeps answering every other request while people sign in.
 *
 * The queue is bounded: beyond @p capacity waiting or running jobs submit() refuses, and the caller answers
 * 503 with Retry-After instead of letting sign-ins pile up behind each other (a burst of logins then costs a
 * bounded amount of memory and each accepted one waits at most capacity / threads hashing times).
 * The finishing step runs on the thread that owns this object (the event loop's).
 */
class HashingQueue final : public QObject
{
    Q_OBJECT
public:
    /// @brief The default number of hashing threads: all cores but the event loop's, at least one.
    [[nodiscard]] static int defaultThreads();
    static constexpr int kDefaultCapacity = 32;

    HashingQueue(int threads, int capacity, QObject *parent = nullptr);
    ~HashingQueue() override;

    /**
     * @brief Runs @p work on a worker thread, then @p done on this object's thread; false (and nothing run)
     * when the queue is full.
     */
    [[nodiscard]] bool submit(std::function<void()> work, std::function<void()> done);

    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] int threads() const { return m_pool.maxThreadCount(); }

private:
    QThreadPool m_pool;
    int m_capacity;
    int m_pending = 0; ///< only touched on this object's thread
};

} // namespace pd::server
