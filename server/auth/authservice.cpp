#include "authservice.h"

#include "passwords.h"
#include "server/api/apierror.h"

namespace pd::server {

QJsonObject userSummary(const User &u)
{
    QJsonObject o{{QStringLiteral("id"), u.id},
                  {QStringLiteral("login"), u.login},
                  {QStringLiteral("name"), u.displayName},
                  {QStringLiteral("role"), toCode(u.role)}};
    o.insert(QStringLiteral("team_id"), u.teamId.isEmpty() ? QJsonValue() : QJsonValue(u.teamId));
    return o;
}

AuthService::AuthService(UserStore &users, const Clock &wallClock)
    : m_users(users)
    , m_clock(wallClock)
{}

AuthService::LoginAttempt AuthService::beginLogin(const QString &login, const QString &password,
                                                  const QString &address)
{
    const qint64 now = m_clock.nowMs();
    if (const qint64 wait = m_throttle.retryAfterMs(login, address, now); wait > 0) {
        ApiError e(
            429, QStringLiteral("too_many_attempts"),
            QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.").arg((wait + 999) / 1000));
        e.retryAfterSeconds = int((wait + 999) / 1000);
        throw e;
    }
    return LoginAttempt{login, password, address, m_users.credentials(login)};
}

bool AuthService::checkPassword(const LoginAttempt &attempt)
{
    // Hash even for an unknown login so timing does not tell which logins exist.
    const auto &cred = attempt.credentials;
    return cred ? Passwords::verify(attempt.password, cred->hashHex, cred->saltHex, cred->iterations)
                : (void(Passwords::hash(attempt.password)), false);
}

QJsonObject AuthService::finishLogin(const LoginAttempt &attempt, bool passwordMatches)
{
    const qint64 now = m_clock.nowMs();
    if (!passwordMatches) {
        m_throttle.recordFailure(attempt.login, attempt.address, now);
        throw ApiError::unauthorized(QStringLiteral("Wrong login or password."));
    }
    // Read again: the account may have been disabled or its password changed while the hash was computed.
    const auto cred = m_users.credentials(attempt.login);
    if (!cred || cred->hashHex != attempt.credentials->hashHex)
        throw ApiError::unauthorized(QStringLiteral("Wrong login or password."));
    if (cred->disabled)
        throw ApiError::forbidden(QStringLiteral("This account is disabled. Ask an administrator."));
    const auto user = m_users.user(cred->userId);
    if (!user)
        throw ApiError::unauthorized(QStringLiteral("Wrong login or password."));
    m_throttle.recordSuccess(attempt.login, attempt.address);
    m_users.purgeExpired(now);
    return issue(*user, QString::fromLatin1(Passwords::randomToken(16)));
}

QJsonObject AuthService::issue(const User &user, const QString &family)
{
    const qint64 now = m_clock.nowMs();
    const QByteArray access = Passwords::randomToken();
    const QByteArray refresh = Passwords::randomToken();
    m_users.insertToken(Passwords::tokenHash(access),
                        StoredToken{user.id, QStringLiteral("access"), family, now + m_accessTtlMs});
    m_users.insertToken(Passwords::tokenHash(refresh),
                        StoredToken{user.id, QStringLiteral("refresh"), family, now + kRefreshTtlMs});
    return QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(access)},
                       {QStringLiteral("refresh_token"), QString::fromLatin1(refresh)},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), m_accessTtlMs / 1000},
                       {QStringLiteral("user"), userSummary(user)}};
}

QJsonObject AuthService::refresh(const QByteArray &refreshToken)
{
    const QByteArray hash = Passwords::tokenHash(refreshToken);
    // Under the writer lock (every instance on PostgreSQL), and the token is spent by a conditional update
    // whose row count says who won: two instances rotating the same token cannot both issue new ones.
    WriteTx tx(m_users.db());
    const auto t = m_users.token(hash);
    const qint64 now = m_clock.nowMs();
    if (!t || t->expiresMs < now)
        throw ApiError::unauthorized(
            QStringLiteral("The refresh token is not valid any more. Sign in again."));
    if (t->kind != QLatin1StringView("refresh") && t->kind != QLatin1StringView("refresh_used"))
        throw ApiError::unauthorized(QStringLiteral("That is not a refresh token."));
    if (t->kind == QLatin1StringView("refresh_used") || !m_users.spendRefreshToken(hash)) {
        // A rotated token came back: someone else holds a copy. End every session of that family.
        m_users.deleteFamily(t->family);
        tx.commit();
        announce(SessionEnd::SignedOut, t->userId, t->family);
        throw ApiError::unauthorized(QStringLiteral("The refresh token was already used. Sign in again."));
    }
    const auto user = m_users.user(t->userId);
    const auto cred = user ? m_users.credentials(user->login) : std::nullopt;
    if (!user || !cred || cred->disabled)
        throw ApiError::unauthorized(QStringLiteral("The account is disabled. Sign in again."));
    QJsonObject out = issue(*user, t->family);
    tx.commit();
    return out;
}

void AuthService::logout(const Principal &p)
{
    m_users.deleteFamily(p.family);
    announce(SessionEnd::SignedOut, p.user.id, p.family);
}

void AuthService::revokeUser(const QString &userId, const QString &reason)
{
    m_users.deleteUserTokens(userId);
    announce(reason, userId);
}

void AuthService::scopeChanged(const QString &userId)
{
    announce(SessionEnd::ScopeChanged, userId);
}

void AuthService::announce(const QString &reason, const QString &userId, const QString &family)
{
    if (!m_revoked)
        return;
    QJsonObject e{{QStringLiteral("kind"), QStringLiteral("revoke")},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("user_id"), userId}};
    if (!family.isEmpty())
        e.insert(QStringLiteral("family"), family);
    m_revoked(e);
}

std::optional<Principal> AuthService::authenticate(const QByteArray &accessToken)
{
    if (accessToken.isEmpty() || accessToken.size() > 200)
        return std::nullopt;
    const QByteArray hash = Passwords::tokenHash(accessToken);
    const auto t = m_users.token(hash);
    if (!t || t->kind != QLatin1StringView("access") || t->expiresMs < m_clock.nowMs())
        return std::nullopt;
    auto user = m_users.user(t->userId);
    if (!user || user->disabled)
        return std::nullopt;
    return Principal{*user, t->family, t->expiresMs, hash};
}

QString AuthService::sessionProblem(const QByteArray &tokenHash, const User &connectedAs)
{
    const auto t = m_users.token(tokenHash);
    const auto user = m_users.user(connectedAs.id);
    if (!user || user->disabled)
        return SessionEnd::Disabled;
    if (!t || t->kind != QLatin1StringView("access"))
        return SessionEnd::SignedOut;
    if (t->expiresMs < m_clock.nowMs())
        return SessionEnd::TokenExpired;
    if (user->role != connectedAs.role || user->teamId != connectedAs.teamId)
        return SessionEnd::ScopeChanged;
    return {};
}

void AuthService::setPassword(WriteTx &tx, const User &user, const QString &password)
{
    setPasswordHash(tx, user, Passwords::hash(password));
}

void AuthService::setPasswordHash(WriteTx &tx, const User &user, const Passwords::Hash &h)
{
    m_users.putCredentials(
        tx, Credentials{user.id, user.login, h.hashHex, h.saltHex, h.iterations, user.disabled});
}

} // namespace pd::server
