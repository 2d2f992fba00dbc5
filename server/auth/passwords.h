#pragma once

#include <QByteArray>
#include <QString>

namespace pd::server {

/**
 * @brief Password hashing with PBKDF2-HMAC-SHA256 (QPasswordDigestor), a random 128-bit salt per user.
 */
class Passwords final
{
public:
    static constexpr int kIterations = 120000;

    struct Hash
    {
        QByteArray hashHex;
        QByteArray saltHex;
        int iterations = kIterations;
    };

    [[nodiscard]] static Hash hash(const QString &password, int iterations = kIterations);
    /// @brief Recomputes and compares in constant time.
    [[nodiscard]] static bool verify(const QString &password, const QByteArray &hashHex,
                                     const QByteArray &saltHex, int iterations);
    /// @brief Random bytes from the system CSPRNG, base64url without padding.
    [[nodiscard]] static QByteArray randomToken(int bytes = 32);
    /// @brief SHA-256 hex of a token (what is stored).
    [[nodiscard]] static QByteArray tokenHash(const QByteArray &token);
};

} // namespace pd::server
