#pragma once

#include "models/domain/entities.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <memory>
class QProgressDialog;

namespace pd {

class CacheKeySource;
class CredentialStore;
class MainWindow;
class ServerClock;
class SignInDialog;
class SyncEngine;
struct User;

/**
 * @brief The console's session: the sync engine on its own thread, sign-in (keychain first, then the dialog),
 * periodic syncs, sign-out, and the main window kept current. Wiring only; the work is in sync/ and ui/.
 * What this PC remembers of the sign-in (no secret) goes through RememberedSession.
 */
class Session final : public QObject
{
    Q_OBJECT
public:
    /// @param cacheKeys where users' cache keys come from (the console: the keychain; used on the sync
    /// thread); none: keys of this process only (tests).
    Session(const QString &cachePath, const QUrl &server, QString login, MainWindow *window,
            ServerClock *clock, std::shared_ptr<CacheKeySource> cacheKeys = {}, QObject *parent = nullptr);
    ~Session() override;

    /// @brief Signs in: a remembered session from the keychain, else @p password when given, else the dialog.
    /// With @p prefill the dialog shows the password filled in and waits for a click (the demo).
    void begin(const QString &password = {}, bool prefill = false);
    /// @brief File › Sign out: sends the queued changes (at most SyncEngine::kSignOutPushMs, with a small
    /// progress window), ends the session on the server, forgets the refresh token in the keychain, the
    /// remembered user on this PC and the user's tickets in the cache, then shows the sign-in dialog.
    void signOut();

private:
    void showSignIn(const QString &error = {}, const QString &password = {});
    void onSignedIn(const pd::User &user, const QByteArray &refreshToken);
    void onSignedOut(int unsent, bool serverSessionEnded, const QString &error);
    /// @brief The live feed's routing messages to the window, the window's status requests to the feed.
    void wireRouting();
    /// @brief The agent's status over the live feed; empty: "offline" (when one was set) and stop sending.
    void sendAgentStatus(const QString &status);

    QUrl m_server;
    QString m_login;
    MainWindow *m_window;
    ServerClock *m_clock;
    QThread m_thread;
    SyncEngine *m_engine;
    CredentialStore *m_credentials;
    SignInDialog *m_dialog = nullptr;
    QPointer<QProgressDialog> m_signOutProgress;
    QTimer m_periodic;
    bool m_remember = false;
    bool m_signingOut = false;
};

} // namespace pd
