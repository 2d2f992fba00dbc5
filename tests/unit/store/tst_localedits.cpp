#include "../../common/fixtures.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "models/store/ticketrepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestLocalEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void replyIsShownAtOnceAndQueued();
    void refusedEventsWriteNothing_data();
    void refusedEventsWriteNothing();
    void illegalTransitionsWriteNothing();
    void resolveNeedsResolution();
    void confirmedEditsBecomeSynced();
    void laterEditsBuildOnTheConfirmedVersion();
    void laterEditsKeepTheirVersionWhenSomeoneElseWroteBetween();
    void conflictKeepsBothAndKeepMineResends();
    void conflictTakeTheirs();
    void parkedItemDoesNotBlockLaterEdits();
    void createTicketValidatesAndQueues();
    void escalationAndSurveyShowAtOnce();

private:
    Ticket seeded(TicketStatus status = TicketStatus::New);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{1795400000000};
};

void TestLocalEdits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = Database::open(m_dir->filePath(u"c.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
}

Ticket TestLocalEdits::seeded(TicketStatus status)
{
    Ticket t = makeTicket(1);
    t.status = status;
    t.firstResponseAt.reset();
    t.version = 3;
    QString error;
    if (!TicketRepository(*m_db).upsert({t}, &error))
        qFatal("seed: %s", qPrintable(error));
    return t;
}

void TestLocalEdits::replyIsShownAtOnceAndQueued()
{
    const Ticket t = seeded();
    LocalEdits edits(*m_db, m_clock);
    QString error;
    const auto id =
        edits.addEvent(t.id, EventKind::Reply, u"  您好，已为您催促网点派送  "_s, {}, u"u-agent1"_s, &error);
    QVERIFY2(id.has_value(), qPrintable(error));

    TicketRepository tickets(*m_db);
    const auto row = tickets.byId(t.id);
    QCOMPARE(row->localState, LocalState::Pending);
    QCOMPARE(row->ticket.status, TicketStatus::Open); // the first reply opens it, at once
    QCOMPARE(row->ticket.firstResponseAt, OptInstant(m_clock.nowMs()));
    QCOMPARE(row->ticket.version, 3); // the server's version, until it confirms
    const auto events = tickets.events(t.id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].id, *id);
    QCOMPARE(events[0].text, u"您好，已为您催促网点派送"_s);

    const auto queued = OutboxRepository(*m_db).all();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].idempotencyKey, *id); // a resend can never create the reply twice
    QCOMPARE(queued[0].method, u"POST"_s);
    QCOMPARE(queued[0].path, u"/api/v1/tickets/"_s + t.id + u"/events"_s);
    QCOMPARE(queued[0].payload.value(u"kind"_s).toString(), u"reply"_s);
    QCOMPARE(queued[0].payload.value(u"id"_s).toString(), *id);
}

void TestLocalEdits::escalationAndSurveyShowAtOnce()
{
    Ticket t = seeded(TicketStatus::Open);
    QVERIFY(t.priority != Priority::P1);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY2(edits
                 .addEvent(t.id, EventKind::Escalation, {},
                           {{u"priority"_s, u"p1"_s}, {u"reason"_s, u"客户投诉升级"_s}}, u"u-lead1"_s, &error)
                 .has_value(),
             qPrintable(error));
    TicketRepository tickets(*m_db);
    QCOMPARE(tickets.byId(t.id)->ticket.priority, Priority::P1); // before the server confirms

    // A survey answer sets the scores and completes the follow-up; an NPS out of range changes nothing.
    t = tickets.byId(t.id)->ticket;
    t.status = TicketStatus::Resolved;
    t.resolvedAt = m_clock.nowMs();
    t.resolution = Resolution::Explained;
    QVERIFY2(tickets.upsert({t}, &error), qPrintable(error));
    m_clock.advance(3600 * 1000);
    QVERIFY2(edits
                 .addEvent(t.id, EventKind::CsatRecorded, {}, {{u"csat"_s, 4}, {u"nps"_s, 11}}, u"u-agent1"_s,
                           &error)
                 .has_value(),
             qPrintable(error));
    const Ticket after = tickets.byId(t.id)->ticket;
    QCOMPARE(after.csat, std::optional<int>(4));
    QCOMPARE(after.nps, std::optional<int>());
    QCOMPARE(after.followUpDoneAt, OptInstant(m_clock.nowMs()));
    QCOMPARE(OutboxRepository(*m_db).all().size(), 2);
}

