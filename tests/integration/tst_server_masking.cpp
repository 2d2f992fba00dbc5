// The masked forms of customer data (models/domain/masking.h) and of stored records (CustomerData), and the
// rule of who sees them in full: the pieces the server's minimisation is built from (issue 17).
#include "server/storage/customerdata.h"

#include "models/domain/masking.h"

#include <QJsonDocument>
#include <QTest>

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
    QTest::newRow("mobile") << u"phone"_qs << u"13812345678"_qs << u"138****5678"_qs;
    QTest::newRow("landline") << u"phone"_qs << u"0571-87654321"_qs << u"0571-****4321"_qs;
    QTest::newRow("no phone") << u"phone"_qs << QString() << QString();
    QTest::newRow("two characters") << u"name"_qs << u"王芳"_qs << u"王*"_qs;
    QTest::newRow("three characters") << u"name"_qs << u"李晓明"_qs << u"李**"_qs;
    QTest::newRow("compound surname") << u"name"_qs << u"欧阳娜娜"_qs << u"欧***"_qs;
    QTest::newRow("one character") << u"name"_qs << u"张"_qs << u"张*"_qs;
    QTest::newRow("latin") << u"name"_qs << u"Anna Li"_qs << u"A******"_qs;
    QTest::newRow("no name") << u"name"_qs << u"  "_qs << QString();
    QTest::newRow("city and street") << u"address"_qs << u"杭州市文三路100号"_qs << u"杭州市****"_qs;
    QTest::newRow("province city district")
        << u"address"_qs << u"浙江省杭州市西湖区文三路1号301室"_qs << u"浙江省杭州市西湖区****"_qs;
    QTest::newRow("digits end the prefix") << u"address"_qs << u"文三路12号杭州市"_qs << u"****"_qs;
    QTest::newRow("warehouse") << u"address"_qs << u"上海发货仓"_qs << u"****"_qs;
    QTest::newRow("no address") << u"address"_qs << QString() << QString();
}

void TestServerMasking::forms()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(QString, masked);
    const QString out = kind == u"phone"_qs  ? Masking::maskPhone(input)
                        : kind == u"name"_qs ? Masking::maskName(input)
                                             : Masking::maskAddress(input);
    QCOMPARE(out, masked);
    QCOMPARE(Masking::looksMasked(out), !masked.isEmpty());
}

void TestServerMasking::phonesInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("plain") << u"请回电13812345678谢谢"_qs << u"请回电138****5678谢谢"_qs;
    QTest::newRow("spaces") << u"电话 138 1234 5678"_qs << u"电话 138****5678"_qs;
    QTest::newRow("dashes") << u"138-1234-5678 或 0571-87654321"_qs << u"138****5678 或 0571-****4321"_qs;
    QTest::newRow("two") << u"13812345678/13987654321"_qs << u"138****5678/139****4321"_qs;
    QTest::newRow("waybill untouched") << u"运单 73100000001234"_qs << u"运单 73100000001234"_qs;
    QTest::newRow("too long") << u"138123456789"_qs << u"138123456789"_qs;
    QTest::newRow("no number") << u"包裹延迟三天"_qs << u"包裹延迟三天"_qs;
}

void TestServerMasking::phonesInText()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Masking::maskPhonesIn(text), masked);
}

void TestServerMasking::rule()
{
    const QString me = u"u-1"_qs;
    // Assignee of a ticket of their team that is not closed; resolved still counts (the follow-up call).
    QVERIFY(CustomerDataRule::seesInFull(Role::Agent, me, u"a"_qs, u"a"_qs, me, TicketStatus::Open));
    QVERIFY(CustomerDataRule::seesInFull(Role::Agent, me, u"a"_qs, u"a"_qs, me, TicketStatus::Resolved));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_qs, u"a"_qs, me, TicketStatus::Closed));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_qs, u"a"_qs, u"u-2"_qs, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, me, u"a"_qs, u"b"_qs, me, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Agent, {}, u"a"_qs, u"a"_qs, {}, TicketStatus::Open));
    QVERIFY(CustomerDataRule::seesInFull(Role::Supervisor, me, u"a"_qs, u"a"_qs, {}, TicketStatus::Closed));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Supervisor, me, u"a"_qs, u"b"_qs, {}, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Supervisor, me, {}, {}, {}, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Manager, me, u"a"_qs, u"a"_qs, me, TicketStatus::Open));
    QVERIFY(!CustomerDataRule::seesInFull(Role::Admin, me, u"a"_qs, u"a"_qs, me, TicketStatus::Open));
}

void TestServerMasking::records()
{
    const auto masked = [](const QString &type, const QByteArray &json) {
        return QJsonDocument::fromJson(CustomerData::masked(type, json)).object();
    };
    // A delivery at the recipient's door: place, text and point masked.
    QJsonObject e =
        masked(u"tracking_event"_qs, R"({"id":"t1","status":"delivered","place":"杭州市文三路100号",
        "text":"已签收 · 杭州市文三路100号","position":{"lat":30.2791,"lon":120.1294}})");
    QCOMPARE(e.value(u"place"_qs).toString(), u"杭州市****"_qs);
    QCOMPARE(e.value(u"text"_qs).toString(), u"已签收 · 杭州市****"_qs);
    QCOMPARE(e.value(u"position"_qs).toObject().value(u"lat"_qs).toDouble(), 30.28);
    // At a hub: nothing to hide, no masked copy kept.
    QVERIFY(
        CustomerData::masked(u"tracking_event"_qs,
                             R"({"id":"t2","status":"in_transit","place":"杭州转运中心","text":"运输中"})")
            .isEmpty());
    const QJsonObject p = masked(u"parcel"_qs, R"({"waybill_no":"SF1","status":"delivered",
        "origin_address":"上海市闵行区莘庄1号","destination_address":"杭州市文三路100号",
        "destination":{"lat":30.279,"lon":120.129},"position":{"lat":30.2791,"lon":120.1294}})");
    QCOMPARE(p.value(u"origin_address"_qs).toString(), u"上海市闵行区****"_qs);
    QCOMPARE(p.value(u"destination_address"_qs).toString(), u"杭州市****"_qs);
    QCOMPARE(p.value(u"position"_qs).toObject().value(u"lon"_qs).toDouble(), 120.13);
    const QJsonObject t =
        masked(u"ticket"_qs, R"({"id":"x","customer_name":"王芳","customer_phone":"13812345678",
        "description":"请回电 13812345678"})");
    QCOMPARE(t.value(u"customer_name"_qs).toString(), u"王*"_qs);
    QCOMPARE(t.value(u"customer_phone"_qs).toString(), u"138****5678"_qs);
    QCOMPARE(t.value(u"description"_qs).toString(), u"请回电 138****5678"_qs);
    // Users, couriers (staff), stations: never masked.
    QVERIFY(
        CustomerData::masked(u"courier"_qs, R"({"id":"c","name":"刘强","phone":"13800000000"})").isEmpty());
}

QTEST_MAIN(TestServerMasking)
#include "tst_server_masking.moc"
