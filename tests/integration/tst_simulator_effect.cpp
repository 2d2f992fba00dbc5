// The demo simulator's customers of parcels with a proactive exception (docs/server.md, "Demo"), a parameter
// of the simulation: with a fixed seed, those who were sent a notice before they decide complain with
// complaintChance × (1 − noticeEffect), the others (never told, or told too late) with complaintChance; which
// customers complain depends on the seed and the waybill only, so the counts are known exactly. The server's
// effect figures (GET /proactive/effect) then show the parameter. And --demo-notice-effect is checked.
#include "serverfixture.h"

#include "server/api/ticketservice.h"
#include "server/live/livebus.h"
#include "server/live/positionservice.h"
#include "server/proactive/proactiveeffect.h"
#include "server/proactive/proactivestore.h"
#include "server/simulator/democity.h"
#include "server/simulator/simulator.h"
#include "server/storage/database.h"
#include "server/storage/documentstore.h"
#include "server/storage/ticketstore.h"

#include "models/domain/clock.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::server;
using namespace pd::test;

namespace {
constexpr quint32 kSeed = 2611;
constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr int kPerGroup = 100;
constexpr double kChance = 0.5;
const qint64 kDetected = QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch();

enum Group
{
    Told,     ///< a notice sent 10 minutes after the detection: before the customer decides
    Untold,   ///< no notice
    ToldLate, ///< a notice sent 10 hours after the detection: after every customer decided
    Stale,    ///< no notice, and a cause 3 days before the detection: old news, nobody calls
};

QString waybill(Group g, int i)
{
    return u"SF77%1%2"_s.arg(int(g)).arg(i, 9, 10, QLatin1Char(u'0'));
}

/// A server database with the teams, and kPerGroup parcels of each group with a stalled-parcel case.
struct Demo
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db = Database::open(u"sqlite:"_s + dir.filePath(u"sim.db"_s));
    DocumentStore docs{*db};
    TicketStore ticketStore{docs};
    ManualClock clock{kDetected + kMinute};
    TicketService tickets{ticketStore, clock};
    LiveBus bus{*db};
    PositionService positions{docs, bus, clock};
    ProactiveStore store{*db};

    Demo()
    {
        WriteTx tx(*db);
        for (const Team &t : {Team{u"team-a"_s, u"投诉一组"_s, 1}, Team{u"team-b"_s, u"投诉二组"_s, 1}}) {
            Doc d{DocType::Team,
                  t.id,
                  0,
                  1,
                  false,
                  {},
                  {},
                  {},
                  kDetected,
                  QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact)};
            docs.put(tx, d);
        }
        for (const Group g : {Told, Untold, ToldLate, Stale}) {
            for (int i = 0; i < kPerGroup; ++i) {
                ProactiveCaseRow c;
                c.waybillNo = waybill(g, i);
                c.id = u"pc-"_s + c.waybillNo;
                c.kind = u"stalled"_s;
                c.causeMs = kDetected - (g == Stale ? 72 : 1) * kHour;
                c.detectedMs = kDetected + i * 1000;
                c.stationId = u"st-04"_s;
                c.data = "{}";
                c.updatedMs = c.detectedMs;
                store.addCase(tx, c);
                if (g == Untold || g == Stale)
                    continue;
                NoticeRow n;
                n.id = u"nt-"_s + c.waybillNo;
                n.waybillNo = c.waybillNo;
                n.cause = c.waybillNo + u":stalled"_s;
                n.caseId = c.id;
                n.language = u"zh_CN"_s;
                n.text = u"您的包裹因网点人手不足延误"_s;
                n.createdMs = c.detectedMs;
                store.enqueue(tx, n);
                n.state = u"sent"_s;
                n.attempts = 1;
                n.sentMs = c.detectedMs + (g == Told ? 10 * kMinute : 10 * kHour);
                store.updateNotice(tx, n);
            }
        }
        tx.commit();
    }

    /// Runs the simulator from a minute after the detections to 8 hours after, in steps of 5 minutes.
    void simulate(double noticeEffect)
    {
        Simulator sim(docs, tickets, positions, clock, kSeed);
        ExceptionCustomers customers;
        customers.complaintChance = kChance;
        customers.noticeEffect = noticeEffect;
        sim.setExceptionCustomers(customers);
        sim.start(); // no parcels under way and no couriers here: only the customers of the exceptions act
        while (clock.nowMs() < kDetected + 8 * kHour) {
            clock.advance(5 * kMinute);
            sim.tick();
        }
    }

    /// The waybills with a complaint, and when each was made after its detection.
    QHash<QString, qint64> complaints()
    {
        QHash<QString, qint64> out;
        for (const Doc &d : docs.all(DocType::Ticket)) {
            const auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
            if (!t)
                continue;
            const int i = t->waybillNo.right(9).toInt(); // detected at kDetected + i s
            if (out.contains(t->waybillNo))
                out[t->waybillNo] = -1; // twice: never expected
            else
                out.insert(t->waybillNo, t->createdAt - (kDetected + i * 1000));
        }
        return out;
    }
};

