// Customer data protection (issue 17), server side, part 1: minimisation by role at read time. What each role
// receives of a customer's phone, name and parcel address through GET /tickets, the change feed and the
// parcel routes; records sent again when who may see them changes; masked values sent back never stored;
// the live feed carries no customer data; cursors issued before minimisation start over.
// Before this change the server sent every reader the full values (each test here fails against it).
#include "liveclient.h"
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;

namespace {
const QString kWaybill = u"SF1400000000017"_qs; // tests/data/import/parcels_good.csv
const QString kAddress = u"杭州市文三路100号"_qs;
const QString kName = u"王芳"_qs;
const QString kPhone = u"13812345678"_qs;
const QString kOtherPhone = u"13987654321"_qs; // written in the description

QJsonObject dataOf(const FeedRead &feed, const QString &type, const QString &id)
{
    const auto items = feed.about(type, id);
    return items.isEmpty() ? QJsonObject() : items.last().value(u"data"_qs).toObject();
}
} // namespace

class TestServerPrivacy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roleMatrix_data();
    void roleMatrix();
    void otherTeamsAgentGetsNothing();
    void entitlementChangesResendRecords();
    void maskedValuesAreNeverStored();
    void writeResponsesAreMinimised();
    void liveFeedCarriesNoCustomerData();
    void cursorsFromBeforeStartOver();

private:
    QString createTicket(const QString &waybill, const QString &phone);
    QJsonObject ticket(const QString &login, const QString &id);
    Reply patch(const QString &login, const QString &id, const QJsonObject &body);

    ServerFixture m_server;
    QString m_ticket;
    QHash<QString, QString> m_userIds;
};

void TestServerPrivacy::initTestCase()
{
    QVERIFY(m_server.prepare());
    // A supervisor of the other team.
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"user"_qs, u"add"_qs, u"lead2"_qs, u"--db"_qs, m_server.dbUrl(),
                                    u"--role"_qs, u"supervisor"_qs, u"--team"_qs, u"team-b"_qs},
                                   ServerFixture::kPassword.toUtf8() + '\n', &out),
             0);
    QCOMPARE(m_server.start(), 0);
    for (const QString &login :
         {u"agent1"_qs, u"agent2"_qs, u"agent3"_qs, u"lead1"_qs, u"lead2"_qs, u"manager1"_qs, u"admin"_qs})
        m_userIds.insert(login, m_server.request("GET", u"/api/v1/auth/me"_qs, m_server.token(login))
                                    .json()
                                    .value(u"id"_qs)
                                    .toString());
    m_ticket = createTicket(kWaybill, kPhone);
    QVERIFY(!m_ticket.isEmpty());
}

QString TestServerPrivacy::createTicket(const QString &waybill, const QString &phone)
{
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_qs, m_server.token(u"agent1"_qs),
                                     {{u"waybill_no"_qs, waybill},
                                      {u"description"_qs, u"包裹延迟三天，请回电 %1"_qs.arg(kOtherPhone)},
                                      {u"customer_name"_qs, kName},
                                      {u"customer_phone"_qs, phone},
                                      {u"category"_qs, u"delay"_qs},
                                      {u"assignee_id"_qs, m_userIds.value(u"agent1"_qs)}});
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_qs).toString();
}

QJsonObject TestServerPrivacy::ticket(const QString &login, const QString &id)
{
    return m_server.request("GET", u"/api/v1/tickets/"_qs + id, m_server.token(login)).json();
}

Reply TestServerPrivacy::patch(const QString &login, const QString &id, const QJsonObject &body)
{
    const qint64 version = ticket(u"lead1"_qs, id).value(u"version"_qs).toInteger();
    return m_server.request("PATCH", u"/api/v1/tickets/"_qs + id, m_server.token(login), body,
                            {{"If-Match", QByteArray::number(version)}});
}

void TestServerPrivacy::roleMatrix_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("full");
    QTest::newRow("agent, assignee") << u"agent1"_qs << true;
    QTest::newRow("agent, same team, not assignee") << u"agent2"_qs << false;
    QTest::newRow("supervisor of the team") << u"lead1"_qs << true;
    QTest::newRow("supervisor of another team") << u"lead2"_qs << false;
    QTest::newRow("manager") << u"manager1"_qs << false;
    QTest::newRow("admin") << u"admin"_qs << false;
}

