// A customer's tickets in the cache (models/store/customerhistoryrepository.h): the same phone or the same
// waybill, counts of the last 30 and 90 days, the last satisfaction score, the key-account flag, only what
// the reader may read; and the open tickets a new complaint may repeat (docs/ticketpane.md, "Customer
// history").
#include "../../common/fixtures.h"
#include "models/store/cachekeys.h"
#include "models/store/customerhistoryrepository.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

namespace {
constexpr Instant kDay = 24LL * 60 * 60 * 1000;
constexpr Instant kNow = 1795000000000LL + 200 * kDay;
const QString kPhone = u"13912345678"_s;
const QString kWaybill = u"SF1400000000017"_s;

User reader(Role role, const QString &team)
{
    return User{u"u-1"_s, u"reader"_s, u"读者"_s, role, team, false, 1};
}
} // namespace

class TestCustomerHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void phoneAndWaybillFoundCounted();
    void otherTeamsHiddenFromAgents();
    void lockedCacheFindsByWaybillOnly();
    void openTicketsOfARepeat();
    void chaseUpsCountedOnTheTicket();

private:
    /// Six tickets: 1 (the one opened: phone, 5 days old), 2 (phone, 20 days, csat 2), 3 (waybill, 60 days,
    /// team-b, csat 4), 4 (phone, 100 days, key account), 5 (phone and waybill, 1 day, resolved), 6 (another
    /// customer).
    void putTickets();
    Ticket m_opened;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestCustomerHistory::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = Database::open(m_dir->filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    putTickets();
}

void TestCustomerHistory::putTickets()
{
    const auto make = [](int n, Instant age, const QString &phone, const QString &waybill, const char *team) {
        Ticket t = makeTicket(n);
        t.customerPhone = phone;
        t.waybillNo = waybill;
        t.teamId = QString::fromLatin1(team);
        t.createdAt = kNow - age;
        t.updatedAt = t.createdAt;
        return t;
    };
    QList<Ticket> tickets{make(1, 5 * kDay, kPhone, u"SF1400000000999"_s, "team-a"),
                          make(2, 20 * kDay, u"139 1234 5678"_s, u"SF1400000000100"_s, "team-a"),
                          make(3, 60 * kDay, u"13700000000"_s, kWaybill, "team-b"),
                          make(4, 100 * kDay, kPhone, u"SF1400000000200"_s, "team-a"),
                          make(5, 1 * kDay, kPhone, kWaybill, "team-a"),
                          make(6, 2 * kDay, u"13600000000"_s, u"SF1400000000300"_s, "team-a")};
    tickets[0].waybillNo = kWaybill;
    tickets[1].csat = 2;
    tickets[2].csat = 4;
    tickets[3].keyAccount = true;
    tickets[4].status = TicketStatus::Resolved;
    tickets[4].resolvedAt = tickets[4].createdAt + kDay / 2;
    m_opened = tickets[0];
    QString error;
    QVERIFY2(TicketRepository(*m_db).upsert(tickets, &error), qPrintable(error));
}

void TestCustomerHistory::phoneAndWaybillFoundCounted()
{
    const CustomerHistory h =
        CustomerHistoryRepository(*m_db).forTicket(m_opened, reader(Role::Supervisor, u"team-a"_s), kNow);
    QStringList ids;
    for (const CustomerTicket &t : h.tickets)
        ids << t.id;
    QCOMPARE(ids, (QStringList{u"t-0000005"_s, u"t-0000002"_s, u"t-0000003"_s, u"t-0000004"_s}));
    QCOMPARE(h.total, 4);
    QCOMPARE(h.last30Days, 3);                   // 1, 2, 5
    QCOMPARE(h.last90Days, 4);                   // and 3
    QCOMPARE(h.lastCsat, std::optional<int>(2)); // ticket 2 (20 days) is newer than 3 (60 days)
    QVERIFY(h.keyAccount);                       // ticket 4
    QVERIFY(h.tickets[0].samePhone && h.tickets[0].sameWaybill);
    QVERIFY(h.tickets[1].samePhone && !h.tickets[1].sameWaybill); // "139 1234 5678" normalised
    QVERIFY(!h.tickets[2].samePhone && h.tickets[2].sameWaybill);
    QCOMPARE(h.tickets[0].status, TicketStatus::Resolved);

    const CustomerHistory two =
        CustomerHistoryRepository(*m_db).forTicket(m_opened, reader(Role::Supervisor, u"team-a"_s), kNow, 2);
    QCOMPARE(two.tickets.size(), 2);
    QCOMPARE(two.total, 4);
}

