#include "models/domain/clock.h"
#include "models/domain/entities.h"
#include "models/domain/ticketrules.h"

#include <QSignalSpy>
#include <QTest>

using namespace pd;

class TestDomain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void codesRoundTrip();
    void codesAreStable();
    void unknownCodeRefused();
    void ticketJsonRoundTrip();
    void ticketJsonErrors_data();
    void ticketJsonErrors();
    void parcelJsonRoundTrip();
    void isoInstants();
    void courierPositionJson();
    void manualClock();
    void stateMachine_data();
    void stateMachine();
    void rightsAndDefaults();
};

template<typename E>
static void checkRoundTrip()
{
    const QStringList codes = allCodes<E>();
    QVERIFY(!codes.isEmpty());
    for (const QString &code : codes) {
        const auto v = fromCode<E>(code);
        QVERIFY2(v.has_value(), qPrintable(code));
        QCOMPARE(toCode(*v), code);
        QVERIFY(!displayName(*v).isEmpty());
    }
}

void TestDomain::codesRoundTrip()
{
    checkRoundTrip<Role>();
    checkRoundTrip<Channel>();
    checkRoundTrip<Category>();
    checkRoundTrip<Priority>();
    checkRoundTrip<TicketStatus>();
    checkRoundTrip<Resolution>();
    checkRoundTrip<EventKind>();
    checkRoundTrip<CallDirection>();
    checkRoundTrip<ParcelStatus>();
}

void TestDomain::codesAreStable()
{
    // These strings are the wire format and the stored values: changing one breaks every installed cache.
    QCOMPARE(allCodes<Channel>(), QStringList({u"phone"_qs, u"online_chat"_qs, u"email"_qs, u"app"_qs,
                                               u"social"_qs, u"other"_qs}));
    QCOMPARE(allCodes<Category>(), QStringList({u"delay"_qs, u"damage"_qs, u"loss"_qs, u"wrong_item"_qs,
                                                u"service"_qs, u"other"_qs}));
    QCOMPARE(allCodes<TicketStatus>(), QStringList({u"new"_qs, u"open"_qs, u"pending"_qs, u"resolved"_qs,
                                                    u"reopened"_qs, u"closed"_qs}));
    QCOMPARE(allCodes<Resolution>(),
             QStringList({u"reissue"_qs, u"refund"_qs, u"compensation"_qs, u"redelivery"_qs,
                          u"courier_contacted"_qs, u"explained"_qs, u"other"_qs}));
    QCOMPARE(allCodes<EventKind>(),
             QStringList({u"reply"_qs, u"note"_qs, u"call"_qs, u"status_change"_qs, u"assignment"_qs,
                          u"escalation"_qs, u"sla_breach"_qs, u"csat_recorded"_qs}));
    QCOMPARE(allCodes<ParcelStatus>(),
             QStringList({u"created"_qs, u"picked_up"_qs, u"in_transit"_qs, u"at_station"_qs,
                          u"out_for_delivery"_qs, u"delivered"_qs, u"exception"_qs, u"returned"_qs}));
    QCOMPARE(toCode(Priority::P1), u"p1"_qs);
    QCOMPARE(toCode(Role::Supervisor), u"supervisor"_qs);
}

void TestDomain::unknownCodeRefused()
{
    QVERIFY(!fromCode<Category>(u"Delay").has_value());
    QVERIFY(!fromCode<Category>(u"").has_value());
    QVERIFY(!fromCode<Priority>(u"p5").has_value());
    QVERIFY(!isOpen(TicketStatus::Resolved));
    QVERIFY(!isOpen(TicketStatus::Closed));
    QVERIFY(isOpen(TicketStatus::Pending));
    QVERIFY(isOpen(TicketStatus::Reopened));
}

