#include "cachekeychain.h"

#include "models/store/cachekeys.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCacheKeys, "pd.sync.cachekeys", QtInfoMsg)

namespace pd {

QString CacheKeySource::entryName(const QString &userId, const QString &storeId)
{
    // Per user and cache file, not per server: the outbox keeps a user's unsent edits by user id, and they
    // must stay readable for them when the server's address changes.
    return QStringLiteral("cache-key|%1|%2").arg(storeId, userId);
}

void MemoryCacheKeys::obtain(const QString &userId, const QString &storeId, QObject *context, Done done)
{
    Key key{CacheKeys::memoryKey(entryName(userId, storeId)), false, {}};
    if (CacheKeys::encryptionDisabled())
        key.notice = CacheKeychain::encryptionOffNotice();
    // Always later, as a keychain answers: callers never see their callback run inside obtain().
    QTimer::singleShot(0, context, [done = std::move(done), key] { done(key); });
}

CacheKeychain::CacheKeychain(QString service)
    : m_service(std::move(service))
{}

QString CacheKeychain::noKeychainNotice(const QString &reason)
{
    return tr("No keychain is available on this computer (%1). ParcelDesk does not keep customers' names, "
              "phone numbers and addresses here: they are encrypted with a key that exists only while "
              "ParcelDesk runs, so nothing readable stays on this computer, and they are downloaded again at "
              "the next start. Changes not sent before ParcelDesk closes cannot be kept either.")
        .arg(reason);
}

QString CacheKeychain::encryptionOffNotice()
{
    return tr("Encryption of customer data is turned off (PARCELDESK_CACHE_ENCRYPTION=off): names, phone "
              "numbers and addresses are written to this computer in clear. This switch is for tests and "
              "diagnosis only.");
}

void CacheKeychain::fallBack(const QString &entry, const QString &reason, const Done &done)
{
    qCWarning(lcCacheKeys).noquote() << "no keychain for the cache key:" << reason;
    done(Key{CacheKeys::memoryKey(entry), false, noKeychainNotice(reason)});
}

void CacheKeychain::obtain(const QString &userId, const QString &storeId, QObject *context, Done done)
{
    const QString entry = entryName(userId, storeId);
    if (CacheKeys::encryptionDisabled()) {
        qCWarning(lcCacheKeys) << "customer data encryption is turned off (PARCELDESK_CACHE_ENCRYPTION)";
        QTimer::singleShot(0, context, [done = std::move(done)] {
            done(Key{CacheCipher::plain(), true, encryptionOffNotice()});
        });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, context);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [this, entry, context, done = std::move(done)](QKeychain::Job *j) {
                         auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
                         if (j->error() == QKeychain::NoError) {
                             if (auto cipher = CacheCipher::fromKey(read->binaryData())) {
                                 done(Key{std::move(cipher), true, {}});
                                 return;
                             }
                             // Not a key of ours (damaged): a new one; the cache's check tells it apart.
                             create(entry, context, done);
                             return;
                         }
                         if (j->error() == QKeychain::EntryNotFound) {
                             create(entry, context, done);
                             return;
                         }
                         fallBack(entry, j->errorString(), done);
                     });
    job->start();
}

void CacheKeychain::create(const QString &entry, QObject *context, const Done &done)
{
    const QByteArray key = CacheCipher::randomKey();
    auto *job = new QKeychain::WritePasswordJob(m_service, context);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    job->setBinaryData(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [this, entry, key, done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            fallBack(entry, j->errorString(), done);
            return;
        }
        qCInfo(lcCacheKeys) << "a new cache key was made and kept in the keychain";
        done(Key{CacheCipher::fromKey(key), true, {}});
    });
    job->start();
}

void CacheKeychain::forget(const QString &userId, const QString &storeId)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryName(userId, storeId));
    job->start();
}

} // namespace pd
