// Bulk writes and key look-ups (server/storage/bulkrows.h, Database::insertRows, Database::runIn) on a real
// SQLite file and, under scripts/test-postgres.sh, on a real PostgreSQL 15: the same rows on both, with text
// that array literals must escape, numbers at full precision, a conflict key twice in one batch, and the
// scans table telling which scans were new. On PostgreSQL, a batch is one statement whatever its size, and
// every statement is planned with its values (a generic plan made while a table was small read whole tables).
#include "server/proactive/proactivestore.h"
#include "server/storage/database.h"
#include "server/storage/documentstore.h"
#include "server/storage/scanstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::server;

namespace {
const BulkRows kUpsert{u"INSERT INTO t(k, v, x)"_s,
                       {u"text"_s, u"text"_s, u"float8"_s},
                       {},
                       u" ON CONFLICT(k) DO UPDATE SET v = excluded.v, x = excluded.x RETURNING k"_s,
                       1};

/// Text an array literal or a SQL literal must escape, and text that must not be mistaken for NULL.
const QStringList kAwkward{
    u"plain"_s, u"quote \" inside"_s, u"back\\slash"_s, u"comma, {brace}"_s, u"it's"_s,      u"NULL"_s,
    u""_s,      u"  spaced  "_s,      u"包裹延迟"_s,    u"tab\there"_s,      u"new\nline"_s, u"$1 ? %IN%"_s};
} // namespace

class TestServerBulk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAsWritten_data();
    void rowsAsWritten();
    void repeatedKeyLastWins_data();
    void repeatedKeyLastWins();
    void lookUpAwkwardKeys_data();
    void lookUpAwkwardKeys();
    void scansTellWhichWereNew_data();
    void scansTellWhichWereNew();
    void proactiveWritesInBulk_data();
    void proactiveWritesInBulk();
    void postgresPlansWithValues();

private:
    void backends();
    /// Opens the backend of the current data row; false (with QSKIP) when PostgreSQL is not there.
    bool open();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestServerBulk::backends()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgres") << true;
}

bool TestServerBulk::open()
{
    QFETCH(bool, postgres);
    if (postgres) {
        const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
        if (url.isEmpty()) {
            const QByteArray why = "no PostgreSQL: " + qgetenv("PD_TEST_POSTGRES_SKIP") +
                                   " (run under scripts/test-postgres.sh)";
            QTest::qSkip(why.constData(), __FILE__, __LINE__);
            return false;
        }
        m_db = Database::open(url);
        // A cluster shared by the data rows: start from empty tables.
        m_db->run(u"DROP TABLE IF EXISTS t"_s);
        m_db->run(u"DELETE FROM scans"_s);
        m_db->run(u"DELETE FROM docs WHERE type = 'tracking_event'"_s);
        m_db->run(u"DELETE FROM proactive_cases"_s);
        m_db->run(u"DELETE FROM incident_parcels"_s);
    } else {
        m_db = Database::open(u"sqlite:"_s + m_dir->filePath(u"server.db"_s));
    }
    m_db->run(u"CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL, x DOUBLE PRECISION NOT NULL)"_s);
    return true;
}

void TestServerBulk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestServerBulk::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestServerBulk::rowsAsWritten_data()
{
    backends();
}

void TestServerBulk::rowsAsWritten()
{
    if (!open())
        return;
    // 300 rows: on SQLite statements of 128, 128, 32, 8 and 4 rows; on PostgreSQL one.
    QVariantList binds;
    for (int i = 0; i < 300; ++i)
        binds << u"k%1"_s.arg(i, 3, 10, QChar(u'0'))
              << QString(kAwkward.at(i % kAwkward.size()) + QString::number(i))
              << (i == 7 ? 0.1 + 0.2 : 1e-300 * i);
    qsizetype before = 0;
    QStringList returned;
    {
        WriteTx tx(*m_db);
        before = m_db->cachedCount(); // after the transaction's own statements
        m_db->insertRows(kUpsert, binds, 128, [&](const BulkRow &r) { returned << r.text(0); });
        tx.commit();
    }
    QCOMPARE(returned.size(), 300);
    QFETCH(bool, postgres);
    QCOMPARE(m_db->cachedCount() - before, postgres ? 1 : 4); // 128 twice is one statement
    QSqlQuery q = m_db->run(u"SELECT k, v, x FROM t ORDER BY k"_s);
    int i = 0;
    while (q.next()) {
        QCOMPARE(q.value(0).toString(), u"k%1"_s.arg(i, 3, 10, QChar(u'0')));
        QCOMPARE(q.value(1).toString(), QString(kAwkward.at(i % kAwkward.size()) + QString::number(i)));
        QCOMPARE(q.value(2).toDouble(), i == 7 ? 0.1 + 0.2 : 1e-300 * i); // every bit of the double
        ++i;
    }
    QCOMPARE(i, 300);
}

