#include "authcontroller.h"

#include "requestparsing.h"

#include <memory>

namespace pd::server {

void AuthController::registerRoutes(Router &router)
{
    router.add(
        "POST", QStringLiteral("/api/v1/auth/login"), Access::publicRoute(), [this](RequestContext &c) {
            const QJsonObject body = parseJsonObject(c.request.body);
            const QString login = body.value(QStringLiteral("login")).toString();
            const QString password = body.value(QStringLiteral("password")).toString();
            if (login.isEmpty() || login.size() > 100)
                throw ApiError::invalid(QStringLiteral("login"), QStringLiteral("login is required."));
            if (password.isEmpty() || password.size() > 1000)
                throw ApiError::invalid(QStringLiteral("password"), QStringLiteral("password is required."));
            auto attempt = std::make_shared<const AuthService::LoginAttempt>(
                m_auth.beginLogin(login, password, c.request.remoteAddress));
            auto matches = std::make_shared<bool>(false);
            return deferToWorker(
                m_hashing, [attempt, matches] { *matches = AuthService::checkPassword(*attempt); },
                [this, attempt, matches] {
                    return jsonResponse(200, m_auth.finishLogin(*attempt, *matches));
                });
        });
    router.add("POST", QStringLiteral("/api/v1/auth/refresh"), Access::publicRoute(),
               [this](RequestContext &c) {
                   const QJsonObject body = parseJsonObject(c.request.body);
                   const QString token = body.value(QStringLiteral("refresh_token")).toString();
                   if (token.isEmpty() || token.size() > 200)
                       throw ApiError::invalid(QStringLiteral("refresh_token"),
                                               QStringLiteral("refresh_token is required."));
                   return jsonResponse(200, m_auth.refresh(token.toLatin1()));
               });
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), Access::signedIn(), [this](RequestContext &c) {
        m_auth.logout(*c.principal);
        HttpResponse r;
        r.status = 204;
        r.contentType.clear();
        return r;
    });
    router.add("GET", QStringLiteral("/api/v1/auth/me"), Access::signedIn(),
               [](RequestContext &c) { return jsonResponse(200, userSummary(c.user())); });
}

} // namespace pd::server