// Issue 17, minimisation: (role) × (phone, name, address) through GET /tickets/{id}, the change feed (ticket
// and parcel) and GET /parcels/{waybill}.
void TestServerPrivacy::roleMatrix()
{
    QFETCH(QString, login);
    QFETCH(bool, full);
    const QByteArray token = m_server.token(login);
    const QString phone = full ? kPhone : u"138****5678"_qs;
    const QString name = full ? kName : u"王*"_qs;
    const QString address = full ? kAddress : u"杭州市****"_qs;
    const QString description =
        full ? u"包裹延迟三天，请回电 13987654321"_qs : u"包裹延迟三天，请回电 139****4321"_qs;

    const QJsonObject t = ticket(login, m_ticket);
    QCOMPARE(t.value(u"customer_phone"_qs).toString(), phone);
    QCOMPARE(t.value(u"customer_name"_qs).toString(), name);
    QCOMPARE(t.value(u"description"_qs).toString(), description);

    const FeedRead feed = m_server.readFeed(token, {}, 500);
    QCOMPARE(feed.status, 200);
    const QJsonObject ft = dataOf(feed, u"ticket"_qs, m_ticket);
    QCOMPARE(ft.value(u"customer_phone"_qs).toString(), phone);
    QCOMPARE(ft.value(u"customer_name"_qs).toString(), name);
    QCOMPARE(ft.value(u"description"_qs).toString(), description);
    const QJsonObject fp = dataOf(feed, u"parcel"_qs, kWaybill);
    QCOMPARE(fp.value(u"destination_address"_qs).toString(), address);
    QCOMPARE(fp.value(u"origin_address"_qs).toString(), full ? u"上海发货仓"_qs : u"****"_qs);
    // The recipient's door, to about 1 km for those who do not get the address.
    QCOMPARE(fp.value(u"destination"_qs).toObject().value(u"lat"_qs).toDouble(), full ? 30.279 : 30.28);

    const QJsonObject p = m_server.request("GET", u"/api/v1/parcels/"_qs + kWaybill, token).json();
    QCOMPARE(p.value(u"destination_address"_qs).toString(), address);
    // A parcel no ticket is about: nobody gets its address in full.
    const QJsonObject other = m_server.request("GET", u"/api/v1/parcels/YT4600000000123"_qs, token).json();
    QCOMPARE(other.value(u"destination_address"_qs).toString(), u"杭州市****"_qs);
    // Nothing in the whole feed holds the number in clear unless this reader may see it.
    QByteArray all;
    for (const QJsonObject &i : feed.items)
        all += QJsonDocument(i).toJson(QJsonDocument::Compact);
    QCOMPARE(all.contains(kPhone.toUtf8()), full);
    QCOMPARE(all.contains(kAddress.toUtf8()), full);
}

void TestServerPrivacy::otherTeamsAgentGetsNothing()
{
    QCOMPARE(m_server.request("GET", u"/api/v1/tickets/"_qs + m_ticket, m_server.token(u"agent3"_qs)).status,
             403);
    const FeedRead feed = m_server.readFeed(m_server.token(u"agent3"_qs));
    QVERIFY(feed.about(u"ticket"_qs, m_ticket).isEmpty());
    // Nor the parcel: the feed serves a parcel only to readers of a ticket about it (issue 18).
    QVERIFY(feed.about(u"parcel"_qs, kWaybill).isEmpty());
}

