#pragma once

#include "models/domain/entities.h"

#include <QString>

#include <optional>

namespace pd {

/**
 * @brief What this PC keeps of the last sign-in, in QSettings under `session/`: the login, the server and the
 * user's details (no secret: the refresh token lives in the OS keychain, CredentialStore). The one place that
 * knows these keys; the console, `parceldesk sync` and `parceldesk report` read and write them through it.
 */
class RememberedSession final
{
public:
    [[nodiscard]] static QString login();
    [[nodiscard]] static QString server();
    /// @brief The user of the last sign-in, so the workbench opens before the sign-in confirms it.
    [[nodiscard]] static std::optional<User> user();

    /// @brief After a sign-in: the user, the login typed and the server.
    static void store(const User &user, const QString &login, const QString &server);
    /// @brief At sign-out: the user and the login go (the next person at a shared PC sees neither); the
    /// server stays as the default for the next sign-in.
    static void forget();
};

} // namespace pd
