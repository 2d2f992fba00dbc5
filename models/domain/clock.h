#pragma once

#include <QDateTime>
#include <QObject>

namespace pd {

/**
 * @brief The one source of "now" for everything that reads the time.
 *
 * Production code gets a SystemClock (or the sync layer's ServerClock, which adds the measured offset to
 * the server's clock); tests get a ManualClock they move by hand. Times are UTC milliseconds since the epoch.
 */
class Clock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Clock() override = default;

    /// @brief Current instant in UTC milliseconds since the Unix epoch.
    [[nodiscard]] virtual qint64 nowMs() const = 0;
    [[nodiscard]] QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

Q_SIGNALS:
    /// @brief The clock jumped (offset re-measured, manual set): cached "time until" values are stale.
    void jumped(qint64 deltaMs);

private:
    Q_DISABLE_COPY_MOVE(Clock)
};

/// @brief The machine's clock.
class SystemClock final : public Clock
{
    Q_OBJECT
public:
    using Clock::Clock;
    [[nodiscard]] qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/**
 * @brief A clock that moves only when told, either set outright or running from an anchor.
 *
 * In "frozen" mode nowMs() returns the set instant. In "running" mode it returns the set instant plus the
 * real time elapsed since the last set, which lets tests run an event loop against a fake "now".
 */
class ManualClock final : public Clock
{
    Q_OBJECT
public:
    explicit ManualClock(qint64 startMs = 0, QObject *parent = nullptr);

    [[nodiscard]] qint64 nowMs() const override;
    void setNow(qint64 ms);
    void advance(qint64 ms) { setNow(nowMs() + ms); }
    void setRunning(bool running);

private:
    qint64 m_anchorMs;
    qint64 m_realAnchorMs;
    bool m_running = false;
};

} // namespace pd
