// The console's sync engine against the real parceldesk-server on loopback
// (tests/integration/serverfixture.h).
#include "syncharness.h"

#include "models/domain/ticketrules.h"
#include "models/sla/deadlines.h"
#include "models/sla/policy.h"
#include "models/sla/slahistory.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "sync/serverclock.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestSyncEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void initialAndDeltaSyncSeeOnlyTheTeam();
    void offlineEditsSurviveRestartAndArriveOnce();
    void conflictKeepMine();
    void conflictTakeTheirs();
    void wrongPcClockAndServerRestartKeepCountdowns();
    void liveHintTriggersPull();

private:
    QString createOnServer(const QString &login, const QString &team, int n);
    /// Two consoles change the same field of a new ticket; theirs wins the race. Returns the ticket id.
    QString makeConflict(const QString &name, const QJsonObject &mine, const QJsonObject &theirs,
                         Console &mineConsole, Console &theirsConsole);
    QString cachePath(const QString &name) const { return m_dir.filePath(name + u".sqlite"_s); }
    ServerFixture m_server;
    QTemporaryDir m_dir;
    int m_counter = 0;
    int m_index = 0; // the running server process (a restart starts a new one)
};

void TestSyncEngine::initTestCase()
{
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
}

QString TestSyncEngine::createOnServer(const QString &login, const QString &team, int n)
{
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(login, m_index),
                                     ticketBody(team, n), {{"Idempotency-Key", uuid().toLatin1()}}, m_index);
    if (r.status != 201)
        qWarning() << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

