#pragma once

#include "loginthrottle.h"
#include "server/storage/userstore.h"

#include "models/domain/clock.h"

#include <QJsonObject>

#include <optional>

namespace pd::server {

/// @brief Who is calling: the signed-in user and the access token's family (for logout).
struct Principal
{
    User user;
    QString family;
};

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

    AuthService(UserStore &users, const Clock &wallClock);

    /// @brief {access_token, refresh_token, token_type, expires_in, user}; throws 401, 403 or 429.
    [[nodiscard]] QJsonObject login(const QString &login, const QString &password, const QString &address);
    [[nodiscard]] QJsonObject refresh(const QByteArray &refreshToken);
    void logout(const Principal &p);
    [[nodiscard]] std::optional<Principal> authenticate(const QByteArray &accessToken);

    /// @brief Creates or replaces a user's credentials (CLI and admin API).
    void setPassword(WriteTx &tx, const User &user, const QString &password);

private:
    [[nodiscard]] QJsonObject issue(const User &user, const QString &family);

    UserStore &m_users;
    const Clock &m_clock;
    LoginThrottle m_throttle;
};

/// @brief The user object of a login response: id, login, name, role, team_id.
[[nodiscard]] QJsonObject userSummary(const User &u);

} // namespace pd::server