void TestLocalEdits::refusedEventsWriteNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<bool>("closed");
    QTest::newRow("empty reply") << int(EventKind::Reply) << u"   "_s << QJsonObject{} << false;
    QTest::newRow("too long note") << int(EventKind::Note) << QString(20001, QLatin1Char('x'))
                                   << QJsonObject{} << false;
    QTest::newRow("call without direction")
        << int(EventKind::Call) << QString() << QJsonObject{{u"duration_s"_s, 30}} << false;
    QTest::newRow("call negative duration")
        << int(EventKind::Call) << QString()
        << QJsonObject{{u"direction"_s, u"outbound"_s}, {u"duration_s"_s, -5}} << false;
    QTest::newRow("server-made kind") << int(EventKind::SlaBreach) << u"x"_s << QJsonObject{} << false;
    QTest::newRow("reply on closed") << int(EventKind::Reply) << u"hello"_s << QJsonObject{} << true;
}

void TestLocalEdits::refusedEventsWriteNothing()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(QJsonObject, data);
    QFETCH(bool, closed);
    const Ticket t = seeded(closed ? TicketStatus::Closed : TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(!edits.addEvent(t.id, EventKind(kind), text, data, u"u1"_s, &error).has_value());
    QVERIFY(!error.isEmpty());
    QCOMPARE(TicketRepository(*m_db).events(t.id).size(), 0);
    QCOMPARE(OutboxRepository(*m_db).count(), 0);
    QCOMPARE(TicketRepository(*m_db).byId(t.id)->localState, LocalState::Synced);
}

void TestLocalEdits::illegalTransitionsWriteNothing()
{
    const Ticket t = seeded(TicketStatus::Closed);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(!edits.updateTicket(t.id, {{u"status"_s, u"pending"_s}}, &error));
    QVERIFY2(error.contains(u"closed"_s), qPrintable(error));
    QVERIFY(!edits.updateTicket(t.id, {{u"version"_s, 99}}, &error)); // not an editable field
    QVERIFY(!edits.updateTicket(t.id, {{u"priority"_s, u"p9"_s}}, &error));
    QVERIFY(error.startsWith(u"priority"_s));
    QCOMPARE(OutboxRepository(*m_db).count(), 0);
    QCOMPARE(TicketRepository(*m_db).byId(t.id)->ticket, t);
}

void TestLocalEdits::resolveNeedsResolution()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(!edits.updateTicket(t.id, {{u"status"_s, u"resolved"_s}}, &error));
    QVERIFY(!edits.updateTicket(t.id, {{u"status"_s, u"resolved"_s}, {u"resolution"_s, u"compensation"_s}},
                                &error));
    QVERIFY2(edits.updateTicket(t.id,
                                {{u"status"_s, u"resolved"_s},
                                 {u"resolution"_s, u"compensation"_s},
                                 {u"compensation_amount"_s, 88.5}},
                                &error),
             qPrintable(error));
    const auto row = TicketRepository(*m_db).byId(t.id);
    QCOMPARE(row->ticket.status, TicketStatus::Resolved);
    QCOMPARE(row->ticket.compensationFen, std::optional<qint64>(8850));
    QCOMPARE(OutboxRepository(*m_db).all().value(0).baseVersion, std::optional<qint64>(3));
}

void TestLocalEdits::confirmedEditsBecomeSynced()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(edits.updateTicket(t.id, {{u"priority"_s, u"p1"_s}}, &error));
    const auto item = OutboxRepository(*m_db).all().value(0);
    Ticket server = TicketRepository(*m_db).byId(t.id)->ticket;
    server.version = 4;
    QVERIFY2(edits.confirm(item.seq, server, {}, item.baseVersion, &error), qPrintable(error));
    const auto row = TicketRepository(*m_db).byId(t.id);
    QCOMPARE(row->localState, LocalState::Synced);
    QCOMPARE(row->ticket.version, 4);
    QCOMPARE(OutboxRepository(*m_db).count(), 0);
    QVERIFY(edits.confirm(item.seq, server, {}, item.baseVersion, &error)); // a replay is harmless
}

