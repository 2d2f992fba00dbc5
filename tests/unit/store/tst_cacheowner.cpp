// The cache's owner (models/store/cacheowner.h): the cache is bound to the user who synced it, forgets that
// user's tickets when another signs in or at sign-out, and keeps only their unsent edits, for them alone.
// Also the cache's file modes (models/store/cachefiles.h).
#include "../../common/fixtures.h"
#include "models/kpi/kpifactcache.h"
#include "models/store/cachefiles.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/outboxrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestCacheOwner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void adoptBindsAndKeepsTheSameOwnersData();
    void anotherUserForgetsThePreviousUsersTickets();
    void queuedEditsGoOnlyToTheirAuthor();
    void enqueueStampsTheOwner();
    void releaseAtSignOut();
    void legacyCacheIsTheLastUsers();
    void cacheOfNoKnownOwnerIsEmptiedForTheFirstUser();
    void filesArePrivateWhateverTheUmask();
    void existingFolderAndFilesAreTightened();

private:
    static User user(const QString &id, Role role, const QString &team);
    void fill();
    OutboxItem queue(const QString &ticketId, const QString &author = {});
    qint64 count(const char *sql) const;
    [[nodiscard]] static int mode(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;
    int m_keys = 0;
};

static const QString kServer = u"https://pd.example:8470"_s;

User TestCacheOwner::user(const QString &id, Role role, const QString &team)
{
    User u;
    u.id = id;
    u.login = id.mid(2);
    u.displayName = u"名字 "_s + id;
    u.role = role;
    u.teamId = team;
    return u;
}

int TestCacheOwner::mode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

void TestCacheOwner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"data/cache.sqlite"_s);
    QString error;
    m_db = Database::open(m_path, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestCacheOwner::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestCacheOwner::count(const char *sql) const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QString::fromLatin1(sql)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

OutboxItem TestCacheOwner::queue(const QString &ticketId, const QString &author)
{
    OutboxItem item;
    item.idempotencyKey = u"key-%1"_s.arg(++m_keys);
    item.ticketId = ticketId;
    item.method = u"POST"_s;
    item.path = u"/api/v1/tickets/%1/events"_s.arg(ticketId);
    item.payload = QJsonObject{{u"text"_s, u"回复 %1"_s.arg(m_keys)}};
    item.createdAt = 1000 + m_keys;
    item.authorId = author;
    QString error;
    if (!OutboxRepository(*m_db).enqueue(item, &error))
        qWarning() << error;
    return item;
}

/// Tickets with events (indexed for search), a waiting event, a conflict, the cursor, a parcel and a user.
void TestCacheOwner::fill()
{
    QString error;
    QList<Ticket> tickets;
    QList<TicketEvent> events;
    for (int n = 1; n <= 6; ++n) {
        tickets << makeTicket(n);
        TicketEvent e;
        e.id = u"e-%1"_s.arg(n);
        e.ticketId = tickets.last().id;
        e.at = tickets.last().createdAt + 1000;
        e.text = u"客户说包裹破损了"_s;
        events << e;
    }
    TicketRepository repo(*m_db);
    QVERIFY2(repo.upsert(tickets, &error), qPrintable(error));
    QVERIFY2(repo.upsertEvents(events, &error), qPrintable(error));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"INSERT INTO orphan_events(id, ticket_id, data) VALUES ('e-x', 't-9', '{}')"_s));
    QVERIFY(q.exec(u"INSERT INTO ticket_conflicts(ticket_id, local_fields, base_version, server_copy, "
                   "detected_at) VALUES ('t-0000001', '{}', 1, '{}', 5)"_s));
    QVERIFY(SyncStateRepository(*m_db).setCursor(u"c-42"_s));
    Parcel p;
    p.waybillNo = u"SF1"_s;
    p.status = ParcelStatus::InTransit;
    QVERIFY2(ParcelRepository(*m_db).upsert({p}, &error), qPrintable(error));
    QVERIFY2(DirectoryRepository(*m_db).upsertUsers({user(u"u-agent3"_s, Role::Agent, u"team-b"_s)}, &error),
             qPrintable(error));
    QVERIFY(!TicketSearch(*m_db).search(u"破损"_s).isEmpty());
    QVERIFY(!TicketSearch(*m_db).search(u"王芳"_s).isEmpty());
}

