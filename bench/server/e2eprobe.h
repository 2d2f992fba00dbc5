#pragma once

#include <QList>
#include <QSemaphore>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>

namespace pd::bench {

/// @brief A proactive case as the bench saw it appear.
struct SeenCase
{
    QString waybill;
    QString kind;
    qint64 causeMs = 0;    ///< proactive_cases.cause_ms
    qint64 detectedMs = 0; ///< proactive_cases.detected_ms: the server's "now" of the detection
    qint64 seenMs = 0;     ///< the start of the first poll that returned it (wall clock)
};

/**
 * @brief Watches the server's table proactive_cases from a thread of its own, through a second SQLite
 * connection that only reads: every few milliseconds one indexed query for the rows after the last one seen
 * (the single writer inserts them in rowid order). A case is visible to every reader from its commit, so the
 * start of the first poll that returns it is an upper bound of the moment it became visible, late by at most
 * the interval plus one query.
 */
class CaseWatcher final
{
public:
    CaseWatcher(QString sqlitePath, int intervalMs);
    ~CaseWatcher();
    Q_DISABLE_COPY_MOVE(CaseWatcher)

    /// @brief Starts watching; returns once the rows already stored are known (they are not reported).
    void start();
    void stop();
    /// @brief The cases seen so far (each once), in the order they appeared.
    [[nodiscard]] QList<SeenCase> seen();
    [[nodiscard]] qsizetype seenCount();

private:
    void run();

    QString m_path;
    int m_intervalMs;
    std::atomic<bool> m_stop{false};
    QSemaphore m_ready;
    std::mutex m_mutex;
    QList<SeenCase> m_seen;
    std::unique_ptr<QThread> m_thread;
};

/// @brief CPU seconds (user + system) and resident memory of a running process, from /proc.
struct ProcessStats
{
    double cpuSeconds = 0;
    double residentMiB = 0;
};
[[nodiscard]] ProcessStats processStats(qint64 pid);

/// @brief The first column of the first row of @p sql on the SQLite file (a connection of its own); -1 on
/// failure.
[[nodiscard]] qint64 sqliteCount(const QString &path, const QString &sql);

} // namespace pd::bench
