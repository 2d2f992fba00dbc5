#include "cachekeys.h"

#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>

#include <atomic>

namespace pd {

namespace {

struct Registry
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<CacheKeySlot>> slots;
    QHash<QString, std::shared_ptr<const CacheCipher>> memoryKeys;
};

Registry &registry()
{
    static Registry r;
    return r;
}

std::atomic<bool> g_automatic{true};

std::atomic<int> &disabledFlag()
{
    // -1: not decided yet (read from the environment on first use).
    static std::atomic<int> flag{-1};
    return flag;
}

} // namespace

std::shared_ptr<const CacheCipher> CacheKeySlot::cipher() const
{
    QMutexLocker lock(&m_mutex);
    return m_cipher;
}

void CacheKeySlot::set(std::shared_ptr<const CacheCipher> cipher)
{
    QMutexLocker lock(&m_mutex);
    m_cipher = std::move(cipher);
}

std::shared_ptr<const CacheCipher> CacheKeySlot::sessionCipher()
{
    QMutexLocker lock(&m_mutex);
    if (CacheKeys::encryptionDisabled())
        return CacheCipher::plain();
    if (!m_session)
        m_session = CacheCipher::fromKey(CacheCipher::randomKey());
    return m_session;
}

std::shared_ptr<CacheKeySlot> CacheKeys::slotFor(const QString &path)
{
    const QFileInfo info(path);
    const QString key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    auto &slot = r.slots[key];
    if (!slot)
        slot = std::make_shared<CacheKeySlot>();
    return slot;
}

bool CacheKeys::automaticSessionKeys()
{
    return g_automatic.load();
}

void CacheKeys::setAutomaticSessionKeys(bool on)
{
    g_automatic.store(on);
}

bool CacheKeys::encryptionDisabled()
{
    int v = disabledFlag().load();
    if (v < 0) {
        const QByteArray env = qgetenv("PARCELDESK_CACHE_ENCRYPTION").trimmed().toLower();
        v = (env == "off" || env == "0" || env == "no") ? 1 : 0;
        disabledFlag().store(v);
    }
    return v == 1;
}

void CacheKeys::setEncryptionDisabled(bool disabled)
{
    disabledFlag().store(disabled ? 1 : 0);
}

std::shared_ptr<const CacheCipher> CacheKeys::memoryKey(const QString &name)
{
    if (encryptionDisabled())
        return CacheCipher::plain();
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    auto &key = r.memoryKeys[name];
    if (!key)
        key = CacheCipher::fromKey(CacheCipher::randomKey());
    return key;
}

} // namespace pd