void TestServerBulk::repeatedKeyLastWins_data()
{
    backends();
}

void TestServerBulk::repeatedKeyLastWins()
{
    if (!open())
        return;
    // PostgreSQL refuses to change a row twice in one statement: the second "a" starts a new one, and the
    // rows land as if written one by one.
    const QVariantList binds{u"a"_s, u"first"_s, 1.0, u"b"_s, u"only"_s,  2.0, u"a"_s, u"second"_s, 3.0,
                             u"c"_s, u"only"_s,  4.0, u"a"_s, u"third"_s, 5.0};
    {
        WriteTx tx(*m_db);
        m_db->insertRows(kUpsert, binds, 128);
        tx.commit();
    }
    QSqlQuery q = m_db->run(u"SELECT k, v, x FROM t ORDER BY k"_s);
    QStringList rows;
    while (q.next())
        rows << QString(q.value(0).toString() + u'=' + q.value(1).toString() + u'/' + q.value(2).toString());
    QCOMPARE(rows, (QStringList{u"a=third/5"_s, u"b=only/2"_s, u"c=only/4"_s}));
}

void TestServerBulk::lookUpAwkwardKeys_data()
{
    backends();
}

void TestServerBulk::lookUpAwkwardKeys()
{
    if (!open())
        return;
    QVariantList binds;
    for (const QString &k : kAwkward)
        binds << k << u"v"_s << 1.0;
    {
        WriteTx tx(*m_db);
        m_db->insertRows(kUpsert, binds, 128);
        tx.commit();
    }
    // Every key found by itself, the lot at once, and keys that only look like the stored ones found nothing.
    for (const QString &k : kAwkward) {
        QStringList found;
        m_db->runIn(u"SELECT k FROM t WHERE k IN (%IN%)"_s, {}, {k},
                    [&](const QSqlQuery &q) { found << q.value(0).toString(); });
        QCOMPARE(found, QStringList{k});
    }
    QStringList found;
    m_db->runIn(u"SELECT k FROM t WHERE v = ? AND k IN (%IN%)"_s, {u"v"_s},
                kAwkward + QStringList{u"quote \\\" inside"_s, u"it''s"_s, u"{plain}"_s, u"\"plain\""_s},
                [&](const QSqlQuery &q) { found << q.value(0).toString(); });
    found.sort();
    QStringList expected = kAwkward;
    expected.sort();
    QCOMPARE(found, expected);
}

void TestServerBulk::scansTellWhichWereNew_data()
{
    backends();
}

void TestServerBulk::scansTellWhichWereNew()
{
    if (!open())
        return;
    ScanStore scans(*m_db);
    const auto scan = [](const QString &id) {
        return Doc{u"tracking_event"_s,
                   id,
                   0,
                   1,
                   false,
                   {},
                   u"SF1234567890"_s,
                   {},
                   1000,
                   R"({"id":")" + id.toUtf8() + R"(","note":"quote \" and \\ back"})"};
    };
    QSet<QString> first, second;
    {
        WriteTx tx(*m_db);
        first = scans.insertNew({scan(u"s1"_s), scan(u"s2"_s), scan(u"s3"_s)});
        tx.commit();
    }
    {
        WriteTx tx(*m_db);
        second = scans.insertNew({scan(u"s2"_s), scan(u"s4"_s), scan(u"s3"_s), scan(u"s5"_s)});
        tx.commit();
    }
    QCOMPARE(first, (QSet<QString>{u"s1"_s, u"s2"_s, u"s3"_s}));
    QCOMPARE(second, (QSet<QString>{u"s4"_s, u"s5"_s}));
    const QList<Doc> stored = scans.byWaybill(u"SF1234567890"_s);
    QCOMPARE(stored.size(), 5);
    QCOMPARE(stored.first().data, scan(u"s1"_s).data);
}