void TestSyncEngine::initialAndDeltaSyncSeeOnlyTheTeam()
{
    for (int i = 0; i < 30; ++i)
        QVERIFY(!createOnServer(u"agent1"_s, u"team-a"_s, ++m_counter).isEmpty());
    for (int i = 0; i < 20; ++i)
        QVERIFY(!createOnServer(u"agent3"_s, u"team-b"_s, ++m_counter).isEmpty());

    Console console(cachePath(u"initial"_s), m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QSignalSpy changed(&console.engine, &SyncEngine::ticketsChanged);
    QVERIFY(console.sync());
    QVERIFY(!changed.isEmpty());

    QString error;
    auto db = Database::open(cachePath(u"initial"_s), &error);
    TicketRepository tickets(*db);
    TicketQuery teamB;
    teamB.teamId = u"team-b"_s;
    QCOMPARE(tickets.count(teamB), 0); // an agent's cache holds only the own team's tickets
    const int before = tickets.totalCount();
    QVERIFY(before >= 30);
    const QString cursor = SyncStateRepository(*db).cursor();
    QVERIFY(!cursor.isEmpty());

    // A delta pull brings only what is new.
    const QString fresh = createOnServer(u"agent2"_s, u"team-a"_s, ++m_counter);
    QSignalSpy pulled(&console.engine, &SyncEngine::pullFinished);
    QVERIFY(console.sync());
    QCOMPARE(tickets.totalCount(), before + 1);
    QVERIFY(tickets.byId(fresh).has_value());
    QVERIFY(pulled.last().at(1).toLongLong() < 20);
    QVERIFY(SyncStateRepository(*db).cursor() != cursor);
    QCOMPARE(db->integrityCheck(), u"ok"_s);
}

void TestSyncEngine::offlineEditsSurviveRestartAndArriveOnce()
{
    const QString id = createOnServer(u"agent1"_s, u"team-a"_s, ++m_counter);
    const QString path = cachePath(u"offline"_s);
    {
        Console console(path, m_server.url({}, m_index));
        QVERIFY(console.signIn(u"agent1"_s));
        QVERIFY(console.sync());
    }
    m_server.stop(m_index);

    // The server is down: edits are made and kept.
    QString noteId;
    {
        QString error;
        auto db = Database::open(path, &error);
        SystemClock clock;
        LocalEdits edits(*db, clock);
        const auto note = edits.addEvent(id, EventKind::Note, u"客户改约周六派送"_s, {}, u"agent1"_s, &error);
        QVERIFY2(note.has_value(), qPrintable(error));
        noteId = *note;
        QVERIFY2(edits.updateTicket(id, {{u"priority"_s, u"p1"_s}}, &error), qPrintable(error));
        QCOMPARE(OutboxRepository(*db).count(), 2);
    }
    {
        // A console started while the server is down pushes nothing and loses nothing.
        Console console(path, QUrl(u"http://127.0.0.1:1"_s));
        QVERIFY(!console.signIn(u"agent1"_s));
    }
    m_index = m_server.start();
    QVERIFY(m_index >= 0); // same database, new port: a restarted server

    Console console(path, m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QVERIFY(console.sync()); // a second round sends nothing again

    const Reply events = m_server.request("GET", u"/api/v1/tickets/"_s + id + u"/events"_s,
                                          m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    QCOMPARE(events.status, 200);
    int notes = 0;
    const QJsonArray list = events.json().value(u"items"_s).toArray();
    for (const QJsonValue &v : list)
        notes += v.toObject().value(u"id"_s).toString() == noteId;
    QCOMPARE(notes, 1);
    const Reply ticket = m_server.request("GET", u"/api/v1/tickets/"_s + id,
                                          m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    QCOMPARE(ticket.json().value(u"priority"_s).toString(), u"p1"_s);

    QString error;
    auto db = Database::open(path, &error);
    QCOMPARE(OutboxRepository(*db).count(), 0);
    QCOMPARE(TicketRepository(*db).byId(id)->localState, LocalState::Synced);
}

QString TestSyncEngine::makeConflict(const QString &name, const QJsonObject &mine, const QJsonObject &theirs,
                                     Console &mineConsole, Console &theirsConsole)
{
    const QString id = createOnServer(u"agent1"_s, u"team-a"_s, ++m_counter);
    const auto failed = [](const char *step, const QString &error = {}) {
        qWarning("makeConflict: %s failed %s", step, qPrintable(error));
        return QString();
    };
    if (!mineConsole.signIn(u"agent1"_s) || !theirsConsole.signIn(u"agent2"_s))
        return failed("sign-in");
    if (!mineConsole.sync() || !theirsConsole.sync())
        return failed("first sync");
    // Both edit the same field on the same version; theirs reaches the server first.
    QString error;
    SystemClock clock;
    {
        auto db = Database::open(cachePath(name + u"-mine"_s), &error);
        if (!LocalEdits(*db, clock).updateTicket(id, mine, &error))
            return failed("my edit", error);
    }
    {
        auto db = Database::open(cachePath(name + u"-theirs"_s), &error);
        if (!LocalEdits(*db, clock).updateTicket(id, theirs, &error))
            return failed("their edit", error);
    }
    if (!theirsConsole.sync() || !mineConsole.sync())
        return failed("second sync");
    // A push that failed for a passing reason (a timeout on a loaded machine) is retried later: give the
    // engine time to get the 412 that makes the conflict.
    auto db = Database::open(cachePath(name + u"-mine"_s), &error);
    const LocalEdits edits(*db, clock);
    if (!QTest::qWaitFor([&] { return edits.conflictFor(id).has_value(); }, 30000))
        return failed("the conflict", mineConsole.engine.status().message);
    return id;
}

void TestSyncEngine::conflictKeepMine()
{
    Console mine(cachePath(u"c1-mine"_s), m_server.url({}, m_index));
    Console theirs(cachePath(u"c1-theirs"_s), m_server.url({}, m_index));
    const QString id =
        makeConflict(u"c1"_s, {{u"priority"_s, u"p1"_s}}, {{u"priority"_s, u"p4"_s}}, mine, theirs);
    QVERIFY(!id.isEmpty());
    QString error;
    SystemClock clock;
    auto db = Database::open(cachePath(u"c1-mine"_s), &error);
    LocalEdits edits(*db, clock);
    const auto conflict = edits.conflictFor(id);
    QVERIFY2(conflict.has_value(), "the 412 must become a conflict record, not a lost edit");
    QCOMPARE(conflict->serverCopy.priority, Priority::P4);
    QCOMPARE(TicketRepository(*db).byId(id)->ticket.priority, Priority::P1);
    QCOMPARE(TicketRepository(*db).byId(id)->localState, LocalState::Conflict);

    QVERIFY2(edits.keepMine(id, &error), qPrintable(error));
    QVERIFY(mine.sync());
    const Reply r = m_server.request("GET", u"/api/v1/tickets/"_s + id, m_server.token(u"agent1"_s, m_index),
                                     {}, {}, m_index);
    QCOMPARE(r.json().value(u"priority"_s).toString(), u"p1"_s);
    QCOMPARE(TicketRepository(*db).byId(id)->localState, LocalState::Synced);
}

void TestSyncEngine::conflictTakeTheirs()
{
    Console mine(cachePath(u"c2-mine"_s), m_server.url({}, m_index));
    Console theirs(cachePath(u"c2-theirs"_s), m_server.url({}, m_index));
    const QString id =
        makeConflict(u"c2"_s, {{u"category"_s, u"loss"_s}}, {{u"category"_s, u"damage"_s}}, mine, theirs);
    QVERIFY(!id.isEmpty());
    QString error;
    SystemClock clock;
    auto db = Database::open(cachePath(u"c2-mine"_s), &error);
    LocalEdits edits(*db, clock);
    QVERIFY(edits.conflictFor(id).has_value());
    QVERIFY(edits.takeTheirs(id, &error));
    QVERIFY(mine.sync());
    QCOMPARE(TicketRepository(*db).byId(id)->ticket.category, Category::Damage);
    QCOMPARE(TicketRepository(*db).byId(id)->localState, LocalState::Synced);
    const Reply r = m_server.request("GET", u"/api/v1/tickets/"_s + id, m_server.token(u"agent1"_s, m_index),
                                     {}, {}, m_index);
    QCOMPARE(r.json().value(u"category"_s).toString(), u"damage"_s);
}

void TestSyncEngine::wrongPcClockAndServerRestartKeepCountdowns()
{
    const QString id = createOnServer(u"agent1"_s, u"team-a"_s, ++m_counter);
    // This PC's clock is two hours fast.
    ManualClock fastPc(QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000);
    fastPc.setRunning(true);
    const QString path = cachePath(u"clock"_s);
    qint64 remainingBefore = 0;
    const auto remaining = [&](SyncEngine &engine) {
        QString error;
        auto db = Database::open(path, &error);
        const auto row = TicketRepository(*db).byId(id);
        const SlaHistory history = SlaHistory::fromTicket(row->ticket, TicketRepository(*db).events(id));
        const SlaClockStatus s = slaStatus(SlaPolicy(), row->ticket.priority, row->ticket.category, history,
                                           SlaClock::FirstResponse, engine.clock()->nowMs());
        return s.remainingMs;
    };
    {
        Console console(path, m_server.url({}, m_index), &fastPc);
        QVERIFY(console.signIn(u"agent1"_s));
        QVERIFY(console.sync());
        QVERIFY2(qAbs(console.engine.clock()->offsetMs() + 2 * 3600 * 1000) < 2000,
                 qPrintable(QString::number(console.engine.clock()->offsetMs())));
        remainingBefore = remaining(console.engine);
        QVERIFY2(remainingBefore > 25 * 60 * 1000 && remainingBefore <= 30 * 60 * 1000,
                 qPrintable(QString::number(remainingBefore)));
    }
    m_server.stop(m_index);
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
    Console console(path, m_server.url({}, m_index), &fastPc);
    // Before any exchange the saved offset is used; after one it is measured again.
    QVERIFY(qAbs(console.engine.clock()->offsetMs() + 2 * 3600 * 1000) < 2000);
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    const qint64 after = remaining(console.engine);
    QVERIFY2(qAbs(remainingBefore - after) < 60 * 1000,
             qPrintable(u"%1 vs %2"_s.arg(remainingBefore).arg(after)));
}

void TestSyncEngine::liveHintTriggersPull()
{
    Console console(cachePath(u"live"_s), m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QTRY_VERIFY_WITH_TIMEOUT(console.engine.liveFeed()->isConnected(), 10000);
    QSignalSpy changed(&console.engine, &SyncEngine::ticketsChanged);
    const QString id = createOnServer(u"agent2"_s, u"team-a"_s, ++m_counter);
    // No syncNow(): the live feed's hint makes the engine pull by itself.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(changed.begin(), changed.end(),
                    [&](const QList<QVariant> &args) { return args.at(0).toStringList().contains(id); }),
        10000);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"
