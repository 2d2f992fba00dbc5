#include "headlesssession.h"

#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "sync/cachekeychain.h"
#include "sync/rememberedsession.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace pd {

namespace {
// A keychain that does not answer does not keep a command from ending.
constexpr int kKeychainWaitMs = 10000;
} // namespace

HeadlessSession::HeadlessSession(const QString &cachePath, Options options, QObject *parent)
    : QObject(parent)
    , m_cachePath(cachePath)
    , m_options(std::move(options))
    , m_engine(cachePath, QUrl::fromUserInput(m_options.server))
{
    // The user's cache key from the keychain; without one, nothing readable of the customers stays behind.
    m_engine.setCacheKeys(std::make_shared<CacheKeychain>());
    connect(&m_engine, &SyncEngine::cacheNoticeChanged, this, [](const QString &notice) {
        if (!notice.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(notice));
    });
    // The commands' messages keep the "sync" context they have always had (and their translations).
    connect(&m_engine, &SyncEngine::failed, this,
            [this](const QString &message) { finish(Outcome::CacheRefused, message); });
    connect(&m_engine, &SyncEngine::signInFailed, this, [this](const QString &message) {
        finish(Outcome::SignInRefused,
               QCoreApplication::translate("sync", "Sign-in failed: %1").arg(message));
    });
    connect(&m_engine, &SyncEngine::signedIn, this, [this](const User &user, const QByteArray &refreshToken) {
        m_user = user;
        if (m_options.remember)
            m_keepTokens = true;
        keepToken(refreshToken);
        m_engine.syncNow();
    });
    connect(&m_engine, &SyncEngine::refreshTokenChanged, this, &HeadlessSession::keepToken);
    connect(&m_engine, &SyncEngine::pullFinished, this,
            [this](bool ok, qint64 items, const QString &summary) {
                m_received += items;
                if (!ok)
                    finish(Outcome::SyncFailed,
                           QCoreApplication::translate("sync", "Sync failed: %1").arg(summary));
            });
    connect(&m_engine, &SyncEngine::pushIdle, this, [this] { finish(Outcome::Synced); });
    connect(&m_credentials, &CredentialStore::stored, this, [this](bool ok, const QString &error) {
        --m_storing;
        if (!ok)
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("The session could not be kept in the keychain: %1").arg(error)));
        if (m_storing == 0 && m_outcome && m_loop)
            m_loop->quit();
    });
}

HeadlessSession::~HeadlessSession() = default;

void HeadlessSession::keepToken(const QByteArray &refreshToken)
{
    // Each refresh token is good for one use: the newest must be in the keychain before the command ends.
    if (!m_keepTokens || refreshToken.isEmpty() || refreshToken == m_lastKept)
        return;
    m_lastKept = refreshToken;
    ++m_storing;
    m_credentials.store(m_options.server, m_options.login, QString::fromLatin1(refreshToken));
}

void HeadlessSession::finish(Outcome outcome, const QString &message)
{
    if (m_outcome)
        return;
    m_outcome = outcome;
    m_message = message;
    if (!m_loop)
        return;
    if (m_storing == 0)
        m_loop->quit();
    else
        QTimer::singleShot(kKeychainWaitMs, m_loop, &QEventLoop::quit);
}

void HeadlessSession::adoptLegacyOwner()
{
    // A cache from before owners were recorded holds the data of the last user who signed in on this PC.
    const auto last = RememberedSession::user();
    if (!last)
        return;
    QString error;
    if (auto db = Database::open(m_cachePath, &error))
        CacheOwner(*db).adoptLegacy(*last, RememberedSession::server());
    // A cache that cannot be opened is reported by the engine's start().
}

HeadlessSession::Outcome HeadlessSession::run()
{
    adoptLegacyOwner();
    m_engine.start();
    if (m_outcome)
        return *m_outcome;

    if (!m_options.passwordFile.isEmpty()) {
        QFile f(m_options.passwordFile);
        if (!f.open(QIODevice::ReadOnly)) {
            finish(Outcome::BadUsage, QCoreApplication::translate("sync", "Cannot read the password file: %1")
                                          .arg(f.errorString()));
            return *m_outcome;
        }
        m_engine.signIn(m_options.login, QString::fromUtf8(f.readLine()).trimmed());
    } else {
        // A remembered session first: its rotated token is kept again whatever the options say.
        connect(
            &m_credentials, &CredentialStore::loaded, this,
            [this](const QString &secret, bool found) {
                if (found) {
                    m_resumed = true;
                    m_keepTokens = true;
                    m_engine.resume(secret.toLatin1());
                } else if (m_options.promptForPassword) {
                    m_engine.signIn(m_options.login, readPasswordFromTerminal());
                } else {
                    finish(Outcome::NoRememberedSession);
                }
            },
            Qt::SingleShotConnection);
        m_credentials.load(m_options.server, m_options.login);
    }
    if (!m_outcome) {
        QEventLoop loop;
        m_loop = &loop;
        loop.exec();
        m_loop = nullptr;
    }
    return m_outcome.value_or(Outcome::SyncFailed);
}

QString HeadlessSession::readPasswordFromTerminal()
{
    std::fprintf(stderr, "%s", qPrintable(QCoreApplication::translate("sync", "Password: ")));
#ifdef Q_OS_UNIX
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
#endif
    char buffer[512] = {};
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
#ifdef Q_OS_UNIX
    if (tty)
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    std::fprintf(stderr, "\n");
    return got ? QString::fromUtf8(buffer).trimmed() : QString();
}

} // namespace pd
