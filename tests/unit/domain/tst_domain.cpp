#include "models/domain/clock.h"
#include "models/domain/entities.h"
#include "models/domain/ticketrules.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

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
    void isoInstantsAsQt();
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
    QCOMPARE(allCodes<Channel>(),
             QStringList({u"phone"_s, u"online_chat"_s, u"email"_s, u"app"_s, u"social"_s, u"other"_s}));
    QCOMPARE(allCodes<Category>(),
             QStringList({u"delay"_s, u"damage"_s, u"loss"_s, u"wrong_item"_s, u"service"_s, u"other"_s}));
    QCOMPARE(allCodes<TicketStatus>(),
             QStringList({u"new"_s, u"open"_s, u"pending"_s, u"resolved"_s, u"reopened"_s, u"closed"_s}));
    QCOMPARE(allCodes<Resolution>(),
             QStringList({u"reissue"_s, u"refund"_s, u"compensation"_s, u"redelivery"_s,
                          u"courier_contacted"_s, u"explained"_s, u"other"_s}));
    QCOMPARE(allCodes<EventKind>(),
             QStringList({u"reply"_s, u"note"_s, u"call"_s, u"status_change"_s, u"assignment"_s,
                          u"escalation"_s, u"sla_breach"_s, u"csat_recorded"_s, u"compensation_requested"_s,
                          u"compensation_approved"_s, u"compensation_rejected"_s, u"appeal_answered"_s,
                          u"appeal_rejected"_s, u"merged"_s}));
    QCOMPARE(allCodes<TicketSource>(), QStringList({u"customer"_s, u"regulator_appeal"_s}));
    QCOMPARE(allCodes<ParcelStatus>(),
             QStringList({u"created"_s, u"picked_up"_s, u"in_transit"_s, u"at_station"_s,
                          u"out_for_delivery"_s, u"delivered"_s, u"exception"_s, u"returned"_s}));
    QCOMPARE(toCode(Priority::P1), u"p1"_s);
    QCOMPARE(toCode(Role::Supervisor), u"supervisor"_s);
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
    t.id = u"0b9d3c1e-5f0a-4a0e-9a53-1f0c7a8b9d10"_s;
    t.number = u"C2611-000123"_s;
    t.waybillNo = u"SF1234567890123"_s;
    t.description = u"包裹破损，外箱压坏 \"quoted\" <b>html</b>"_s;
    t.customerName = u"王芳"_s;
    t.customerPhone = u"13812345678"_s;
    t.channel = Channel::OnlineChat;
    t.category = Category::Damage;
    t.priority = Priority::P1;
    t.status = TicketStatus::Resolved;
    t.teamId = u"team-north"_s;
    t.assigneeId = u"u-agent1"_s;
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
    QCOMPARE(o.value(u"waybill_no").toString(), u"SF1234567890123"_s);
    QCOMPARE(o.value(u"channel").toString(), u"online_chat"_s);
    QCOMPARE(o.value(u"compensation_amount").toDouble(), 120.50);
    QCOMPARE(o.value(u"created_at").toString(), u"2026-11-18T11:06:40.000Z"_s);
    QVERIFY(!o.contains(u"closed_at")); // unset stays absent
    JsonError err;
    const auto back = Ticket::fromJson(o, &err);
    QVERIFY2(back.has_value(), qPrintable(err.field + u": "_s + err.message));
    QCOMPARE(*back, t);
}

