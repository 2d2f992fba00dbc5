#pragma once

#include "models/domain/entities.h"
#include "sync/credentialstore.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QObject>

#include <optional>

namespace pd {

/**
 * @brief The sign-in and one sync of the headless commands (`parceldesk sync`, `parceldesk report`).
 *
 * Signs in with the password file, else the remembered session from the keychain, else (when allowed) a
 * password typed at the terminal; then pulls the change feed and pushes the outbox once. Whenever the session
 * came from the keychain — or --remember asked for it — every rotated refresh token is written back before
 * run() returns, so the next command or console start resumes with the token the server expects (an old one
 * would trip the server's reuse detection and end the whole session). A cache of no known owner from before
 * owners were recorded is first bound to the last user of this PC (CacheOwner::adoptLegacy).
 */
class HeadlessSession final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Synced,
        BadUsage,            ///< e.g. an unreadable password file
        SignInRefused,       ///< wrong password, a refused refresh token
        NoRememberedSession, ///< no password file and nothing in the keychain (and no prompt allowed)
        CacheRefused,        ///< the cache cannot be opened
        SyncFailed
    };

    struct Options
    {
        QString server;
        QString login;
        QString passwordFile;           ///< first line; empty: the keychain
        bool remember = false;          ///< keep the session in the keychain (also after a password sign-in)
        bool promptForPassword = false; ///< ask at the terminal when the keychain has nothing
    };

    HeadlessSession(const QString &cachePath, Options options, QObject *parent = nullptr);
    ~HeadlessSession() override;

    /// @brief The engine, for progress (statusChanged, pullFinished) before run().
    [[nodiscard]] SyncEngine &engine() { return m_engine; }
    /// @brief Signs in, syncs once and stores the session's newest refresh token; returns when all is done.
    Outcome run();

    /// @brief Why run() did not sync (translated), to print.
    [[nodiscard]] const QString &message() const { return m_message; }
    /// @brief The signed-in user after a sign-in.
    [[nodiscard]] const std::optional<User> &user() const { return m_user; }
    /// @brief Records received by the pull.
    [[nodiscard]] qint64 received() const { return m_received; }
    /// @brief Whether the session was resumed from the keychain.
    [[nodiscard]] bool resumed() const { return m_resumed; }

    /// @brief A password typed at the terminal without echo.
    [[nodiscard]] static QString readPasswordFromTerminal();

private:
    Q_DISABLE_COPY_MOVE(HeadlessSession)
    void finish(Outcome outcome, const QString &message = {});
    void keepToken(const QByteArray &refreshToken);
    void adoptLegacyOwner();

    QString m_cachePath;
    Options m_options;
    SyncEngine m_engine;
    CredentialStore m_credentials;
    QEventLoop *m_loop = nullptr;
    std::optional<Outcome> m_outcome;
    QString m_message;
    std::optional<User> m_user;
    qint64 m_received = 0;
    bool m_resumed = false;
    bool m_keepTokens = false;
    QByteArray m_lastKept;
    int m_storing = 0; // keychain writes not finished yet
};

} // namespace pd
