#include "authapi.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *AuthApi::login(const QString &login, const QString &password)
{
    const QJsonDocument body(QJsonObject{{u"login"_s, login}, {u"password"_s, password}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/login"_s, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::resume(const QByteArray &refreshToken)
{
    const QJsonDocument body(QJsonObject{{u"refresh_token"_s, QString::fromLatin1(refreshToken)}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/refresh"_s, body, {}, false);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client](const ApiResult &r) {
        if (const auto s = sessionFrom(r))
            client->setTokens(s->accessToken, s->refreshToken);
    });
    return reply;
}

ApiReply *AuthApi::logout()
{
    const QJsonDocument body(
        QJsonObject{{u"refresh_token"_s, QString::fromLatin1(m_client->refreshToken())}});
    ApiReply *reply = m_client->send("POST", u"/api/v1/auth/logout"_s, body);
    QObject::connect(reply, &ApiReply::finished, m_client, [client = m_client] { client->clearTokens(); });
    return reply;
}

std::optional<Session> AuthApi::sessionFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    Session s;
    s.accessToken = o.value(u"access_token"_s).toString().toLatin1();
    s.refreshToken = o.value(u"refresh_token"_s).toString().toLatin1();
    s.expiresInS = o.value(u"expires_in"_s).toInteger();
    const auto user = User::fromJson(o.value(u"user"_s).toObject());
    if (s.accessToken.isEmpty() || s.refreshToken.isEmpty() || !user)
        return std::nullopt;
    s.user = *user;
    return s;
}

} // namespace pd
