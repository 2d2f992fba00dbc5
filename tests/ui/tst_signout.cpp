// Sign-out and switching user on a shared PC, in the real console (widgets offscreen, app/session.cpp)
// against the real parceldesk-server, with the real keychain (a private gnome-keyring,
// scripts/with-keyring.sh). The console talks to the server through a relay the test can cut, so "offline" is
// a real network failure.
#include "../../app/session.h"
#include "../integration/serverfixture.h"
#include "../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"
#include "sync/cachekeychain.h"
#include "sync/credentialstore.h"
#include "sync/rememberedsession.h"
#include "sync/serverclock.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

/// Forwards TCP connections to the server; offline, it closes every connection at once.
class Relay final : public QObject
{
public:
    explicit Relay(quint16 upstream)
        : m_upstream(upstream)
    {
        m_listener.listen(QHostAddress::LocalHost, 0);
        connect(&m_listener, &QTcpServer::newConnection, this, &Relay::accept);
    }

    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_listener.serverPort())); }

    void setOnline(bool online)
    {
        m_online = online;
        if (!online)
            for (QTcpSocket *s : findChildren<QTcpSocket *>())
                s->abort();
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            client->setParent(this);
            if (!m_online) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *server = new QTcpSocket(this);
            connect(client, &QTcpSocket::readyRead, server,
                    [client, server] { server->write(client->readAll()); });
            connect(server, &QTcpSocket::readyRead, client,
                    [client, server] { client->write(server->readAll()); });
            for (auto [a, b] : {std::pair{client, server}, std::pair{server, client}})
                connect(a, &QTcpSocket::disconnected, b, [a, b] {
                    b->disconnectFromHost();
                    a->deleteLater();
                });
            server->connectToHost(QHostAddress::LocalHost, m_upstream);
        }
    }

    QTcpServer m_listener;
    quint16 m_upstream;
    bool m_online = true;
};

} // namespace

class TestSignOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signOutSendsTheOutboxRevokesTheSessionAndEmptiesTheCache();
    void offlineEditIsKeptForItsAuthorOnly();
    void anotherUserSigningInEmptiesTheCacheFirst();

private:
    SignInDialog *signInDialog();
    void signIn(const QString &login, bool remember);
    QString signOut();
    QString createOnServer(const QString &login, const QString &team, int n);
    QStringList serverEventTexts(const QString &ticketId);
    qint64 count(const QString &sql);
    QString keychainToken(const QString &login);
    int rowsShown();

    ServerFixture m_server;
    QTemporaryDir m_home;
    std::unique_ptr<Relay> m_relay;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SystemClock> m_local;
    std::unique_ptr<ServerClock> m_clock;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Session> m_session;
    QStringList m_teamA;
    QStringList m_teamB;
};

void TestSignOut::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through CTest: the test needs its private keyring (scripts/with-keyring.sh)");
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QApplication::setOrganizationName(u"ParcelDeskSignOutTest"_s);
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    for (int n = 1; n <= 3; ++n)
        m_teamA << createOnServer(u"agent1"_s, u"team-a"_s, n);
    for (int n = 4; n <= 5; ++n)
        m_teamB << createOnServer(u"agent3"_s, u"team-b"_s, n);
    QVERIFY(!m_teamA.contains(QString()) && !m_teamB.contains(QString()));

    m_relay = std::make_unique<Relay>(m_server.port());
    const QString cache = m_home.filePath(u"cache.sqlite"_s);
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_local = std::make_unique<SystemClock>();
    m_clock = std::make_unique<ServerClock>(m_local.get());
    m_window = std::make_unique<MainWindow>(*m_db, *m_clock, QTimeZone("Asia/Shanghai"));
    m_window->resize(1600, 1000);
    m_window->show();
    m_session = std::make_unique<Session>(cache, m_relay->url(), QString(), m_window.get(), m_clock.get(),
                                          std::make_shared<pd::MemoryCacheKeys>());
    m_session->begin();
    QVERIFY(signInDialog());
}

void TestSignOut::cleanupTestCase()
{
    m_session.reset();
    m_window.reset();
    m_db.reset();
    m_server.stop();
}

QString TestSignOut::createOnServer(const QString &login, const QString &team, int n)
{
    const QJsonObject body{{u"waybill_no"_s, u"SF16000000%1"_s.arg(n, 5, 10, QLatin1Char('0'))},
                           {u"description"_s, u"包裹延迟三天 %1"_s.arg(n)},
                           {u"customer_name"_s, u"王芳"_s},
                           {u"customer_phone"_s, u"13812345678"_s},
                           {u"category"_s, u"delay"_s},
                           {u"team_id"_s, team}};
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(login), body,
                                     {{"Idempotency-Key", uuid().toLatin1()}});
    if (r.status != 201)
        qWarning() << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

