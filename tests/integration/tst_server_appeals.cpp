// Issue 21, regulator appeals on the real server (docs/appeals.md): import through the API and the CSV
// command (idempotent by appeal number, earlier tickets linked), the legal clocks' breaches written once per
// clock instance (also after a restart), the answer and the rejection that starts the redo clock, the fault
// finding's validation.
#include "serverfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// 24:00 Beijing time of the @p days-th natural day after the Beijing day of @p from, as the server writes it.
QString naturalDeadline(qint64 from, int days)
{
    const QTimeZone beijing("Asia/Shanghai");
    const QDate day = QDateTime::fromMSecsSinceEpoch(from, beijing).date().addDays(days + 1);
    return iso(QDateTime(day, QTime(0, 0), beijing).toMSecsSinceEpoch());
}

QJsonObject appeal(const QString &no, qint64 forwarded, const QString &waybill = u"SF1400000000017"_s,
                   const QString &phone = u"13812345678"_s)
{
    return {{u"appeal_no"_s, no},
            {u"forwarded_at"_s, iso(forwarded)},
            {u"office"_s, u"浙江省杭州市邮政管理局"_s},
            {u"waybill_no"_s, waybill},
            {u"customer_name"_s, u"王芳"_s},
            {u"customer_phone"_s, phone},
            {u"description"_s, u"快件延误十天，投诉后无人处理"_s},
            {u"category"_s, u"delay"_s}};
}

} // namespace

class TestServerAppeals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importIsIdempotentAndLinks();
    void answerClockBreachesOnce();
    void csvImport();
    void faultFindingIsValidated();
    void rejectionStartsTheRedoClock();

private:
    [[nodiscard]] qint64 serverTime(int index = 0);
    [[nodiscard]] QList<QJsonObject> breaches(const QString &ticketId, const QString &clock, int index = 0);
    [[nodiscard]] int ticketCount();

    ServerFixture m_server;
    QString m_earlier;    ///< a customer complaint about SF1400000000017
    QString m_lateAppeal; ///< imported 20 days after forwarding
};

void TestServerAppeals::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start(), 0);
    m_earlier = m_server.createTicket(u"agent1"_s);
    QVERIFY(!m_earlier.isEmpty());
}

qint64 TestServerAppeals::serverTime(int index)
{
    return m_server.request("GET", u"/api/v1/health"_s, {}, {}, {}, index)
        .header("X-Server-Time-Ms")
        .toLongLong();
}

QList<QJsonObject> TestServerAppeals::breaches(const QString &ticketId, const QString &clock, int index)
{
    QList<QJsonObject> out;
    const QJsonArray items = m_server
                                 .request("GET", u"/api/v1/tickets/%1/events"_s.arg(ticketId),
                                          m_server.token(u"lead1"_s, index), {}, {}, index)
                                 .json()
                                 .value(u"items"_s)
                                 .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject e = v.toObject();
        if (e.value(u"kind"_s) == u"sla_breach"_s && e.value(u"data"_s).toObject().value(u"clock"_s) == clock)
            out.append(e);
    }
    return out;
}

int TestServerAppeals::ticketCount()
{
    return m_server.sqlValue(u"SELECT COUNT(*) FROM docs WHERE type = 'ticket' AND deleted = 0"_s).toInt();
}

