// Customer data at rest (issue 17, docs/architecture.md "Customer data at rest"): every demo role syncs the
// demo server into its own cache with the real `parceldesk` binary and the real keychain (a private
// gnome-keyring, scripts/with-keyring.sh); queued edits, a refused edit, a waiting event, a conflict and the
// dashboard's facts are added to one of them; then every file under the data folder (caches, WAL, SHM, facts,
// settings, the commands' logs) is searched for every demo customer's phone number, name and address: none
// is there. The same sync with encryption turned off (PARCELDESK_CACHE_ENCRYPTION=off) finds those the
// supervisor received, which shows that the search sees what is there.
#include "../integration/serverfixture.h"
#include "models/kpi/kpifactcache.h"
#include "models/store/cachecrypto.h"
#include "models/store/cachefiles.h"
#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/orphanevents.h"
#include "models/store/outboxrepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"
#include "needlescan.h"
#include "sync/cachekeychain.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

const QStringList kRoles{u"agent1"_s, u"agent2"_s, u"agent3"_s, u"lead1"_s, u"manager1"_s, u"admin"_s};
const QRegularExpression kMobile(u"^1[3-9]\\d{9}$"_s);

// Strings the edits made in this test give their customers (none of them is a demo customer's).
const QList<QByteArray> kTyped{"上官婉儿",    "13344445555", "令狐冲冲",
                               "13366667777", "东方不败",    "13388889999"};

} // namespace

class TestCacheAtRest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyRoleCachesNothingReadable();
    void encryptionOffShowsTheSearchWorks();

private:
    int runSync(const QString &root, const QString &login, const QStringList &env = {});
    void readDemoData();
    /// Makes the edits a person leaves behind in a cache; the connection stays open (its WAL is searched
    /// too).
    void editOffline(const QString &cachePath, const QString &userId, std::unique_ptr<Database> &db);
    [[nodiscard]] NeedleScan needles() const;

    ServerFixture m_server;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_passwordFile;
    // Every demo customer, from the server's own database (whatever each role is allowed to receive).
    QSet<QString> m_phones, m_names, m_addresses;
    // Text the console keeps in clear on purpose (staff, couriers, stations, teams): a customer name that
    // also occurs there cannot tell a leak from a courier's name.
    QStringList m_staffText;
};

void TestCacheAtRest::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through CTest: the test needs its private keyring (scripts/with-keyring.sh)");
    CacheKeys::setAutomaticSessionKeys(false); // this process reads the consoles' caches with their keys
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.startDemo(17) >= 0);
    m_url = m_server.url({}).toString();
    m_passwordFile = m_dir.filePath(u"password"_s);
    QFile pw(m_passwordFile);
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("demo\n");
    pw.close();
    readDemoData();
    QVERIFY2(m_phones.size() > 100 && m_names.size() > 50 && m_addresses.size() > 1000,
             qPrintable(u"%1 phones, %2 names, %3 addresses"_s.arg(m_phones.size())
                            .arg(m_names.size())
                            .arg(m_addresses.size())));
}

void TestCacheAtRest::cleanupTestCase()
{
    m_server.stop();
}

void TestCacheAtRest::readDemoData()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"demo-server"_s);
        db.setDatabaseName(m_server.dbPath());
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT type, data FROM docs WHERE type IN "
                       "('ticket', 'parcel', 'courier', 'user', 'station', 'team')"_s));
        while (q.next()) {
            const QString type = q.value(0).toString();
            const QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            if (type == u"ticket"_s) {
                if (const QString phone = o.value(u"customer_phone"_s).toString();
                    kMobile.match(phone).hasMatch())
                    m_phones.insert(phone);
                if (const QString name = o.value(u"customer_name"_s).toString(); name.size() >= 2)
                    m_names.insert(name);
            } else if (type == u"parcel"_s) {
                for (const char *field : {"origin_address", "destination_address"}) {
                    if (const QString a = o.value(QLatin1StringView(field)).toString(); a.size() >= 3)
                        m_addresses.insert(a);
                }
            } else {
                for (const char *field : {"name", "phone", "city"})
                    m_staffText.append(o.value(QLatin1StringView(field)).toString());
            }
        }
    }
    QSqlDatabase::removeDatabase(u"demo-server"_s);
}

NeedleScan TestCacheAtRest::needles() const
{
    const QString staff = m_staffText.join(u'\n');
    NeedleScan scan;
    for (const QString &p : m_phones) {
        if (!staff.contains(p))
            scan.add(p.toUtf8(), u"phone"_s);
    }
    for (const QString &n : m_names) {
        if (!staff.contains(n))
            scan.add(n.toUtf8(), u"name"_s);
    }
    for (const QString &a : m_addresses)
        scan.add(a.toUtf8(), u"address"_s);
    for (const QByteArray &t : kTyped)
        scan.add(t, u"typed here"_s);
    return scan;
}