void TestCacheOwner::adoptBindsAndKeepsTheSameOwnersData()
{
    CacheOwner owner(*m_db);
    QVERIFY(!owner.user());
    bool wiped = true;
    QString error;
    QVERIFY2(owner.adopt(user(u"u-agent1"_s, Role::Agent, u"team-a"_s), kServer + u"/"_s, &wiped, &error),
             qPrintable(error));
    QVERIFY(!wiped); // a new cache has nothing to forget
    fill();
    const auto bound = owner.user();
    QVERIFY(bound);
    QCOMPARE(bound->id, u"u-agent1"_s);
    QCOMPARE(bound->login, u"agent1"_s);
    QCOMPARE(bound->displayName, u"名字 u-agent1"_s);
    QCOMPARE(bound->role, Role::Agent);
    QCOMPARE(bound->teamId, u"team-a"_s);
    QCOMPARE(owner.serverUrl(), kServer);

    // The same user again (a resume, a new team): details follow, nothing is forgotten.
    QVERIFY(owner.adopt(user(u"u-agent1"_s, Role::Agent, u"team-b"_s), kServer, &wiped, &error));
    QVERIFY(!wiped);
    QCOMPARE(owner.user()->teamId, u"team-b"_s);
    QCOMPARE(count("SELECT count(*) FROM tickets"), 6);
    QCOMPARE(SyncStateRepository(*m_db).cursor(), u"c-42"_s);
}

void TestCacheOwner::anotherUserForgetsThePreviousUsersTickets()
{
    CacheOwner owner(*m_db);
    bool wiped = false;
    QVERIFY(owner.adopt(user(u"u-agent1"_s, Role::Agent, u"team-a"_s), kServer, &wiped));
    fill();
    const QString cacheId = SyncStateRepository(*m_db).value(u"cache_id"_s);
    QVERIFY(!cacheId.isEmpty());
    QFile facts(CacheFiles::factsFile(m_path));
    QVERIFY(facts.open(QIODevice::WriteOnly));
    facts.write("facts of the previous user");
    facts.close();

    QString error;
    QVERIFY2(owner.adopt(user(u"u-agent3"_s, Role::Agent, u"team-b"_s), kServer, &wiped, &error),
             qPrintable(error));
    QVERIFY(wiped);
    QCOMPARE(owner.userId(), u"u-agent3"_s);
    for (const char *table : {"tickets", "ticket_events", "orphan_events", "ticket_conflicts",
                              "ticket_changes", "tickets_fts_queue", "events_fts_queue"})
        QCOMPARE(count(qPrintable(u"SELECT count(*) FROM %1"_s.arg(QLatin1StringView(table)))), 0);
    // The full-text index is empty and consistent with its (empty) content tables.
    QVERIFY(TicketSearch(*m_db).search(u"破损"_s).isEmpty());
    QVERIFY(TicketSearch(*m_db).search(u"王芳"_s).isEmpty());
    QCOMPARE(count("SELECT count(*) FROM tickets_fts_data WHERE length(block) > 0 AND id > 10"), 0);
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(u"INSERT INTO tickets_fts(tickets_fts, rank) VALUES ('integrity-check', 1)"_s),
             qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(u"INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"_s),
             qPrintable(q.lastError().text()));
    // The next user starts with a full sync, and the dashboard does not reuse the previous facts.
    QCOMPARE(SyncStateRepository(*m_db).cursor(), QString());
    const QString newId = SyncStateRepository(*m_db).value(u"cache_id"_s);
    QVERIFY(!newId.isEmpty());
    QVERIFY(newId != cacheId);
    QVERIFY(!QFile::exists(CacheFiles::factsFile(m_path)));
    // Parcels go too (their addresses are sealed under the previous user's key; the full sync brings them
    // back); the directory is not per user and stays.
    QCOMPARE(count("SELECT count(*) FROM parcels"), 0);
    QCOMPARE(count("SELECT count(*) FROM users"), 1);
    QCOMPARE(m_db->integrityCheck(), u"ok"_s);

    // The cache fills again for the new owner and searches as before.
    QVERIFY(TicketRepository(*m_db).upsert({makeTicket(8)}, &error));
    QCOMPARE(TicketSearch(*m_db).search(u"李娜"_s).size(), 1);
}

