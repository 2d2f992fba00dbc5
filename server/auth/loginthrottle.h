#pragma once

#include <QHash>
#include <QString>

namespace pd::server {

/**
 * @brief Slows down password guessing: after kFreeFailures failed logins for one login name or one client
 * address inside kWindowMs, further attempts are refused for a lockout that doubles with each failure
 * (30 s, 60 s, … up to 15 min). A successful login clears the login name's record.
 *
 * State is in memory, per server instance (documented in docs/server.md).
 */
class LoginThrottle final
{
public:
    static constexpr int kFreeFailures = 5;
    static constexpr qint64 kWindowMs = 15 * 60 * 1000;
    static constexpr qint64 kBaseLockMs = 30 * 1000;
    static constexpr qint64 kMaxLockMs = 15 * 60 * 1000;

    /// @brief Milliseconds until an attempt is allowed (0 = allowed now).
    [[nodiscard]] qint64 retryAfterMs(const QString &login, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &login, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &login);

private:
    struct Record
    {
        int failures = 0;
        qint64 firstFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    void bump(Record &r, qint64 nowMs, int freeFailures);
    [[nodiscard]] static qint64 wait(const Record *r, qint64 nowMs);

    QHash<QString, Record> m_byLogin;
    QHash<QString, Record> m_byAddress;
};

} // namespace pd::server
