#include "../../common/fixtures.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/migrations.h"
#include "models/store/outboxrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"
#include "models/store/volumerepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void openFresh();
    void migrateFromEveryOlderVersion_data();
    void migrateFromEveryOlderVersion();
    void tooNewRefusedAndUntouched();
    void notADatabaseRefused();
    void bulkUpsertRoundTrip();
    void olderVersionNeverOverwritesNewer();
    void failedBulkWriteLeavesNothing();
    void eventsRoundTrip();
    void parcelsAndDirectory();
    void queueQueriesAndKeysetPaging();
    void queueTimesFromThePolicy();
    void reversePagesAndOffsets();
    void outboxOrderPerTicket();
    void syncState();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("cache.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

static QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

static void setUserVersion(const QString &path, int version)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const QByteArray sql =
        "CREATE TABLE IF NOT EXISTS future(x); PRAGMA user_version = " + QByteArray::number(version);
    QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::openFresh()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(migrations::latestVersion(), Database::kSchemaVersion);
    QCOMPARE(db->journalMode(), u"wal"_s);
    QCOMPARE(db->integrityCheck(), u"ok"_s);
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(u"PRAGMA busy_timeout"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 5000);
    // Re-opening an up-to-date cache runs nothing and keeps it.
    db.reset();
    db = Database::open(dbPath(), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
}

void TestStore::migrateFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Database::kSchemaVersion; ++v)
        QTest::addRow("from %d", v) << v;
}

void TestStore::migrateFromEveryOlderVersion()
{
    QFETCH(int, from);
    QString error;
    {
        auto old = Database::open(dbPath(), &error, DatabaseOptions{from});
        QVERIFY2(old, qPrintable(error));
        QCOMPARE(old->schemaVersion(), from);
        if (from >= 1) {
            // Rows written with the columns that schema had: the search columns come later.
            QSqlQuery q(old->connection());
            QVERIFY(q.prepare(
                u"INSERT INTO tickets(id, number, waybill_no, description, customer_name, customer_phone, "
                "channel, category, priority, status, created_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, 'phone', 'damage', 'p1', 'open', 1795000000000, 1)"_s));
            q.addBindValue(u"old-1"_s);
            q.addBindValue(u"C2611-000001"_s);
            q.addBindValue(u"YT1234567890123"_s);
            q.addBindValue(u"外包装破损，里面的杯子碎了"_s);
            q.addBindValue(u"赵敏"_s);
            q.addBindValue(u"13912348765"_s);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            if (from >= 2) // what the application of that version did on every write
                QVERIFY(q.exec(u"UPDATE tickets SET phone_tail = pd_phone_tail(customer_phone)"_s));
            QVERIFY(q.exec(u"INSERT INTO ticket_events(id, ticket_id, kind, at, text) "
                           "VALUES ('e-1', 'old-1', 'reply', 1795000100000, '已为您登记赔偿申请')"_s));
            if (from >= 3) // a console of that version had pulled the feed up to here
                QVERIFY(q.exec(u"INSERT INTO sync_state(key, value) VALUES ('changes.cursor', 'c1.4711')"_s));
        }
    }
    auto db = Database::open(dbPath(), &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(db->integrityCheck(), u"ok"_s);
    if (from >= 1) {
        TicketRepository tickets(*db);
        const auto row = tickets.byId(u"old-1"_s);
        QVERIFY(row.has_value());
        QCOMPARE(row->ticket.customerName, u"赵敏"_s);
        QCOMPARE(row->localState, LocalState::Synced);
        // The migrated rows are searchable: text, phone tail, name and conversation.
        TicketSearch search(*db);
        QCOMPARE(search.search(u"破损"_s).size(), 1);
        QCOMPARE(search.search(u"8765"_s).size(), 1);
        QCOMPARE(search.search(u"赵敏"_s).size(), 1);
        QCOMPARE(search.search(u"赔偿"_s).value(0).field, SearchHit::Field::Conversation);
        // Schema 8 seals the name and phone written in clear, in place (no resync), and keeps no phone tail
        // (a console of schema 8 sealed them itself: this test wrote them in clear).
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(u"SELECT typeof(customer_name), typeof(customer_phone), phone_tail FROM tickets"_s));
        QVERIFY(q.next());
        if (from < 8) {
            QCOMPARE(q.value(0).toString(), u"blob"_s);
            QCOMPARE(q.value(1).toString(), u"blob"_s);
            QCOMPARE(q.value(2).toString(), QString());
        }
    }
    // Caches of versions 3 to 6 skipped events that arrived before their ticket, every version before 9
    // skipped the volume aggregates and every version before 11 the attachments: they pull everything again
    // (a first-version cursor makes the server restart the feed with reset). Schema 12 (merges) pulls
    // nothing again: no server before it merged or flagged a ticket.
    if (from >= 3 && from < 11)
        QCOMPARE(SyncStateRepository(*db).cursor(), u"c1.0"_s);
    else if (from == 11)
        QCOMPARE(SyncStateRepository(*db).cursor(), u"c1.4711"_s);
    // Every migrated ticket is a complaint the KPIs count (none is merged).
    QSqlQuery complaints(db->connection());
    QVERIFY(complaints.exec(
        u"SELECT (SELECT count(*) FROM complaint_tickets), (SELECT count(*) FROM tickets)"_s));
    QVERIFY(complaints.next());
    QCOMPARE(complaints.value(0).toInt(), complaints.value(1).toInt());
    // The new tables exist and work.
    OutboxRepository outbox(*db);
    QCOMPARE(outbox.count(), 0);
    ParcelVolume v;
    v.day = QDate(2026, 11, 23);
    v.dayStart = 1795363200000;
    v.dayEnd = v.dayStart + 24 * 3600 * 1000;
    v.stationId = u"st-01"_s;
    v.delivered = 5200;
    v.deliveredOnTime = 5030;
    v.version = 3;
    VolumeRepository volume(*db);
    QVERIFY(volume.upsert({v}));
    ParcelVolume older = v;
    older.delivered = 1;
    older.version = 2; // an older copy never replaces a newer one
    QVERIFY(volume.upsert({older}));
    const QList<ParcelVolume> rows = volume.between(v.dayStart, v.dayEnd);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().delivered, 5200);
    QCOMPARE(rows.first().courierId, QString());
    QCOMPARE(volume.between(v.dayEnd, v.dayEnd + 1).size(), 0);
}