void TestLocalEdits::laterEditsBuildOnTheConfirmedVersion()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(edits.updateTicket(t.id, {{u"priority"_s, u"p1"_s}}, &error));
    QVERIFY(edits.updateTicket(t.id, {{u"category"_s, u"damage"_s}}, &error));
    auto items = OutboxRepository(*m_db).all();
    QCOMPARE(items.size(), 2);
    Ticket server = t;
    server.priority = Priority::P1;
    server.version = 4;
    QVERIFY(edits.confirm(items[0].seq, server, {}, items[0].baseVersion, &error)); // 3 → 4: nothing between
    const auto row = TicketRepository(*m_db).byId(t.id);
    QCOMPARE(row->ticket.category, Category::Damage); // the second edit is still on screen
    QCOMPARE(row->ticket.version, 4);
    QCOMPARE(row->localState, LocalState::Pending);
    QCOMPARE(OutboxRepository(*m_db).all().value(0).baseVersion, std::optional<qint64>(4));
}

void TestLocalEdits::laterEditsKeepTheirVersionWhenSomeoneElseWroteBetween()
{
    const Ticket t = seeded(TicketStatus::Open); // version 3
    LocalEdits edits(*m_db, m_clock);
    QString error;
    const auto note = edits.addEvent(t.id, EventKind::Note, u"客户要求周六送货"_s, {}, u"u-1"_s, &error);
    QVERIFY2(note, qPrintable(error));
    QVERIFY(edits.updateTicket(t.id, {{u"priority"_s, u"p1"_s}}, &error));
    // The note was applied on version 4 (someone else wrote version 4): the ticket is at 5 now.
    Ticket server = t;
    server.version = 5;
    const auto items = OutboxRepository(*m_db).all();
    QVERIFY(edits.confirm(items[0].seq, server, {}, 4, &error));
    QCOMPARE(OutboxRepository(*m_db).all().value(0).baseVersion, std::optional<qint64>(3)); // meets a 412
    QCOMPARE(TicketRepository(*m_db).byId(t.id)->ticket.version, 3); // new edits carry what was seen
    // An answer that does not say what the version was before (an older server) rebases nothing either.
    QVERIFY(edits.addEvent(t.id, EventKind::Note, u"已回电"_s, {}, u"u-1"_s, &error));
    const auto later = OutboxRepository(*m_db).all();
    QCOMPARE(later.size(), 2);
    server.version = 4; // as if the chain were unbroken, but the server did not say
    QVERIFY(edits.confirm(later[1].seq, server, {}, std::nullopt, &error));
    QCOMPARE(OutboxRepository(*m_db).all().value(0).baseVersion, std::optional<qint64>(3));
}

void TestLocalEdits::conflictKeepsBothAndKeepMineResends()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(edits.updateTicket(t.id, {{u"priority"_s, u"p1"_s}}, &error));
    // Meanwhile someone else changed the category and the priority on the server.
    Ticket server = t;
    server.category = Category::Loss;
    server.priority = Priority::P4;
    server.version = 5;
    const auto item = OutboxRepository(*m_db).all().value(0);
    QVERIFY2(edits.conflict(item.seq, server, &error), qPrintable(error));

    auto row = TicketRepository(*m_db).byId(t.id);
    QCOMPARE(row->localState, LocalState::Conflict);
    QCOMPARE(row->ticket.priority, Priority::P1);   // the person's edit is kept…
    QCOMPARE(row->ticket.category, Category::Loss); // …and the server's other fields applied
    QCOMPARE(row->ticket.version, 5);
    const auto c = edits.conflictFor(t.id);
    QVERIFY(c.has_value());
    QCOMPARE(c->serverCopy.priority, Priority::P4);
    QCOMPARE(c->localFields.value(u"priority"_s).toString(), u"p1"_s);
    QCOMPARE(OutboxRepository(*m_db).count(), 0);
    QVERIFY(!edits.updateTicket(t.id, {{u"nps"_s, 9}}, &error)); // settle the conflict first

    QVERIFY2(edits.keepMine(t.id, &error), qPrintable(error));
    QVERIFY(!edits.conflictFor(t.id).has_value());
    const auto resend = OutboxRepository(*m_db).all();
    QCOMPARE(resend.size(), 1);
    QCOMPARE(resend[0].baseVersion, std::optional<qint64>(5));
    QCOMPARE(resend[0].payload.value(u"priority"_s).toString(), u"p1"_s);
    QCOMPARE(TicketRepository(*m_db).byId(t.id)->localState, LocalState::Pending);
}

