#include "rememberedsession.h"

#include <QJsonDocument>
#include <QSettings>

namespace pd {

namespace {
const QString kUser = QStringLiteral("session/user");
const QString kLogin = QStringLiteral("session/login");
const QString kServer = QStringLiteral("session/server");
} // namespace

QString RememberedSession::login()
{
    return QSettings().value(kLogin).toString();
}

QString RememberedSession::server()
{
    return QSettings().value(kServer).toString();
}

std::optional<User> RememberedSession::user()
{
    const QByteArray json = QSettings().value(kUser).toByteArray();
    if (json.isEmpty())
        return std::nullopt;
    return User::fromJson(QJsonDocument::fromJson(json).object());
}

void RememberedSession::store(const User &user, const QString &login, const QString &server)
{
    QSettings settings;
    settings.setValue(kUser, QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
    settings.setValue(kLogin, login);
    settings.setValue(kServer, server);
}

void RememberedSession::forget()
{
    QSettings settings;
    settings.remove(kUser);
    settings.remove(kLogin);
}

} // namespace pd
