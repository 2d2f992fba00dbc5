// Tray notifications: an agent hears when one of their tickets enters its warning window and when it
// breaches; a supervisor hears of the team's breaches only; other people's tickets stay quiet. Real cache,
// injected clock.
#include "../../common/fixtures.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "ui/common/slanotifier.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

namespace {
constexpr qint64 kMin = 60000;
} // namespace

class TestSlaNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentHearsWarningAndBreachOfOwnTickets();
    void supervisorHearsTheTeamsBreachesOnly();

private:
    std::unique_ptr<Database> fill(QTemporaryDir &dir, qint64 created);
};

std::unique_ptr<Database> TestSlaNotifier::fill(QTemporaryDir &dir, qint64 created)
{
    QString error;
    auto db = Database::open(dir.filePath(u"cache.sqlite"_s), &error);
    Ticket mine = makeTicket(1); // team-a, agent1, unanswered: first response due 30 min after creation
    mine.assigneeId = u"u-agent1"_s;
    mine.firstResponseAt.reset();
    mine.createdAt = created;
    Ticket other = makeTicket(2); // team-b, agent2, due 5 minutes later
    other.assigneeId = u"u-agent2"_s;
    other.teamId = u"team-b"_s;
    other.firstResponseAt.reset();
    other.createdAt = created + 5 * kMin;
    if (!TicketRepository(*db).upsert({mine, other}, &error))
        qWarning() << error;
    return db;
}

void TestSlaNotifier::agentHearsWarningAndBreachOfOwnTickets()
{
    QTemporaryDir dir;
    const qint64 created = 1795000000000LL;
    auto db = fill(dir, created);
    ManualClock clock(created + kMin);
    SlaNotifier notifier(*db, &clock);
    QSignalSpy heard(&notifier, &SlaNotifier::notified);
    User agent;
    agent.id = u"u-agent1"_s;
    agent.teamId = u"team-a"_s;
    agent.role = Role::Agent;
    notifier.setCurrentUser(agent);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.watchedCount(), 1, 10000); // own ticket only, loaded after start
    QVERIFY(heard.isEmpty());

    clock.setNow(created + 21 * kMin); // inside the last 10 minutes
    QTRY_COMPARE(heard.size(), 1);
    QCOMPARE(heard.at(0).at(0).toString(), u"First response due soon"_s);
    QCOMPARE(heard.at(0).at(2).toString(), makeTicket(1).id);
    QVERIFY(heard.at(0).at(1).toString().contains(makeTicket(1).number));

    clock.setNow(created + 31 * kMin);
    QTRY_COMPARE(heard.size(), 2);
    QCOMPARE(heard.at(1).at(0).toString(), u"First response overdue"_s);
    clock.setNow(created + 60 * kMin);
    QTest::qWait(200);
    QCOMPARE(heard.size(), 2); // once per ticket and clock; the other agent's ticket never
}

void TestSlaNotifier::supervisorHearsTheTeamsBreachesOnly()
{
    QTemporaryDir dir;
    const qint64 created = 1795000000000LL;
    auto db = fill(dir, created);
    ManualClock clock(created + kMin);
    SlaNotifier notifier(*db, &clock);
    QSignalSpy heard(&notifier, &SlaNotifier::notified);
    User lead;
    lead.id = u"u-lead1"_s;
    lead.teamId = u"team-b"_s;
    lead.role = Role::Supervisor;
    notifier.setCurrentUser(lead);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.watchedCount(), 1, 10000);
    clock.setNow(created + 5 * kMin + 25 * kMin); // team-b's ticket at risk: supervisors are not told
    QTest::qWait(200);
    QVERIFY(heard.isEmpty());
    clock.setNow(created + 5 * kMin + 31 * kMin);
    QTRY_COMPARE(heard.size(), 1);
    QCOMPARE(heard.at(0).at(2).toString(), makeTicket(2).id);
}

QTEST_MAIN(TestSlaNotifier)
#include "tst_slanotifier.moc"
