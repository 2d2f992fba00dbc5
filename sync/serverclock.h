#pragma once

#include "models/domain/clock.h"

#include <QByteArray>

#include <deque>
#include <optional>

namespace pd {

/**
 * @brief The server's clock as seen from the console: the local clock plus a measured offset.
 *
 * Every response carries the server time (the HTTP Date header, and X-Server-Time-Ms with milliseconds from
 * parceldesk-server). observe() turns one exchange into an offset sample, taking the middle of the round trip
 * as the moment the server stamped it; such a sample can be wrong by half the round trip (and by half a
 * second more with only the Date header). The offset used is the sample of the last kSamples with the
 * smallest such error (the clock filter of NTP), so slow responses and coarse headers do not move every
 * countdown back and forth. A step — the server's clock (or this PC's) was set — is believed when the two
 * newest samples agree with each other and both disagree with the offset in use by more than their errors
 * plus kStepMarginMs: the older samples are dropped. A change of more than kJumpThresholdMs (and more than
 * the error of the sample it replaces) emits jumped(), which makes the SLA monitor re-arm its timer and the
 * sync engine retry queued edits. SLA countdowns use this clock, so a wrong PC clock cannot hide a breach.
 */
class ServerClock final : public Clock
{
    Q_OBJECT
public:
    static constexpr qint64 kJumpThresholdMs = 250;
    static constexpr std::size_t kSamples = 8;
    static constexpr qint64 kStepMarginMs = 1000;

    explicit ServerClock(const Clock *local, QObject *parent = nullptr);

    [[nodiscard]] qint64 nowMs() const override { return m_local->nowMs() + m_offsetMs; }
    [[nodiscard]] qint64 offsetMs() const { return m_offsetMs; }
    /// @brief The local clock's reading, for timing an exchange passed to observe().
    [[nodiscard]] qint64 localNowMs() const { return m_local->nowMs(); }
    [[nodiscard]] bool hasMeasurement() const { return !m_samples.empty(); }

    /// @brief Restores an offset saved in the cache (before the first exchange of a session).
    void setOffsetMs(qint64 offsetMs);

    /// @brief One request/response exchange, in local milliseconds, with the response's time headers.
    void observe(qint64 sentLocalMs, qint64 receivedLocalMs, const QByteArray &dateHeader,
                 const QByteArray &preciseHeader = {});

    /// @brief Parses an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT") to UTC milliseconds.
    [[nodiscard]] static std::optional<qint64> parseHttpDate(const QByteArray &value);
    /// @brief Formats UTC milliseconds as an HTTP date (what the server sends).
    [[nodiscard]] static QByteArray formatHttpDate(qint64 utcMs);

private:
    void apply(qint64 offsetMs, qint64 errorMs);

    struct Sample
    {
        qint64 offsetMs = 0;
        qint64 errorMs = 0; ///< how far the sample may be off: half the round trip (+500 ms from Date only)
    };
    /// The two newest samples agree on an offset far from the one in use: the clock was set.
    [[nodiscard]] bool stepped() const;

    const Clock *m_local;
    qint64 m_offsetMs = 0;
    qint64 m_errorMs = 0; ///< of the sample in use (0: restored or none yet, any change of note is a jump)
    std::deque<Sample> m_samples;
};

} // namespace pd
