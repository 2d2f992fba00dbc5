// Customer data protection (issue 17), server side, part 3: erasure of one person (`customer erase`) and
// retention (customer fields blanked N days after a ticket closes, on the server clock, moved here with the
// test-only --clock-offset). Both reach consoles through the change feed; KPI inputs stay as they were.
// Neither existed before this change.
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;

namespace {
constexpr qint64 kDay = 24 * 3600;

QJsonObject dataOf(const FeedRead &feed, const QString &type, const QString &id)
{
    const auto items = feed.about(type, id);
    return items.isEmpty() ? QJsonObject() : items.last().value(u"data"_qs).toObject();
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
    QJsonObject ticket(const QString &id) { return get(u"/api/v1/tickets/"_qs + id); }
    QJsonObject get(const QString &path)
    {
        return m_server.request("GET", path, m_server.token(u"lead1"_qs, m_index), {}, {}, m_index).json();
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
    QJsonObject body{{u"description"_qs, u"包裹破损，客户电话 %1"_qs.arg(phone)},
                     {u"category"_qs, u"damage"_qs},
                     {u"customer_name"_qs, u"陈晓明"_qs},
                     {u"customer_phone"_qs, phone}};
    if (!waybill.isEmpty())
        body.insert(u"waybill_no"_qs, waybill);
    const Reply r =
        m_server.request("POST", u"/api/v1/tickets"_qs, m_server.token(login, m_index), body, {}, m_index);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_qs).toString();
}

QString TestServerRetention::note(const QString &login, const QString &ticket, const QString &text)
{
    const QString id = uuid();
    const Reply r =
        m_server.request("POST", u"/api/v1/tickets/%1/events"_qs.arg(ticket), m_server.token(login, m_index),
                         {{u"id"_qs, id}, {u"kind"_qs, u"note"_qs}, {u"text"_qs, text}},
                         {{"Idempotency-Key", id.toLatin1()}}, m_index);
    return r.status == 201 ? id : QString();
}

Reply TestServerRetention::patch(const QString &id, const QJsonObject &body)
{
    const qint64 version = ticket(id).value(u"version"_qs).toInteger();
    return m_server.request("PATCH", u"/api/v1/tickets/"_qs + id, m_server.token(u"lead1"_qs, m_index), body,
                            {{"If-Match", QByteArray::number(version)}}, m_index);
}

bool TestServerRetention::restart(qint64 offsetSeconds)
{
    m_server.stop(m_index);
    m_server.forgetTokens();
    // Stored first responses kept a year here, so that what retention deletes is told apart from what the
    // idempotency retention (7 days) would.
    m_index = m_server.start({u"--clock-offset"_qs, QString::number(offsetSeconds),
                              u"--idempotency-retention"_qs, QString::number(365 * kDay)});
    return m_index > 0;
}

// PIPL Art. 47: one person's name, phone and addresses leave every record; consoles blank them at their next
// pull; the run is logged (with the phone as a keyed hash) and says how many records changed.
void TestServerRetention::eraseByPhone()
{
    const QString a = createTicket(u"agent1"_qs, u"13812345678"_qs, u"SF1400000000017"_qs);
    const QString b = createTicket(u"agent3"_qs, u"138 1234 5678"_qs, {});
    const QString other = createTicket(u"agent1"_qs, u"13900001111"_qs, u"YT4600000000123"_qs);
    const QString mention = note(u"agent1"_qs, other, u"客户说另一个号码 138-1234-5678 也可以联系"_qs);
    const QString own = note(u"lead1"_qs, a, u"已致电陈晓明，电话 13812345678 无人接听"_qs);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !mention.isEmpty() && !own.isEmpty());
    const FeedRead before = m_server.readFeed(m_server.token(u"lead1"_qs));
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%13812345678%'"_qs).toInt() > 0);

    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"customer"_qs, u"erase"_qs, u"--phone"_qs, u"+86 138 1234 5678"_qs,
                                    u"--db"_qs, m_server.dbUrl()},
                                   {}, &out),
             0);
    QVERIFY2(out.contains("Erased: 2 tickets, 2 ticket events, 1 parcels"), out.constData());
    QVERIFY(!out.contains("5678"));

    for (const QString &id : {a, b}) {
        const QJsonObject t = ticket(id);
        QCOMPARE(t.value(u"customer_phone"_qs).toString(), QString());
        QCOMPARE(t.value(u"customer_name"_qs).toString(), QString());
        QCOMPARE(t.value(u"description"_qs).toString(), u"包裹破损，客户电话 ***"_qs);
        QCOMPARE(t.value(u"category"_qs).toString(), u"damage"_qs);
    }
    QCOMPARE(ticket(other).value(u"customer_phone"_qs).toString(), u"13900001111"_qs);
    QCOMPARE(get(u"/api/v1/parcels/SF1400000000017"_qs).value(u"destination_address"_qs).toString(),
             QString());
    QCOMPARE(get(u"/api/v1/parcels/YT4600000000123"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市延安路8号"_qs);
    QCOMPARE(
        sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%13812345678%' OR body LIKE '%1234-5678%'"_qs)
            .toInt(),
        0);
    QCOMPARE(sql(u"SELECT count(*) FROM docs WHERE data LIKE '%13812345678%' OR data LIKE '%1234-5678%' OR "
                 "(data LIKE '%陈晓明%' AND id <> '%1')"_qs.arg(other))
                 .toInt(),
             0);

    // The feed from the cursor consoles held: the blanked tickets, events and parcel come again.
    const FeedRead after = m_server.readFeed(m_server.token(u"lead1"_qs), before.cursor);
    QCOMPARE(dataOf(after, u"ticket"_qs, a).value(u"customer_phone"_qs).toString(), QString());
    QCOMPARE(dataOf(after, u"ticket"_qs, b).value(u"customer_name"_qs).toString(), QString());
    QCOMPARE(dataOf(after, u"ticket_event"_qs, own).value(u"text"_qs).toString(),
             u"已致电***，电话 *** 无人接听"_qs);
    QCOMPARE(dataOf(after, u"ticket_event"_qs, mention).value(u"text"_qs).toString(),
             u"客户说另一个号码 *** 也可以联系"_qs);
    QCOMPARE(dataOf(after, u"parcel"_qs, u"SF1400000000017"_qs).value(u"origin_address"_qs).toString(),
             QString());

    // Logged, findable by the number, which the log does not hold.
    const QJsonArray logged =
        m_server
            .request("GET", u"/api/v1/audit?phone=13812345678&kind=erasure"_qs, m_server.token(u"admin"_qs))
            .json()
            .value(u"items"_qs)
            .toArray();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_qs).toString(), u"cli"_qs);
    QVERIFY(logged.at(0).toObject().value(u"records"_qs).toInt() >= 5);

    // Nothing left to erase the second time.
    QCOMPARE(ServerFixture::runCli({u"customer"_qs, u"erase"_qs, u"--phone"_qs, u"13812345678"_qs, u"--db"_qs,
                                    m_server.dbUrl()},
                                   {}, &out),
             0);
    QVERIFY2(out.contains("Erased: 0 tickets, 0 ticket events, 0 parcels"), out.constData());
}

