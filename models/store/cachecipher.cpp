#include "cachecipher.h"

#include <sodium.h>

#include <cstring>

namespace pd {

namespace {

constexpr unsigned char kFormat = 0x01;
constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kOverhead = 1 + kNonceBytes + kTagBytes;
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "pdcache1";

static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);
static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

// One getrandom() call per 128 nonces instead of one per sealed value (libsodium's sysrandom reads the kernel
// every time); the pool is per thread, so no two values share a nonce.
void nextNonce(unsigned char *out)
{
    constexpr int kPool = 128;
    thread_local unsigned char pool[kPool * kNonceBytes];
    thread_local int used = kPool;
    if (used == kPool) {
        randombytes_buf(pool, sizeof pool);
        used = 0;
    }
    std::memcpy(out, pool + used * kNonceBytes, kNonceBytes);
    sodium_memzero(pool + used * kNonceBytes, kNonceBytes);
    ++used;
}

bool sodiumReady()
{
    // Thread-safe and idempotent; picks the fastest implementations for this CPU.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

std::shared_ptr<const CacheCipher> CacheCipher::fromKey(const QByteArray &key)
{
    if (key.size() != kKeyBytes || !sodiumReady())
        return nullptr;
    std::shared_ptr<CacheCipher> c(new CacheCipher);
    const auto *master = reinterpret_cast<const unsigned char *>(key.constData());
    unsigned char check[16];
    if (crypto_kdf_derive_from_key(c->m_sealKey.data(), c->m_sealKey.size(), 1, kContext, master) != 0 ||
        crypto_kdf_derive_from_key(c->m_tokenKey.data(), c->m_tokenKey.size(), 2, kContext, master) != 0 ||
        crypto_kdf_derive_from_key(check, sizeof check, 3, kContext, master) != 0)
        return nullptr;
    c->m_encrypts = true;
    c->m_check = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(check), sizeof check).toHex());
    sodium_memzero(check, sizeof check);
    return c;
}

std::shared_ptr<const CacheCipher> CacheCipher::plain()
{
    static const std::shared_ptr<const CacheCipher> instance = [] {
        std::shared_ptr<CacheCipher> c(new CacheCipher);
        c->m_check = QString::fromLatin1(kPlainCheck);
        return c;
    }();
    return instance;
}

QByteArray CacheCipher::randomKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (!sodiumReady())
        return {};
    randombytes_buf(key.data(), std::size_t(key.size()));
    return key;
}

CacheCipher::~CacheCipher()
{
    sodium_memzero(m_sealKey.data(), m_sealKey.size());
    sodium_memzero(m_tokenKey.data(), m_tokenKey.size());
}

QByteArray CacheCipher::sealBytes(QByteArrayView utf8, SealedField field) const
{
    QByteArray out(kOverhead + utf8.size(), Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    p[0] = kFormat;
    nextNonce(p + 1);
    const unsigned char ad[2] = {kFormat, static_cast<unsigned char>(field)};
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        p + 1 + kNonceBytes, &written, reinterpret_cast<const unsigned char *>(utf8.data()),
        static_cast<unsigned long long>(utf8.size()), ad, sizeof ad, nullptr, p + 1, m_sealKey.data());
    out.truncate(qsizetype(1 + kNonceBytes + written));
    return out;
}

QVariant CacheCipher::seal(const QString &text, SealedField field) const
{
    if (text.isEmpty())
        return QVariant(QString::fromLatin1("", 0)); // NOT NULL columns take ''
    if (!m_encrypts)
        return QVariant(text);
    return QVariant(sealBytes(text.toUtf8(), field));
}

QByteArray CacheCipher::openBytes(QByteArrayView stored, bool isBlob, SealedField field, bool *ok) const
{
    if (ok)
        *ok = true;
    if (!isBlob)
        return stored.toByteArray(); // in clear: an older cache, or encryption turned off
    const auto fail = [ok] {
        if (ok)
            *ok = false;
        return QByteArray();
    };
    if (!m_encrypts || stored.size() < kOverhead || static_cast<unsigned char>(stored.at(0)) != kFormat)
        return fail();
    const auto *p = reinterpret_cast<const unsigned char *>(stored.data());
    QByteArray out(stored.size() - kOverhead, Qt::Uninitialized);
    unsigned long long written = 0;
    const unsigned char ad[2] = {kFormat, static_cast<unsigned char>(field)};
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(out.data()), &written, nullptr, p + 1 + kNonceBytes,
            static_cast<unsigned long long>(stored.size() - 1 - kNonceBytes), ad, sizeof ad, p + 1,
            m_sealKey.data()) != 0)
        return fail();
    out.truncate(qsizetype(written));
    return out;
}

QString CacheCipher::open(const QVariant &stored, SealedField field, bool *ok) const
{
    if (stored.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = stored.toByteArray();
        return QString::fromUtf8(openBytes(bytes, true, field, ok));
    }
    if (ok)
        *ok = true;
    return stored.toString();
}

namespace {

void encodeToken(const unsigned char hash[crypto_shorthash_BYTES], char *out)
{
    quint64 v = 0;
    std::memcpy(&v, hash, sizeof v);
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    for (int i = 0; i < CacheCipher::kTokenChars; ++i) {
        out[i] = kAlphabet[v & 31];
        v >>= 5;
    }
}

} // namespace

QByteArray CacheCipher::token(const QByteArray &material) const
{
    unsigned char hash[crypto_shorthash_BYTES];
    crypto_shorthash(hash, reinterpret_cast<const unsigned char *>(material.constData()),
                     static_cast<unsigned long long>(material.size()), m_tokenKey.data());
    QByteArray out(kTokenChars, Qt::Uninitialized);
    encodeToken(hash, out.data());
    return out;
}

int CacheCipher::chainToken(const char *data, int size, char *out) const
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    // Tokens are short (the tokenizer cuts words at 64 bytes): the material fits on the stack.
    unsigned char material[1 + 256];
    const int n = qMin(size, 256);
    material[0] = 'c';
    std::memcpy(material + 1, data, std::size_t(n));
    unsigned char hash[crypto_shorthash_BYTES];
    int pos = 0, chars = 0, written = 0;
    while (pos < n && chars < kMaxChainChars) {
        const unsigned char lead = static_cast<unsigned char>(data[pos]);
        pos = qMin(n, pos + (lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1));
        ++chars;
        crypto_shorthash(hash, material, static_cast<unsigned long long>(pos + 1), m_tokenKey.data());
        quint64 v = 0;
        std::memcpy(&v, hash, sizeof v);
        for (int i = 0; i < kChainChars; ++i, v >>= 5)
            out[written++] = kAlphabet[v & 31];
    }
    if (pos < n) {
        material[0] = 'W'; // the whole of a long word, apart from its prefixes' codes
        crypto_shorthash(hash, material, static_cast<unsigned long long>(n + 1), m_tokenKey.data());
        encodeToken(hash, out + written);
        written += kTokenChars;
    }
    return written;
}

} // namespace pd
