#include "attachmentfiles.h"

#include "cachefiles.h"

#include <QDir>
#include <QFileInfo>

#include <sodium.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr char kMagic[] = "PDAF";
constexpr char kVersion = 1;
constexpr int kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr int kTagBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);

bool keyFrom(const QString &keyHex, unsigned char *key)
{
    const QByteArray raw = QByteArray::fromHex(keyHex.toLatin1());
    if (raw.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES)
        return false;
    std::memcpy(key, raw.constData(), std::size_t(raw.size()));
    return true;
}

} // namespace

struct AttachmentFiles::Writer::State
{
    crypto_secretstream_xchacha20poly1305_state stream{};
};

QString AttachmentFiles::folder(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    return info.absoluteDir().filePath(info.fileName() + u".attachments"_s);
}

QString AttachmentFiles::newKey()
{
    if (sodium_init() < 0)
        return {};
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    crypto_secretstream_xchacha20poly1305_keygen(key);
    const QString hex =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key), sizeof key).toHex());
    sodium_memzero(key, sizeof key);
    return hex;
}

AttachmentFiles::Writer::Writer()
    : m_state(std::make_unique<State>())
{}

AttachmentFiles::Writer::~Writer()
{
    if (m_file.isOpen())
        discard();
    sodium_memzero(&m_state->stream, sizeof m_state->stream);
}

bool AttachmentFiles::Writer::open(const QString &path, const QString &keyHex, QString *error)
{
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    if (sodium_init() < 0 || !keyFrom(keyHex, key)) {
        if (error)
            *error = tr("No key to encrypt the file with.");
        return false;
    }
    unsigned char header[kHeaderBytes];
    crypto_secretstream_xchacha20poly1305_init_push(&m_state->stream, header, key);
    sodium_memzero(key, sizeof key);
    m_file.setFileName(path);
    if (!CacheFiles::prepareFile(path, error) || !m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error && error->isEmpty())
            *error = tr("Cannot write %1: %2").arg(path, m_file.errorString());
        return false;
    }
    QByteArray head(kMagic, 4);
    head.append(kVersion);
    head.append(reinterpret_cast<const char *>(header), kHeaderBytes);
    if (m_file.write(head) != head.size()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, m_file.errorString());
        discard();
        return false;
    }
    return true;
}

bool AttachmentFiles::Writer::push(bool final, QString *error)
{
    const qsizetype n = final ? m_buffer.size() : qMin<qsizetype>(m_buffer.size(), kChunkBytes);
    QByteArray out(n + kTagBytes, Qt::Uninitialized);
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(&m_state->stream,
                                               reinterpret_cast<unsigned char *>(out.data()), &written,
                                               reinterpret_cast<const unsigned char *>(m_buffer.constData()),
                                               static_cast<unsigned long long>(n), nullptr, 0,
                                               final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                     : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    sodium_memzero(m_buffer.data(), std::size_t(n));
    m_buffer.remove(0, n);
    if (m_file.write(out.constData(), qint64(written)) != qint64(written)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

bool AttachmentFiles::Writer::write(QByteArrayView bytes, QString *error)
{
    m_buffer.append(bytes.data(), bytes.size());
    while (m_buffer.size() >= kChunkBytes) {
        if (!push(false, error)) {
            discard();
            return false;
        }
    }
    return true;
}

bool AttachmentFiles::Writer::finish(QString *error)
{
    if (!push(true, error) || !m_file.flush()) {
        if (error && error->isEmpty())
            *error = tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        discard();
        return false;
    }
    m_file.close();
    return true;
}

void AttachmentFiles::Writer::discard()
{
    if (!m_buffer.isEmpty())
        sodium_memzero(m_buffer.data(), std::size_t(m_buffer.size()));
    m_buffer.clear();
    m_file.close();
    m_file.remove();
}

bool AttachmentFiles::writeAll(const QString &path, const QString &keyHex, QByteArrayView bytes,
                               QString *error)
{
    Writer w;
    return w.open(path, keyHex, error) && w.write(bytes, error) && w.finish(error);
}

QByteArray AttachmentFiles::readAll(const QString &path, const QString &keyHex, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, f.errorString()));
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    const QByteArray head = f.read(5 + kHeaderBytes);
    if (sodium_init() < 0 || head.size() != 5 + kHeaderBytes || !head.startsWith(kMagic) ||
        head.at(4) != kVersion || !keyFrom(keyHex, key))
        return fail(tr("The local copy of this file cannot be read."));
    crypto_secretstream_xchacha20poly1305_state state;
    const int init = crypto_secretstream_xchacha20poly1305_init_pull(
        &state, reinterpret_cast<const unsigned char *>(head.constData() + 5), key);
    sodium_memzero(key, sizeof key);
    if (init != 0)
        return fail(tr("The local copy of this file cannot be read."));
    QByteArray out;
    out.reserve(qsizetype(f.size()));
    QByteArray plain(kChunkBytes, Qt::Uninitialized);
    bool final = false;
    while (!final) {
        const QByteArray block = f.read(kChunkBytes + kTagBytes);
        unsigned long long n = 0;
        unsigned char tag = 0;
        if (block.size() < kTagBytes || crypto_secretstream_xchacha20poly1305_pull(
                                            &state, reinterpret_cast<unsigned char *>(plain.data()), &n, &tag,
                                            reinterpret_cast<const unsigned char *>(block.constData()),
                                            static_cast<unsigned long long>(block.size()), nullptr, 0) != 0) {
            sodium_memzero(out.data(), std::size_t(out.size()));
            return fail(tr("The local copy of this file is damaged."));
        }
        out.append(plain.constData(), qsizetype(n));
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    sodium_memzero(plain.data(), std::size_t(plain.size()));
    if (!f.atEnd())
        return fail(tr("The local copy of this file is damaged."));
    return out;
}

} // namespace pd
