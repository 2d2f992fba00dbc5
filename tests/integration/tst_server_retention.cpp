// Customer data protection (issue 17), server side, part 3: erasure of one person (`customer erase`) and
// retention (customer fields blanked N days after a ticket closes, on the server clock, moved here with the
// test-only --clock-offset). Both reach consoles through the change feed; KPI inputs stay as they were.
// Neither existed before this change.
#include "serverfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {
constexpr qint64 kDay = 24 * 3600;

QJsonObject dataOf(const FeedRead &feed, const QString &type, const QString &id)
{
    const auto items = feed.about(type, id);
    return items.isEmpty() ? QJsonObject() : items.last().value(u"data"_s).toObject();
}
} // namespace

class TestServerRetention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eraseByPhone();
    void eraseRefusesBadInput();
    void retentionAfterClose();

private:
    QString createTicket(const QString &login, const QString &phone, const QString &waybill);
    QString note(const QString &login, const QString &ticket, const QString &text);
    Reply patch(const QString &id, const QJsonObject &body);
    QJsonObject ticket(const QString &id) { return get(u"/api/v1/tickets/"_s + id); }
    QJsonObject get(const QString &path)
    {
        return m_server.request("GET", path, m_server.token(u"lead1"_s, m_index), {}, {}, m_index).json();
    }
    QVariant sql(const QString &statement) { return m_server.sqlValue(statement); }
    bool restart(qint64 offsetSeconds);

    ServerFixture m_server;
    int m_index = 0;
};

void TestServerRetention::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start(), 0);
}

QString TestServerRetention::createTicket(const QString &login, const QString &phone, const QString &waybill)
{
    QJsonObject body{{u"description"_s, u"包裹破损，客户电话 %1"_s.arg(phone)},
                     {u"category"_s, u"damage"_s},
                     {u"customer_name"_s, u"陈晓明"_s},
                     {u"customer_phone"_s, phone}};
    if (!waybill.isEmpty())
        body.insert(u"waybill_no"_s, waybill);
    const Reply r =
        m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(login, m_index), body, {}, m_index);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

QString TestServerRetention::note(const QString &login, const QString &ticket, const QString &text)
{
    const QString id = uuid();
    const Reply r =
        m_server.request("POST", u"/api/v1/tickets/%1/events"_s.arg(ticket), m_server.token(login, m_index),
                         {{u"id"_s, id}, {u"kind"_s, u"note"_s}, {u"text"_s, text}},
                         {{"Idempotency-Key", id.toLatin1()}}, m_index);
    return r.status == 201 ? id : QString();
}

Reply TestServerRetention::patch(const QString &id, const QJsonObject &body)
{
    const qint64 version = ticket(id).value(u"version"_s).toInteger();
    return m_server.request("PATCH", u"/api/v1/tickets/"_s + id, m_server.token(u"lead1"_s, m_index), body,
                            {{"If-Match", QByteArray::number(version)}}, m_index);
}

bool TestServerRetention::restart(qint64 offsetSeconds)
{
    m_server.stop(m_index);
    m_server.forgetTokens();
    // Stored first responses kept a year here, so that what retention deletes is told apart from what the
    // idempotency retention (7 days) would.
    m_index = m_server.start({u"--clock-offset"_s, QString::number(offsetSeconds),
                              u"--idempotency-retention"_s, QString::number(365 * kDay)});
    return m_index > 0;
}

