#pragma once

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace pd {

class CredentialStore;
class MainWindow;
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
            QObject *parent = nullptr);
    ~Session() override;

    /// @brief Signs in: a remembered session from the keychain, else @p password when given, else the dialog.
    void begin(const QString &password = {});

private:
    void showSignIn(const QString &error = {});
    void onSignedIn(const pd::User &user, const QByteArray &refreshToken);
    void signOut();

    QUrl m_server;
    QString m_login;
    MainWindow *m_window;
    QThread m_thread;
    SyncEngine *m_engine;
    CredentialStore *m_credentials;
    SignInDialog *m_dialog = nullptr;
    QTimer m_periodic;
    QTimer m_reload;
    bool m_remember = false;
};

} // namespace pd