void TestServerBulk::proactiveWritesInBulk_data()
{
    backends();
}

// A batch's proactive cases, an incident's parcels and the linking of earlier cases are a few statements each
// (ProactiveStore): new rows counted through RETURNING, stored and repeated ids kept once, and only the cases
// of the incident's kinds and window linked.
void TestServerBulk::proactiveWritesInBulk()
{
    if (!open())
        return;
    ProactiveStore store(*m_db);
    const auto row = [](int n, const QString &kind, qint64 causeMs) {
        ProactiveCaseRow r;
        r.id = u"pc-%1"_s.arg(n);
        r.waybillNo = u"SF%1"_s.arg(n % 5);
        r.kind = kind;
        r.causeMs = causeMs;
        r.detectedMs = causeMs + 1;
        r.stationId = kAwkward.at(n % kAwkward.size());
        r.data = QByteArrayLiteral("{\"evidence\":\"it's \\\"late\\\"\"}");
        r.updatedMs = causeMs + 1;
        return r;
    };
    {
        WriteTx tx(*m_db);
        QCOMPARE(store.addCases(tx, {row(0, u"stalled"_s, 1000), row(1, u"stalled"_s, 2000)}), 2);
        tx.commit();
    }
    QList<ProactiveCaseRow> rows;
    for (int n = 1; n <= 300; ++n)
        rows << row(n, n % 3 ? u"stalled"_s : u"late"_s, 1000 * n);
    rows << row(7, u"stalled"_s, 7000); // twice in the batch
    {
        WriteTx tx(*m_db);
        QCOMPARE(store.addCases(tx, rows), 299); // pc-1 was stored, pc-7 counts once
        QCOMPARE(store.addIncidentParcels(tx, u"inc-1"_s, {u"SF1"_s, u"SF2"_s, u"SF2"_s}, 5), 2);
        QCOMPARE(store.addIncidentParcels(tx, u"inc-1"_s, {u"SF2"_s, u"SF3"_s}, 6), 1);
        // SF1 and SF2, stalled, caused in [1 s, 100 s): pc-1, 2, 7, 11, 16 … (n % 5 in {1, 2}, n % 3 != 0).
        store.linkCases(tx, u"inc-1"_s, {u"SF1"_s, u"SF2"_s}, {u"stalled"_s}, 1000, 100000);
        tx.commit();
    }
    QCOMPARE(store.incidentParcels(u"inc-1"_s), (QStringList{u"SF1"_s, u"SF2"_s, u"SF3"_s}));
    int expected = 0;
    for (int n = 1; n < 100; ++n)
        expected += (n % 5 == 1 || n % 5 == 2) && n % 3 != 0;
    QCOMPARE(store.cases(QString(), u"inc-1"_s, 1000).size(), expected);
    const auto stored = store.caseById(u"pc-11"_s);
    QVERIFY(stored);
    QCOMPARE(stored->stationId, kAwkward.at(11 % kAwkward.size()));
    QCOMPARE(stored->data, QByteArrayLiteral("{\"evidence\":\"it's \\\"late\\\"\"}"));
    QCOMPARE(stored->incidentId, u"inc-1"_s);
    QCOMPARE(store.caseById(u"pc-3"_s)->incidentId, QString()); // late, not stalled
}

void TestServerBulk::postgresPlansWithValues()
{
    const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
    if (url.isEmpty())
        QSKIP(QByteArray("no PostgreSQL: " + qgetenv("PD_TEST_POSTGRES_SKIP")).constData());
    m_db = Database::open(url);
    QSqlQuery q = m_db->run(u"SHOW plan_cache_mode"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"force_custom_plan"_s);
    // Without JIT: at millions of rows the estimates pass jit_above_cost for reads of a few thousand rows.
    QSqlQuery jit = m_db->run(u"SHOW jit"_s);
    QVERIFY(jit.next());
    QCOMPARE(jit.value(0).toString(), u"off"_s);
}

QTEST_GUILESS_MAIN(TestServerBulk)
#include "tst_server_bulk.moc"