// PIPL Art. 47: one person's name, phone and addresses leave every record; consoles blank them at their next
// pull; the run is logged (with the phone as a keyed hash) and says how many records changed.
void TestServerRetention::eraseByPhone()
{
    const QString a = createTicket(u"agent1"_s, u"13812345678"_s, u"SF1400000000017"_s);
    const QString b = createTicket(u"agent3"_s, u"138 1234 5678"_s, {});
    const QString other = createTicket(u"agent1"_s, u"13900001111"_s, u"YT4600000000123"_s);
    const QString mention = note(u"agent1"_s, other, u"客户说另一个号码 138-1234-5678 也可以联系"_s);
    const QString own = note(u"lead1"_s, a, u"已致电陈晓明，电话 13812345678 无人接听"_s);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !mention.isEmpty() && !own.isEmpty());
    const FeedRead before = m_server.readFeed(m_server.token(u"lead1"_s));
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%13812345678%'"_s).toInt() > 0);

    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"customer"_s, u"erase"_s, u"--phone"_s, u"+86 138 1234 5678"_s,
                                    u"--db"_s, m_server.dbUrl()},
                                   {}, &out),
             0);
    QVERIFY2(out.contains("Erased: 2 tickets, 2 ticket events, 1 parcels"), out.constData());
    QVERIFY(!out.contains("5678"));

    for (const QString &id : {a, b}) {
        const QJsonObject t = ticket(id);
        QCOMPARE(t.value(u"customer_phone"_s).toString(), QString());
        QCOMPARE(t.value(u"customer_name"_s).toString(), QString());
        QCOMPARE(t.value(u"description"_s).toString(), u"包裹破损，客户电话 ***"_s);
        QCOMPARE(t.value(u"category"_s).toString(), u"damage"_s);
    }
    QCOMPARE(ticket(other).value(u"customer_phone"_s).toString(), u"13900001111"_s);
    QCOMPARE(get(u"/api/v1/parcels/SF1400000000017"_s).value(u"destination_address"_s).toString(), QString());
    QCOMPARE(get(u"/api/v1/parcels/YT4600000000123"_s).value(u"destination_address"_s).toString(),
             u"杭州市延安路8号"_s);
    QCOMPARE(
        sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%13812345678%' OR body LIKE '%1234-5678%'"_s)
            .toInt(),
        0);
    QCOMPARE(sql(u"SELECT count(*) FROM docs WHERE data LIKE '%13812345678%' OR data LIKE '%1234-5678%' OR "
                 "(data LIKE '%陈晓明%' AND id <> '%1')"_s.arg(other))
                 .toInt(),
             0);

    // The feed from the cursor consoles held: the blanked tickets, events and parcel come again.
    const FeedRead after = m_server.readFeed(m_server.token(u"lead1"_s), before.cursor);
    QCOMPARE(dataOf(after, u"ticket"_s, a).value(u"customer_phone"_s).toString(), QString());
    QCOMPARE(dataOf(after, u"ticket"_s, b).value(u"customer_name"_s).toString(), QString());
    QCOMPARE(dataOf(after, u"ticket_event"_s, own).value(u"text"_s).toString(),
             u"已致电***，电话 *** 无人接听"_s);
    QCOMPARE(dataOf(after, u"ticket_event"_s, mention).value(u"text"_s).toString(),
             u"客户说另一个号码 *** 也可以联系"_s);
    QCOMPARE(dataOf(after, u"parcel"_s, u"SF1400000000017"_s).value(u"origin_address"_s).toString(),
             QString());

    // Logged, findable by the number, which the log does not hold.
    const QJsonArray logged =
        m_server.request("GET", u"/api/v1/audit?phone=13812345678&kind=erasure"_s, m_server.token(u"admin"_s))
            .json()
            .value(u"items"_s)
            .toArray();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_s).toString(), u"cli"_s);
    QVERIFY(logged.at(0).toObject().value(u"records"_s).toInt() >= 5);

    // Nothing left to erase the second time.
    QCOMPARE(ServerFixture::runCli(
                 {u"customer"_s, u"erase"_s, u"--phone"_s, u"13812345678"_s, u"--db"_s, m_server.dbUrl()}, {},
                 &out),
             0);
    QVERIFY2(out.contains("Erased: 0 tickets, 0 ticket events, 0 parcels"), out.constData());
}

void TestServerRetention::eraseRefusesBadInput()
{
    QByteArray out;
    QCOMPARE(ServerFixture::runCli(
                 {u"customer"_s, u"erase"_s, u"--phone"_s, u"12"_s, u"--db"_s, m_server.dbUrl()}, {}, &out),
             2);
    QCOMPARE(ServerFixture::runCli({u"customer"_s, u"erase"_s, u"--db"_s, m_server.dbUrl()}, {}, &out), 2);
    QCOMPARE(ServerFixture::runCli({u"customer"_s, u"forget"_s, u"--phone"_s, u"13812345678"_s}, {}, &out),
             2);
}