// Fails on the code before this change: ready() returned every queued edit, so the next user's session sent
// the previous user's edits under the next user's name.
void TestCacheOwner::queuedEditsGoOnlyToTheirAuthor()
{
    CacheOwner owner(*m_db);
    bool wiped = false;
    const User a = user(u"u-agent1"_s, Role::Agent, u"team-a"_s);
    const User b = user(u"u-agent2"_s, Role::Agent, u"team-a"_s);
    // An edit queued before authors were recorded, then one queued by A (stamped by enqueue()).
    const OutboxItem legacy = queue(u"t-0000001"_s);
    QVERIFY(owner.adopt(a, kServer, &wiped));
    const OutboxItem mine = queue(u"t-0000001"_s);
    QCOMPARE(mine.authorId, a.id);
    OutboxRepository outbox(*m_db);
    QCOMPARE(outbox.count(), 2);
    QCOMPARE(outbox.ready(1'000'000).size(), 1); // one ticket: its oldest first
    QCOMPARE(outbox.ready(1'000'000).first().seq, legacy.seq);

    QVERIFY(outbox.markFailed(mine.seq, u"offline"_s, 9'000'000));
    // B signs in: A's edits (the legacy one included) are kept, and B neither sends, sees nor counts them.
    QVERIFY(owner.adopt(b, kServer, &wiped));
    QVERIFY(outbox.ready(1'000'000).isEmpty());
    QVERIFY(outbox.all().isEmpty());
    QCOMPARE(outbox.count(), 0);
    QVERIFY(outbox.forTicket(u"t-0000001"_s).isEmpty());
    QCOMPARE(owner.keptForOthers(), 2);
    QCOMPARE(count("SELECT count(*) FROM outbox WHERE author_id = 'u-agent1'"), 2);
    // B's own edit of the same ticket is not held back behind A's.
    const OutboxItem theirs = queue(u"t-0000001"_s);
    QCOMPARE(theirs.authorId, b.id);
    const auto ready = outbox.ready(1'000'000);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().seq, theirs.seq);
    QVERIFY(outbox.retryNow(5));
    QVERIFY(outbox.markFailed(theirs.seq, u"offline"_s, 9'000'000));
    QVERIFY(outbox.retryNow(5)); // B's back-off ends now; A's items are not B's to touch
    QCOMPARE(outbox.item(theirs.seq)->nextAttemptAt, 5);
    QCOMPARE(outbox.item(mine.seq)->nextAttemptAt, 9'000'000);

    // A again: A's edits in their order; B's stays for B.
    QVERIFY(owner.adopt(a, kServer, &wiped));
    QCOMPARE(outbox.count(), 2);
    QCOMPARE(outbox.ready(1'000'000).first().seq, legacy.seq);
    QCOMPARE(owner.keptForOthers(), 1);
}

void TestCacheOwner::enqueueStampsTheOwner()
{
    OutboxRepository outbox(*m_db);
    QCOMPARE(queue(u"t-1"_s).authorId, QString()); // nobody signed in yet
    bool wiped = false;
    QVERIFY(CacheOwner(*m_db).adopt(user(u"u-lead1"_s, Role::Supervisor, u"team-a"_s), kServer, &wiped));
    QCOMPARE(queue(u"t-2"_s).authorId, u"u-lead1"_s);
    QCOMPARE(queue(u"t-3"_s, u"u-other"_s).authorId, u"u-other"_s); // an author given is kept
    QCOMPARE(outbox.item(1)->authorId, u"u-lead1"_s); // the unattributed one became the owner's at sign-in
}

