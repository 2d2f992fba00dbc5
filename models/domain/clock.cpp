#include "clock.h"

#include <QElapsedTimer>

namespace pd {

namespace {
qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

ManualClock::ManualClock(qint64 startMs, QObject *parent)
    : Clock(parent)
    , m_anchorMs(startMs)
    , m_realAnchorMs(monotonicMs())
{}

qint64 ManualClock::nowMs() const
{
    return m_running ? m_anchorMs + (monotonicMs() - m_realAnchorMs) : m_anchorMs;
}

void ManualClock::setNow(qint64 ms)
{
    const qint64 before = nowMs();
    m_anchorMs = ms;
    m_realAnchorMs = monotonicMs();
    if (ms != before)
        Q_EMIT jumped(ms - before);
}

void ManualClock::setRunning(bool running)
{
    m_anchorMs = nowMs();
    m_realAnchorMs = monotonicMs();
    m_running = running;
}

} // namespace pd
