#pragma once

#include "models/domain/clock.h"

#include <QElapsedTimer>
#include <QTimer>

namespace pd::server {

/**
 * @brief Server time that runs @p speed times faster than real time from a start instant (demo, tests).
 *
 * Timers elsewhere are armed in real milliseconds, so when speed > 1 the clock announces itself through
 * jumped(0) every second: the SLA monitor then fires whatever fell due in accelerated time.
 */
class ScaledClock final : public Clock
{
    Q_OBJECT
public:
    ScaledClock(qint64 startMs, double speed, QObject *parent = nullptr)
        : Clock(parent)
        , m_startMs(startMs)
        , m_speed(speed)
    {
        m_real.start();
        if (speed > 1.0) {
            connect(&m_tick, &QTimer::timeout, this, [this] { Q_EMIT jumped(0); });
            m_tick.start(1000);
        }
    }

    [[nodiscard]] qint64 nowMs() const override
    {
        return m_startMs + qint64(double(m_real.elapsed()) * m_speed);
    }
    [[nodiscard]] double speed() const { return m_speed; }

private:
    qint64 m_startMs;
    double m_speed;
    QElapsedTimer m_real;
    QTimer m_tick;
};

} // namespace pd::server
