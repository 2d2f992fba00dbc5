// The workbench's item models over a real SQLite cache: the paged ticket model (with Qt's model tester),
// the query worker, the queue definitions and the SLA countdown badges.
#include "../../common/fixtures.h"
#include "models/domain/clock.h"
#include "models/itemmodels/queues.h"
#include "models/itemmodels/slacountdown.h"
#include "models/itemmodels/ticketqueryworker.h"
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

namespace {
constexpr qint64 kMin = 60000;
const QTimeZone kShanghai("Asia/Shanghai");
} // namespace

class TestTicketModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pagesFromBothEndsAndTheMiddle();
    void refreshKeepsRowsAndFollowsTheCount();
    void countdownBadges();
    void queuesAndTheirCounts();
    void resolvedTodayStartsAtShanghaiMidnight();

private:
    void fill(int n);
    void connectModel(TicketTableModel &model);
    void waitLoaded(TicketTableModel &model, int row);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TicketQueryWorker> m_worker;
    QList<Ticket> m_tickets;
};

void TestTicketModel::init()
{
    TicketQueryWorker::registerTypes();
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = Database::open(m_dir->filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_worker = std::make_unique<TicketQueryWorker>(m_db->path());
}

void TestTicketModel::cleanup()
{
    m_worker.reset();
    m_db.reset();
    m_tickets.clear();
}

void TestTicketModel::fill(int n)
{
    for (int i = 0; i < n; ++i) {
        Ticket t = makeTicket(i);
        t.firstResponseAt.reset(); // every ticket on its first-response clock: due 30 min after creation
        t.status = TicketStatus::New;
        m_tickets.append(t);
    }
    QString error;
    QVERIFY2(TicketRepository(*m_db).upsert(m_tickets, &error), qPrintable(error));
}

void TestTicketModel::connectModel(TicketTableModel &model)
{
    // Queued both ways, as across threads in the application.
    connect(&model, &TicketTableModel::countRequested, m_worker.get(), &TicketQueryWorker::count,
            Qt::QueuedConnection);
    connect(&model, &TicketTableModel::pageRequested, m_worker.get(), &TicketQueryWorker::fetchPage,
            Qt::QueuedConnection);
    connect(m_worker.get(), &TicketQueryWorker::counted, &model, &TicketTableModel::countArrived,
            Qt::QueuedConnection);
    connect(m_worker.get(), &TicketQueryWorker::pageFetched, &model, &TicketTableModel::pageArrived,
            Qt::QueuedConnection);
}

void TestTicketModel::waitLoaded(TicketTableModel &model, int row)
{
    (void)model.index(row, TicketTableModel::Number).data(); // asks for the page
    QTRY_VERIFY(model.index(row, 0).data(TicketTableModel::LoadedRole).toBool());
}

void TestTicketModel::pagesFromBothEndsAndTheMiddle()
{
    fill(2000); // ten pages
    ManualClock clock(1795000000000LL);
    TicketTableModel model(clock, kShanghai);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connectModel(model);
    QSignalSpy loaded(&model, &TicketTableModel::loaded);
    model.setQuery(TicketQuery{});
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().first().toInt(), 2000);
    QCOMPARE(model.rowCount(), 2000);
    QCOMPARE(model.loadedPageCount(), 1);
    // Urgency order: earliest deadline first, so the oldest ticket leads.
    QCOMPARE(model.index(0, TicketTableModel::Number).data().toString(), m_tickets[0].number);
    QVERIFY(!model.index(1999, 0).data(TicketTableModel::LoadedRole).toBool());
    QCOMPARE(model.index(1999, TicketTableModel::Number).data().toString(), u"…"_s);

    waitLoaded(model, 1999); // the end: the reversed order's first page
    QCOMPARE(model.index(1999, TicketTableModel::Number).data().toString(), m_tickets[1999].number);
    QCOMPARE(model.index(1800, TicketTableModel::Number).data().toString(), m_tickets[1800].number);
    waitLoaded(model, 1000); // the middle: an offset from the nearer end
    QCOMPARE(model.index(1000, TicketTableModel::Number).data().toString(), m_tickets[1000].number);
    waitLoaded(model, 1250); // next to a loaded page: a keyset continuation
    QCOMPARE(model.index(1250, TicketTableModel::Number).data().toString(), m_tickets[1250].number);
    waitLoaded(model, 799); // before a loaded page: a reversed keyset
    QCOMPARE(model.index(799, TicketTableModel::Number).data().toString(), m_tickets[799].number);
    for (int row = 0; row < 2000; row += 97)
        waitLoaded(model, row);
    for (int row = 0; row < 2000; row += 97)
        QCOMPARE(model.index(row, 0).data(TicketTableModel::TicketIdRole).toString(), m_tickets[row].id);
    QVERIFY(model.loadedPageCount() <= TicketTableModel::kMaxPages);
}