void TestCacheOwner::releaseAtSignOut()
{
    CacheOwner owner(*m_db);
    bool wiped = false;
    QVERIFY(owner.adopt(user(u"u-agent1"_s, Role::Agent, u"team-a"_s), kServer, &wiped));
    fill();
    queue(u"t-0000002"_s);
    QString error;
    QVERIFY2(owner.release(&error), qPrintable(error));
    QVERIFY(!owner.user());
    QCOMPARE(count("SELECT count(*) FROM tickets"), 0);
    QCOMPARE(count("SELECT count(*) FROM ticket_events"), 0);
    QCOMPARE(count("SELECT count(*) FROM outbox WHERE author_id = 'u-agent1'"), 1);
    QCOMPARE(OutboxRepository(*m_db).count(), 0); // nobody's session sends it
    // The next sign-in, by anyone, has nothing to forget.
    QVERIFY(owner.adopt(user(u"u-agent2"_s, Role::Agent, u"team-a"_s), kServer, &wiped));
    QVERIFY(!wiped);
}

void TestCacheOwner::legacyCacheIsTheLastUsers()
{
    fill();
    queue(u"t-0000003"_s);
    CacheOwner owner(*m_db);
    const User last = user(u"u-agent1"_s, Role::Agent, u"team-a"_s);
    QVERIFY(owner.adoptLegacy(last, kServer));
    QCOMPARE(owner.userId(), last.id);
    QCOMPARE(count("SELECT count(*) FROM outbox WHERE author_id = 'u-agent1'"), 1);
    QVERIFY(!owner.adoptLegacy(user(u"u-x"_s, Role::Agent, {}), kServer)); // only once
    bool wiped = true;
    QVERIFY(owner.adopt(last, kServer, &wiped)); // the same user signs in: nothing lost
    QVERIFY(!wiped);
    QCOMPARE(count("SELECT count(*) FROM tickets"), 6);
}

void TestCacheOwner::cacheOfNoKnownOwnerIsEmptiedForTheFirstUser()
{
    fill();
    bool wiped = false;
    QVERIFY(CacheOwner(*m_db).adopt(user(u"u-agent1"_s, Role::Agent, u"team-a"_s), kServer, &wiped));
    QVERIFY(wiped); // whose tickets they were is not known: they go
    QCOMPARE(count("SELECT count(*) FROM tickets"), 0);
}

// Fails on the code before this change: the folder was 0777 and the files 0644 & ~umask (0777/0644 here).
void TestCacheOwner::filesArePrivateWhateverTheUmask()
{
    m_db.reset();
    const mode_t before = ::umask(0);
    const QString path = m_dir->filePath(u"open/to/all/cache.sqlite"_s);
    QString error;
    auto db = Database::open(path, &error);
    ::umask(before);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(mode(m_dir->filePath(u"open/to/all"_s)), 0700);
    QVERIFY(TicketRepository(*db).upsert({makeTicket(1)}, &error)); // the WAL is written
    for (const QString &file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(mode(file), 0600);
    }
    // The dashboard's facts file next to the cache (written by KpiFactCache::save).
    KpiFactCache facts;
    QVERIFY2(facts.update(*db, 0, &error), qPrintable(error));
    ::umask(0);
    const bool saved = facts.save(CacheFiles::factsFile(path), &error);
    ::umask(before);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(mode(CacheFiles::factsFile(path)), 0600);
}

void TestCacheOwner::existingFolderAndFilesAreTightened()
{
    m_db.reset();
    const QString folder = m_dir->filePath(u"data"_s);
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_path).constData(), 0644), 0);
    QCOMPARE(mode(folder), 0755);
    QCOMPARE(mode(m_path), 0644);
    QString error;
    m_db = Database::open(m_path, &error);
    QVERIFY2(m_db, qPrintable(error));
    QCOMPARE(mode(folder), 0700);
    QCOMPARE(mode(m_path), 0600);
}

QTEST_GUILESS_MAIN(TestCacheOwner)
#include "tst_cacheowner.moc"
