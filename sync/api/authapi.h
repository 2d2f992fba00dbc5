#pragma once

#include "models/domain/entities.h"
#include "sync/apiclient.h"

namespace pd {

/// @brief The signed-in session: who, with which role and team.
struct Session
{
    User user;
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 expiresInS = 0;
};

/// @brief POST /api/v1/auth/login, /refresh, /logout.
class AuthApi final
{
public:
    explicit AuthApi(ApiClient *client)
        : m_client(client)
    {}

    /// @brief Signs in; on success the client holds the new tokens.
    ApiReply *login(const QString &login, const QString &password);
    /// @brief Exchanges a refresh token (from the keychain) for a session; the client holds the new tokens.
    ApiReply *resume(const QByteArray &refreshToken);
    ApiReply *logout();

    /// @brief Reads a login/refresh response; nullopt when it is not a valid session.
    [[nodiscard]] static std::optional<Session> sessionFrom(const ApiResult &result);

private:
    ApiClient *m_client;
};

} // namespace pd
