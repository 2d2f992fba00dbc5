#include "loginthrottle.h"

#include <algorithm>

namespace pd::server {

qint64 LoginThrottle::wait(const Record *r, qint64 nowMs)
{
    return r && r->lockedUntilMs > nowMs ? r->lockedUntilMs - nowMs : 0;
}

qint64 LoginThrottle::retryAfterMs(const QString &login, const QString &address, qint64 nowMs) const
{
    const auto l = m_byLogin.constFind(login.toLower());
    const auto a = m_byAddress.constFind(address);
    return std::max(wait(l == m_byLogin.cend() ? nullptr : &*l, nowMs),
                    wait(a == m_byAddress.cend() ? nullptr : &*a, nowMs));
}

void LoginThrottle::bump(Record &r, qint64 nowMs, int freeFailures)
{
    if (r.failures == 0 || nowMs - r.firstFailureMs > kWindowMs) {
        r.failures = 0;
        r.firstFailureMs = nowMs;
    }
    ++r.failures;
    if (r.failures >= freeFailures) {
        const int over = std::min(r.failures - freeFailures, 10);
        r.lockedUntilMs = nowMs + std::min(kBaseLockMs << over, kMaxLockMs);
    }
}

void LoginThrottle::recordFailure(const QString &login, const QString &address, qint64 nowMs)
{
    bump(m_byLogin[login.toLower()], nowMs, kFreeFailures);
    // An address gets more room than one login name: a call centre shares one NAT address.
    bump(m_byAddress[address], nowMs, kFreeFailures * 4);
}

void LoginThrottle::recordSuccess(const QString &login)
{
    m_byLogin.remove(login.toLower());
}

} // namespace pd::server
