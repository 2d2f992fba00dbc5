#include "session.h"

#include "sync/credentialstore.h"
#include "sync/livefeed.h"
#include "sync/rememberedsession.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"
#include "ui/common/syncstatuswidget.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"

#include <QMetaObject>
#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kPeriodicSyncMs = 60 * 1000; // the live feed brings changes at once; this is the safety net
} // namespace

Session::Session(const QString &cachePath, const QUrl &server, QString login, MainWindow *window,
                 ServerClock *clock, std::shared_ptr<CacheKeySource> cacheKeys, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_login(std::move(login))
    , m_window(window)
    , m_clock(clock)
    , m_engine(new SyncEngine(cachePath, server))
    , m_credentials(new CredentialStore(QStringLiteral("ParcelDesk"), this))
{
    m_thread.setObjectName(u"sync"_s);
    m_engine->setCacheKeys(std::move(cacheKeys));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread.start();
    // Reveals, the access log and full-data exports use the engine's API client (through the window's
    // ServerLink); connected before start() can run on the sync thread.
    connect(m_engine, &SyncEngine::started, m_window, [this] {
        m_window->setApiClient(m_engine->api());
        wireRouting();
    });
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);

    connect(m_engine, &SyncEngine::statusChanged, this, [this](const SyncStatus &s) {
        m_window->syncStatus()->setStatus(s);
        m_window->syncStatus()->setClockOffsetMs(s.clockOffsetMs);
        m_clock->setOffsetMs(s.clockOffsetMs);
        if (s.state == SyncStatus::State::SignInNeeded && !m_dialog && !m_signingOut)
            showSignIn(s.message);
    });
    connect(m_engine, &SyncEngine::signedIn, this, &Session::onSignedIn);
    connect(m_engine, &SyncEngine::signInFailed, this, [this](const QString &message) {
        if (m_dialog)
            m_dialog->setError(message);
        else
            showSignIn(message);
    });
    connect(m_engine, &SyncEngine::refreshTokenChanged, this, [this](const QByteArray &token) {
        if (m_remember)
            m_credentials->store(m_server.toString(), m_login, QString::fromLatin1(token));
    });
    connect(m_engine, &SyncEngine::cacheNoticeChanged, m_window, &MainWindow::setCacheNotice);
    connect(m_engine, &SyncEngine::failed, this,
            [this](const QString &message) { m_window->syncStatus()->setToolTip(message); });

    // Another user signed in, or sign-out: the previous user's tickets left the cache, and the window with
    // them.
    connect(m_engine, &SyncEngine::cacheCleared, m_window, &MainWindow::onCacheCleared);
    connect(m_engine, &SyncEngine::signedOut, this, &Session::onSignedOut);
    // Pages read the cache and debounce bursts of change notices themselves.
    connect(m_engine, &SyncEngine::ticketsChanged, m_window, &MainWindow::onTicketsChanged);
    connect(m_engine, &SyncEngine::couriersMoved, m_window, &MainWindow::onCouriersMoved);
    connect(m_engine, &SyncEngine::presenceChanged, m_window, &MainWindow::onPresence);
    connect(m_engine, &SyncEngine::revealAlert, m_window, &MainWindow::onRevealAlert);
    // Files: the pane follows uploads and downloads; it asks for the files it shows.
    connect(m_engine, &SyncEngine::attachmentUploadProgress, m_window,
            [this](const QString &ticketId) { m_window->onAttachmentsChanged(ticketId); });
    connect(m_engine, &SyncEngine::attachmentStored, m_window,
            [this](const QString &ticketId) { m_window->onAttachmentsChanged(ticketId); });
    connect(m_engine, &SyncEngine::attachmentUploadFailed, m_window,
            [this](const QString &ticketId) { m_window->onAttachmentsChanged(ticketId); });
    connect(m_engine, &SyncEngine::attachmentDownloaded, m_window, &MainWindow::onAttachmentDownloaded);
    connect(m_engine, &SyncEngine::attachmentDownloadFailed, m_window, &MainWindow::onAttachmentDownloaded);
    connect(m_window, &MainWindow::attachmentDownloadRequested, m_engine, &SyncEngine::downloadAttachment);
    connect(m_window, &MainWindow::presenceReported, m_engine, &SyncEngine::reportPresence);
    connect(m_window, &MainWindow::liveViewportChanged, m_engine, &SyncEngine::setLiveViewport);
    connect(m_engine, &SyncEngine::pullFinished, this, [this](bool ok, qint64 items, const QString &) {
        if (ok && items > 0)
            m_window->onPulled();
    });
    connect(m_window, &MainWindow::pushRequested, m_engine, &SyncEngine::pushNow);

    m_periodic.setInterval(kPeriodicSyncMs);
    connect(&m_periodic, &QTimer::timeout, m_engine, &SyncEngine::syncNow);
    connect(m_window, &MainWindow::syncRequested, m_engine, &SyncEngine::syncAndSendNow);
    connect(m_window, &MainWindow::signOutRequested, this, &Session::signOut);
}

Session::~Session()
{
    sendAgentStatus({}); // closing: the agent goes offline now, not after the server's grace period
    m_thread.quit();
    m_thread.wait();
}