int TestCacheAtRest::runSync(const QString &root, const QString &login, const QStringList &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"XDG_CONFIG_HOME"_s, root + u"/config"_s);   // settings under the searched folder
    e.insert(u"QT_LOGGING_RULES"_s, u"pd.*.debug=true"_s); // as much logging as there is
    e.remove(u"DISPLAY"_s);
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    QDir().mkpath(root + u"/logs"_s);
    p.setStandardOutputFile(root + u"/logs/"_s + login + u".out"_s);
    p.setStandardErrorFile(root + u"/logs/"_s + login + u".err"_s);
    p.start(QStringLiteral(PD_CONSOLE_BIN),
            {u"sync"_s, u"--server"_s, m_url, u"--user"_s, login, u"--password-file"_s, m_passwordFile,
             u"--data-dir"_s, root + u"/data/"_s + login, u"--remember"_s});
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitCode();
}

void TestCacheAtRest::editOffline(const QString &cachePath, const QString &userId,
                                  std::unique_ptr<Database> &db)
{
    QString error;
    db = Database::open(cachePath, &error);
    QVERIFY2(db, qPrintable(error));
    // Every page written from here on stays in the -wal file while the connection is open.
    QVERIFY(execSql(db->handle(), "PRAGMA wal_autocheckpoint = 0", &error));
    QVERIFY(!db->cipher()); // sealed under the console's key: locked for anyone without it
    // The same key the console used, from the same keychain.
    CacheKeychain keys;
    std::optional<CacheKeySource::Key> key;
    QObject context;
    keys.obtain(userId, CacheCrypto::storeId(*db), &context, [&](const CacheKeySource::Key &k) { key = k; });
    QVERIFY(QTest::qWaitFor([&] { return key.has_value(); }, 20000));
    QVERIFY2(key->kept, qPrintable(key->notice));
    QCOMPARE(CacheCrypto::bind(*db, key->cipher, CacheCrypto::Foreign::Keep), CacheCrypto::Outcome::Ready);

    // The encrypted cache searches: a customer's phone tail, name and the ticket's waybill (on a ticket the
    // agent received in full: the server masks the others, docs/api.md).
    TicketQuery all;
    all.limit = 5000;
    const auto rows = TicketRepository(*db).query(all).rows;
    QVERIFY(rows.size() >= 2);
    const auto full = std::find_if(rows.begin(), rows.end(), [](const TicketRow &r) {
        return kMobile.match(r.ticket.customerPhone).hasMatch() && !r.ticket.customerName.contains(u'*');
    });
    QVERIFY2(full != rows.end(), "no ticket with the customer's data in full");
    const Ticket &t = full->ticket;
    TicketSearch search(*db);
    for (const QString &q : {t.customerPhone.right(4), t.customerName, t.waybillNo, t.customerPhone}) {
        bool found = false;
        for (const SearchHit &h : search.search(q, 5000))
            found = found || h.pk == full->pk;
        QVERIFY2(found, qPrintable(q));
    }

    // What a person leaves behind: a ticket made offline, an edit the server refused (parked with its
    // reason), an event waiting for its ticket, a conflict, and the dashboard's facts next to the cache.
    SystemClock clock;
    LocalEdits edits(*db, clock);
    Ticket draft;
    draft.waybillNo = t.waybillNo;
    draft.customerName = u"上官婉儿"_s;
    draft.customerPhone = u"13344445555"_s;
    draft.description = u"客户来电：请回电 13344445555，送到上官婉儿家"_s;
    draft.teamId = t.teamId;
    QVERIFY2(edits.createTicket(draft, &error), qPrintable(error));
    QVERIFY2(edits.updateTicket(t.id, {{u"customer_phone"_s, u"13366667777"_s}}, &error), qPrintable(error));
    const auto queued = OutboxRepository(*db).forTicket(t.id);
    QVERIFY(!queued.isEmpty());
    QVERIFY(edits.reject(queued.last().seq, u"13366667777 不是客户的号码"_s, &error));
    TicketEvent waiting;
    waiting.id = uuid();
    waiting.ticketId = u"not-yet-here"_s;
    waiting.kind = EventKind::Reply;
    waiting.text = u"令狐冲冲您好，我们已安排补发"_s;
    QVERIFY(OrphanEvents(*db).keep({waiting}, &error));
    const Ticket other = (full == rows.begin() ? rows.last() : rows.first()).ticket;
    QVERIFY2(edits.updateTicket(other.id, {{u"customer_name"_s, u"东方不败"_s}}, &error), qPrintable(error));
    Ticket serverCopy = other;
    serverCopy.customerPhone = u"13388889999"_s;
    serverCopy.version += 5;
    const auto patches = OutboxRepository(*db).liveForTicket(other.id);
    QVERIFY(!patches.isEmpty());
    QVERIFY2(edits.conflict(patches.last().seq, serverCopy, &error), qPrintable(error));
    KpiFactCache facts;
    QVERIFY2(facts.update(*db, 0, &error), qPrintable(error));
    QVERIFY2(facts.save(CacheFiles::factsFile(cachePath), &error), qPrintable(error));
    QVERIFY(QFile::exists(CacheFiles::factsFile(cachePath)));
}

