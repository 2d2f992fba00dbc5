#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <array>
#include <memory>

namespace pd {

/**
 * @brief What a sealed value is. Bound into the value's authentication: a value moved to another kind of
 * field (a phone pasted into a name) does not open.
 */
enum class SealedField : quint8
{
    CustomerName = 1,
    CustomerPhone,
    OriginAddress,
    DestinationAddress,
    TrackingPlace,
    TrackingText,
    OutboxPayload,
    OutboxError,
    OrphanEvent,
    ConflictLocal,
    ConflictServer,
    FreeText, ///< a complaint or a timeline entry (opened by the pd_cjk tokenizer too, which knows no column)
    AttachmentName,  ///< an attachment's file name (a photo may be named after the customer)
    AttachmentError, ///< why an upload failed
    AttachmentKey    ///< the key of one encrypted file beside the cache (hex)
};

/**
 * @brief Field-level authenticated encryption and keyed search tokens for the local cache (libsodium).
 *
 * One 32-byte master key per user and cache (kept in the OS keychain by sync/CacheKeychain). Two subkeys are
 * derived from it (crypto_kdf): one seals values with XChaCha20-Poly1305 (a random 24-byte nonce per value,
 * the field kind as associated data), the other makes search tokens with SipHash-2-4 (crypto_shorthash), so
 * a token tells nothing about the name or phone it stands for without the key. A third derivation names the
 * key (check()), so a cache knows which key its values were sealed under without holding the key.
 *
 * A sealed value is a BLOB: 0x01, the nonce, the ciphertext and the 16-byte tag. Text that is stored as TEXT
 * is in clear: a cache from before schema 8, or one written with encryption turned off (plain(), the
 * diagnostic switch PARCELDESK_CACHE_ENCRYPTION=off). open() reads both. The empty string is stored as ''.
 *
 * Immutable and safe to share between threads (std::shared_ptr<const CacheCipher>).
 */
class CacheCipher final
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr char kPlainCheck[] = "plain";

    /// @brief A cipher over @p key (kKeyBytes); nullptr when the key has the wrong size.
    [[nodiscard]] static std::shared_ptr<const CacheCipher> fromKey(const QByteArray &key);
    /// @brief No encryption: values stay text (tokens are still keyed, with a fixed public key).
    [[nodiscard]] static std::shared_ptr<const CacheCipher> plain();
    /// @brief kKeyBytes from the operating system's random source.
    [[nodiscard]] static QByteArray randomKey();

    ~CacheCipher();
    CacheCipher(const CacheCipher &) = delete;
    CacheCipher &operator=(const CacheCipher &) = delete;

    [[nodiscard]] bool encrypts() const { return m_encrypts; }
    /// @brief Names the key (hex of a keyed hash, not the key), or "plain"; kept in the cache's sync_state.
    [[nodiscard]] const QString &check() const { return m_check; }

    /// @brief What to bind for @p text: a QByteArray (sealed) or a QString ('' and plain mode).
    [[nodiscard]] QVariant seal(const QString &text, SealedField field) const;
    [[nodiscard]] QByteArray sealBytes(QByteArrayView utf8, SealedField field) const;
    /// @brief The text of a stored value: TEXT as it is, a sealed BLOB opened. @p ok is false (and the result
    /// empty) when a BLOB does not open with this key.
    [[nodiscard]] QString open(const QVariant &stored, SealedField field, bool *ok = nullptr) const;
    /// @brief The same for raw column bytes (@p isBlob: the column's type was BLOB).
    [[nodiscard]] QByteArray openBytes(QByteArrayView stored, bool isBlob, SealedField field,
                                       bool *ok = nullptr) const;

    /// @brief A 60-bit keyed token of @p material as 12 lower-case base-32 characters (an FTS5 ascii word).
    [[nodiscard]] QByteArray token(const QByteArray &material) const;
    static constexpr int kTokenChars = 12;
    static constexpr int kChainChars = 6;     ///< characters per code of chainToken()
    static constexpr int kMaxChainChars = 16; ///< characters of a word with a code each
    static constexpr int kMaxChainToken = kMaxChainChars * kChainChars + kTokenChars;
    /**
     * @brief A keyed token that keeps prefixes: for each of the first 16 characters of @p data (UTF-8), a
     * 30-bit code of the text up to and including it, then, for a longer word, a code of the whole word. A
     * word's token therefore starts with the token of each of its prefixes, and FTS5's own prefix queries
     * ("损"*, "deliv"*) work on keyed tokens as they did on text. Writes at most kMaxChainToken characters
     * to @p out and returns how many.
     */
    int chainToken(const char *data, int size, char *out) const;

private:
    CacheCipher() = default;
    bool m_encrypts = false;
    std::array<unsigned char, 32> m_sealKey{};
    std::array<unsigned char, 16> m_tokenKey{};
    QString m_check;
};

} // namespace pd