void Session::begin(const QString &password, bool prefill)
{
    if (prefill) {
        showSignIn({}, password);
        return;
    }
    if (!password.isEmpty() && !m_login.isEmpty()) {
        QMetaObject::invokeMethod(
            m_engine, [this, password] { m_engine->signIn(m_login, password); }, Qt::QueuedConnection);
        return;
    }
    if (m_login.isEmpty()) {
        showSignIn();
        return;
    }
    // A remembered session first: the refresh token from the OS keychain.
    connect(
        m_credentials, &CredentialStore::loaded, this,
        [this](const QString &secret, bool found) {
            if (!found) {
                showSignIn();
                return;
            }
            m_remember = true;
            const QByteArray token = secret.toLatin1();
            QMetaObject::invokeMethod(
                m_engine, [this, token] { m_engine->resume(token); }, Qt::QueuedConnection);
        },
        Qt::SingleShotConnection);
    m_credentials->load(m_server.toString(), m_login);
}

void Session::showSignIn(const QString &error, const QString &password)
{
    if (m_dialog) {
        m_dialog->setError(error);
        return;
    }
    m_dialog = new SignInDialog(m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setServer(m_server.toString());
    m_dialog->setLogin(m_login);
    m_dialog->setRememberAvailable(m_credentials->availability() !=
                                       CredentialStore::Availability::Unavailable,
                                   m_credentials->unavailableReason());
    m_dialog->setError(error);
    if (!password.isEmpty())
        m_dialog->setPassword(password);
    connect(m_dialog, &SignInDialog::signInRequested, this, [this] {
        m_login = m_dialog->login();
        m_remember = m_dialog->remember();
        m_dialog->setBusy(true);
        const QString login = m_login, password = m_dialog->password();
        QMetaObject::invokeMethod(
            m_engine, [this, login, password] { m_engine->signIn(login, password); }, Qt::QueuedConnection);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void Session::onSignedIn(const User &user, const QByteArray &refreshToken)
{
    RememberedSession::store(user, m_login,
                             m_server.toString()); // the login only: secrets live in the keychain
    m_window->setCurrentUser(user);
    if (m_remember)
        m_credentials->store(m_server.toString(), m_login, QString::fromLatin1(refreshToken));
    if (m_dialog) {
        m_dialog->setNotice({});
        m_dialog->accept();
    }
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
    m_periodic.start();
}

void Session::signOut()
{
    if (m_signingOut)
        return;
    m_signingOut = true;
    m_periodic.stop();
    m_remember = false; // a token rotated while signing out is not kept
    sendAgentStatus({});
    // Busy, without a cancel button: the steps are bounded (SyncEngine::signOut).
    m_signOutProgress = new QProgressDialog(tr("Sending your queued changes…"), QString(), 0, 0, m_window);
    m_signOutProgress->setWindowTitle(tr("Signing out"));
    m_signOutProgress->setAttribute(Qt::WA_DeleteOnClose);
    m_signOutProgress->setMinimumDuration(0);
    m_signOutProgress->setWindowModality(Qt::WindowModal);
    m_signOutProgress->open();
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine] { engine->signOut(SyncEngine::kSignOutPushMs); }, Qt::QueuedConnection);
}

void Session::wireRouting()
{
    // The agent's status goes over the live feed (on the sync thread); the feed sends it again after each
    // reconnect. Every console of the team, and supervisors, hear agent_status at once.
    LiveFeed *feed = m_engine->liveFeed();
    connect(feed, &LiveFeed::agentStatusChanged, m_window, &MainWindow::onAgentStatus);
    connect(feed, &LiveFeed::statusRefused, m_window, &MainWindow::onStatusRefused);
    connect(m_window, &MainWindow::agentStatusRequested, this, &Session::sendAgentStatus);
}

void Session::sendAgentStatus(const QString &status)
{
    LiveFeed *feed = m_engine->liveFeed();
    if (!feed)
        return;
    // Empty: signing out or closing — "offline" leaves now and nothing is sent again after a reconnect.
    QMetaObject::invokeMethod(
        feed,
        [feed, status] {
            if (!status.isEmpty())
                return feed->setAgentStatus(status);
            if (!feed->agentStatus().isEmpty())
                feed->setAgentStatus(u"offline"_s);
            feed->setAgentStatus({});
        },
        status.isEmpty() && m_thread.isRunning() ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
}

void Session::onSignedOut(int unsent, bool serverSessionEnded, const QString &error)
{
    m_credentials->remove(m_server.toString(), m_login);
    RememberedSession::forget();
    m_login.clear();
    m_window->setCurrentUser(User{});
    if (m_signOutProgress)
        m_signOutProgress->close();
    m_signingOut = false;

    QStringList notes;
    if (unsent > 0)
        notes << tr(
            "%n change(s) could not be sent. They stay on this computer for you only and are sent when "
            "you sign in here again.",
            nullptr, unsent);
    if (!serverSessionEnded)
        notes << tr("The server could not be reached to end your session; it cannot be resumed from this "
                    "computer any more.");
    if (!error.isEmpty())
        notes << tr("Your tickets could not be removed from this computer: %1").arg(error);
    showSignIn();
    m_dialog->setNotice(notes.isEmpty() ? tr("You are signed out.") : notes.join(u'\n'));
}

} // namespace pd