void TestStore::tooNewRefusedAndUntouched()
{
    {
        QString error;
        auto db = Database::open(dbPath(), &error);
        QVERIFY(db);
    }
    setUserVersion(dbPath(), Database::kSchemaVersion + 1);
    const QByteArray before = fileHash(dbPath());
    QString error;
    auto db = Database::open(dbPath(), &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    QVERIFY(error.contains(QString::number(Database::kSchemaVersion + 1)));
    QCOMPARE(fileHash(dbPath()), before);
}

void TestStore::notADatabaseRefused()
{
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    const QByteArray before = fileHash(dbPath());
    QString error;
    QVERIFY(!Database::open(dbPath(), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(fileHash(dbPath()), before);
}

void TestStore::bulkUpsertRoundTrip()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    QVERIFY(db);
    TicketRepository repo(*db);
    QList<Ticket> tickets;
    for (int i = 0; i < 5000; ++i) {
        Ticket t = makeTicket(i);
        if (i % 7 == 0) {
            t.status = TicketStatus::Resolved;
            t.resolvedAt = t.createdAt + 3600000;
            t.resolution = Resolution::Compensation;
            t.compensationFen = 1999;
            t.csat = 4;
            t.nps = 10;
        }
        tickets.append(t);
    }
    QVERIFY2(repo.upsert(tickets, &error), qPrintable(error));
    QCOMPARE(repo.totalCount(), 5000);
    for (int i : {0, 1, 7, 4999}) {
        const auto row = repo.byId(tickets[i].id);
        QVERIFY(row.has_value());
        QCOMPARE(row->ticket, tickets[i]);
    }
    // Upserting the same rows again changes nothing and keeps the keys.
    const qint64 pk = repo.byId(tickets[42].id)->pk;
    QVERIFY(repo.upsert(tickets, &error));
    QCOMPARE(repo.totalCount(), 5000);
    QCOMPARE(repo.byId(tickets[42].id)->pk, pk);
    QCOMPARE(db->integrityCheck(), u"ok"_s);
}

void TestStore::olderVersionNeverOverwritesNewer()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    Ticket t = makeTicket(1);
    t.version = 5;
    t.description = u"version five"_s;
    QVERIFY(repo.upsert({t}));
    Ticket older = t;
    older.version = 4;
    older.description = u"version four"_s;
    QVERIFY(repo.upsert({older}));
    QCOMPARE(repo.byId(t.id)->ticket.description, u"version five"_s);
    Ticket newer = t;
    newer.version = 6;
    newer.description = u"version six"_s;
    QVERIFY(repo.upsert({newer}));
    QCOMPARE(repo.byId(t.id)->ticket.description, u"version six"_s);
    // The text index follows the update.
    TicketSearch search(*db);
    QCOMPARE(search.search(u"six"_s).size(), 1);
    QCOMPARE(search.search(u"five"_s).size(), 0);
}

void TestStore::failedBulkWriteLeavesNothing()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    QList<Ticket> tickets{makeTicket(1), makeTicket(2), makeTicket(3)};
    tickets[2].csat = 9; // violates the CHECK constraint
    QVERIFY(!repo.upsert(tickets, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(repo.totalCount(), 0);
    // The connection is usable afterwards.
    tickets[2].csat = 5;
    QVERIFY2(repo.upsert(tickets, &error), qPrintable(error));
    QCOMPARE(repo.totalCount(), 3);
}

void TestStore::eventsRoundTrip()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    QVERIFY(repo.upsert({makeTicket(1)}));
    TicketEvent call;
    call.id = u"e-call"_s;
    call.ticketId = makeTicket(1).id;
    call.kind = EventKind::Call;
    call.at = 1795000200000;
    call.authorId = u"u-agent1"_s;
    call.text = u"回访客户，已说明赔偿流程"_s;
    call.data = QJsonObject{{u"direction"_s, u"outbound"_s}, {u"duration_s"_s, 95}};
    call.version = 1;
    TicketEvent note = call;
    note.id = u"e-note"_s;
    note.kind = EventKind::Note;
    note.at = 1795000100000;
    note.data = {};
    QVERIFY2(repo.upsertEvents({call, note}, &error), qPrintable(error));
    const auto events = repo.events(call.ticketId);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0], note); // oldest first
    QCOMPARE(events[1], call);
    // An event for a ticket the cache does not have is refused (foreign key), and nothing is written.
    TicketEvent orphan = note;
    orphan.id = u"e-orphan"_s;
    orphan.ticketId = u"missing"_s;
    QVERIFY(!repo.upsertEvents({orphan}, &error));
    // Deleting a ticket deletes its events.
    QVERIFY(repo.remove({call.ticketId}));
    QCOMPARE(repo.events(call.ticketId).size(), 0);
}