void TestTicketModel::refreshKeepsRowsAndFollowsTheCount()
{
    fill(450);
    ManualClock clock(1795000000000LL);
    TicketTableModel model(clock, kShanghai);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connectModel(model);
    QSignalSpy loaded(&model, &TicketTableModel::loaded);
    TicketQuery open;
    open.statuses = {TicketStatus::New};
    model.setQuery(open);
    QVERIFY(loaded.wait());
    waitLoaded(model, 449);

    // Resolve three tickets elsewhere (the sync engine): the queue shrinks, the rows stay in order.
    QList<Ticket> changed;
    for (int i : {0, 1, 2}) {
        Ticket t = m_tickets[i];
        t.status = TicketStatus::Resolved;
        t.resolvedAt = t.createdAt + 10 * kMin;
        t.resolution = Resolution::Explained;
        t.version = 2;
        changed.append(t);
    }
    QVERIFY(TicketRepository(*m_db).upsert(changed));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 447);
    QCOMPARE(removed.size(), 1);
    QTRY_COMPARE(model.index(0, TicketTableModel::Number).data().toString(), m_tickets[3].number);
    QTRY_COMPARE(model.index(446, TicketTableModel::Number).data().toString(), m_tickets[449].number);
    QCOMPARE(model.rowOf(m_tickets[3].id), 0);
    QCOMPARE(model.rowOf(m_tickets[0].id), -1);
}

void TestTicketModel::countdownBadges()
{
    const qint64 created = 1795000000000LL;
    TicketRow row;
    row.ticket = makeTicket(1);
    row.ticket.createdAt = created;
    row.slaDue = created + 30 * kMin;
    row.slaWarnAt = created + 20 * kMin;
    const SlaCountdown countdown;
    SlaBadge b = countdown.badge(row, created + 5 * kMin);
    QCOMPARE(b.state, SlaState::OnTrack);
    QCOMPARE(b.text, u"On track 25:00"_s);
    b = countdown.badge(row, created + 21 * kMin + 30000);
    QCOMPARE(b.state, SlaState::AtRisk);
    QCOMPARE(b.text, u"At risk 08:30"_s);
    b = countdown.badge(row, created + 33 * kMin + 5000);
    QCOMPARE(b.state, SlaState::Breached);
    QCOMPARE(b.text, u"Breached +03:05"_s); // overdue time after the breach
    row.slaDue = created + 24 * 60 * kMin;
    row.slaWarnAt = created + 22 * 60 * kMin;
    QCOMPARE(countdown.badge(row, created + kMin).text, u"On track 23:59:00"_s);

    row.slaDue.reset();
    row.ticket.status = TicketStatus::Pending;
    QCOMPARE(countdown.badge(row, created).state, SlaState::Paused);
    row.ticket.status = TicketStatus::Resolved;
    row.ticket.firstResponseAt = created + 5 * kMin;
    row.ticket.resolvedAt = created + 3 * 60 * kMin;
    QCOMPARE(countdown.badge(row, created + 5 * 60 * kMin).state, SlaState::Met);
    row.ticket.resolvedAt = created + 30 * 60 * kMin; // 6 h after the 24 h target
    b = countdown.badge(row, created + 40 * 60 * kMin);
    QCOMPARE(b.state, SlaState::Breached);
    QCOMPARE(b.text, u"Breached +6:00:00"_s);
    QCOMPARE(SlaCountdown::clockText(-(35 * 24 + 8) * 60 * kMin - 5000), u"35 d 8 h"_s);

    // The model shows the same badge, and the time moves with the injected clock only.
    fill(1);
    ManualClock clock(m_tickets[0].createdAt + 25 * kMin);
    TicketTableModel model(clock, kShanghai);
    connectModel(model);
    QSignalSpy loaded(&model, &TicketTableModel::loaded);
    model.setQuery(TicketQuery{});
    QVERIFY(loaded.wait());
    QCOMPARE(model.index(0, TicketTableModel::Sla).data().toString(), u"At risk 05:00"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advance(6 * kMin);
    model.tick(0, 0);
    QCOMPARE(changed.size(), 2); // the SLA and age cells of the visible row, nothing else
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(TicketTableModel::Sla));
    QCOMPARE(model.index(0, TicketTableModel::Sla).data().toString(), u"Breached +01:00"_s);
    QCOMPARE(SlaState(model.index(0, 0).data(TicketTableModel::SlaStateRole).toInt()), SlaState::Breached);
}