void TestCustomerHistory::otherTeamsHiddenFromAgents()
{
    const CustomerHistory h =
        CustomerHistoryRepository(*m_db).forTicket(m_opened, reader(Role::Agent, u"team-a"_s), kNow);
    QCOMPARE(h.total, 3); // team-b's ticket 3 is not the agent's to read
    QCOMPARE(h.lastCsat, std::optional<int>(2));
    for (const CustomerTicket &t : h.tickets)
        QVERIFY(t.id != u"t-0000003"_s);
}

void TestCustomerHistory::lockedCacheFindsByWaybillOnly()
{
    m_db->keySlot().set(nullptr); // the key left with its owner: phones cannot be tokenised
    const CustomerHistory h =
        CustomerHistoryRepository(*m_db).forTicket(m_opened, reader(Role::Manager, {}), kNow);
    QStringList ids;
    for (const CustomerTicket &t : h.tickets)
        ids << t.id;
    QCOMPARE(ids, (QStringList{u"t-0000005"_s, u"t-0000003"_s}));
}

void TestCustomerHistory::openTicketsOfARepeat()
{
    const CustomerHistoryRepository repo(*m_db);
    const User lead = reader(Role::Supervisor, u"team-a"_s);
    // The waybill: ticket 5 is resolved, 3 and 1 are open.
    QList<CustomerTicket> open = repo.openTickets(kWaybill, {}, lead);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open[0].id, u"t-0000001"_s);
    QCOMPARE(open[1].id, u"t-0000003"_s);
    // The phone, typed as a customer says it: 1, 2 and 4 are open.
    open = repo.openTickets({}, u"139-1234-5678"_s, lead, 2);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open[0].id, u"t-0000001"_s);
    QCOMPARE(open[1].id, u"t-0000002"_s);
    QVERIFY(repo.openTickets(u"SF1499999999999"_s, u"13000000000"_s, lead).isEmpty());
    QVERIFY(repo.openTickets({}, {}, lead).isEmpty());
    QVERIFY(repo.openTickets(u"' OR 1=1 --"_s, u"\" OR phone"_s, lead).isEmpty());
}

void TestCustomerHistory::chaseUpsCountedOnTheTicket()
{
    const auto call = [](int n, const QString &outcome) {
        TicketEvent e;
        e.id = u"ev-%1"_s.arg(n);
        e.ticketId = u"t-0000001"_s;
        e.kind = EventKind::Call;
        e.at = kNow - n * 60000;
        e.data = QJsonObject{{u"direction"_s, u"inbound"_s}, {u"outcome"_s, outcome}};
        e.version = 1;
        return e;
    };
    TicketEvent note = call(4, kChaseUpOutcome);
    note.kind = EventKind::Note; // a note that happens to carry the code is no call
    note.text = u"催单"_s;
    QString error;
    TicketRepository repo(*m_db);
    QCOMPARE(repo.byId(u"t-0000001"_s)->chaseUps, 0);
    QVERIFY2(repo.upsertEvents(
                 {call(1, kChaseUpOutcome), call(2, u"reached"_s), call(3, kChaseUpOutcome), note}, &error),
             qPrintable(error));
    QCOMPARE(repo.byId(u"t-0000001"_s)->chaseUps, 2);
    QCOMPARE(repo.byId(u"t-0000002"_s)->chaseUps, 0);
    // The queue's page reads the same count.
    TicketQuery all;
    all.order = TicketQuery::Order::CreatedDesc;
    const TicketPage page = repo.query(all);
    const auto it = std::find_if(page.rows.cbegin(), page.rows.cend(),
                                 [](const TicketRow &r) { return r.ticket.id == u"t-0000001"_s; });
    QVERIFY(it != page.rows.cend());
    QCOMPARE(it->chaseUps, 2);
}

QTEST_GUILESS_MAIN(TestCustomerHistory)
#include "tst_customerhistory.moc"