// Consoles keep what the feed sent. When who may see a ticket's customer data changes (assignment, close),
// the ticket, its parcel and its masked events come again, from any reader's cursor, as that reader may now
// see them.
void TestServerPrivacy::entitlementChangesResendRecords()
{
    const QString id = createTicket(u"73100000001234"_qs, u"13811112222"_qs);
    QVERIFY(!id.isEmpty());
    const QString cursor1 = m_server.readFeed(m_server.token(u"agent1"_qs)).cursor;
    const QString cursor2 = m_server.readFeed(m_server.token(u"agent2"_qs)).cursor;
    const QString cursorLead = m_server.readFeed(m_server.token(u"lead1"_qs)).cursor;

    QCOMPARE(patch(u"agent2"_qs, id, {{u"assignee_id"_qs, m_userIds.value(u"agent2"_qs)}}).status, 200);
    FeedRead a1 = m_server.readFeed(m_server.token(u"agent1"_qs), cursor1);
    FeedRead a2 = m_server.readFeed(m_server.token(u"agent2"_qs), cursor2);
    QCOMPARE(dataOf(a1, u"ticket"_qs, id).value(u"customer_phone"_qs).toString(), u"138****2222"_qs);
    QCOMPARE(dataOf(a1, u"parcel"_qs, u"73100000001234"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市****"_qs);
    QCOMPARE(dataOf(a2, u"ticket"_qs, id).value(u"customer_phone"_qs).toString(), u"13811112222"_qs);
    QCOMPARE(dataOf(a2, u"parcel"_qs, u"73100000001234"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市江南大道1号"_qs);

    // Resolve and close: the assignee no longer gets it in full; the team's supervisor still does.
    QCOMPARE(
        patch(u"agent2"_qs, id, {{u"status"_qs, u"resolved"_qs}, {u"resolution"_qs, u"explained"_qs}}).status,
        200);
    a2 = m_server.readFeed(m_server.token(u"agent2"_qs), a2.cursor);
    QCOMPARE(dataOf(a2, u"ticket"_qs, id).value(u"customer_phone"_qs).toString(), u"13811112222"_qs);
    QCOMPARE(patch(u"agent2"_qs, id, {{u"status"_qs, u"closed"_qs}}).status, 200);
    a2 = m_server.readFeed(m_server.token(u"agent2"_qs), a2.cursor);
    QCOMPARE(dataOf(a2, u"ticket"_qs, id).value(u"customer_phone"_qs).toString(), u"138****2222"_qs);
    QCOMPARE(dataOf(a2, u"parcel"_qs, u"73100000001234"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市****"_qs);
    const FeedRead lead = m_server.readFeed(m_server.token(u"lead1"_qs), cursorLead);
    QCOMPARE(dataOf(lead, u"ticket"_qs, id).value(u"customer_phone"_qs).toString(), u"13811112222"_qs);
    QCOMPARE(dataOf(lead, u"parcel"_qs, u"73100000001234"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市江南大道1号"_qs);
}

// A console holding masked values may send them back with an edit (If-Match PATCH): the masked form of what
// the server holds means "unchanged", any other masked value is refused; the server's full value stays.
void TestServerPrivacy::maskedValuesAreNeverStored()
{
    const QString id = createTicket(u"EA123456785CN"_qs, u"13833334444"_qs);
    const QJsonObject masked = ticket(u"agent2"_qs, id);
    QCOMPARE(masked.value(u"customer_phone"_qs).toString(), u"138****4444"_qs);
    // The whole masked copy back, with a real change beside it.
    Reply r = patch(u"agent2"_qs, id,
                    {{u"customer_name"_qs, masked.value(u"customer_name"_qs)},
                     {u"customer_phone"_qs, masked.value(u"customer_phone"_qs)},
                     {u"description"_qs, masked.value(u"description"_qs)},
                     {u"priority"_qs, u"p1"_qs}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"customer_phone"_qs).toString(), u"138****4444"_qs); // as agent2 may see it
    QJsonObject full = ticket(u"lead1"_qs, id);
    QCOMPARE(full.value(u"customer_phone"_qs).toString(), u"13833334444"_qs);
    QCOMPARE(full.value(u"customer_name"_qs).toString(), kName);
    QCOMPARE(full.value(u"description"_qs).toString(), u"包裹延迟三天，请回电 13987654321"_qs);
    QCOMPARE(full.value(u"priority"_qs).toString(), u"p1"_qs);

    r = patch(u"agent2"_qs, id, {{u"customer_name"_qs, u"李*"_qs}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"customer_name"_qs);
    r = patch(u"agent2"_qs, id, {{u"customer_phone"_qs, u"139****0000"_qs}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"customer_phone"_qs);
    // An edited description that still holds the number as it was masked.
    r = patch(u"agent2"_qs, id, {{u"description"_qs, u"客户又来电，请回电 139****4321"_qs}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"description"_qs);
    // A new ticket cannot start with a masked value either.
    r = m_server.request(
        "POST", u"/api/v1/tickets"_qs, m_server.token(u"agent2"_qs),
        {{u"description"_qs, u"x"_qs}, {u"category"_qs, u"other"_qs}, {u"customer_name"_qs, u"张*"_qs}});
    QCOMPARE(r.status, 422);
    full = ticket(u"lead1"_qs, id);
    QCOMPARE(full.value(u"customer_phone"_qs).toString(), u"13833334444"_qs);
    QCOMPARE(full.value(u"customer_name"_qs).toString(), kName);
    // The assignee may still change them for real.
    QCOMPARE(patch(u"agent1"_qs, id, {{u"customer_phone"_qs, u"13955556666"_qs}}).status, 200);
    QCOMPARE(ticket(u"lead1"_qs, id).value(u"customer_phone"_qs).toString(), u"13955556666"_qs);
}

// 412 copies, PATCH and event answers carry the ticket as the caller may see it.
void TestServerPrivacy::writeResponsesAreMinimised()
{
    Reply r = m_server.request("PATCH", u"/api/v1/tickets/"_qs + m_ticket, m_server.token(u"agent2"_qs),
                               {{u"priority"_qs, u"p2"_qs}}, {{"If-Match", "999"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.json().value(u"current"_qs).toObject().value(u"customer_phone"_qs).toString(),
             u"138****5678"_qs);
    const auto note = [&](const QString &login) {
        const QString eid = uuid();
        return m_server.request(
            "POST", u"/api/v1/tickets/%1/events"_qs.arg(m_ticket), m_server.token(login),
            {{u"id"_qs, eid}, {u"kind"_qs, u"note"_qs}, {u"text"_qs, u"客户另留号码 13700001111"_qs}},
            {{"Idempotency-Key", eid.toLatin1()}});
    };
    r = note(u"agent2"_qs);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"ticket"_qs).toObject().value(u"customer_name"_qs).toString(), u"王*"_qs);
    QCOMPARE(r.json().value(u"event"_qs).toObject().value(u"text"_qs).toString(),
             u"客户另留号码 137****1111"_qs);
    const QString eventId = r.json().value(u"event"_qs).toObject().value(u"id"_qs).toString();
    r = note(u"agent1"_qs);
    QCOMPARE(r.json().value(u"ticket"_qs).toObject().value(u"customer_name"_qs).toString(), kName);
    // The event in the feed and on GET …/events: the number in full only for those who see the ticket so.
    const auto eventText = [&](const QString &login) {
        const QJsonArray items =
            m_server.request("GET", u"/api/v1/tickets/%1/events"_qs.arg(m_ticket), m_server.token(login))
                .json()
                .value(u"items"_qs)
                .toArray();
        for (const QJsonValue &v : items) {
            if (v.toObject().value(u"id"_qs).toString() == eventId)
                return v.toObject().value(u"text"_qs).toString();
        }
        return QString();
    };
    QCOMPARE(eventText(u"agent1"_qs), u"客户另留号码 13700001111"_qs);
    QCOMPARE(eventText(u"manager1"_qs), u"客户另留号码 137****1111"_qs);
    QCOMPARE(dataOf(m_server.readFeed(m_server.token(u"agent2"_qs)), u"ticket_event"_qs, eventId)
                 .value(u"text"_qs)
                 .toString(),
             u"客户另留号码 137****1111"_qs);
    QCOMPARE(dataOf(m_server.readFeed(m_server.token(u"lead1"_qs)), u"ticket_event"_qs, eventId)
                 .value(u"text"_qs)
                 .toString(),
             u"客户另留号码 13700001111"_qs);
}

// The live feed is hints (and positions, presence): it never carries a customer's phone or name.
void TestServerPrivacy::liveFeedCarriesNoCustomerData()
{
    LiveClient lead;
    lead.open(m_server.port(), m_server.token(u"lead1"_qs));
    QVERIFY(QTest::qWaitFor([&] { return !lead.ofKind(u"snapshot"_qs).isEmpty(); }, 5000));
    const QString id = createTicket(u"YT4600000000123"_qs, u"13866667777"_qs);
    QCOMPARE(patch(u"lead1"_qs, id, {{u"customer_name"_qs, u"赵建国"_qs}}).status, 200);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return lead.ofKind(u"changed"_qs, [&](const QJsonObject &m) { return m.value(u"id"_qs) == id; })
                       .size() >= 2;
        },
        5000));
    QByteArray all;
    for (const QJsonObject &m : std::as_const(lead.messages))
        all += QJsonDocument(m).toJson(QJsonDocument::Compact);
    QVERIFY(!all.contains("13866667777"));
    QVERIFY(!all.contains("6667777"));
    QVERIFY(!all.contains(u"赵建国"_qs.toUtf8()));
    QVERIFY(!all.contains(kName.toUtf8()));
}

// Consoles synced before this change hold full data: their cursors ("c2.…") start over with reset, in the
// new format ("c3.…"); a supervisor's scope names the team whose data they get in full.
void TestServerPrivacy::cursorsFromBeforeStartOver()
{
    const QByteArray token = m_server.token(u"lead1"_qs);
    const FeedRead now = m_server.readFeed(token);
    QVERIFY2(now.cursor.startsWith(u"c3."_qs) && now.cursor.endsWith(u".s-team-a"_qs),
             qPrintable(now.cursor));
    const FeedRead old = m_server.readFeed(token, u"c2.%1.all"_qs.arg(now.cursor.section(u'.', 1, 1)));
    QVERIFY(old.reset);
    QVERIFY(!old.about(u"ticket"_qs, m_ticket).isEmpty());
    QVERIFY(m_server.readFeed(m_server.token(u"manager1"_qs)).cursor.endsWith(u".all"_qs));
    // A supervisor's cursor of another team's scope: reset too.
    QVERIFY(m_server.readFeed(token, u"c3.%1.s-team-b"_qs.arg(now.cursor.section(u'.', 1, 1))).reset);
}

QTEST_MAIN(TestServerPrivacy)
#include "tst_server_privacy.moc"
