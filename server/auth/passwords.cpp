#include "passwords.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace pd::server {

namespace {
QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    auto *gen = QRandomGenerator::system();
    for (int i = 0; i < n; i += 4) {
        const quint32 v = gen->generate();
        for (int k = 0; k < 4 && i + k < n; ++k)
            out[i + k] = char((v >> (8 * k)) & 0xff);
    }
    return out;
}
} // namespace

Passwords::Hash Passwords::hash(const QString &password, int iterations)
{
    Hash h;
    const QByteArray salt = randomBytes(16);
    h.saltHex = salt.toHex();
    h.iterations = iterations;
    h.hashHex = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                                   iterations, 32)
                    .toHex();
    return h;
}

bool Passwords::verify(const QString &password, const QByteArray &hashHex, const QByteArray &saltHex,
                       int iterations)
{
    const QByteArray computed =
        QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(),
                                           QByteArray::fromHex(saltHex), iterations, 32)
            .toHex();
    if (computed.size() != hashHex.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < computed.size(); ++i)
        diff |= static_cast<unsigned char>(computed[i] ^ hashHex[i]);
    return diff == 0;
}

QByteArray Passwords::randomToken(int bytes)
{
    return randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray Passwords::tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace pd::server