// Customer fields are blanked 180 days (the default) after a ticket closes, by the housekeeping on the server
// clock: at 179 days nothing happens, at 181 the closed ticket's name, phone, the phones in its texts, its
// parcel's addresses and its stored first responses are gone, and the feed carries them to caches. Times,
// states, category, resolution and compensation — what KPIs and the weekly report read — are unchanged; an
// open ticket is not touched.
void TestServerRetention::retentionAfterClose()
{
    const QString closed = createTicket(u"agent1"_s, u"13722223333"_s, u"73100000001234"_s);
    const QString open = createTicket(u"agent1"_s, u"13744445555"_s, u"EA123456785CN"_s);
    const QString event = note(u"agent1"_s, closed, u"回电 13722223333 已说明"_s);
    QVERIFY(!closed.isEmpty() && !open.isEmpty() && !event.isEmpty() &&
            !note(u"agent1"_s, open, u"跟进"_s).isEmpty());
    QCOMPARE(patch(closed, {{u"status"_s, u"resolved"_s},
                            {u"resolution"_s, u"compensation"_s},
                            {u"compensation_amount"_s, 88.5}})
                 .status,
             200);
    QCOMPARE(patch(closed, {{u"status"_s, u"closed"_s}}).status, 200);
    const QJsonObject kept = ticket(closed);
    const QString cursor = m_server.readFeed(m_server.token(u"lead1"_s)).cursor;
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_s.arg(closed)).toInt() > 0);

    QVERIFY(restart(179 * kDay));
    QCOMPARE(ticket(closed).value(u"customer_phone"_s).toString(), u"13722223333"_s);

    QVERIFY(restart(181 * kDay));
    const QJsonObject t = ticket(closed);
    QCOMPARE(t.value(u"customer_phone"_s).toString(), QString());
    QCOMPARE(t.value(u"customer_name"_s).toString(), QString());
    QCOMPARE(t.value(u"description"_s).toString(), u"包裹破损，客户电话 ***"_s);
    QCOMPARE(t.value(u"version"_s).toInteger(), kept.value(u"version"_s).toInteger() + 1);
    for (const QString &field : {u"created_at"_s, u"first_response_at"_s, u"resolved_at"_s, u"closed_at"_s,
                                 u"status"_s, u"category"_s, u"priority"_s, u"resolution"_s,
                                 u"compensation_amount"_s, u"team_id"_s, u"number"_s, u"waybill_no"_s})
        QVERIFY2(t.value(field) == kept.value(field), qPrintable(field));
    QCOMPARE(ticket(open).value(u"customer_phone"_s).toString(), u"13744445555"_s);
    QCOMPARE(get(u"/api/v1/parcels/73100000001234"_s).value(u"destination_address"_s).toString(), QString());
    QCOMPARE(get(u"/api/v1/parcels/EA123456785CN"_s).value(u"destination_address"_s).toString(),
             u"杭州市学院路5号"_s);
    QCOMPARE(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_s.arg(closed)).toInt(), 0);
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_s.arg(open)).toInt() > 0);

    // Caches: the feed from the cursor they held carries the blanked ticket, event and parcel.
    const FeedRead feed = m_server.readFeed(m_server.token(u"lead1"_s, m_index), cursor, 500, m_index);
    QCOMPARE(dataOf(feed, u"ticket"_s, closed).value(u"customer_phone"_s).toString(), QString());
    QCOMPARE(dataOf(feed, u"ticket"_s, closed).value(u"closed_at"_s), kept.value(u"closed_at"_s));
    QCOMPARE(dataOf(feed, u"ticket_event"_s, event).value(u"text"_s).toString(), u"回电 *** 已说明"_s);
    QCOMPARE(dataOf(feed, u"parcel"_s, u"73100000001234"_s).value(u"destination_address"_s).toString(),
             QString());
    QVERIFY(feed.about(u"ticket"_s, open).isEmpty());

    const QJsonArray logged = m_server
                                  .request("GET", u"/api/v1/audit?kind=retention"_s,
                                           m_server.token(u"admin"_s, m_index), {}, {}, m_index)
                                  .json()
                                  .value(u"items"_s)
                                  .toArray();
    QCOMPARE(logged.size(), 1);
    QVERIFY(logged.at(0).toObject().value(u"detail"_s).toString().contains(u"1 tickets"_s));
}

QTEST_MAIN(TestServerRetention)
#include "tst_server_retention.moc"
