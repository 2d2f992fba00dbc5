// A randomized, seeded trial of the change feed and the cache against the real parceldesk-server: several
// users create tickets, write events, change fields, move tickets between teams, delete them and move an
// agent to another team, while consoles sync with page sizes of 1, 7 and 5,000 and are torn down at random
// points of a pull. After every round each console's cache must equal what the server's own routes give its
// user for every ticket: every field, the full timeline, and nothing of tickets it may no longer read.
//
// PD_RANDOM_SEED and PD_RANDOM_ROUNDS reproduce or lengthen a run (CI runs the default, bounded number).
#include "cachetruth.h"
#include "syncharness.h"

#include <QTemporaryDir>

#include <random>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QStringList kTeams{u"team-a"_s, u"team-b"_s};
constexpr int kPageSizes[] = {1, 7, 5000};
} // namespace

class TestSyncRandom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void randomRounds();

private:
    struct Seat
    {
        QString login;
        QString path;
        std::unique_ptr<Console> console;
    };

    bool restart(Seat &seat);
    bool killDuringPull(Seat &seat);
    void operate();
    QString pickTicket();
    QString teamOf(const QString &id);
    QString writerFor(const QString &team);
    Reply patch(const QString &login, const QString &id, const QJsonObject &fields);
    Reply post(const QString &login, const QString &id, const QString &kind, const QString &text);
    [[nodiscard]] QByteArray token(const QString &login) { return m_server.token(login, m_index); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

    ServerFixture m_server;
    QTemporaryDir m_dir;
    std::mt19937 m_rng;
    std::vector<Seat> m_seats;
    QStringList m_ids;  // every ticket ever created
    QStringList m_live; // not deleted
    QString m_agent2Team = u"team-a"_s;
    QHash<QString, int> m_done; // operations by kind
    int m_counter = 0;
    int m_index = 0;
};

void TestSyncRandom::initTestCase()
{
    const quint32 seed = qEnvironmentVariableIsSet("PD_RANDOM_SEED")
                             ? quint32(qEnvironmentVariableIntValue("PD_RANDOM_SEED"))
                             : 20261205u;
    m_rng.seed(seed);
    qInfo("seed %u (PD_RANDOM_SEED=%u reproduces this run)", seed, seed);
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
    for (const QString &login : {u"agent1"_s, u"agent2"_s, u"agent3"_s, u"lead1"_s})
        m_seats.push_back(Seat{login, m_dir.filePath(login + u".sqlite"_s), nullptr});
}

bool TestSyncRandom::restart(Seat &seat)
{
    seat.console.reset();
    seat.console = std::make_unique<Console>(seat.path, m_server.url({}, m_index));
    seat.console->engine.setPageSize(kPageSizes[pick(3)]);
    return seat.console->signIn(seat.login);
}

bool TestSyncRandom::killDuringPull(Seat &seat)
{
    // A pull torn down after a random moment: whatever pages were written stay, with their cursor.
    if (!seat.console && !restart(seat))
        return false;
    seat.console->engine.syncNow();
    QTest::qWait(pick(120));
    ++m_done[u"console killed during a pull"_s];
    return restart(seat);
}

QString TestSyncRandom::pickTicket()
{
    return m_live.isEmpty() ? QString() : m_live.at(pick(int(m_live.size())));
}

QString TestSyncRandom::teamOf(const QString &id)
{
    const Reply r = m_server.request("GET", u"/api/v1/tickets/"_s + id, token(u"lead1"_s), {}, {}, m_index);
    return r.json().value(u"team_id"_s).toString();
}

QString TestSyncRandom::writerFor(const QString &team)
{
    QStringList writers{u"lead1"_s};
    if (team == u"team-a"_s)
        writers.append(u"agent1"_s);
    else
        writers.append(u"agent3"_s);
    if (m_agent2Team == team)
        writers.append(u"agent2"_s);
    return writers.at(pick(int(writers.size())));
}

Reply TestSyncRandom::patch(const QString &login, const QString &id, const QJsonObject &fields)
{
    const Reply current = m_server.request("GET", u"/api/v1/tickets/"_s + id, token(login), {}, {}, m_index);
    const QByteArray version = QByteArray::number(current.json().value(u"version"_s).toInteger());
    return m_server.request("PATCH", u"/api/v1/tickets/"_s + id, token(login), fields,
                            {{"If-Match", version}}, m_index);
}

Reply TestSyncRandom::post(const QString &login, const QString &id, const QString &kind, const QString &text)
{
    const QString key = uuid();
    return m_server.request("POST", u"/api/v1/tickets/"_s + id + u"/events"_s, token(login),
                            {{u"id"_s, key}, {u"kind"_s, kind}, {u"text"_s, text}},
                            {{"Idempotency-Key", key.toLatin1()}}, m_index);
}