void TestStore::parcelsAndDirectory()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    ParcelRepository parcels(*db);
    Parcel p;
    p.waybillNo = u"JDVA01234567890"_s;
    p.status = ParcelStatus::Exception;
    p.destinationAddress = u"上海市浦东新区"_s;
    p.destination = GeoPoint{31.22, 121.54};
    p.promisedAt = 1795000000000;
    p.declaredValueFen = 150000;
    p.version = 2;
    QVERIFY2(parcels.upsert({p}, &error), qPrintable(error));
    QCOMPARE(parcels.byWaybill(p.waybillNo), std::optional<Parcel>(p));
    QVERIFY(!parcels.byWaybill(u"nope"_s).has_value());
    TrackingEvent a{
        u"tr-1"_s,  p.waybillNo, 1794990000000, ParcelStatus::PickedUp, u"杭州"_s, GeoPoint{30.27, 120.15},
        u"已揽收"_s};
    TrackingEvent b{u"tr-2"_s, p.waybillNo,  1794995000000, ParcelStatus::InTransit,
                    u"嘉兴"_s, std::nullopt, u"运输中"_s};
    QVERIFY(parcels.upsertTracking({b, a}, &error));
    QCOMPARE(parcels.tracking(p.waybillNo), (QList<TrackingEvent>{a, b}));

    DirectoryRepository dir(*db);
    QVERIFY(dir.upsertTeams({Team{u"team-a"_s, u"华东一组"_s, 1}}, &error));
    User u{u"u-1"_s, u"agent1"_s, u"张伟"_s, Role::Agent, u"team-a"_s, false, 1};
    QVERIFY(dir.upsertUsers({u}, &error));
    Station s{u"st-1"_s, u"西湖网点"_s, u"杭州"_s, GeoPoint{30.25, 120.13}, 1};
    QVERIFY(dir.upsertStations({s}, &error));
    Courier c{u"c-1"_s, u"刘强"_s, u"13700001111"_s, u"st-1"_s, GeoPoint{30.26, 120.14}, 1795000000000, 1};
    QVERIFY(dir.upsertCouriers({c}, &error));
    QCOMPARE(dir.teams().value(0).name, u"华东一组"_s);
    QCOMPARE(dir.users(), QList<User>{u});
    QCOMPARE(dir.stations(), QList<Station>{s});
    QCOMPARE(dir.couriers(), QList<Courier>{c});
}

