#pragma once

#include "loginthrottle.h"
#include "passwords.h"
#include "server/storage/userstore.h"

#include "models/domain/clock.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace pd::server {

/// @brief Who is calling: the signed-in user and the access token's family (for logout).
struct Principal
{
    User user;
    QString family;
    qint64 expiresMs = 0; ///< when the access token expires (wall clock)
    QByteArray tokenHash; ///< SHA-256 hex of the access token (the live hub re-checks it)
};

/// @brief Why a live session must end: the codes of the live feed's "error" message.
namespace SessionEnd {
inline const QString TokenExpired = QStringLiteral("token_expired");
inline const QString SignedOut = QStringLiteral("signed_out");
inline const QString Disabled = QStringLiteral("disabled");
inline const QString ScopeChanged = QStringLiteral("scope_changed");
} // namespace SessionEnd

/**
 * @brief Sign-in, token refresh and sign-out; checks bearer tokens.
 *
 * Tokens are 256 random bits (base64url); only their SHA-256 is stored. Access tokens live kAccessTtlMs,
 * refresh tokens kRefreshTtlMs and are rotated on every use; presenting an already used refresh token
 * revokes its whole family (a stolen token was used). Expiry uses the wall clock given here, not the demo's
 * accelerated clock.
 */
class AuthService final
{
public:
    static constexpr qint64 kAccessTtlMs = 15 * 60 * 1000;
    static constexpr qint64 kRefreshTtlMs = 30LL * 24 * 60 * 60 * 1000;
    /// @brief What a revocation sink receives: {"kind":"revoke","reason","user_id"[,"family"]}.
    using RevocationSink = std::function<void(const QJsonObject &)>;

    AuthService(UserStore &users, const Clock &wallClock);

    /// @brief Access token lifetime (tests shorten it with --access-token-ttl).
    void setAccessTtlMs(qint64 ms) { m_accessTtlMs = ms; }
    /// @brief Where revocations go (the live bus, so every instance closes the sockets concerned).
    void setRevocationSink(RevocationSink sink) { m_revoked = std::move(sink); }

    /// @brief A sign-in between its cheap checks and its password hash.
    struct LoginAttempt
    {
        QString login;
        QString password;
        QString address;
        std::optional<Credentials> credentials; ///< none for an unknown login
    };
    /**
     * @brief Sign-in in three steps, so that the hash runs off the event loop: beginLogin (throttle, look-up;
     * throws 429), checkPassword (PBKDF2; any thread, touches nothing shared), finishLogin (throttle
     * bookkeeping, tokens; throws 401 or 403).
     */
    [[nodiscard]] LoginAttempt beginLogin(const QString &login, const QString &password,
                                          const QString &address);
    [[nodiscard]] static bool checkPassword(const LoginAttempt &attempt);
    /// @brief {access_token, refresh_token, token_type, expires_in, user}.
    [[nodiscard]] QJsonObject finishLogin(const LoginAttempt &attempt, bool passwordMatches);
    [[nodiscard]] QJsonObject refresh(const QByteArray &refreshToken);
    void logout(const Principal &p);
    [[nodiscard]] std::optional<Principal> authenticate(const QByteArray &accessToken);

    /// @brief Ends every session of a user (disabled, new password); tells the live hubs why.
    void revokeUser(const QString &userId, const QString &reason);
    /// @brief The user's role or team changed: live sockets opened under the old scope must close.
    void scopeChanged(const QString &userId);
    /**
     * @brief Re-checks a live session opened as @p connectedAs with the access token of hash @p tokenHash:
     * the SessionEnd code when it may not continue, empty when it may.
     */
    [[nodiscard]] QString sessionProblem(const QByteArray &tokenHash, const User &connectedAs);

    /// @brief Creates or replaces a user's credentials (CLI and admin API).
    void setPassword(WriteTx &tx, const User &user, const QString &password);
    /// @brief The same with a hash computed beforehand (Passwords::hash, off the event loop).
    void setPasswordHash(WriteTx &tx, const User &user, const Passwords::Hash &hash);

private:
    [[nodiscard]] QJsonObject issue(const User &user, const QString &family);
    void announce(const QString &reason, const QString &userId, const QString &family = {});

    UserStore &m_users;
    const Clock &m_clock;
    LoginThrottle m_throttle;
    qint64 m_accessTtlMs = kAccessTtlMs;
    RevocationSink m_revoked;
};

/// @brief The user object of a login response: id, login, name, role, team_id.
[[nodiscard]] QJsonObject userSummary(const User &u);

} // namespace pd::server
