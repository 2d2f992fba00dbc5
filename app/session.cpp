#include "session.h"

#include "sync/credentialstore.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"
#include "ui/common/syncstatuswidget.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"

#include <QJsonDocument>

#include <QMetaObject>
#include <QSettings>

namespace pd {

namespace {
constexpr int kPeriodicSyncMs = 60 * 1000; // the live feed brings changes at once; this is the safety net
} // namespace

Session::Session(const QString &cachePath, const QUrl &server, QString login, MainWindow *window,
                 ServerClock *clock, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_login(std::move(login))
    , m_window(window)
    , m_clock(clock)
    , m_engine(new SyncEngine(cachePath, server))
    , m_credentials(new CredentialStore(QStringLiteral("ParcelDesk"), this))
{
    m_thread.setObjectName(u"sync"_qs);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);

    connect(m_engine, &SyncEngine::statusChanged, this, [this](const SyncStatus &s) {
        m_window->syncStatus()->setStatus(s);
        m_window->syncStatus()->setClockOffsetMs(s.clockOffsetMs);
        m_clock->setOffsetMs(s.clockOffsetMs);
        if (s.state == SyncStatus::State::SignInNeeded && !m_dialog)
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
    connect(m_engine, &SyncEngine::failed, this,
            [this](const QString &message) { m_window->syncStatus()->setToolTip(message); });

    // Pages read the cache and debounce bursts of change notices themselves.
    connect(m_engine, &SyncEngine::ticketsChanged, m_window, &MainWindow::onTicketsChanged);
    connect(m_engine, &SyncEngine::couriersMoved, m_window, &MainWindow::onCouriersMoved);
    connect(m_engine, &SyncEngine::presenceChanged, m_window, &MainWindow::onPresence);
    connect(m_window, &MainWindow::presenceReported, m_engine, &SyncEngine::reportPresence);
    connect(m_engine, &SyncEngine::pullFinished, this, [this](bool ok, qint64 items, const QString &) {
        if (ok && items > 0)
            m_window->onPulled();
    });
    connect(m_window, &MainWindow::pushRequested, m_engine, &SyncEngine::pushNow);

    m_periodic.setInterval(kPeriodicSyncMs);
    connect(&m_periodic, &QTimer::timeout, m_engine, &SyncEngine::syncNow);
    connect(m_window, &MainWindow::syncRequested, m_engine, &SyncEngine::syncNow);
    connect(m_window, &MainWindow::signOutRequested, this, &Session::signOut);
}

Session::~Session()
{
    m_thread.quit();
    m_thread.wait();
}

std::optional<User> Session::lastUser()
{
    const QByteArray json = QSettings().value(u"session/user"_qs).toByteArray();
    if (json.isEmpty())
        return std::nullopt;
    return User::fromJson(QJsonDocument::fromJson(json).object());
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
    QSettings settings;
    settings.setValue(u"session/user"_qs, QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
    m_window->setCurrentUser(user);
    settings.setValue(u"session/login"_qs, m_login); // the login only: secrets live in the keychain
    settings.setValue(u"session/server"_qs, m_server.toString());
    if (m_remember)
        m_credentials->store(m_server.toString(), m_login, QString::fromLatin1(refreshToken));
    if (m_dialog)
        m_dialog->accept();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
    m_periodic.start();
}

void Session::signOut()
{
    m_periodic.stop();
    m_credentials->remove(m_server.toString(), m_login);
    m_remember = false;
    showSignIn();
}

} // namespace pd