void TestStore::queueTimesFromThePolicy()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    constexpr qint64 kMin = 60000;
    Ticket unanswered = makeTicket(1);
    unanswered.firstResponseAt.reset(); // first response: 30 min, warning 10 min before
    Ticket answered = makeTicket(2);    // answered: resolution, 24 h, warning 2 h before
    Ticket pending = makeTicket(3);
    pending.status = TicketStatus::Pending; // paused: no deadline, sorted last
    Ticket resolved = makeTicket(4);
    resolved.status = TicketStatus::Resolved;
    resolved.resolvedAt = resolved.createdAt + 60 * kMin;
    resolved.resolution = Resolution::Explained;
    QVERIFY2(repo.upsert({unanswered, answered, pending, resolved}, &error), qPrintable(error));

    const auto a = repo.byId(unanswered.id);
    QCOMPARE(a->slaDue, unanswered.createdAt + 30 * kMin);
    QCOMPARE(a->slaWarnAt, unanswered.createdAt + 20 * kMin);
    const auto b = repo.byId(answered.id);
    QCOMPARE(b->slaDue, answered.createdAt + 24 * 60 * kMin);
    QCOMPARE(b->slaWarnAt, answered.createdAt + 22 * 60 * kMin);
    QVERIFY(!repo.byId(pending.id)->slaDue);
    QVERIFY(!repo.byId(resolved.id)->slaDue);

    // At risk 25 min after the unanswered ticket came in; breached 31 min after; neither before.
    TicketQuery atRisk;
    atRisk.atRiskAt = unanswered.createdAt + 25 * kMin;
    QCOMPARE(repo.count(atRisk), 1);
    atRisk.atRiskAt = unanswered.createdAt + 5 * kMin;
    QCOMPARE(repo.count(atRisk), 0);
    TicketQuery breached;
    breached.slaDueBefore = unanswered.createdAt + 31 * kMin;
    QCOMPARE(repo.count(breached), 1);
    TicketQuery resolvedSince;
    resolvedSince.resolvedFrom = resolved.createdAt;
    QCOMPARE(repo.count(resolvedSince), 1);
    resolvedSince.resolvedFrom = *resolved.resolvedAt + 1;
    QCOMPARE(repo.count(resolvedSince), 0);

    // Answering the ticket moves it to the resolution clock.
    unanswered.firstResponseAt = unanswered.createdAt + 5 * kMin;
    unanswered.version = 2;
    QVERIFY(repo.upsert({unanswered}, &error));
    QCOMPARE(repo.byId(unanswered.id)->slaDue, unanswered.createdAt + 24 * 60 * kMin);
}

void TestStore::reversePagesAndOffsets()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    QList<Ticket> tickets;
    for (int i = 0; i < 300; ++i) {
        Ticket t = makeTicket(i);
        t.firstResponseAt.reset();
        t.status = i % 10 == 0 ? TicketStatus::Pending : TicketStatus::New; // pending: no deadline, last
        tickets.append(t);
    }
    QVERIFY(repo.upsert(tickets, &error));
    TicketQuery all;
    all.limit = 1000;
    const QList<TicketRow> forward = repo.query(all).rows;
    QCOMPARE(forward.size(), 300);

    TicketQuery tail;
    tail.reverse = true;
    tail.limit = 40;
    const TicketPage last = repo.query(tail);
    QCOMPARE(last.rows.size(), 40);
    QVERIFY(last.hasMore);
    for (int i = 0; i < 40; ++i)
        QCOMPARE(last.rows[i].pk, forward[299 - i].pk); // the last rows, last first
    tail.afterSortValue = last.rows.last().slaDue.value_or(std::numeric_limits<qint64>::max());
    tail.afterPk = last.rows.last().pk;
    const TicketPage before = repo.query(tail);
    QCOMPARE(before.rows.first().pk, forward[259].pk);

    TicketQuery middle;
    middle.offset = 150;
    middle.limit = 10;
    const TicketPage mid = repo.query(middle);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(mid.rows[i].pk, forward[150 + i].pk);
}

