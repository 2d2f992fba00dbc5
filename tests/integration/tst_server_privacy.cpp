// Customer data protection (issue 17), server side, part 1: minimisation by role at read time. What each role
// receives of a customer's phone, name and parcel address through GET /tickets, the change feed and the
// parcel routes; records sent again when who may see them changes; masked values sent back never stored;
// the live feed carries no customer data; cursors issued before minimisation start over.
// Before this change the server sent every reader the full values (each test here fails against it).
#include "liveclient.h"
#include "serverfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {
const QString kWaybill = u"SF1400000000017"_s; // tests/data/import/parcels_good.csv
const QString kAddress = u"杭州市文三路100号"_s;
const QString kName = u"王芳"_s;
const QString kPhone = u"13812345678"_s;
const QString kOtherPhone = u"13987654321"_s; // written in the description

QJsonObject dataOf(const FeedRead &feed, const QString &type, const QString &id)
{
    const auto items = feed.about(type, id);
    return items.isEmpty() ? QJsonObject() : items.last().value(u"data"_s).toObject();
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
    QCOMPARE(ServerFixture::runCli({u"user"_s, u"add"_s, u"lead2"_s, u"--db"_s, m_server.dbUrl(), u"--role"_s,
                                    u"supervisor"_s, u"--team"_s, u"team-b"_s},
                                   ServerFixture::kPassword.toUtf8() + '\n', &out),
             0);
    QCOMPARE(m_server.start(), 0);
    for (const QString &login :
         {u"agent1"_s, u"agent2"_s, u"agent3"_s, u"lead1"_s, u"lead2"_s, u"manager1"_s, u"admin"_s})
        m_userIds.insert(login, m_server.request("GET", u"/api/v1/auth/me"_s, m_server.token(login))
                                    .json()
                                    .value(u"id"_s)
                                    .toString());
    m_ticket = createTicket(kWaybill, kPhone);
    QVERIFY(!m_ticket.isEmpty());
}

QString TestServerPrivacy::createTicket(const QString &waybill, const QString &phone)
{
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s),
                                     {{u"waybill_no"_s, waybill},
                                      {u"description"_s, u"包裹延迟三天，请回电 %1"_s.arg(kOtherPhone)},
                                      {u"customer_name"_s, kName},
                                      {u"customer_phone"_s, phone},
                                      {u"category"_s, u"delay"_s},
                                      {u"assignee_id"_s, m_userIds.value(u"agent1"_s)}});
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

QJsonObject TestServerPrivacy::ticket(const QString &login, const QString &id)
{
    return m_server.request("GET", u"/api/v1/tickets/"_s + id, m_server.token(login)).json();
}

Reply TestServerPrivacy::patch(const QString &login, const QString &id, const QJsonObject &body)
{
    const qint64 version = ticket(u"lead1"_s, id).value(u"version"_s).toInteger();
    return m_server.request("PATCH", u"/api/v1/tickets/"_s + id, m_server.token(login), body,
                            {{"If-Match", QByteArray::number(version)}});
}

void TestServerPrivacy::roleMatrix_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("full");
    QTest::newRow("agent, assignee") << u"agent1"_s << true;
    QTest::newRow("agent, same team, not assignee") << u"agent2"_s << false;
    QTest::newRow("supervisor of the team") << u"lead1"_s << true;
    QTest::newRow("supervisor of another team") << u"lead2"_s << false;
    QTest::newRow("manager") << u"manager1"_s << false;
    QTest::newRow("admin") << u"admin"_s << false;
}