void TestServerRetention::eraseRefusesBadInput()
{
    QByteArray out;
    QCOMPARE(
        ServerFixture::runCli(
            {u"customer"_qs, u"erase"_qs, u"--phone"_qs, u"12"_qs, u"--db"_qs, m_server.dbUrl()}, {}, &out),
        2);
    QCOMPARE(ServerFixture::runCli({u"customer"_qs, u"erase"_qs, u"--db"_qs, m_server.dbUrl()}, {}, &out), 2);
    QCOMPARE(
        ServerFixture::runCli({u"customer"_qs, u"forget"_qs, u"--phone"_qs, u"13812345678"_qs}, {}, &out), 2);
}

// Customer fields are blanked 180 days (the default) after a ticket closes, by the housekeeping on the server
// clock: at 179 days nothing happens, at 181 the closed ticket's name, phone, the phones in its texts, its
// parcel's addresses and its stored first responses are gone, and the feed carries them to caches. Times,
// states, category, resolution and compensation — what KPIs and the weekly report read — are unchanged; an
// open ticket is not touched.
void TestServerRetention::retentionAfterClose()
{
    const QString closed = createTicket(u"agent1"_qs, u"13722223333"_qs, u"73100000001234"_qs);
    const QString open = createTicket(u"agent1"_qs, u"13744445555"_qs, u"EA123456785CN"_qs);
    const QString event = note(u"agent1"_qs, closed, u"回电 13722223333 已说明"_qs);
    QVERIFY(!closed.isEmpty() && !open.isEmpty() && !event.isEmpty() &&
            !note(u"agent1"_qs, open, u"跟进"_qs).isEmpty());
    QCOMPARE(patch(closed, {{u"status"_qs, u"resolved"_qs},
                            {u"resolution"_qs, u"compensation"_qs},
                            {u"compensation_amount"_qs, 88.5}})
                 .status,
             200);
    QCOMPARE(patch(closed, {{u"status"_qs, u"closed"_qs}}).status, 200);
    const QJsonObject kept = ticket(closed);
    const QString cursor = m_server.readFeed(m_server.token(u"lead1"_qs)).cursor;
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_qs.arg(closed)).toInt() > 0);

    QVERIFY(restart(179 * kDay));
    QCOMPARE(ticket(closed).value(u"customer_phone"_qs).toString(), u"13722223333"_qs);

    QVERIFY(restart(181 * kDay));
    const QJsonObject t = ticket(closed);
    QCOMPARE(t.value(u"customer_phone"_qs).toString(), QString());
    QCOMPARE(t.value(u"customer_name"_qs).toString(), QString());
    QCOMPARE(t.value(u"description"_qs).toString(), u"包裹破损，客户电话 ***"_qs);
    QCOMPARE(t.value(u"version"_qs).toInteger(), kept.value(u"version"_qs).toInteger() + 1);
    for (const QString &field :
         {u"created_at"_qs, u"first_response_at"_qs, u"resolved_at"_qs, u"closed_at"_qs, u"status"_qs,
          u"category"_qs, u"priority"_qs, u"resolution"_qs, u"compensation_amount"_qs, u"team_id"_qs,
          u"number"_qs, u"waybill_no"_qs})
        QVERIFY2(t.value(field) == kept.value(field), qPrintable(field));
    QCOMPARE(ticket(open).value(u"customer_phone"_qs).toString(), u"13744445555"_qs);
    QCOMPARE(get(u"/api/v1/parcels/73100000001234"_qs).value(u"destination_address"_qs).toString(),
             QString());
    QCOMPARE(get(u"/api/v1/parcels/EA123456785CN"_qs).value(u"destination_address"_qs).toString(),
             u"杭州市学院路5号"_qs);
    QCOMPARE(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_qs.arg(closed)).toInt(), 0);
    QVERIFY(sql(u"SELECT count(*) FROM idempotency WHERE body LIKE '%%1%'"_qs.arg(open)).toInt() > 0);

    // Caches: the feed from the cursor they held carries the blanked ticket, event and parcel.
    const FeedRead feed = m_server.readFeed(m_server.token(u"lead1"_qs, m_index), cursor, 500, m_index);
    QCOMPARE(dataOf(feed, u"ticket"_qs, closed).value(u"customer_phone"_qs).toString(), QString());
    QCOMPARE(dataOf(feed, u"ticket"_qs, closed).value(u"closed_at"_qs), kept.value(u"closed_at"_qs));
    QCOMPARE(dataOf(feed, u"ticket_event"_qs, event).value(u"text"_qs).toString(), u"回电 *** 已说明"_qs);
    QCOMPARE(dataOf(feed, u"parcel"_qs, u"73100000001234"_qs).value(u"destination_address"_qs).toString(),
             QString());
    QVERIFY(feed.about(u"ticket"_qs, open).isEmpty());

    const QJsonArray logged = m_server
                                  .request("GET", u"/api/v1/audit?kind=retention"_qs,
                                           m_server.token(u"admin"_qs, m_index), {}, {}, m_index)
                                  .json()
                                  .value(u"items"_qs)
                                  .toArray();
    QCOMPARE(logged.size(), 1);
    QVERIFY(logged.at(0).toObject().value(u"detail"_qs).toString().contains(u"1 tickets"_qs));
}

QTEST_MAIN(TestServerRetention)
#include "tst_server_retention.moc"
