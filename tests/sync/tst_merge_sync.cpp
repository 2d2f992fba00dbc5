// Issue 22: a merge made on the real server reaches a console (docs/api.md, "Merge"): the moved replies and
// files under the target, the merged ticket closed and pointing there, its number in the search box leading
// to the target, the customer history counting the complaint once, and the dashboard's KPIs — read directly
// and through the incremental fact cache — counting one complaint where there were two.
#include "models/domain/entities.h"
#include "models/kpi/kpifactcache.h"
#include "models/kpi/kpiqueries.h"
#include "models/store/attachmentrepository.h"
#include "models/store/customerhistoryrepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"
#include "sync/serverclock.h"
#include "syncharness.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestMergeSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(m_index); }
    void mergeReachesTheConsoleAndCountsOnce();

private:
    QString addReply(const QString &ticketId, const QString &text);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    int m_index = -1;
};

void TestMergeSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
}

QString TestMergeSync::addReply(const QString &ticketId, const QString &text)
{
    const QString id = uuid();
    const Reply r = m_server.request("POST", u"/api/v1/tickets/%1/events"_s.arg(ticketId),
                                     m_server.token(u"agent1"_s, m_index),
                                     {{u"id"_s, id}, {u"kind"_s, u"reply"_s}, {u"text"_s, text}},
                                     {{"Idempotency-Key", id.toLatin1()}}, m_index);
    return r.status == 201 || r.status == 200 ? id : QString();
}

void TestMergeSync::mergeReachesTheConsoleAndCountsOnce()
{
    const QJsonObject body = pd::test::ticketBody(u"team-a"_s, 7);
    const QString target = m_server.createTicket(u"agent1"_s, body, m_index);
    const QString source = m_server.createTicket(u"agent1"_s, body, m_index);
    QVERIFY(!target.isEmpty() && !source.isEmpty());
    const QString reply = addReply(source, u"已联系网点加急派送"_s);
    QVERIFY(!reply.isEmpty());
    const QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + QByteArray(2000, 'y') + "\n%%EOF\n";
    const QString file = m_server.uploadAttachment(u"agent1"_s, source, u"外箱.pdf"_s, pdf, {}, m_index);
    QVERIFY(!file.isEmpty());

    const QString cache = m_dir.filePath(u"agent1.sqlite"_s);
    Console console(cache, m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QString error;
    auto db = Database::open(cache, &error);
    QVERIFY2(db, qPrintable(error));
    TicketRepository tickets(*db);
    const auto sourceRow = tickets.byId(source);
    const auto targetRow = tickets.byId(target);
    QVERIFY(sourceRow && targetRow);
    QCOMPARE(sourceRow->ticket.duplicateOf, target); // the server flagged it on arrival
    QCOMPARE(sourceRow->ticket.duplicateOfNumber, targetRow->ticket.number);

    const qint64 now = console.engine.clock()->nowMs();
    const KpiFilter period{now - 24LL * 3600 * 1000, now + 3600 * 1000, {}, {}};
    KpiQueries kpis(*db, QTimeZone("Asia/Shanghai"));
    KpiFactCache facts;
    QCOMPARE(kpis.summary(period, now).created, 2);
    QCOMPARE(kpis.dashboard(period, now, facts).current.created, 2);
    User reader;
    reader.id = u"agent1"_s;
    reader.role = Role::Agent;
    reader.teamId = u"team-a"_s;
    QCOMPARE(CustomerHistoryRepository(*db).forTicket(targetRow->ticket, reader, now).last30Days, 2);

    const Reply merged =
        m_server.request("POST", u"/api/v1/tickets/%1/merge"_s.arg(source),
                         m_server.token(u"lead1"_s, m_index), {{u"into"_s, target}}, {}, m_index);
    QVERIFY2(merged.status == 200, merged.body.constData());
    QVERIFY(console.sync());

    const auto after = tickets.byId(source);
    QVERIFY(after);
    QVERIFY(after->ticket.isMerged());
    QCOMPARE(after->ticket.mergedInto, target);
    QCOMPARE(after->ticket.mergedIntoNumber, targetRow->ticket.number);
    QCOMPARE(after->ticket.status, TicketStatus::Closed);
    const auto hasEvent = [&](const QString &ticketId, const QString &eventId) {
        const QList<TicketEvent> events = tickets.events(ticketId);
        return std::any_of(events.cbegin(), events.cend(),
                           [&](const TicketEvent &e) { return e.id == eventId; });
    };
    QVERIFY(hasEvent(target, reply));
    QVERIFY(!hasEvent(source, reply));
    const auto files = AttachmentRepository(*db).forTicket(target);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().attachment.id, file);
    QVERIFY(AttachmentRepository(*db).forTicket(source).isEmpty());

    // The KPIs count one complaint, read directly and through the fact cache's change log.
    QCOMPARE(kpis.summary(period, now).created, 1);
    QCOMPARE(kpis.dashboard(period, now, facts).current.created, 1);
    QVERIFY(!facts.lastUpdate().fullRead);
    QCOMPARE(CustomerHistoryRepository(*db).forTicket(targetRow->ticket, reader, now).last30Days, 1);

    // The merged ticket's number leads to the target.
    const QList<SearchHit> hits = TicketSearch(*db).search(after->ticket.number);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().pk, targetRow->pk);
    QCOMPARE(hits.first().field, SearchHit::Field::Number);
}

QTEST_GUILESS_MAIN(TestMergeSync)
#include "tst_merge_sync.moc"
