#pragma once

#include "models/store/cachecipher.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace pd {

/**
 * @brief Where the key of a user's cache comes from: one random key per user and cache file.
 *
 * obtain() calls back on the thread of @p context (never before it returns); the callback is dropped when
 * the context goes first.
 */
class CacheKeySource
{
public:
    struct Key
    {
        std::shared_ptr<const CacheCipher> cipher;
        /// False when the key lives in this process only (no keychain): what it seals is lost at exit.
        bool kept = false;
        /// Why the key is not kept, or that encryption is off (translated), for the person; empty otherwise.
        QString notice;
    };
    using Done = std::function<void(const Key &)>;

    virtual ~CacheKeySource() = default;
    virtual void obtain(const QString &userId, const QString &storeId, QObject *context, Done done) = 0;
    /// @brief Forgets the key (sign-out with nothing kept for the user): what it sealed is unreadable for
    /// good.
    virtual void forget(const QString &userId, const QString &storeId) = 0;

    /// @brief The keychain entry's name (no secret in it).
    [[nodiscard]] static QString entryName(const QString &userId, const QString &storeId);
};

/**
 * @brief Keys that live in this process only (CacheKeys::memoryKey): tests, and the fallback without a
 * keychain.
 */
class MemoryCacheKeys final : public CacheKeySource
{
public:
    void obtain(const QString &userId, const QString &storeId, QObject *context, Done done) override;
    void forget(const QString &, const QString &) override {}
};

/**
 * @brief Cache keys in the OS keychain (QtKeychain 0.13: Secret Service, macOS Keychain, Windows Credential
 * Manager), beside the refresh token (CredentialStore).
 *
 * A missing entry is made: 32 random bytes written as binary data. When the keychain cannot be used the key
 * lives in this process only (MemoryCacheKeys) and the notice says so: ParcelDesk then keeps no readable
 * customer data on the PC beyond the session (docs/architecture.md, "Customer data at rest"). With
 * PARCELDESK_CACHE_ENCRYPTION=off every key is plain and the notice says that instead. No insecure fallback.
 */
class CacheKeychain final : public CacheKeySource
{
    Q_DECLARE_TR_FUNCTIONS(pd::CacheKeychain)
public:
    explicit CacheKeychain(QString service = QStringLiteral("ParcelDesk"));
    void obtain(const QString &userId, const QString &storeId, QObject *context, Done done) override;
    void forget(const QString &userId, const QString &storeId) override;

    /// @brief What the person is told when the keychain cannot keep the key (@p reason: the keychain's
    /// words).
    [[nodiscard]] static QString noKeychainNotice(const QString &reason);
    [[nodiscard]] static QString encryptionOffNotice();

private:
    void create(const QString &entry, QObject *context, const Done &done);
    void fallBack(const QString &entry, const QString &reason, const Done &done);
    QString m_service;
};

} // namespace pd
