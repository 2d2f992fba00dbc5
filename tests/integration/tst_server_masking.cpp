// The masked forms of customer data (models/domain/masking.h) and of stored records (CustomerData), and the
// rule of who sees them in full: the pieces the server's minimisation is built from (issue 17).
#include "server/storage/customerdata.h"

#include "models/domain/masking.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::server;

class TestServerMasking final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forms_data();
    void forms();
    void phonesInText_data();
    void phonesInText();
    void rule();
    void records();
};

void TestServerMasking::forms_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << u"phone"_s << u"13812345678"_s << u"138****5678"_s;
    QTest::newRow("landline") << u"phone"_s << u"0571-87654321"_s << u"0571-****4321"_s;
    QTest::newRow("no phone") << u"phone"_s << QString() << QString();
    QTest::newRow("two characters") << u"name"_s << u"王芳"_s << u"王*"_s;
    QTest::newRow("three characters") << u"name"_s << u"李晓明"_s << u"李**"_s;
    QTest::newRow("compound surname") << u"name"_s << u"欧阳娜娜"_s << u"欧***"_s;
    QTest::newRow("one character") << u"name"_s << u"张"_s << u"张*"_s;
    QTest::newRow("latin") << u"name"_s << u"Anna Li"_s << u"A******"_s;
    QTest::newRow("no name") << u"name"_s << u"  "_s << QString();
    QTest::newRow("city and street") << u"address"_s << u"杭州市文三路100号"_s << u"杭州市****"_s;
    QTest::newRow("province city district")
        << u"address"_s << u"浙江省杭州市西湖区文三路1号301室"_s << u"浙江省杭州市西湖区****"_s;
    QTest::newRow("digits end the prefix") << u"address"_s << u"文三路12号杭州市"_s << u"****"_s;
    QTest::newRow("warehouse") << u"address"_s << u"上海发货仓"_s << u"****"_s;
    QTest::newRow("no address") << u"address"_s << QString() << QString();
}

void TestServerMasking::forms()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(QString, masked);
    const QString out = kind == u"phone"_s  ? Masking::maskPhone(input)
                        : kind == u"name"_s ? Masking::maskName(input)
                                            : Masking::maskAddress(input);
    QCOMPARE(out, masked);
    QCOMPARE(Masking::looksMasked(out), !masked.isEmpty());
}

void TestServerMasking::phonesInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("plain") << u"请回电13812345678谢谢"_s << u"请回电138****5678谢谢"_s;
    QTest::newRow("spaces") << u"电话 138 1234 5678"_s << u"电话 138****5678"_s;
    QTest::newRow("dashes") << u"138-1234-5678 或 0571-87654321"_s << u"138****5678 或 0571-****4321"_s;
    QTest::newRow("two") << u"13812345678/13987654321"_s << u"138****5678/139****4321"_s;
    QTest::newRow("waybill untouched") << u"运单 73100000001234"_s << u"运单 73100000001234"_s;
    QTest::newRow("too long") << u"138123456789"_s << u"138123456789"_s;
    QTest::newRow("no number") << u"包裹延迟三天"_s << u"包裹延迟三天"_s;
}

void TestServerMasking::phonesInText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Masking::maskPhonesIn(text), masked);
}

void TestServerMasking::rule()
{
    const QString me = u"u-1"_s;
    // Assignee of a ticket of their team that is not closed; resolved still counts (the follow-up call).
    QVERIFY(CustomerDataRule::seesInFull(Role::Agent, me, u"a"_s, u"a"_s, me, TicketStatus::Open));
    QVERIFY(CustomerDataRule::seesInFull(Role::Agent, me, u"a"_s, u"a"_s, me, TicketStatus::Resolved));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_s, u"a"_s, me, TicketStatus::Closed));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_s, u"a"_s, u"u-2"_s, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_s, u"b"_s, me, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, {}, u"a"_s, u"a"_s, {}, TicketStatus::Open));
    QVERIFY(CustomerDataRule::seesInFull(Role::Supervisor, me, u"a"_s, u"a"_s, {}, TicketStatus::Closed));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Supervisor, me, u"a"_s, u"b"_s, {}, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Supervisor, me, {}, {}, {}, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Manager, me, u"a"_s, u"a"_s, me, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Admin, me, u"a"_s, u"a"_s, me, TicketStatus::Open));
}

void TestServerMasking::records()
{
    const auto masked = [](const QString &type, const QByteArray &json) {
        return QJsonDocument::fromJson(CustomerData::masked(type, json)).object();
    };
    // A delivery at the recipient's door: place, text and point masked.
    QJsonObject e =
        masked(u"tracking_event"_s, R"({"id":"t1","status":"delivered","place":"杭州市文三路100号",
        "text":"已签收 · 杭州市文三路100号","position":{"lat":30.2791,"lon":120.1294}})");
    QCOMPARE(e.value(u"place"_s).toString(), u"杭州市****"_s);
    QCOMPARE(e.value(u"text"_s).toString(), u"已签收 · 杭州市****"_s);
    QCOMPARE(e.value(u"position"_s).toObject().value(u"lat"_s).toDouble(), 30.28);
    // At a hub: nothing to hide, no masked copy kept.
    QVERIFY(
        CustomerData::masked(u"tracking_event"_s,
                             R"({"id":"t2","status":"in_transit","place":"杭州转运中心","text":"运输中"})")
            .isEmpty());
    const QJsonObject p = masked(u"parcel"_s, R"({"waybill_no":"SF1","status":"delivered",
        "origin_address":"上海市闵行区莘庄1号","destination_address":"杭州市文三路100号",
        "destination":{"lat":30.279,"lon":120.129},"position":{"lat":30.2791,"lon":120.1294}})");
    QCOMPARE(p.value(u"origin_address"_s).toString(), u"上海市闵行区****"_s);
    QCOMPARE(p.value(u"destination_address"_s).toString(), u"杭州市****"_s);
    QCOMPARE(p.value(u"position"_s).toObject().value(u"lon"_s).toDouble(), 120.13);
    const QJsonObject t =
        masked(u"ticket"_s, R"({"id":"x","customer_name":"王芳","customer_phone":"13812345678",
        "description":"请回电 13812345678"})");
    QCOMPARE(t.value(u"customer_name"_s).toString(), u"王*"_s);
    QCOMPARE(t.value(u"customer_phone"_s).toString(), u"138****5678"_s);
    QCOMPARE(t.value(u"description"_s).toString(), u"请回电 138****5678"_s);
    // Users, couriers (staff), stations: never masked.
    QVERIFY(
        CustomerData::masked(u"courier"_s, R"({"id":"c","name":"刘强","phone":"13800000000"})").isEmpty());
}

QTEST_MAIN(TestServerMasking)
#include "tst_server_masking.moc"