// Issue 17, minimisation: (role) × (phone, name, address) through GET /tickets/{id}, the change feed (ticket
// and parcel) and GET /parcels/{waybill}.
void TestServerPrivacy::roleMatrix()
{
    QFETCH(QString, login);
    QFETCH(bool, full);
    const QByteArray token = m_server.token(login);
    const QString phone = full ? kPhone : u"138****5678"_s;
    const QString name = full ? kName : u"王*"_s;
    const QString address = full ? kAddress : u"杭州市****"_s;
    const QString description =
        full ? u"包裹延迟三天，请回电 13987654321"_s : u"包裹延迟三天，请回电 139****4321"_s;

    const QJsonObject t = ticket(login, m_ticket);
    QCOMPARE(t.value(u"customer_phone"_s).toString(), phone);
    QCOMPARE(t.value(u"customer_name"_s).toString(), name);
    QCOMPARE(t.value(u"description"_s).toString(), description);

    const FeedRead feed = m_server.readFeed(token, {}, 500);
    QCOMPARE(feed.status, 200);
    const QJsonObject ft = dataOf(feed, u"ticket"_s, m_ticket);
    QCOMPARE(ft.value(u"customer_phone"_s).toString(), phone);
    QCOMPARE(ft.value(u"customer_name"_s).toString(), name);
    QCOMPARE(ft.value(u"description"_s).toString(), description);
    const QJsonObject fp = dataOf(feed, u"parcel"_s, kWaybill);
    QCOMPARE(fp.value(u"destination_address"_s).toString(), address);
    QCOMPARE(fp.value(u"origin_address"_s).toString(), full ? u"上海发货仓"_s : u"****"_s);
    // The recipient's door, to about 1 km for those who do not get the address.
    QCOMPARE(fp.value(u"destination"_s).toObject().value(u"lat"_s).toDouble(), full ? 30.279 : 30.28);

    const QJsonObject p = m_server.request("GET", u"/api/v1/parcels/"_s + kWaybill, token).json();
    QCOMPARE(p.value(u"destination_address"_s).toString(), address);
    // A parcel no ticket is about: nobody gets its address in full.
    const QJsonObject other = m_server.request("GET", u"/api/v1/parcels/YT4600000000123"_s, token).json();
    QCOMPARE(other.value(u"destination_address"_s).toString(), u"杭州市****"_s);
    // Nothing in the whole feed holds the number in clear unless this reader may see it.
    QByteArray all;
    for (const QJsonObject &i : feed.items)
        all += QJsonDocument(i).toJson(QJsonDocument::Compact);
    QCOMPARE(all.contains(kPhone.toUtf8()), full);
    QCOMPARE(all.contains(kAddress.toUtf8()), full);
}

void TestServerPrivacy::otherTeamsAgentGetsNothing()
{
    QCOMPARE(m_server.request("GET", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"agent3"_s)).status,
             403);
    const FeedRead feed = m_server.readFeed(m_server.token(u"agent3"_s));
    QVERIFY(feed.about(u"ticket"_s, m_ticket).isEmpty());
    // Nor the parcel: the feed serves a parcel only to readers of a ticket about it (issue 18).
    QVERIFY(feed.about(u"parcel"_s, kWaybill).isEmpty());
}

// Consoles keep what the feed sent. When who may see a ticket's customer data changes (assignment, close),
// the ticket, its parcel and its masked events come again, from any reader's cursor, as that reader may now
// see them.
void TestServerPrivacy::entitlementChangesResendRecords()
{
    const QString id = createTicket(u"73100000001234"_s, u"13811112222"_s);
    QVERIFY(!id.isEmpty());
    const QString cursor1 = m_server.readFeed(m_server.token(u"agent1"_s)).cursor;
    const QString cursor2 = m_server.readFeed(m_server.token(u"agent2"_s)).cursor;
    const QString cursorLead = m_server.readFeed(m_server.token(u"lead1"_s)).cursor;

    QCOMPARE(patch(u"agent2"_s, id, {{u"assignee_id"_s, m_userIds.value(u"agent2"_s)}}).status, 200);
    FeedRead a1 = m_server.readFeed(m_server.token(u"agent1"_s), cursor1);
    FeedRead a2 = m_server.readFeed(m_server.token(u"agent2"_s), cursor2);
    QCOMPARE(dataOf(a1, u"ticket"_s, id).value(u"customer_phone"_s).toString(), u"138****2222"_s);
    QCOMPARE(dataOf(a1, u"parcel"_s, u"73100000001234"_s).value(u"destination_address"_s).toString(),
             u"杭州市****"_s);
    QCOMPARE(dataOf(a2, u"ticket"_s, id).value(u"customer_phone"_s).toString(), u"13811112222"_s);
    QCOMPARE(dataOf(a2, u"parcel"_s, u"73100000001234"_s).value(u"destination_address"_s).toString(),
             u"杭州市江南大道1号"_s);

    // Resolve and close: the assignee no longer gets it in full; the team's supervisor still does.
    QCOMPARE(patch(u"agent2"_s, id, {{u"status"_s, u"resolved"_s}, {u"resolution"_s, u"explained"_s}}).status,
             200);
    a2 = m_server.readFeed(m_server.token(u"agent2"_s), a2.cursor);
    QCOMPARE(dataOf(a2, u"ticket"_s, id).value(u"customer_phone"_s).toString(), u"13811112222"_s);
    QCOMPARE(patch(u"agent2"_s, id, {{u"status"_s, u"closed"_s}}).status, 200);
    a2 = m_server.readFeed(m_server.token(u"agent2"_s), a2.cursor);
    QCOMPARE(dataOf(a2, u"ticket"_s, id).value(u"customer_phone"_s).toString(), u"138****2222"_s);
    QCOMPARE(dataOf(a2, u"parcel"_s, u"73100000001234"_s).value(u"destination_address"_s).toString(),
             u"杭州市****"_s);
    const FeedRead lead = m_server.readFeed(m_server.token(u"lead1"_s), cursorLead);
    QCOMPARE(dataOf(lead, u"ticket"_s, id).value(u"customer_phone"_s).toString(), u"13811112222"_s);
    QCOMPARE(dataOf(lead, u"parcel"_s, u"73100000001234"_s).value(u"destination_address"_s).toString(),
             u"杭州市江南大道1号"_s);
}