void TestDomain::ticketJsonErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("bad category") << u"category"_s << QJsonValue(u"late"_s);
    QTest::newRow("csat 6") << u"csat"_s << QJsonValue(6);
    QTest::newRow("csat fractional") << u"csat"_s << QJsonValue(4.5);
    QTest::newRow("nps -1") << u"nps"_s << QJsonValue(-1);
    QTest::newRow("time without zone") << u"created_at"_s << QJsonValue(u"2026-11-23T08:00:00"_s);
    QTest::newRow("negative money") << u"compensation_amount"_s << QJsonValue(-5);
    QTest::newRow("id empty") << u"id"_s << QJsonValue(u""_s);
    QTest::newRow("id not text") << u"id"_s << QJsonValue(42);
    QTest::newRow("version fractional") << u"version"_s << QJsonValue(1.5);
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
    p.waybillNo = u"YT1234567890123"_s;
    p.status = ParcelStatus::OutForDelivery;
    p.originAddress = u"杭州市西湖区"_s;
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
    bad.insert(u"position"_s, QJsonObject{{u"lat"_s, 91.0}, {u"lon"_s, 0.0}});
    JsonError err;
    QVERIFY(!Parcel::fromJson(bad, &err).has_value());
    QCOMPARE(err.field, u"position"_s);
}

void TestDomain::isoInstants()
{
    QCOMPARE(instantFromIso(u"2026-11-23T08:00:00Z"), OptInstant(1795420800000));
    QCOMPARE(instantFromIso(u"2026-11-23T16:00:00+08:00"), OptInstant(1795420800000));
    QCOMPARE(instantFromIso(u"2026-11-23T16:00:00.250+08:00"), OptInstant(1795420800250));
    QVERIFY(!instantFromIso(u"2026-11-23T16:00:00").has_value());
    QVERIFY(!instantFromIso(u"yesterday").has_value());
    QCOMPARE(instantToIso(1795420800250), u"2026-11-23T08:00:00.250Z"_s);
}

// QDateTime's reading, as instantFromIso did it before its own parser of the usual form.
static OptInstant qtInstant(const QString &text)
{
    const QString s = text.trimmed();
    if (s.size() < 20)
        return std::nullopt;
    const bool hasZone = s.endsWith(u'Z') || s.endsWith(u'z') ||
                         (s.size() >= 6 && (s.at(s.size() - 6) == u'+' || s.at(s.size() - 6) == u'-') &&
                          s.at(s.size() - 3) == u':');
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    return hasZone && dt.isValid() ? OptInstant(dt.toMSecsSinceEpoch()) : std::nullopt;
}

// The hand-written conversions give QDateTime's text and values: random instants over years 1000-9999 and
// the edges, and text of every form (offsets, no milliseconds, impossible dates, odd spacing).
void TestDomain::isoInstantsAsQt()
{
    QRandomGenerator rng(18);
    QList<qint64> instants{0,
                           -1,
                           951782400000 /* 2000-02-29 */,
                           4107542399999 /* 2100-02-28T23:59:59.999 */,
                           -30610224000000 /* 1000-01-01 */,
                           -30610224000001,
                           253402300799999 /* 9999-12-31T23:59:59.999 */,
                           253402300800000};
    for (int i = 0; i < 20000; ++i)
        instants.append(-30610224000000 + qint64(rng.bounded(283'000'000'000'000.0)));
    for (const qint64 ms : std::as_const(instants)) {
        const QString qt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(instantToIso(ms), qt);
        QCOMPARE(instantFromIso(qt), qtInstant(qt));
    }
    QCOMPARE(instantFromIso(u"2024-02-29T10:00:00Z"), OptInstant(1709200800000));
    const QStringList texts{
        u"2026-11-23T16:00:00+08:00"_s, u"2026-11-23T16:00:00.250-05:30"_s, u"2026-11-23T16:00:00.25Z"_s,
        u"2026-11-23T16:00:00.2500Z"_s, u"2026-02-29T00:00:00Z"_s,          u"2024-02-29T23:59:59.999Z"_s,
        u"2026-11-23T24:00:00Z"_s,      u"2026-11-23T23:60:00Z"_s,          u"2026-11-23T23:59:60Z"_s,
        u"2026-13-01T00:00:00Z"_s,      u"2026-00-10T00:00:00Z"_s,          u"2026-11-31T00:00:00Z"_s,
        u"  2026-11-23T16:00:00Z \n"_s, u"2026-11-23 16:00:00Z"_s,          u"2026-11-23T16:00:00z"_s,
        u"2026-11-23T16:00:00+14:00"_s, u"2026-11-23T16:00:00+15:00"_s,     u"2026-11-23T16:00:00+08:60"_s,
        u"2026-11-23T16:00:00+0800"_s,  u"2026-11-23T16:00:00.Z"_s,         u"2026-11-23T16:00:00.12aZ"_s,
        u"0999-11-23T16:00:00Z"_s,      u"+2026-11-23T16:00:00Z"_s,         u"2026-1a-23T16:00:00Z"_s,
        u"２０２６-11-23T16:00:00Z"_s,  u"2026-11-23T16:00:00.000+00:00"_s, u"2026-11-23T16:00:00-00:00"_s};
    for (const QString &t : texts)
        QVERIFY2(instantFromIso(t) == qtInstant(t), qPrintable(t));
}

