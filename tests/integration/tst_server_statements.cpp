// The server's statements on a real SQLite file (server/storage/database.h): multi-row writes and IN lists go
// through statements prepared once per connection, whatever the batch's size, and the write-ahead log is
// copied back into the database file by a thread of its own (WalCheckpointer), not by the writer.
#include "server/storage/database.h"
#include "server/storage/walcheckpointer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::server;

namespace {
QString insertRows(qsizetype n)
{
    return u"INSERT INTO t(k, v) VALUES "_s + QStringList(n, u"(?, ?)"_s).join(u", "_s) + u" RETURNING k"_s;
}

QVariantList rowsFrom(int first, int count)
{
    QVariantList binds;
    for (int k = first; k < first + count; ++k)
        binds << k << u"value %1"_s.arg(k);
    return binds;
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q = db.run(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

class TestServerStatements final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsInPowersOfTwoPreparedOnce();
    void inListsPaddedPreparedOnce();
    void inListRunAgainWhileRead();
    void checkpointsOffTheWriter();
    void writerCheckpointsWithoutTheThread();

private:
    [[nodiscard]] QString path() const { return m_dir->filePath(u"server.db"_s); }
    void fill(int rows);
    /// 12,000 rows of 1,000 characters (about 16 MB of pages), in 12 transactions.
    void writeBlobs();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestServerStatements::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = Database::open(u"sqlite:"_s + path());
    m_db->run(u"CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"_s);
}

void TestServerStatements::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestServerStatements::fill(int rows)
{
    WriteTx tx(*m_db);
    m_db->runRows(&insertRows, 2, rowsFrom(1, rows), 128);
    tx.commit();
}

void TestServerStatements::writeBlobs()
{
    const QString blob(1000, u'x');
    for (int batch = 0; batch < 12; ++batch) {
        WriteTx tx(*m_db);
        QVariantList binds;
        for (int i = 0; i < 1000; ++i)
            binds << (batch * 1000 + i + 1) << blob;
        m_db->runRows(&insertRows, 2, binds, 128);
        tx.commit();
    }
}

void TestServerStatements::rowsInPowersOfTwoPreparedOnce()
{
    // 300 rows = 128 + 128 + 32 + 8 + 4: four statements of their own, in the rows' order.
    QList<qint64> returned;
    qsizetype before = 0;
    {
        WriteTx tx(*m_db);
        before = m_db->cachedCount(); // after the transaction's own statements
        m_db->runRows(&insertRows, 2, rowsFrom(1, 300), 128,
                      [&](const QSqlQuery &q) { returned << q.value(0).toLongLong(); });
        tx.commit();
    }
    QCOMPARE(returned.size(), 300);
    QCOMPARE(returned.first(), 1);
    QCOMPARE(returned.last(), 300);
    QVERIFY(std::is_sorted(returned.cbegin(), returned.cend()));
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM t"_s), 300);
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM t WHERE v = 'value ' || k"_s), 300);
    QCOMPARE(m_db->cachedCount() - before, 4);

    // Another batch of other sizes reuses them (1,000 = 7 × 128 + 64 + 32 + 8: one new size, 64).
    {
        WriteTx tx(*m_db);
        m_db->runRows(&insertRows, 2, rowsFrom(301, 1000), 128);
        tx.commit();
    }
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM t"_s), 1300);
    QCOMPARE(m_db->cachedCount() - before, 5);
}

void TestServerStatements::inListsPaddedPreparedOnce()
{
    fill(2000);
    const QString sql = u"SELECT k FROM t WHERE k IN (%IN%)"_s;
    const auto select = [&](const QStringList &values) {
        QList<qint64> rows;
        m_db->runIn(sql, {}, values, [&](const QSqlQuery &q) { rows << q.value(0).toLongLong(); });
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    // 3 values run as 4 (the last repeated): each row still comes once.
    const qsizetype before = m_db->cachedCount();
    QCOMPARE(select({u"5"_s, u"7"_s, u"9"_s}), (QList<qint64>{5, 7, 9}));
    QCOMPARE(m_db->cachedCount() - before, 1);
    QCOMPARE(select({u"6"_s, u"8"_s, u"10"_s}), (QList<qint64>{6, 8, 10}));
    QCOMPARE(select({u"11"_s, u"12"_s, u"13"_s, u"14"_s}), (QList<qint64>{11, 12, 13, 14}));
    QCOMPARE(m_db->cachedCount() - before, 1);

    // 600 values (one unknown) = 512 + 88 padded to 128.
    QStringList many;
    for (int k = 1; k <= 599; ++k)
        many << QString::number(k * 3);
    many << u"999999"_s;
    const QList<qint64> rows = select(many);
    QCOMPARE(rows.size(), 599); // 3 … 1,797 are stored, 999,999 is not
    QCOMPARE(rows.first(), 3);
    QCOMPARE(rows.last(), 1797);
    QCOMPARE(m_db->cachedCount() - before, 3);
}

void TestServerStatements::inListRunAgainWhileRead()
{
    fill(10);
    const QString sql = u"SELECT k FROM t WHERE k IN (%IN%)"_s;
    QList<qint64> outer, inner;
    m_db->runIn(sql, {}, {u"1"_s, u"2"_s}, [&](const QSqlQuery &q) {
        outer << q.value(0).toLongLong();
        // The same statement while the outer one is still being read: a statement of its own.
        m_db->runIn(sql, {}, {u"3"_s, u"4"_s}, [&](const QSqlQuery &r) { inner << r.value(0).toLongLong(); });
    });
    QCOMPARE(outer, (QList<qint64>{1, 2}));
    QCOMPARE(inner, (QList<qint64>{3, 4, 3, 4}));
}

void TestServerStatements::checkpointsOffTheWriter()
{
    // About 12 MB of rows, in transactions of about 1 MB: the log would reach 3,000 pages, under the writer's
    // own checkpoint (kFallbackPages), so only the thread copies them into the database file.
    m_db->checkpointInBackground();
    QCOMPARE(scalar(*m_db, u"PRAGMA wal_autocheckpoint"_s), WalCheckpointer::kFallbackPages);
    const qint64 fileBefore = QFileInfo(path()).size();
    writeBlobs();
    QElapsedTimer waited;
    waited.start();
    while (QFileInfo(path()).size() < 12'000'000 && waited.elapsed() < 10000)
        QTest::qWait(50);
    QVERIFY2(
        QFileInfo(path()).size() >= 12'000'000,
        qPrintable(u"database file %1 bytes (before: %2)"_s.arg(QFileInfo(path()).size()).arg(fileBefore)));
    QCOMPARE(scalar(*m_db, u"SELECT COUNT(*) FROM t"_s), 12000);
}

void TestServerStatements::writerCheckpointsWithoutTheThread()
{
    // The command line tools: no thread, SQLite's own checkpoint at 1,000 pages. The same rows reach the
    // file.
    writeBlobs();
    QVERIFY(QFileInfo(path()).size() >= 8'000'000);
}

QTEST_GUILESS_MAIN(TestServerStatements)
#include "tst_server_statements.moc"
