#include "loginthrottle.h"

#include <QHostAddress>

#include <algorithm>

namespace pd::server {

namespace {
QString pairKey(const QString &login, const QString &prefix)
{
    return login + QLatin1Char('\n') + prefix;
}
} // namespace

QString LoginThrottle::prefixOf(const QString &address)
{
    QHostAddress a(address);
    if (a.isNull())
        return address;
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

qint64 LoginThrottle::wait(const QHash<QString, Record> &records, const QString &key, qint64 nowMs)
{
    const auto it = records.constFind(key);
    return it != records.cend() && it->lockedUntilMs > nowMs ? it->lockedUntilMs - nowMs : 0;
}

bool LoginThrottle::known(const QString &login, const QString &prefix) const
{
    const auto it = m_knownPrefixes.constFind(login);
    return it != m_knownPrefixes.cend() && it->contains(prefix);
}

qint64 LoginThrottle::retryAfterMs(const QString &login, const QString &address, qint64 nowMs) const
{
    const QString name = login.toLower();
    const QString prefix = prefixOf(address);
    const qint64 byName = known(name, prefix) ? wait(m_byLoginAtPrefix, pairKey(name, prefix), nowMs)
                                              : wait(m_byLogin, name, nowMs);
    return std::max(byName, wait(m_byPrefix, prefix, nowMs));
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
    const QString name = login.toLower();
    const QString prefix = prefixOf(address);
    if (known(name, prefix))
        bump(m_byLoginAtPrefix[pairKey(name, prefix)], nowMs, kFreeFailures);
    else
        bump(m_byLogin[name], nowMs, kFreeFailures);
    bump(m_byPrefix[prefix], nowMs, kFreeFailures * 4);
    if (m_byLogin.size() + m_byPrefix.size() + m_byLoginAtPrefix.size() > kPruneAbove)
        prune(nowMs);
}

void LoginThrottle::recordSuccess(const QString &login, const QString &address)
{
    const QString name = login.toLower();
    const QString prefix = prefixOf(address);
    m_byLogin.remove(name);
    m_byLoginAtPrefix.remove(pairKey(name, prefix));
    QSet<QString> &prefixes = m_knownPrefixes[name];
    if (!prefixes.contains(prefix) && prefixes.size() >= kMaxKnownPrefixes)
        prefixes.erase(prefixes.begin());
    prefixes.insert(prefix);
}

void LoginThrottle::prune(qint64 nowMs)
{
    // Many addresses (an attacker rotating them): forget records whose window and lock are over.
    const auto stale = [nowMs](const Record &r) {
        return r.lockedUntilMs <= nowMs && nowMs - r.firstFailureMs > kWindowMs;
    };
    for (auto *records : {&m_byLogin, &m_byPrefix, &m_byLoginAtPrefix}) {
        for (auto it = records->begin(); it != records->end();)
            it = stale(*it) ? records->erase(it) : std::next(it);
    }
}

} // namespace pd::server