// A console holding masked values may send them back with an edit (If-Match PATCH): the masked form of what
// the server holds means "unchanged", any other masked value is refused; the server's full value stays.
void TestServerPrivacy::maskedValuesAreNeverStored()
{
    const QString id = createTicket(u"EA123456785CN"_s, u"13833334444"_s);
    const QJsonObject masked = ticket(u"agent2"_s, id);
    QCOMPARE(masked.value(u"customer_phone"_s).toString(), u"138****4444"_s);
    // The whole masked copy back, with a real change beside it.
    Reply r = patch(u"agent2"_s, id,
                    {{u"customer_name"_s, masked.value(u"customer_name"_s)},
                     {u"customer_phone"_s, masked.value(u"customer_phone"_s)},
                     {u"description"_s, masked.value(u"description"_s)},
                     {u"priority"_s, u"p1"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"customer_phone"_s).toString(), u"138****4444"_s); // as agent2 may see it
    QJsonObject full = ticket(u"lead1"_s, id);
    QCOMPARE(full.value(u"customer_phone"_s).toString(), u"13833334444"_s);
    QCOMPARE(full.value(u"customer_name"_s).toString(), kName);
    QCOMPARE(full.value(u"description"_s).toString(), u"包裹延迟三天，请回电 13987654321"_s);
    QCOMPARE(full.value(u"priority"_s).toString(), u"p1"_s);

    r = patch(u"agent2"_s, id, {{u"customer_name"_s, u"李*"_s}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"customer_name"_s);
    r = patch(u"agent2"_s, id, {{u"customer_phone"_s, u"139****0000"_s}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"customer_phone"_s);
    // An edited description that still holds the number as it was masked.
    r = patch(u"agent2"_s, id, {{u"description"_s, u"客户又来电，请回电 139****4321"_s}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"description"_s);
    // A new ticket cannot start with a masked value either.
    r = m_server.request(
        "POST", u"/api/v1/tickets"_s, m_server.token(u"agent2"_s),
        {{u"description"_s, u"x"_s}, {u"category"_s, u"other"_s}, {u"customer_name"_s, u"张*"_s}});
    QCOMPARE(r.status, 422);
    full = ticket(u"lead1"_s, id);
    QCOMPARE(full.value(u"customer_phone"_s).toString(), u"13833334444"_s);
    QCOMPARE(full.value(u"customer_name"_s).toString(), kName);
    // The assignee may still change them for real.
    QCOMPARE(patch(u"agent1"_s, id, {{u"customer_phone"_s, u"13955556666"_s}}).status, 200);
    QCOMPARE(ticket(u"lead1"_s, id).value(u"customer_phone"_s).toString(), u"13955556666"_s);
}

// 412 copies, PATCH and event answers carry the ticket as the caller may see it.
void TestServerPrivacy::writeResponsesAreMinimised()
{
    Reply r = m_server.request("PATCH", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"agent2"_s),
                               {{u"priority"_s, u"p2"_s}}, {{"If-Match", "999"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.json().value(u"current"_s).toObject().value(u"customer_phone"_s).toString(), u"138****5678"_s);
    const auto note = [&](const QString &login) {
        const QString eid = uuid();
        return m_server.request(
            "POST", u"/api/v1/tickets/%1/events"_s.arg(m_ticket), m_server.token(login),
            {{u"id"_s, eid}, {u"kind"_s, u"note"_s}, {u"text"_s, u"客户另留号码 13700001111"_s}},
            {{"Idempotency-Key", eid.toLatin1()}});
    };
    r = note(u"agent2"_s);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"ticket"_s).toObject().value(u"customer_name"_s).toString(), u"王*"_s);
    QCOMPARE(r.json().value(u"event"_s).toObject().value(u"text"_s).toString(),
             u"客户另留号码 137****1111"_s);
    const QString eventId = r.json().value(u"event"_s).toObject().value(u"id"_s).toString();
    r = note(u"agent1"_s);
    QCOMPARE(r.json().value(u"ticket"_s).toObject().value(u"customer_name"_s).toString(), kName);
    // The event in the feed and on GET …/events: the number in full only for those who see the ticket so.
    const auto eventText = [&](const QString &login) {
        const QJsonArray items =
            m_server.request("GET", u"/api/v1/tickets/%1/events"_s.arg(m_ticket), m_server.token(login))
                .json()
                .value(u"items"_s)
                .toArray();
        for (const QJsonValue &v : items) {
            if (v.toObject().value(u"id"_s).toString() == eventId)
                return v.toObject().value(u"text"_s).toString();
        }
        return QString();
    };
    QCOMPARE(eventText(u"agent1"_s), u"客户另留号码 13700001111"_s);
    QCOMPARE(eventText(u"manager1"_s), u"客户另留号码 137****1111"_s);
    QCOMPARE(dataOf(m_server.readFeed(m_server.token(u"agent2"_s)), u"ticket_event"_s, eventId)
                 .value(u"text"_s)
                 .toString(),
             u"客户另留号码 137****1111"_s);
    QCOMPARE(dataOf(m_server.readFeed(m_server.token(u"lead1"_s)), u"ticket_event"_s, eventId)
                 .value(u"text"_s)
                 .toString(),
             u"客户另留号码 13700001111"_s);
}

// The live feed is hints (and positions, presence): it never carries a customer's phone or name.
void TestServerPrivacy::liveFeedCarriesNoCustomerData()
{
    LiveClient lead;
    lead.open(m_server.port(), m_server.token(u"lead1"_s));
    QVERIFY(QTest::qWaitFor([&] { return !lead.ofKind(u"snapshot"_s).isEmpty(); }, 5000));
    const QString id = createTicket(u"YT4600000000123"_s, u"13866667777"_s);
    QCOMPARE(patch(u"lead1"_s, id, {{u"customer_name"_s, u"赵建国"_s}}).status, 200);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return lead.ofKind(u"changed"_s, [&](const QJsonObject &m) { return m.value(u"id"_s) == id; })
                       .size() >= 2;
        },
        5000));
    QByteArray all;
    for (const QJsonObject &m : std::as_const(lead.messages))
        all += QJsonDocument(m).toJson(QJsonDocument::Compact);
    QVERIFY(!all.contains("13866667777"));
    QVERIFY(!all.contains("6667777"));
    QVERIFY(!all.contains(u"赵建国"_s.toUtf8()));
    QVERIFY(!all.contains(kName.toUtf8()));
}

// Consoles synced before this change hold full data: their cursors ("c2.…") start over with reset, in the
// new format ("c3.…"); a supervisor's scope names the team whose data they get in full.
void TestServerPrivacy::cursorsFromBeforeStartOver()
{
    const QByteArray token = m_server.token(u"lead1"_s);
    const FeedRead now = m_server.readFeed(token);
    QVERIFY2(now.cursor.startsWith(u"c3."_s) && now.cursor.endsWith(u".s-team-a"_s), qPrintable(now.cursor));
    const FeedRead old = m_server.readFeed(token, u"c2.%1.all"_s.arg(now.cursor.section(u'.', 1, 1)));
    QVERIFY(old.reset);
    QVERIFY(!old.about(u"ticket"_s, m_ticket).isEmpty());
    QVERIFY(m_server.readFeed(m_server.token(u"manager1"_s)).cursor.endsWith(u".all"_s));
    // A supervisor's cursor of another team's scope: reset too.
    QVERIFY(m_server.readFeed(token, u"c3.%1.s-team-b"_s.arg(now.cursor.section(u'.', 1, 1))).reset);
}

QTEST_MAIN(TestServerPrivacy)
#include "tst_server_privacy.moc"