void TestTicketModel::queuesAndTheirCounts()
{
    fill(300); // created a minute apart; team-a odd, team-b even; assignee agent1/agent2/none by n % 3
    // Six regulator appeals across both teams; the last one already resolved, so five are open.
    QList<Ticket> appeals;
    for (int i = 7; i < 300; i += 50) {
        Ticket t = m_tickets[i];
        t.source = TicketSource::RegulatorAppeal;
        t.appeal = Appeal{};
        t.appeal->number = u"SG%1"_s.arg(i);
        t.appeal->office = u"上海市邮政管理局"_s;
        t.appeal->forwardedAt = t.createdAt;
        t.version += 1;
        if (i == 257) {
            t.status = TicketStatus::Resolved;
            t.resolution = Resolution::Explained;
            t.resolvedAt = t.createdAt + kMin;
        }
        appeals.append(t);
        m_tickets[i] = t;
    }
    QString error;
    QVERIFY2(TicketRepository(*m_db).upsert(appeals, &error), qPrintable(error));
    User agent;
    agent.id = u"u-agent1"_s;
    agent.teamId = u"team-a"_s;
    agent.role = Role::Agent;
    const qint64 now = m_tickets[100].createdAt + 25 * kMin; // tickets 0..95 breached, 96..105 at risk
    QList<TicketQuery> queries;
    for (Queue q : Queues::all())
        queries.append(Queues::query(q, agent, now, kShanghai));
    QSignalSpy counted(m_worker.get(), &TicketQueryWorker::queuesCounted);
    m_worker->countQueues(7, queries);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().at(0).toInt(), 7);
    QCOMPARE(queries.size(), Queues::kCount);
    const QList<int> counts = counted.first().at(1).value<QList<int>>();
    int mine = 0, unassignedA = 0;
    for (const Ticket &t : std::as_const(m_tickets)) {
        mine += t.assigneeId == agent.id && isOpen(t.status);
        unassignedA += t.assigneeId.isEmpty() && t.teamId == agent.teamId;
    }
    QCOMPARE(counts[int(Queue::Mine)], mine);
    QCOMPARE(counts[int(Queue::Unassigned)], unassignedA);
    QCOMPARE(counts[int(Queue::Breached)], 96); // due at or before now: created ≤ 30 min before
    QCOMPARE(counts[int(Queue::AtRisk)], 10);   // inside the last 10 minutes
    QCOMPARE(counts[int(Queue::Pending)], 0);
    QCOMPARE(counts[int(Queue::All)], 300);
    QCOMPARE(counts[int(Queue::Appeals)], 5); // open appeals of both teams, the resolved one left out

    // Filters narrow a queue; a status the queue cannot hold gives nothing.
    QueueFilter filter;
    filter.status = TicketStatus::Resolved;
    TicketRepository repo(*m_db);
    QCOMPARE(repo.count(Queues::query(Queue::Mine, agent, now, kShanghai, filter)), 0);
    filter = {};
    filter.category = Category::Delay;
    QCOMPARE(repo.count(Queues::query(Queue::All, agent, now, kShanghai, filter)), 300);
    filter.category = Category::Damage;
    QCOMPARE(repo.count(Queues::query(Queue::All, agent, now, kShanghai, filter)), 0);
}

void TestTicketModel::resolvedTodayStartsAtShanghaiMidnight()
{
    // 2026-11-30 00:30 in Shanghai is 2026-11-29 16:30 UTC: "today" began at 16:00 UTC the day before.
    const qint64 now = QDateTime(QDate(2026, 11, 30), QTime(0, 30), kShanghai).toMSecsSinceEpoch();
    QCOMPARE(Queues::startOfDay(now, kShanghai),
             QDateTime(QDate(2026, 11, 29), QTime(16, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QList<Ticket> tickets;
    for (int i = 0; i < 3; ++i) {
        Ticket t = makeTicket(i);
        t.status = TicketStatus::Resolved;
        t.resolution = Resolution::Explained;
        tickets.append(t);
    }
    tickets[0].resolvedAt = now - 20 * kMin;      // 00:10 Shanghai: today
    tickets[1].resolvedAt = now - 40 * kMin;      // 23:50 Shanghai yesterday (but 15:50 UTC "today" in UTC)
    tickets[2].resolvedAt = now - 20 * 60 * kMin; // yesterday in both zones
    for (Ticket &t : tickets)
        t.createdAt = *t.resolvedAt - 60 * kMin;
    QVERIFY(TicketRepository(*m_db).upsert(tickets));
    User lead;
    lead.id = u"u-lead"_s;
    lead.role = Role::Supervisor;
    QCOMPARE(TicketRepository(*m_db).count(Queues::query(Queue::ResolvedToday, lead, now, kShanghai)), 1);
    QCOMPARE(TicketRepository(*m_db).count(Queues::query(Queue::ResolvedToday, lead, now, QTimeZone::utc())),
             2);
}

QTEST_GUILESS_MAIN(TestTicketModel)
#include "tst_ticketmodel.moc"