void TestCacheAtRest::everyRoleCachesNothingReadable()
{
    const QString root = m_dir.filePath(u"on"_s);
    for (const QString &role : kRoles)
        QVERIFY2(runSync(root, role) == 0, qPrintable(role));
    qint64 tickets = 0;
    for (const QString &role : kRoles) {
        QString error;
        auto db = Database::open(root + u"/data/"_s + role + u"/cache.sqlite"_s, &error);
        QVERIFY2(db, qPrintable(error));
        const int n = TicketRepository(*db).totalCount();
        qInfo("%s: %d tickets in the cache, key check %s", qPrintable(role), n,
              qPrintable(CacheCrypto::storedCheck(*db).left(8)));
        QVERIFY(CacheCrypto::storedCheck(*db).size() == 32); // sealed under a key, not "plain"
        tickets += n;
    }
    QVERIFY(tickets > 500);
    std::unique_ptr<Database> open;
    editOffline(root + u"/data/agent1/cache.sqlite"_s, u"u-agent1"_s, open);
    if (QTest::currentTestFailed())
        return;

    const NeedleScan scan = needles();
    const auto result = scan.scanFolder(root);
    qInfo("searched %d files (%lld bytes) for %d strings: %d phones, names and addresses of demo "
          "customers and %d typed here (%d names left out: they are also couriers' or staff names)",
          result.files, result.bytes, scan.size(), int(scan.size() - kTyped.size()), int(kTyped.size()),
          int(m_names.size()) - int(std::count_if(m_names.begin(), m_names.end(), [&](const QString &n) {
              return scan.contains(n.toUtf8());
          })));
    qInfo("files searched: %s", qPrintable(result.paths.join(u", "_s)));
    // Every kind of file the console writes is among them: caches, their WAL and shared memory, logs, the
    // dashboard's facts (the headless command writes no settings; the window's hold no customer data).
    for (const QString &kind :
         {u"cache.sqlite"_s, u"cache.sqlite-wal"_s, u"cache.sqlite-shm"_s, u".err"_s, u".kpifacts"_s})
        QVERIFY2(std::any_of(result.paths.begin(), result.paths.end(),
                             [&](const QString &p) { return p.endsWith(kind); }),
                 qPrintable(kind));
    for (auto it = result.hits.cbegin(); it != result.hits.cend(); ++it)
        qWarning("%s %s found %d time(s), first in %s", qPrintable(scan.label(it.key())),
                 it.key().constData(), it.value(), qPrintable(result.where.value(it.key())));
    QCOMPARE(result.hits.size(), 0);
}

void TestCacheAtRest::encryptionOffShowsTheSearchWorks()
{
    // What the supervisor receives in full, from the server itself.
    const Reply login = m_server.request("POST", u"/api/v1/auth/login"_s, {},
                                         {{u"login"_s, u"lead1"_s}, {u"password"_s, u"demo"_s}});
    QCOMPARE(login.status, 200);
    const FeedRead feed = m_server.readFeed(login.json().value(u"access_token"_s).toString().toLatin1());
    QSet<QByteArray> expected;
    const NeedleScan scan = needles();
    for (const QJsonObject &item : feed.items) {
        const QJsonObject data = item.value(u"data"_s).toObject();
        if (item.value(u"type"_s).toString() == u"ticket"_s) {
            for (const char *field : {"customer_phone", "customer_name"}) {
                const QByteArray v = data.value(QLatin1StringView(field)).toString().toUtf8();
                if (scan.contains(v)) // in full, and not also a courier's or a staff name
                    expected.insert(v);
            }
        }
    }
    QVERIFY2(expected.size() > 50, qPrintable(QString::number(expected.size())));

    const QString root = m_dir.filePath(u"off"_s);
    QCOMPARE(runSync(root, u"lead1"_s, {u"PARCELDESK_CACHE_ENCRYPTION=off"_s}), 0);
    QFile err(root + u"/logs/lead1.err"_s);
    QVERIFY(err.open(QIODevice::ReadOnly));
    QVERIFY(err.readAll().contains("PARCELDESK_CACHE_ENCRYPTION=off")); // the person is told
    const auto result = scan.scanFolder(root);
    int found = 0;
    for (const QByteArray &v : std::as_const(expected))
        found += result.hits.contains(v);
    qInfo("encryption off: %d of the %d phones and names the supervisor received found in clear (%d hits)",
          found, int(expected.size()), int(result.hits.size()));
    QCOMPARE(found, int(expected.size()));
}

QTEST_GUILESS_MAIN(TestCacheAtRest)
#include "tst_cache_at_rest.moc"
