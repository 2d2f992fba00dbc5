// The small reads the console's forms make on the GUI thread (docs/architecture.md, "Threads"): the teams of
// the dashboard's filter and the customer name the new-ticket dialog offers from an earlier ticket on a
// waybill.
#include "../../common/fixtures.h"
#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/waybillhistoryrepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestFormLookups : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void teamsByNameThenId();
    void earlierCustomerName_data();
    void earlierCustomerName();
    void onlyTheTwentyNewestTickets();
    void lockedCacheOffersNoName();

private:
    /// Tickets on one waybill: team-a's 李娜 (oldest), team-a's without a name, team-b's 王芳 (newest).
    void putWaybillHistory();
    [[nodiscard]] static User reader(Role role, const QString &team)
    {
        return User{
            QStringLiteral("u-1"), QStringLiteral("reader"), QStringLiteral("读者"), role, team, false, 1};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

namespace {
const QString kWaybill = QStringLiteral("SF1400000000017");
}

void TestFormLookups::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = Database::open(m_dir->filePath(QStringLiteral("cache.sqlite")), &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestFormLookups::teamsByNameThenId()
{
    QString error;
    QVERIFY2(DirectoryRepository(*m_db).upsertTeams({Team{QStringLiteral("team-c"), QStringLiteral("B"), 1},
                                                     Team{QStringLiteral("team-b"), QStringLiteral("A"), 1},
                                                     Team{QStringLiteral("team-a"), QStringLiteral("B"), 1},
                                                     Team{QStringLiteral("team-z"), QString(), 1}},
                                                    &error),
             qPrintable(error));
    QStringList ids;
    for (const Team &t : DirectoryRepository(*m_db).teams())
        ids << t.id;
    // A team without a name first (the dashboard shows its id), then by name, equal names by id.
    QCOMPARE(ids, (QStringList{u"team-z"_s, u"team-b"_s, u"team-a"_s, u"team-c"_s}));
}

void TestFormLookups::putWaybillHistory()
{
    Ticket oldest = makeTicket(1);
    oldest.waybillNo = kWaybill;
    oldest.teamId = QStringLiteral("team-a");
    oldest.customerName = QStringLiteral("李娜");
    Ticket nameless = makeTicket(2);
    nameless.waybillNo = kWaybill;
    nameless.teamId = QStringLiteral("team-a");
    nameless.customerName.clear();
    Ticket newest = makeTicket(3);
    newest.waybillNo = kWaybill;
    newest.teamId = QStringLiteral("team-b");
    newest.customerName = QStringLiteral("王芳");
    Ticket elsewhere = makeTicket(4); // another waybill, newer still
    elsewhere.customerName = QStringLiteral("张伟");
    QString error;
    QVERIFY2(TicketRepository(*m_db).upsert({oldest, nameless, newest, elsewhere}, &error),
             qPrintable(error));
}

void TestFormLookups::earlierCustomerName_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("team");
    QTest::addColumn<QString>("waybill");
    QTest::addColumn<QString>("name");
    const auto row = [](const char *tag, Role role, const char *team, const QString &waybill,
                        const char *name) {
        QTest::newRow(tag) << int(role) << QString::fromUtf8(team) << waybill << QString::fromUtf8(name);
    };
    row("agent of the newest ticket's team", Role::Agent, "team-b", kWaybill, "王芳");
    // team-b's newer ticket is not theirs to read; their own newer one has no name.
    row("agent of another team skips it and a nameless one", Role::Agent, "team-a", kWaybill, "李娜");
    row("agent of a team with no ticket on it", Role::Agent, "team-c", kWaybill, "");
    row("supervisor reads every team", Role::Supervisor, "team-a", kWaybill, "王芳");
    row("manager", Role::Manager, "", kWaybill, "王芳");
    row("unknown waybill", Role::Manager, "", QStringLiteral("SF9999999999999"), "");
    row("waybill text is bound, never SQL", Role::Manager, "", QStringLiteral("' OR 1=1 --"), "");
}

void TestFormLookups::earlierCustomerName()
{
    QFETCH(int, role);
    QFETCH(QString, team);
    QFETCH(QString, waybill);
    QFETCH(QString, name);
    putWaybillHistory();
    QCOMPARE(WaybillHistoryRepository(*m_db).earlierCustomerName(waybill, reader(Role(role), team)), name);
}

void TestFormLookups::onlyTheTwentyNewestTickets()
{
    QList<Ticket> tickets;
    Ticket named = makeTicket(1);
    named.waybillNo = kWaybill;
    named.customerName = QStringLiteral("李娜");
    tickets << named;
    for (int n = 2; n <= 21; ++n) { // twenty newer tickets without a name
        Ticket t = makeTicket(n);
        t.waybillNo = kWaybill;
        t.customerName.clear();
        tickets << t;
    }
    QString error;
    QVERIFY2(TicketRepository(*m_db).upsert(tickets, &error), qPrintable(error));
    const User manager = reader(Role::Manager, {});
    QCOMPARE(WaybillHistoryRepository(*m_db).earlierCustomerName(kWaybill, manager), QString());
    QVERIFY(TicketRepository(*m_db).remove({makeTicket(21).id}, &error));
    QCOMPARE(WaybillHistoryRepository(*m_db).earlierCustomerName(kWaybill, manager), u"李娜"_s);
}

void TestFormLookups::lockedCacheOffersNoName()
{
    putWaybillHistory();
    const User manager = reader(Role::Manager, {});
    QCOMPARE(WaybillHistoryRepository(*m_db).earlierCustomerName(kWaybill, manager), u"王芳"_s);
    m_db->keySlot().set(nullptr); // the key left with its owner: names cannot be read
    QCOMPARE(WaybillHistoryRepository(*m_db).earlierCustomerName(kWaybill, manager), QString());
}

QTEST_GUILESS_MAIN(TestFormLookups)
#include "tst_formlookups.moc"