/// The waybills of @p g whose customer complains at @p chance.
QSet<QString> expected(Group g, double chance)
{
    QSet<QString> out;
    for (int i = 0; i < kPerGroup; ++i)
        if (Simulator::customerDraw(kSeed, waybill(g, i)) < chance)
            out.insert(waybill(g, i));
    return out;
}
} // namespace

class TestSimulatorEffect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsDependOnSeedAndWaybillOnly();
    void noticedCustomersComplainLess_data();
    void noticedCustomersComplainLess();
    void optionIsChecked();
};

void TestSimulatorEffect::drawsDependOnSeedAndWaybillOnly()
{
    QCOMPARE(Simulator::customerDraw(kSeed, waybill(Told, 1)),
             Simulator::customerDraw(kSeed, waybill(Told, 1)));
    QVERIFY(Simulator::customerDraw(kSeed, waybill(Told, 1)) !=
            Simulator::customerDraw(kSeed + 1, waybill(Told, 1)));
    // Uniform enough that the groups below hold about half complainers each.
    for (const Group g : {Told, Untold, ToldLate}) {
        const qsizetype n = expected(g, kChance).size();
        QVERIFY2(n > 35 && n < 65, qPrintable(QString::number(n)));
    }
}

void TestSimulatorEffect::noticedCustomersComplainLess_data()
{
    QTest::addColumn<double>("effect");
    QTest::newRow("a notice prevents every complaint") << 1.0;
    QTest::newRow("a notice changes nothing") << 0.0;
    QTest::newRow("the default: 40 % fewer") << ExceptionCustomers::kDefaultNoticeEffect;
}

void TestSimulatorEffect::noticedCustomersComplainLess()
{
    QFETCH(double, effect);
    Demo demo;
    QVERIFY(demo.db);
    demo.simulate(effect);
    const QHash<QString, qint64> made = demo.complaints();

    // Exactly the customers whose draw is below their chance complained, once each, when they decided (none
    // of the stale exceptions: their customers do not react).
    const QSet<QString> told = expected(Told, kChance * (1.0 - effect));
    const QSet<QString> untold = expected(Untold, kChance);
    const QSet<QString> late = expected(ToldLate, kChance);
    QCOMPARE(QSet<QString>(made.keyBegin(), made.keyEnd()), told + untold + late);
    for (auto it = made.cbegin(); it != made.cend(); ++it) {
        QVERIFY2(it.value() >= 30 * kMinute && it.value() <= 6 * kHour + 5 * kMinute, qPrintable(it.key()));
    }
    if (effect == 1.0)
        QCOMPARE(told.size(), 0);
    if (effect == 0.0)
        QCOMPARE(told, expected(Told, kChance)); // the base rate, as if never told
    QVERIFY(untold.size() > 0);
    QVERIFY(!expected(Stale, kChance).isEmpty()); // they would have, had their exception been news
    qInfo("notice effect %.1f: %lld of %d told first complained, %lld of %d untold, %lld of %d told late, 0 "
          "of %d "
          "stale",
          effect, qlonglong(told.size()), kPerGroup, qlonglong(untold.size()), kPerGroup,
          qlonglong(late.size()), kPerGroup, kPerGroup);

    // The server's effect figures of those detections (what the dashboard and the weekly report show).
    const QJsonObject f = ProactiveEffect(*demo.db).figures(kDetected, kDetected + kHour);
    QCOMPARE(f.value(u"parcels_with_exception"_s).toInt(), 4 * kPerGroup);
    const QJsonObject first = f.value(u"notified_first"_s).toObject();
    const QJsonObject others = f.value(u"not_notified_first"_s).toObject();
    // Told late: told first only those who did not complain before the notice.
    QCOMPARE(first.value(u"parcels"_s).toInt(), kPerGroup + kPerGroup - int(late.size()));
    QCOMPARE(first.value(u"complained"_s).toInt(), int(told.size()));
    QCOMPARE(others.value(u"parcels"_s).toInt(), kPerGroup + int(late.size()) + kPerGroup);
    QCOMPARE(others.value(u"complained"_s).toInt(), int(untold.size() + late.size()));
}

void TestSimulatorEffect::optionIsChecked()
{
    QTemporaryDir dir;
    const QString db = u"sqlite:"_s + dir.filePath(u"refused.db"_s);
    for (const QString &bad : {u"1.5"_s, u"-0.1"_s, u"forty"_s, u"nan"_s}) {
        QByteArray out;
        const int code = ServerFixture::runCli(
            {u"--demo"_s, u"--demo-notice-effect"_s, bad, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s}, {},
            &out);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("--demo-notice-effect needs a number from 0 to 1"), out.constData());
        QVERIFY2(out.contains(bad.toUtf8()), out.constData());
    }
    QByteArray help;
    QCOMPARE(ServerFixture::runCli({u"--help"_s}, {}, &help), 0);
    QVERIFY2(help.contains("--demo-notice-effect <F>"), help.constData());
    QVERIFY(help.contains("not a measurement"));
}

QTEST_MAIN(TestSimulatorEffect)
#include "tst_simulator_effect.moc"