void TestServerAppeals::importIsIdempotentAndLinks()
{
    const qint64 now = serverTime();
    const QJsonObject body = appeal(u"SS202611300001"_s, now - 20 * kDayMs);
    // Agents may not import.
    QCOMPARE(m_server.request("POST", u"/api/v1/appeals"_s, m_server.token(u"agent1"_s), body).status, 403);
    const int before = ticketCount();
    const Reply first = m_server.request("POST", u"/api/v1/appeals"_s, m_server.token(u"lead1"_s), body);
    QCOMPARE(first.status, 201);
    const QJsonObject t = first.json().value(u"ticket"_s).toObject();
    m_lateAppeal = t.value(u"id"_s).toString();
    QCOMPARE(t.value(u"source"_s).toString(), u"regulator_appeal"_s);
    QCOMPARE(t.value(u"priority"_s).toString(), u"p1"_s);
    QCOMPARE(t.value(u"team_id"_s).toString(), u"team-a"_s); // the earlier complaint's team
    const QJsonObject a = t.value(u"appeal"_s).toObject();
    QCOMPARE(a.value(u"number"_s).toString(), u"SS202611300001"_s);
    QCOMPARE(a.value(u"forwarded_at"_s).toString(), body.value(u"forwarded_at"_s).toString());
    QCOMPARE(a.value(u"earlier_tickets"_s).toArray(), QJsonArray{m_earlier});
    QCOMPARE(ticketCount(), before + 1);
    // Again, and in a batch with a new one: the same ticket, nothing created twice.
    const Reply again = m_server.request("POST", u"/api/v1/appeals"_s, m_server.token(u"manager1"_s), body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"created"_s).toBool(), false);
    QCOMPARE(again.json().value(u"ticket"_s).toObject().value(u"id"_s).toString(), m_lateAppeal);
    const QJsonObject batch{{u"appeals"_s, QJsonArray{body, appeal(u"SS202611300002"_s, now - kDayMs)}}};
    const Reply b = m_server.request("POST", u"/api/v1/appeals"_s, m_server.token(u"admin"_s), batch);
    QCOMPARE(b.status, 200);
    QCOMPARE(b.json().value(u"created"_s).toInt(), 1);
    QCOMPARE(b.json().value(u"existing"_s).toInt(), 1);
    QCOMPARE(ticketCount(), before + 2);
    QCOMPARE(m_server.sqlValue(u"SELECT COUNT(*) FROM appeals"_s).toInt(), 2);
    // A batch with one bad appeal writes nothing and names the field.
    const QJsonObject bad{
        {u"appeals"_s, QJsonArray{appeal(u"SS202611300003"_s, now - kDayMs),
                                  QJsonObject{{u"appeal_no"_s, u"SS4"_s}, {u"description"_s, u"x"_s}}}}};
    const Reply r = m_server.request("POST", u"/api/v1/appeals"_s, m_server.token(u"admin"_s), bad);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(),
             u"appeals[1].forwarded_at"_s);
    QCOMPARE(ticketCount(), before + 2);
}

