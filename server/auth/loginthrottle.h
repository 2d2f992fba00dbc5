#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace pd::server {

/**
 * @brief Slows down password guessing without letting anyone lock an account for its owner.
 *
 * Three counters, each locking for 30 s after its free failures inside kWindowMs, doubling with every further
 * failure up to kMaxLockMs (15 min) — never longer:
 * - per login name, whatever the address (kFreeFailures): guessing one account from many addresses (rotating
 *   IPv6 addresses included) is as slow as from one;
 * - per address prefix — an IPv4 address, an IPv6 /64 (kFreeFailures × 4, a call centre shares one NAT
 *   address): one client guessing many accounts;
 * - per login name and prefix (kFreeFailures), used instead of the login name's counter from a prefix the
 *   login has signed in from before (a known address): someone failing for an account elsewhere does not lock
 *   its owner out of their usual place.
 * A successful login clears that login's counters and remembers the prefix as known (kMaxKnownPrefixes per
 * login). State is in memory, per server instance (documented in docs/server.md).
 */
class LoginThrottle final
{
public:
    static constexpr int kFreeFailures = 5;
    static constexpr qint64 kWindowMs = 15 * 60 * 1000;
    static constexpr qint64 kBaseLockMs = 30 * 1000;
    static constexpr qint64 kMaxLockMs = 15 * 60 * 1000;
    static constexpr int kMaxKnownPrefixes = 8;
    static constexpr int kPruneAbove = 100000; ///< records kept before old ones are dropped

    /// @brief Milliseconds until an attempt is allowed (0 = allowed now).
    [[nodiscard]] qint64 retryAfterMs(const QString &login, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &login, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &login, const QString &address);

    /// @brief The throttled unit of an address: an IPv4 address, the /64 of an IPv6 address.
    [[nodiscard]] static QString prefixOf(const QString &address);

private:
    struct Record
    {
        int failures = 0;
        qint64 firstFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    static void bump(Record &r, qint64 nowMs, int freeFailures);
    [[nodiscard]] static qint64 wait(const QHash<QString, Record> &records, const QString &key, qint64 nowMs);
    [[nodiscard]] bool known(const QString &login, const QString &prefix) const;
    void prune(qint64 nowMs);

    QHash<QString, Record> m_byLogin;
    QHash<QString, Record> m_byPrefix;
    QHash<QString, Record> m_byLoginAtPrefix;
    QHash<QString, QSet<QString>> m_knownPrefixes; ///< login → prefixes it signed in from
};

} // namespace pd::server