static Ticket sampleTicket()
{
    Ticket t;
    t.id = u"0b9d3c1e-5f0a-4a0e-9a53-1f0c7a8b9d10"_qs;
    t.number = u"C2611-000123"_qs;
    t.waybillNo = u"SF1234567890123"_qs;
    t.description = u"包裹破损，外箱压坏 \"quoted\" <b>html</b>"_qs;
    t.customerName = u"王芳"_qs;
    t.customerPhone = u"13812345678"_qs;
    t.channel = Channel::OnlineChat;
    t.category = Category::Damage;
    t.priority = Priority::P1;
    t.status = TicketStatus::Resolved;
    t.teamId = u"team-north"_qs;
    t.assigneeId = u"u-agent1"_qs;
    t.createdAt = 1795000000000;
    t.firstResponseAt = 1795000600000;
    t.resolvedAt = 1795003600123;
    t.resolution = Resolution::Compensation;
    t.compensationFen = 12050;
    t.csat = 5;
    t.nps = 9;
    t.followUpAt = 1795090000000;
    t.version = 7;
    t.updatedAt = 1795003600123;
    return t;
}

void TestDomain::ticketJsonRoundTrip()
{
    const Ticket t = sampleTicket();
    const QJsonObject o = t.toJson();
    QCOMPARE(o.value(u"waybill_no").toString(), u"SF1234567890123"_qs);
    QCOMPARE(o.value(u"channel").toString(), u"online_chat"_qs);
    QCOMPARE(o.value(u"compensation_amount").toDouble(), 120.50);
    QCOMPARE(o.value(u"created_at").toString(), u"2026-11-18T11:06:40.000Z"_qs);
    QVERIFY(!o.contains(u"closed_at")); // unset stays absent
    JsonError err;
    const auto back = Ticket::fromJson(o, &err);
    QVERIFY2(back.has_value(), qPrintable(err.field + u": "_qs + err.message));
    QCOMPARE(*back, t);
}

void TestDomain::ticketJsonErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("bad category") << u"category"_qs << QJsonValue(u"late"_qs);
    QTest::newRow("csat 6") << u"csat"_qs << QJsonValue(6);
    QTest::newRow("csat fractional") << u"csat"_qs << QJsonValue(4.5);
    QTest::newRow("nps -1") << u"nps"_qs << QJsonValue(-1);
    QTest::newRow("time without zone") << u"created_at"_qs << QJsonValue(u"2026-11-23T08:00:00"_qs);
    QTest::newRow("negative money") << u"compensation_amount"_qs << QJsonValue(-5);
    QTest::newRow("id empty") << u"id"_qs << QJsonValue(u""_qs);
    QTest::newRow("id not text") << u"id"_qs << QJsonValue(42);
    QTest::newRow("version fractional") << u"version"_qs << QJsonValue(1.5);
}

void TestDomain::ticketJsonErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject o = sampleTicket().toJson();
    o.insert(field, value);
    JsonError err;
    QVERIFY(!Ticket::fromJson(o, &err).has_value());
    QCOMPARE(err.field, field);
    QVERIFY(!err.message.isEmpty());
}