QStringList TestSignOut::serverEventTexts(const QString &ticketId)
{
    const Reply r =
        m_server.request("GET", u"/api/v1/tickets/%1/events"_s.arg(ticketId), m_server.token(u"manager1"_s));
    QStringList texts;
    for (const QJsonValue &e : r.json().value(u"items"_s).toArray())
        texts << e.toObject().value(u"text"_s).toString();
    return texts;
}

qint64 TestSignOut::count(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString TestSignOut::keychainToken(const QString &login)
{
    CredentialStore store;
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    store.load(m_relay->url().toString(), login);
    if (!loaded.wait(10000) || !loaded.at(0).at(1).toBool())
        return {};
    return loaded.at(0).at(0).toString();
}

int TestSignOut::rowsShown()
{
    return m_window->workbench()->view()->model()->rowCount();
}

SignInDialog *TestSignOut::signInDialog()
{
    SignInDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            dialog = m_window->findChild<SignInDialog *>();
            return dialog && dialog->isVisible();
        },
        15000);
    return shown ? dialog : nullptr; // the caller's QVERIFY says it did not appear
}

void TestSignOut::signIn(const QString &login, bool remember)
{
    SignInDialog *dialog = signInDialog();
    QVERIFY(dialog);
    dialog->setLogin(login);
    dialog->setPassword(ServerFixture::kPassword);
    dialog->findChild<QCheckBox *>()->setChecked(remember);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return m_window->currentUser().login == login; }, 15000));
}

/// File › Sign out, as a person does it; the notice the sign-in dialog shows afterwards.
QString TestSignOut::signOut()
{
    QAction *action = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->text() == MainWindow::tr("Sign &out"))
            action = a;
    if (!action)
        return u"(no Sign out entry)"_s;
    action->trigger();
    QLabel *notice = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            SignInDialog *dialog = m_window->findChild<SignInDialog *>();
            notice = dialog ? dialog->findChild<QLabel *>(u"signInNotice"_s) : nullptr;
            return notice && notice->isVisible() && !notice->text().isEmpty();
        },
        30000);
    return shown ? notice->text() : u"(no notice after sign-out within 30 s)"_s; // compared by the caller
}

// Fails on the code before this change: sign-out only forgot the keychain entry; the server session stayed
// valid (the refresh below answered 200), and the cache, its search index and the queues kept the tickets.
void TestSignOut::signOutSendsTheOutboxRevokesTheSessionAndEmptiesTheCache()
{
    signIn(u"agent1"_s, true);
    QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT count(*) FROM tickets"_s) == 3; }, 20000));
    QVERIFY(!TicketSearch(*m_db).search(u"延迟"_s).isEmpty());
    const QString token = keychainToken(u"agent1"_s);
    QVERIFY(!token.isEmpty());

    // A reply typed while the server could not be reached: sign-out sends it before anything else.
    m_relay->setOnline(false);
    QString error;
    const auto reply = LocalEdits(*m_db, *m_clock)
                           .addEvent(m_teamA.first(), EventKind::Reply, u"sent at sign-out"_s, {},
                                     m_window->currentUser().id, &error);
    QVERIFY2(reply, qPrintable(error));
    Q_EMIT m_window->pushRequested();
    QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT count(*) FROM outbox WHERE attempts > 0"_s) == 1; },
                            15000));
    m_relay->setOnline(true);
    // A reply half typed in the pane: the next person at this PC must not find it.
    Composer *composer = m_window->workbench()->pane()->composer();
    m_window->workbench()->openTicket(m_teamA.first());
    composer->editor(Composer::Box::Reply)->setPlainText(u"客户手机 13812345678，明早再联系"_s);

    const QString notice = signOut();
    QCOMPARE(notice, Session::tr("You are signed out.")); // everything was sent, the server ended the session
    QCOMPARE(composer->draft(m_teamA.first(), Composer::Box::Reply), QString());
    QCOMPARE(composer->editor(Composer::Box::Reply)->toPlainText(), QString());
    QVERIFY(serverEventTexts(m_teamA.first()).contains(u"sent at sign-out"_s));

    // The server ended the session: the refresh token that was in the keychain is refused, and gone.
    const Reply refreshed =
        m_server.request("POST", u"/api/v1/auth/refresh"_s, {}, {{u"refresh_token"_s, token}});
    QCOMPARE(refreshed.status, 401);
    QCOMPARE(keychainToken(u"agent1"_s), QString());
    QCOMPARE(RememberedSession::login(), QString());
    QVERIFY(!RememberedSession::user());

    // Nothing of the user's tickets stays in the cache or on screen.
    for (const char *table : {"tickets", "ticket_events", "orphan_events", "ticket_conflicts", "outbox"})
        QCOMPARE(count(u"SELECT count(*) FROM %1"_s.arg(QLatin1StringView(table))), 0);
    QVERIFY(TicketSearch(*m_db).search(u"延迟"_s).isEmpty());
    QVERIFY(TicketSearch(*m_db).search(u"王芳"_s).isEmpty());
    QCOMPARE(SyncStateRepository(*m_db).cursor(), QString());
    QVERIFY(QTest::qWaitFor([&] { return rowsShown() == 0; }, 5000));
    QCOMPARE(m_window->currentUser().id, QString());
}