void TestLocalEdits::conflictTakeTheirs()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(edits.updateTicket(t.id, {{u"priority"_s, u"p1"_s}}, &error));
    Ticket server = t;
    server.priority = Priority::P4;
    server.version = 5;
    QVERIFY(edits.conflict(OutboxRepository(*m_db).all().value(0).seq, server, &error));
    QVERIFY(edits.takeTheirs(t.id, &error));
    const auto row = TicketRepository(*m_db).byId(t.id);
    QCOMPARE(row->ticket, server);
    QCOMPARE(row->localState, LocalState::Synced);
    QVERIFY(edits.conflicts().isEmpty());
    QVERIFY(!edits.takeTheirs(t.id, &error)); // nothing left to settle
}

void TestLocalEdits::parkedItemDoesNotBlockLaterEdits()
{
    const Ticket t = seeded(TicketStatus::Open);
    LocalEdits edits(*m_db, m_clock);
    QString error;
    QVERIFY(edits.updateTicket(t.id, {{u"status"_s, u"pending"_s}}, &error));
    QVERIFY(edits.addEvent(t.id, EventKind::Note, u"客户要求周末再联系"_s, {}, u"u1"_s, &error).has_value());
    OutboxRepository outbox(*m_db);
    const auto items = outbox.all();
    QCOMPARE(outbox.ready(m_clock.nowMs()).size(), 1);
    QVERIFY(edits.reject(items[0].seq, u"A ticket cannot go from open to pending."_s, &error));
    const auto ready = outbox.ready(m_clock.nowMs());
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready[0].seq, items[1].seq);
    QCOMPARE(outbox.parked().value(0).lastError, u"A ticket cannot go from open to pending."_s);
}

void TestLocalEdits::createTicketValidatesAndQueues()
{
    LocalEdits edits(*m_db, m_clock);
    QString error;
    Ticket draft;
    draft.waybillNo = u"EE123456784CN"_s; // wrong check digit
    draft.customerName = u"王芳"_s;
    draft.customerPhone = u"13812345678"_s;
    draft.description = u"包裹破损"_s;
    QVERIFY(!edits.createTicket(draft, &error).has_value());
    QVERIFY(error.contains(u"check digit"_s));
    QCOMPARE(TicketRepository(*m_db).totalCount(), 0);
    draft.waybillNo = u"ee 1234 5678 5cn"_s;
    draft.customerPhone = u"138-1234-5678"_s;
    const auto id = edits.createTicket(draft, &error);
    QVERIFY2(id.has_value(), qPrintable(error));
    const auto row = TicketRepository(*m_db).byId(*id);
    QCOMPARE(row->ticket.waybillNo, u"EE123456785CN"_s);
    QCOMPARE(row->ticket.customerPhone, u"13812345678"_s);
    QCOMPARE(row->localState, LocalState::Pending);
    const auto item = OutboxRepository(*m_db).all().value(0);
    QCOMPARE(item.path, u"/api/v1/tickets"_s);
    QCOMPARE(item.idempotencyKey, *id);
    QVERIFY(!item.payload.contains(u"number"_s));
}

QTEST_GUILESS_MAIN(TestLocalEdits)
#include "tst_localedits.moc"