void TestStore::queueQueriesAndKeysetPaging()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    TicketRepository repo(*db);
    QList<Ticket> tickets;
    for (int i = 0; i < 1000; ++i) {
        Ticket t = makeTicket(i);
        t.status = i % 4 == 0 ? TicketStatus::Pending : TicketStatus::Open;
        tickets.append(t);
    }
    QVERIFY(repo.upsert(tickets, &error));
    for (int i = 0; i < 1000; ++i)
        QVERIFY(
            repo.setSlaDue(tickets[i].id, 1795000000000LL + qint64((i * 7919) % 1000) * 1000)); // shuffled

    TicketQuery q;
    q.statuses = {TicketStatus::Open};
    q.teamId = u"team-a"_s;
    QCOMPARE(repo.count(q), 500); // odd numbers are team-a, and only even numbers are pending
    q.assigneeId = u"u-agent1"_s;
    int expected = 0;
    for (const Ticket &t : tickets)
        expected +=
            t.status == TicketStatus::Open && t.teamId == u"team-a"_s && t.assigneeId == u"u-agent1"_s;
    QCOMPARE(repo.count(q), expected);
    TicketQuery unassigned;
    unassigned.unassignedOnly = true;
    QCOMPARE(repo.count(unassigned), 334);

    // Page through all open tickets by SLA urgency: ascending deadlines, no gap, no repeat.
    TicketQuery page;
    page.statuses = {TicketStatus::Open};
    page.limit = 64;
    QSet<QString> seen;
    qint64 lastDue = std::numeric_limits<qint64>::min();
    for (;;) {
        const TicketPage p = repo.query(page);
        for (const TicketRow &row : p.rows) {
            QVERIFY(!seen.contains(row.ticket.id));
            seen.insert(row.ticket.id);
            QVERIFY(*row.slaDue >= lastDue);
            lastDue = *row.slaDue;
        }
        if (!p.hasMore)
            break;
        page.afterSortValue = p.rows.last().slaDue;
        page.afterPk = p.rows.last().pk;
    }
    QCOMPARE(seen.size(), 750);

    TicketQuery overdue;
    overdue.slaDueBefore = 1795000000000LL + 10 * 1000;
    QCOMPARE(repo.count(overdue), 10);
}

void TestStore::outboxOrderPerTicket()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    OutboxRepository outbox(*db);
    const auto item = [](const char *key, const char *ticket) {
        OutboxItem it;
        it.idempotencyKey = QString::fromLatin1(key);
        it.ticketId = QString::fromLatin1(ticket);
        it.method = u"POST"_s;
        it.path = u"/api/v1/tickets/"_s + it.ticketId + u"/events"_s;
        it.payload = QJsonObject{{u"kind"_s, u"note"_s}, {u"text"_s, u"备注"_s}};
        it.createdAt = 1000;
        return it;
    };
    OutboxItem a1 = item("k-a1", "A"), a2 = item("k-a2", "A"), b1 = item("k-b1", "B");
    QVERIFY(outbox.enqueue(a1, &error));
    QVERIFY(outbox.enqueue(a2, &error));
    QVERIFY(outbox.enqueue(b1, &error));
    OutboxItem dup = item("k-a1", "A");
    QVERIFY(!outbox.enqueue(dup, &error)); // the idempotency key is unique
    QCOMPARE(outbox.count(), 3);

    auto ready = outbox.ready(2000);
    QCOMPARE(ready.size(), 2);
    QCOMPARE(ready[0].idempotencyKey, u"k-a1"_s); // A's head only, never A's second edit before its first
    QCOMPARE(ready[1].idempotencyKey, u"k-b1"_s);
    QCOMPARE(ready[0].payload.value(u"text"_s).toString(), u"备注"_s);

    QVERIFY(outbox.markFailed(a1.seq, u"HTTP 503"_s, 5000));
    ready = outbox.ready(2000);
    QCOMPARE(ready.size(), 1); // A waits for its back-off, and A's second item waits behind it
    QCOMPARE(ready[0].idempotencyKey, u"k-b1"_s);
    ready = outbox.ready(5000);
    QCOMPARE(ready.size(), 2);
    QCOMPARE(ready[0].attempts, 1);
    QCOMPARE(ready[0].lastError, u"HTTP 503"_s);
    QVERIFY(outbox.remove(a1.seq));
    ready = outbox.ready(5000);
    QCOMPARE(ready[0].idempotencyKey, u"k-a2"_s);
}

void TestStore::syncState()
{
    QString error;
    auto db = Database::open(dbPath(), &error);
    SyncStateRepository state(*db);
    QCOMPARE(state.cursor(), QString());
    QVERIFY(state.setCursor(u"c-123"_s));
    QVERIFY(state.setCursor(u"c-456"_s));
    QVERIFY(state.setClockOffsetMs(-7200000));
    db.reset();
    db = Database::open(dbPath(), &error);
    SyncStateRepository again(*db);
    QCOMPARE(again.cursor(), u"c-456"_s);
    QCOMPARE(again.clockOffsetMs(), -7200000);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
