#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace pd::server {

/**
 * @brief Copies SQLite's write-ahead log back into the database file on a thread of its own (docs/server.md,
 * "Storage").
 *
 * Without it the connection that commits does this itself whenever the log passes 1,000 pages, with the
 * file's fsync, in the middle of a request on the event loop: at a region's ingest a sixth of the server's
 * time. Here a connection of its own runs a passive checkpoint every kEveryMs (it never waits for a lock nor
 * makes the writer wait), so the event loop's commits only append to the log, and the log starts again from
 * its beginning once everything in it was copied. The server's connection keeps an automatic checkpoint at
 * a larger size (kFallbackPages) in case this thread falls behind.
 */
class WalCheckpointer final
{
public:
    static constexpr int kEveryMs = 250;
    static constexpr int kFallbackPages = 10000;

    /// @brief Starts checkpointing the SQLite database at @p path.
    explicit WalCheckpointer(const QString &path);
    /// @brief Stops the thread (after the checkpoint under way, if any).
    ~WalCheckpointer();
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    /// @brief Checkpoints run so far (tests).
    [[nodiscard]] int runs() const { return m_runs.load(); }

private:
    void run();

    QString m_path;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_runs{0};
    QSemaphore m_wake;
    std::unique_ptr<QThread> m_thread;
};

} // namespace pd::server