void TestDomain::courierPositionJson()
{
    const CourierPosition p{u"c-7"_s, GeoPoint{30.25, 120.16}, 1795420800250};
    const QJsonObject o = p.toJson();
    QCOMPARE(o.value(u"at"_s).toString(), u"2026-11-23T08:00:00.250Z"_s);
    QCOMPARE(CourierPosition::fromJson(o), std::optional<CourierPosition>(p));
    QJsonObject isoOnly = o;
    isoOnly.remove(u"at_ms"_s); // devices may send only the ISO time
    QCOMPARE(CourierPosition::fromJson(isoOnly), std::optional<CourierPosition>(p));
    QVERIFY(!CourierPosition::fromJson(QJsonObject{{u"courier_id"_s, u"c-7"_s}}).has_value());
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
    QTest::newRow("new") << u"new"_s << QStringList{u"open"_s, u"resolved"_s};
    QTest::newRow("open") << u"open"_s << QStringList{u"pending"_s, u"resolved"_s};
    QTest::newRow("pending") << u"pending"_s << QStringList{u"open"_s, u"resolved"_s};
    QTest::newRow("resolved") << u"resolved"_s << QStringList{u"reopened"_s, u"closed"_s};
    QTest::newRow("reopened") << u"reopened"_s << QStringList{u"open"_s, u"pending"_s, u"resolved"_s};
    QTest::newRow("closed") << u"closed"_s << QStringList{};
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
            QVERIFY2(!TicketRules::refusal(f, to).isEmpty(), qPrintable(from + u" -> "_s + code));
    }
    QVERIFY(TicketRules::refusal(TicketStatus::Closed, TicketStatus::Pending).contains(u"closed"_s));
}

void TestDomain::rightsAndDefaults()
{
    QVERIFY(TicketRules::canRead(Role::Agent, u"t1"_s, u"t1"_s));
    QVERIFY(!TicketRules::canRead(Role::Agent, u"t1"_s, u"t2"_s));
    QVERIFY(!TicketRules::canRead(Role::Agent, QString(), QString()));
    QVERIFY(TicketRules::canRead(Role::Supervisor, u"t1"_s, u"t2"_s));
    QVERIFY(TicketRules::canWrite(Role::Supervisor, u"t1"_s, u"t2"_s));
    QVERIFY(!TicketRules::canWrite(Role::Manager, u"t1"_s, u"t1"_s));
    QVERIFY(!TicketRules::canWrite(Role::Agent, u"t1"_s, u"t2"_s));
    QCOMPARE(TicketRules::defaultPriority(Category::Loss, 100000), Priority::P1);
    QCOMPARE(TicketRules::defaultPriority(Category::Damage, 99999), Priority::P2);
    QCOMPARE(TicketRules::defaultPriority(Category::Delay, 500000), Priority::P3);
    QCOMPARE(TicketRules::defaultPriority(Category::Service, 0), Priority::P4);
}

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