void TestServerAppeals::answerClockBreachesOnce()
{
    QVERIFY(!m_lateAppeal.isEmpty());
    // Forwarded 20 days ago: 15 natural days passed; the breach is written when the server sees the ticket.
    QTRY_COMPARE_WITH_TIMEOUT(breaches(m_lateAppeal, u"appeal_answer"_s).size(), 1, 10000);
    const QJsonObject ticket =
        m_server.request("GET", u"/api/v1/tickets/"_s + m_lateAppeal, m_server.token(u"lead1"_s)).json();
    const qint64 forwarded =
        QDateTime::fromString(ticket.value(u"appeal"_s).toObject().value(u"forwarded_at"_s).toString(),
                              Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    const QJsonObject data = breaches(m_lateAppeal, u"appeal_answer"_s).first().value(u"data"_s).toObject();
    QCOMPARE(data.value(u"deadline"_s).toString(), naturalDeadline(forwarded, 15));
    QCOMPARE(data.value(u"appeal_no"_s).toString(), u"SS202611300001"_s);
    // The statutory clock started at the import: not breached.
    QCOMPARE(breaches(m_lateAppeal, u"statutory"_s).size(), 0);
    // A restart reads the breach back: still one.
    m_server.stop(0);
    QCOMPARE(m_server.start(), 1);
    m_server.forgetTokens();
    QTest::qWait(1500);
    QCOMPARE(breaches(m_lateAppeal, u"appeal_answer"_s, 1).size(), 1);
    m_server.stop(1);
    QCOMPARE(m_server.start(), 2);
}

void TestServerAppeals::csvImport()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(u"appeals.csv"_s);
    QFile f(good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(
                "申诉编号,转办时间,转办单位,运单号,申诉人,联系电话,申诉内容,申诉类别\n"
                "SS202611300001,2026-11-01 "
                "10:00:00,浙江省杭州市邮政管理局,SF1400000000017,王芳,13812345678,重复导入,延误\n"
                "SS202611300010,2026-11-28 "
                "09:30:00,浙江省邮政管理局,SF1400000000017,王芳,13812345678,\"快件破损，\n要求赔偿\",损毁\n")
                .toUtf8());
    f.close();
    const int before = ticketCount();
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"import"_s, u"appeals"_s, good, u"--db"_s, m_server.dbUrl()}, {}, &out),
             0);
    QVERIFY2(out.contains("Imported 1 appeals (1 imported before"), out.constData());
    QCOMPARE(ticketCount(), before + 1);
    // 转办时间 is Beijing time; 损毁 is damage.
    const QList<QVariantList> rows =
        m_server.sqlRows(u"SELECT forwarded_ms, ticket_id FROM appeals WHERE appeal_no = 'SS202611300010'"_s);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().at(0).toLongLong(),
             QDateTime::fromString(u"2026-11-28T01:30:00Z"_s, Qt::ISODate).toMSecsSinceEpoch());
    const QJsonObject t = m_server
                              .request("GET", u"/api/v1/tickets/"_s + rows.first().at(1).toString(),
                                       m_server.token(u"lead1"_s, 2), {}, {}, 2)
                              .json();
    QCOMPARE(t.value(u"category"_s).toString(), u"damage"_s);
    QCOMPARE(t.value(u"description"_s).toString(), u"快件破损，\n要求赔偿"_s);
    // Again: nothing new.
    QCOMPARE(ServerFixture::runCli({u"import"_s, u"appeals"_s, good, u"--db"_s, m_server.dbUrl()}, {}, &out),
             0);
    QCOMPARE(ticketCount(), before + 1);
    // A bad row is named by its line; nothing is written.
    const QString badPath = dir.filePath(u"bad.csv"_s);
    QFile b(badPath);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(QStringLiteral("appeal_no,forwarded_at,description\nSS202611300020,2026-11-29 10:00,好\n"
                           "SS202611300021,昨天,坏\n")
                .toUtf8());
    b.close();
    QCOMPARE(
        ServerFixture::runCli({u"import"_s, u"appeals"_s, badPath, u"--db"_s, m_server.dbUrl()}, {}, &out),
        1);
    QVERIFY2(out.contains("line 3 forwarded_at"), out.constData());
    QCOMPARE(ticketCount(), before + 1);
}

