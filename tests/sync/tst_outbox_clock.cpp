// A queued edit goes out as soon as the server is back, whatever its clock did meanwhile. The console signs
// in to a server whose clock is an hour ahead; the server goes away, a note typed offline fails to send (its
// next attempt is set by the server clock, then an hour ahead); the server comes back on the same address
// with its clock set right. Before this change the note waited for an hour-old retry time (the push timer
// gave up after five minutes and found nothing ready; F5 sent nothing): seen as ~6 minutes in the console.
// Now the server's return, F5 and a clock jump each retry what waits, and the note reaches the server at
// once.
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "sync/serverclock.h"
#include "syncharness.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr qint64 kHourSeconds = 3600;
}

class TestOutboxClock final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentWhenTheServerIsBackWithItsClockMovedBack();

private:
    bool serverHasNote(int index, const QString &ticket, const QString &text)
    {
        const Reply r = m_server.request("GET", u"/api/v1/tickets/%1/events"_s.arg(ticket),
                                         m_server.token(u"agent1"_s, index), {}, {}, index);
        return r.body.contains(text.toUtf8());
    }

    ServerFixture m_server;
    QTemporaryDir m_dir;
};

void TestOutboxClock::sentWhenTheServerIsBackWithItsClockMovedBack()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    const int ahead = m_server.start({u"--clock-offset"_s, QString::number(kHourSeconds)});
    QVERIFY(ahead >= 0);
    const quint16 port = m_server.port(ahead);
    const Reply created =
        m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s, ahead),
                         ticketBody(u"team-a"_s, 1), {{"Idempotency-Key", uuid().toLatin1()}}, ahead);
    QCOMPARE(created.status, 201);
    const QString ticket = created.json().value(u"id"_s).toString();

    const QString cache = m_dir.filePath(u"agent1.sqlite"_s);
    Console console(cache, m_server.url({}, ahead));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QVERIFY2(console.engine.clock()->offsetMs() > (kHourSeconds - 60) * 1000,
             qPrintable(QString::number(console.engine.clock()->offsetMs())));

    const QString me =
        m_server.request("GET", u"/api/v1/auth/me"_s, m_server.token(u"agent1"_s, ahead), {}, {}, ahead)
            .json()
            .value(u"id"_s)
            .toString();
    QVERIFY(!me.isEmpty());
    // The server goes away; a note is typed and fails to go out.
    m_server.stop(ahead);
    QString error;
    auto db = Database::open(cache, &error);
    QVERIFY2(db, qPrintable(error));
    const QString text = u"客户来电，已告知预计明天送达"_s;
    QVERIFY2(LocalEdits(*db, *console.engine.clock()).addEvent(ticket, EventKind::Note, text, {}, me, &error),
             qPrintable(error));
    console.engine.pushNow();
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto items = OutboxRepository(*db).all();
            return !items.isEmpty() && items.first().attempts > 0;
        },
        10000));
    const qint64 retryIn =
        OutboxRepository(*db).all().first().nextAttemptAt - console.engine.clock()->nowMs();
    QVERIFY2(retryIn > 0, qPrintable(QString::number(retryIn))); // waiting for its back-off

    // Back on the same address, an hour earlier. A sync runs (periodic; F5 also resets the back-offs first).
    const int back = m_server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY(back >= 0);
    QCOMPARE(m_server.port(back), port);
    console.engine.syncNow();
    QVERIFY2(QTest::qWaitFor([&] { return serverHasNote(back, ticket, text); }, 15000),
             "the queued note did not reach the server");
    QVERIFY(QTest::qWaitFor([&] { return OutboxRepository(*db).all().isEmpty(); }, 5000));
    QVERIFY2(qAbs(console.engine.clock()->offsetMs()) < 60000,
             qPrintable(QString::number(console.engine.clock()->offsetMs())));
}

QTEST_MAIN(TestOutboxClock)
#include "tst_outbox_clock.moc"