// Fails on the code before this change: agent3's session sent agent1's queued reply as its own the moment it
// signed in on the same cache (and agent3's queues held agent1's team's tickets until then).
void TestSignOut::offlineEditIsKeptForItsAuthorOnly()
{
    signIn(u"agent1"_s, false);
    QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT count(*) FROM tickets"_s) == 3; }, 20000));
    const QString agent1 = m_window->currentUser().id;

    // Offline: the reply is queued, and sign-out cannot send it nor reach the server.
    m_relay->setOnline(false);
    QString error;
    QVERIFY(
        LocalEdits(*m_db, *m_clock)
            .addEvent(m_teamA.last(), EventKind::Reply, u"typed offline by agent1"_s, {}, agent1, &error));
    const QString notice = signOut();
    QVERIFY2(notice.contains(u"1 change"_s) && notice.contains(u"could not be reached"_s),
             qPrintable(notice));
    QCOMPARE(count(u"SELECT count(*) FROM tickets"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE author_id = '%1'"_s.arg(agent1)), 1);
    m_relay->setOnline(true);

    // agent3 (team-b) on the same PC: a full sync of team-b only; agent1's reply is neither sent nor shown.
    signIn(u"agent3"_s, false);
    QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT count(*) FROM tickets"_s) == 2; }, 20000));
    QCOMPARE(count(u"SELECT count(*) FROM tickets WHERE team_id <> 'team-b'"_s), 0);
    m_window->workbench()->showQueue(Queue::All);
    QVERIFY(QTest::qWaitFor([&] { return rowsShown() == 2; }, 5000));
    QTest::qWait(3000); // the push round after the pull has had its chance
    QVERIFY(!serverEventTexts(m_teamA.last()).contains(u"typed offline by agent1"_s));
    QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE author_id = '%1'"_s.arg(agent1)), 1);

    // agent1 again: the reply goes out under agent1's session.
    QCOMPARE(signOut(), Session::tr("You are signed out."));
    signIn(u"agent1"_s, false);
    QVERIFY(QTest::qWaitFor(
        [&] { return serverEventTexts(m_teamA.last()).contains(u"typed offline by agent1"_s); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return count(u"SELECT count(*) FROM outbox"_s) == 0; }, 10000));
}

// Fails on the code before this change: a sign-in by another user kept the previous user's tickets and
// cursor, so agent3 saw agent1's team's tickets and received only changes after agent1's cursor.
void TestSignOut::anotherUserSigningInEmptiesTheCacheFirst()
{
    // The engine alone: a session that ended, then someone else signs in on the same cache.
    const QString path = m_home.filePath(u"switch.sqlite"_s);
    Console console(path, m_server.url({}));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    const auto tickets = [&](const char *where) {
        QSqlQuery q(db->connection());
        return q.exec(u"SELECT count(*) FROM tickets WHERE "_s + QLatin1StringView(where)) && q.next()
                   ? q.value(0).toInt()
                   : -1;
    };
    QCOMPARE(tickets("team_id = 'team-a'"), 3);
    QVERIFY(!SyncStateRepository(*db).cursor().isEmpty());

    QSignalSpy cleared(&console.engine, &SyncEngine::cacheCleared);
    QVERIFY(console.signIn(u"agent3"_s));
    QCOMPARE(cleared.size(), 1); // before signedIn: the window drops what it shows
    QCOMPARE(tickets("1"), 0);
    QCOMPARE(SyncStateRepository(*db).cursor(), QString()); // a full initial sync for agent3
    QVERIFY(console.sync());
    QCOMPARE(tickets("team_id = 'team-b'"), 2);
    QCOMPARE(tickets("team_id <> 'team-b'"), 0);
}

QTEST_MAIN(TestSignOut)
#include "tst_signout.moc"
