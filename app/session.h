#pragma once

#include "models/domain/entities.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <optional>

namespace pd {

class CredentialStore;
class MainWindow;
class ServerClock;
class SignInDialog;
class SyncEngine;
struct User;

/**
 * @brief The console's session: the sync engine on its own thread, sign-in (keychain first, then the dialog),
 * periodic syncs, and the main window kept current. Wiring only; the work is in sync/ and ui/.
 */
class Session final : public QObject
{
    Q_OBJECT
public:
    Session(const QString &cachePath, const QUrl &server, QString login, MainWindow *window,
            ServerClock *clock, QObject *parent = nullptr);
    ~Session() override;

    /// @brief Signs in: a remembered session from the keychain, else @p password when given, else the dialog.
    /// With @p prefill the dialog shows the password filled in and waits for a click (the demo).
    void begin(const QString &password = {}, bool prefill = false);
    /// @brief The user of the last sign-in on this PC (no secret), so the workbench opens before sign-in.
    [[nodiscard]] static std::optional<User> lastUser();

private:
    void showSignIn(const QString &error = {}, const QString &password = {});
    void onSignedIn(const pd::User &user, const QByteArray &refreshToken);
    void signOut();

    QUrl m_server;
    QString m_login;
    MainWindow *m_window;
    ServerClock *m_clock;
    QThread m_thread;
    SyncEngine *m_engine;
    CredentialStore *m_credentials;
    SignInDialog *m_dialog = nullptr;
    QTimer m_periodic;
    bool m_remember = false;
};

} // namespace pd