void TestServerAppeals::faultFindingIsValidated()
{
    const int s = 2;
    const QByteArray lead = m_server.token(u"lead1"_s, s);
    auto patch = [&](const QString &id, const QJsonObject &body) {
        return m_server.request("PATCH", u"/api/v1/tickets/"_s + id, lead, body,
                                {{"If-Match", QByteArray::number(m_server.ticketVersion(id, s))}}, s);
    };
    Reply r = patch(m_lateAppeal, {{u"appeal"_s, QJsonObject{{u"company_at_fault"_s, true}}}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"appeal.fault_reason"_s);
    r = patch(m_lateAppeal, {{u"appeal"_s, QJsonObject{{u"number"_s, u"X"_s}}}});
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"appeal.number"_s);
    r = patch(m_earlier, {{u"appeal"_s, QJsonObject{{u"company_at_fault"_s, false}}}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"not_an_appeal"_s);
    r = patch(m_lateAppeal, {{u"appeal"_s, QJsonObject{{u"company_at_fault"_s, true},
                                                       {u"fault_reason"_s, u"派件员未按约定投递"_s}}}});
    QCOMPARE(r.status, 200);
    const QJsonObject a = r.json().value(u"appeal"_s).toObject();
    QCOMPARE(a.value(u"company_at_fault"_s).toBool(), true);
    QCOMPARE(a.value(u"fault_reason"_s).toString(), u"派件员未按约定投递"_s);
    QCOMPARE(a.value(u"number"_s).toString(), u"SS202611300001"_s);
}

void TestServerAppeals::rejectionStartsTheRedoClock()
{
    int s = 2;
    const QJsonObject created = m_server
                                    .request("POST", u"/api/v1/appeals"_s, m_server.token(u"lead1"_s, s),
                                             appeal(u"SS202611300030"_s, serverTime(s) - kDayMs), {}, s)
                                    .json();
    const QString id = created.value(u"ticket"_s).toObject().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    const QByteArray agent = m_server.token(u"agent1"_s, s);
    // Nothing to reject before an answer.
    Reply r = m_server.request("POST", u"/api/v1/tickets/%1/appeal/rejection"_s.arg(id), agent,
                               {{u"reason"_s, u"答复不完整"_s}}, {}, s);
    QCOMPARE(r.status, 409);
    r = m_server.request("POST", u"/api/v1/tickets/%1/appeal/answer"_s.arg(id), agent, {{u"text"_s, u""_s}},
                         {}, s);
    QCOMPARE(r.status, 422);
    r = m_server.request("POST", u"/api/v1/tickets/%1/appeal/answer"_s.arg(id), agent,
                         {{u"text"_s, u"已向用户致歉并赔偿"_s}}, {}, s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"appeal"_s).toObject().contains(u"answered_at"_s));
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/tickets/%1/appeal/answer"_s.arg(id), agent,
                          {{u"text"_s, u"再答一次"_s}}, {}, s)
                 .status,
             409);
    const qint64 rejectedAt = serverTime(s);
    r = m_server.request("POST", u"/api/v1/tickets/%1/appeal/rejection"_s.arg(id), agent,
                         {{u"at"_s, iso(rejectedAt)}, {u"reason"_s, u"答复未说明赔偿依据"_s}}, {}, s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"appeal"_s).toObject().value(u"rejections"_s).toInt(), 1);
    QCOMPARE(r.json().value(u"appeal"_s).toObject().value(u"rejected_at"_s).toString(), iso(rejectedAt));
    QCOMPARE(breaches(id, u"appeal_redo"_s, s).size(), 0);
    // Nine days later (server clock offset): the redo (5 days) and statutory (7 days) clocks are breached,
    // each once, the redo as instance 1; and still once after another restart.
    m_server.stop(s);
    const QStringList later{u"--clock-offset"_s, QString::number(9 * 24 * 3600)};
    s = m_server.start(later);
    QVERIFY(s > 0);
    QTRY_COMPARE_WITH_TIMEOUT(breaches(id, u"appeal_redo"_s, s).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(breaches(id, u"statutory"_s, s).size(), 1, 10000);
    const QJsonObject redo = breaches(id, u"appeal_redo"_s, s).first();
    QCOMPARE(redo.value(u"id"_s).toString(), u"sla-appeal_redo-1-"_s + id);
    QCOMPARE(redo.value(u"data"_s).toObject().value(u"instance"_s).toInt(), 1);
    QCOMPARE(redo.value(u"data"_s).toObject().value(u"deadline"_s).toString(),
             naturalDeadline(rejectedAt, 5));
    m_server.stop(s);
    s = m_server.start(later);
    QTest::qWait(1500);
    QCOMPARE(breaches(id, u"appeal_redo"_s, s).size(), 1);
    QCOMPARE(breaches(id, u"statutory"_s, s).size(), 1);
    QCOMPARE(m_server
                 .sqlValue(
                     u"SELECT COUNT(*) FROM docs WHERE type = 'ticket_event' AND parent = ? AND "
                     "status = 'sla_breach' AND (id LIKE 'sla-statutory-%' OR id LIKE 'sla-appeal_redo-%')"_s,
                     {id})
                 .toInt(),
             2);
}

QTEST_MAIN(TestServerAppeals)
#include "tst_server_appeals.moc"