void TestSyncRandom::operate()
{
    const int dice = pick(100);
    const QString id = pickTicket();
    if (dice < 25 || id.isEmpty()) {
        const QString team = kTeams.at(pick(2));
        const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, token(writerFor(team)),
                                         ticketBody(team, ++m_counter),
                                         {{"Idempotency-Key", uuid().toLatin1()}}, m_index);
        QCOMPARE(r.status, 201);
        m_ids.append(r.json().value(u"id"_s).toString());
        m_live.append(m_ids.last());
        ++m_done[u"create"_s];
    } else if (dice < 55) {
        const QString kind = pick(2) ? u"note"_s : u"reply"_s;
        const Reply r = post(writerFor(teamOf(id)), id, kind, u"第%1条记录：已联系客户"_s.arg(++m_counter));
        QVERIFY2(r.status == 201 || r.errorCode() == u"ticket_closed"_s, r.body.constData());
        ++m_done[kind];
    } else if (dice < 70) {
        static const QStringList priorities{u"p1"_s, u"p2"_s, u"p3"_s, u"p4"_s};
        const QJsonObject fields = pick(2)
                                       ? QJsonObject{{u"priority"_s, priorities.at(pick(4))}}
                                       : QJsonObject{{u"description"_s, u"补充说明 %1"_s.arg(++m_counter)}};
        const Reply r = patch(u"lead1"_s, id, fields);
        QVERIFY2(r.status == 200 || r.errorCode() == u"ticket_closed"_s, r.body.constData());
        ++m_done[u"field change"_s];
    } else if (dice < 82) {
        const QString to = teamOf(id) == u"team-a"_s ? u"team-b"_s : u"team-a"_s;
        const Reply r = patch(u"lead1"_s, id, {{u"team_id"_s, to}, {u"assignee_id"_s, QString()}});
        QVERIFY2(r.status == 200 || r.errorCode() == u"ticket_closed"_s, r.body.constData());
        ++m_done[u"team move"_s];
    } else if (dice < 88) {
        const Reply current =
            m_server.request("GET", u"/api/v1/tickets/"_s + id, token(u"lead1"_s), {}, {}, m_index);
        const QByteArray version = QByteArray::number(current.json().value(u"version"_s).toInteger());
        const Reply r = m_server.request("DELETE", u"/api/v1/tickets/"_s + id, token(u"lead1"_s), {},
                                         {{"If-Match", version}}, m_index);
        QVERIFY2(r.status == 200 || r.status == 204, r.body.constData());
        m_live.removeAll(id);
        ++m_done[u"delete"_s];
    } else if (dice < 93) {
        const Reply r =
            patch(u"lead1"_s, id, {{u"status"_s, u"resolved"_s}, {u"resolution"_s, u"explained"_s}});
        QVERIFY2(r.status == 200 || r.status == 409, r.body.constData());
        ++m_done[u"resolve"_s];
    } else if (dice < 96) {
        // An agent moves to the other team: the feed starts again for the new scope.
        m_agent2Team = m_agent2Team == u"team-a"_s ? u"team-b"_s : u"team-a"_s;
        const QString agent2 =
            m_server.request("GET", u"/api/v1/auth/me"_s, token(u"agent2"_s), {}, {}, m_index)
                .json()
                .value(u"id"_s)
                .toString();
        const Reply r = m_server.request("PATCH", u"/api/v1/users/"_s + agent2, token(u"admin"_s),
                                         {{u"team_id"_s, m_agent2Team}}, {}, m_index);
        QCOMPARE(r.status, 200);
        m_server.forgetTokens();
        ++m_done[u"agent moved to another team"_s];
    } else {
        Seat &seat = m_seats[std::size_t(pick(int(m_seats.size())))];
        QVERIFY(killDuringPull(seat));
    }
}

void TestSyncRandom::randomRounds()
{
    const int rounds =
        qEnvironmentVariableIsSet("PD_RANDOM_ROUNDS") ? qEnvironmentVariableIntValue("PD_RANDOM_ROUNDS") : 6;
    constexpr int kOperations = 30;
    qint64 ticketsChecked = 0, eventsChecked = 0, hiddenChecked = 0;
    for (int round = 1; round <= rounds; ++round) {
        for (int i = 0; i < kOperations; ++i) {
            operate();
            if (QTest::currentTestFailed())
                return;
            // Consoles also pull while the others work (a pull may land between any two operations).
            if (pick(4) == 0) {
                Seat &seat = m_seats[std::size_t(pick(int(m_seats.size())))];
                if (seat.console || restart(seat))
                    seat.console->sync();
            }
        }
        for (Seat &seat : m_seats) {
            if (pick(3) == 0 || !seat.console)
                QVERIFY2(restart(seat), qPrintable(seat.login));
            QVERIFY2(seat.console->sync(120000), qPrintable(seat.login));
            QString error;
            auto db = Database::open(seat.path, &error);
            QVERIFY2(db, qPrintable(error));
            const TruthReport report = compareWithServer(m_server, m_index, token(seat.login), *db, m_ids);
            QVERIFY2(report.differences.isEmpty(),
                     qPrintable(u"round %1, %2: %3 difference(s)\n%4"_s.arg(round)
                                    .arg(seat.login)
                                    .arg(report.differences.size())
                                    .arg(report.summary())));
            ticketsChecked += report.tickets;
            eventsChecked += report.events;
            hiddenChecked += report.hidden;
        }
    }
    QStringList ops;
    int total = 0;
    for (auto it = m_done.constBegin(); it != m_done.constEnd(); ++it) {
        ops.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
        total += it.value();
    }
    ops.sort();
    qInfo(
        "%d rounds, %d operations (%s); checked %lld ticket copies, %lld events, %lld hidden tickets over %d "
        "consoles",
        rounds, total, qPrintable(ops.join(u", "_s)), ticketsChecked, eventsChecked, hiddenChecked,
        int(m_seats.size()));
}

QTEST_GUILESS_MAIN(TestSyncRandom)
#include "tst_sync_random.moc"