void TestDomain::parcelJsonRoundTrip()
{
    Parcel p;
    p.waybillNo = u"YT1234567890123"_qs;
    p.status = ParcelStatus::OutForDelivery;
    p.originAddress = u"杭州市西湖区"_qs;
    p.origin = GeoPoint{30.2741, 120.1551};
    p.destination = GeoPoint{31.2304, 121.4737};
    p.promisedAt = 1795000000000;
    p.position = GeoPoint{31.0, 121.0};
    p.positionAt = 1794999000000;
    p.declaredValueFen = 129900;
    p.version = 3;
    p.updatedAt = 1794999000000;
    const auto back = Parcel::fromJson(p.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(*back, p);

    QJsonObject bad = p.toJson();
    bad.insert(u"position"_qs, QJsonObject{{u"lat"_qs, 91.0}, {u"lon"_qs, 0.0}});
    JsonError err;
    QVERIFY(!Parcel::fromJson(bad, &err).has_value());
    QCOMPARE(err.field, u"position"_qs);
}

void TestDomain::isoInstants()
{
    QCOMPARE(instantFromIso(u"2026-11-23T08:00:00Z"), OptInstant(1795420800000));
    QCOMPARE(instantFromIso(u"2026-11-23T16:00:00+08:00"), OptInstant(1795420800000));
    QCOMPARE(instantFromIso(u"2026-11-23T16:00:00.250+08:00"), OptInstant(1795420800250));
    QVERIFY(!instantFromIso(u"2026-11-23T16:00:00").has_value());
    QVERIFY(!instantFromIso(u"yesterday").has_value());
    QCOMPARE(instantToIso(1795420800250), u"2026-11-23T08:00:00.250Z"_qs);
}

void TestDomain::courierPositionJson()
{
    const CourierPosition p{u"c-7"_qs, GeoPoint{30.25, 120.16}, 1795420800250};
    const QJsonObject o = p.toJson();
    QCOMPARE(o.value(u"at"_qs).toString(), u"2026-11-23T08:00:00.250Z"_qs);
    QCOMPARE(CourierPosition::fromJson(o), std::optional<CourierPosition>(p));
    QJsonObject isoOnly = o;
    isoOnly.remove(u"at_ms"_qs); // devices may send only the ISO time
    QCOMPARE(CourierPosition::fromJson(isoOnly), std::optional<CourierPosition>(p));
    QVERIFY(!CourierPosition::fromJson(QJsonObject{{u"courier_id"_qs, u"c-7"_qs}}).has_value());
}

void TestDomain::manualClock()
{
    ManualClock clock(1000);
    QSignalSpy jumped(&clock, &Clock::jumped);
    QCOMPARE(clock.nowMs(), 1000);
    clock.advance(500);
    QCOMPARE(clock.nowMs(), 1500);
    QCOMPARE(jumped.count(), 1);
    QCOMPARE(jumped.at(0).at(0).toLongLong(), 500);
    clock.setRunning(true);
    QTRY_VERIFY_WITH_TIMEOUT(clock.nowMs() >= 1520, 2000);
}

void TestDomain::stateMachine_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("allowed");
    // docs/domain.md: new → open | resolved; open ⇄ pending; → resolved; resolved → closed | reopened;
    // reopened → open …
    QTest::newRow("new") << u"new"_qs << QStringList{u"open"_qs, u"resolved"_qs};
    QTest::newRow("open") << u"open"_qs << QStringList{u"pending"_qs, u"resolved"_qs};
    QTest::newRow("pending") << u"pending"_qs << QStringList{u"open"_qs, u"resolved"_qs};
    QTest::newRow("resolved") << u"resolved"_qs << QStringList{u"reopened"_qs, u"closed"_qs};
    QTest::newRow("reopened") << u"reopened"_qs << QStringList{u"open"_qs, u"pending"_qs, u"resolved"_qs};
    QTest::newRow("closed") << u"closed"_qs << QStringList{};
}

void TestDomain::stateMachine()
{
    QFETCH(QString, from);
    QFETCH(QStringList, allowed);
    const TicketStatus f = *fromCode<TicketStatus>(from);
    QStringList next;
    for (TicketStatus s : TicketRules::nextStatuses(f))
        next.append(toCode(s));
    next.sort();
    allowed.sort();
    QCOMPARE(next, allowed);
    for (const QString &code : allCodes<TicketStatus>()) {
        const TicketStatus to = *fromCode<TicketStatus>(code);
        if (!allowed.contains(code))
            QVERIFY2(!TicketRules::refusal(f, to).isEmpty(), qPrintable(from + u" -> "_qs + code));
    }
    QVERIFY(TicketRules::refusal(TicketStatus::Closed, TicketStatus::Pending).contains(u"closed"_qs));
}

void TestDomain::rightsAndDefaults()
{
    QVERIFY(TicketRules::canRead(Role::Agent, u"t1"_qs, u"t1"_qs));
    QVERIFY(!TicketRules::canRead(Role::Agent, u"t1"_qs, u"t2"_qs));
    QVERIFY(!TicketRules::canRead(Role::Agent, QString(), QString()));
    QVERIFY(TicketRules::canRead(Role::Supervisor, u"t1"_qs, u"t2"_qs));
    QVERIFY(TicketRules::canWrite(Role::Supervisor, u"t1"_qs, u"t2"_qs));
    QVERIFY(!TicketRules::canWrite(Role::Manager, u"t1"_qs, u"t1"_qs));
    QVERIFY(!TicketRules::canWrite(Role::Agent, u"t1"_qs, u"t2"_qs));
    QCOMPARE(TicketRules::defaultPriority(Category::Loss, 100000), Priority::P1);
    QCOMPARE(TicketRules::defaultPriority(Category::Damage, 99999), Priority::P2);
    QCOMPARE(TicketRules::defaultPriority(Category::Delay, 500000), Priority::P3);
    QCOMPARE(TicketRules::defaultPriority(Category::Service, 0), Priority::P4);
}

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
