// Customer data protection (issue 17), server side, part 2: reveals on purpose, the append-only access log
// (search by user, phone, time; CSV), its alert to supervisors, the export of full customer data and the
// console's own log entries. None of these existed before this change.
#include "liveclient.h"
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;

namespace {
const QString kPhone = u"13812345678"_qs;
} // namespace

class TestServerAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void revealReturnsFullValueAndIsLogged();
    void whoMayReveal();
    void auditSearchAndPaging();
    void auditCsvExport();
    void logIsAppendOnlyAndHoldsNoPhone();
    void alertWhenOneUserRevealsTooMany();
    void exportOfCustomerDataIsLogged();
    void consoleLogsReportsAndLookups();

private:
    QString createTicket(const QString &login, const QString &phone, const QString &waybill = {});
    Reply reveal(const QString &login, const QString &ticket, const QString &field,
                 const QString &reason = u"callback"_qs, const QString &note = {});
    QJsonArray audit(const QString &query, const QString &login = u"manager1"_qs);
    QVariant sql(const QString &statement, QString *error = nullptr)
    {
        return m_server.sqlValue(statement, {}, error);
    }

    ServerFixture m_server;
    QString m_ticket;
};

void TestServerAudit::initTestCase()
{
    QVERIFY(m_server.prepare());
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"user"_qs, u"add"_qs, u"lead2"_qs, u"--db"_qs, m_server.dbUrl(),
                                    u"--role"_qs, u"supervisor"_qs, u"--team"_qs, u"team-b"_qs},
                                   ServerFixture::kPassword.toUtf8() + '\n', &out),
             0);
    // A small alert limit: more than 3 distinct customers revealed within an hour.
    QCOMPARE(m_server.start({u"--reveal-alert-per-hour"_qs, u"3"_qs}), 0);
    m_ticket = createTicket(u"agent1"_qs, kPhone, u"SF1400000000017"_qs);
    QVERIFY(!m_ticket.isEmpty());
}

QString TestServerAudit::createTicket(const QString &login, const QString &phone, const QString &waybill)
{
    QJsonObject body{{u"description"_qs, u"延迟"_qs},
                     {u"category"_qs, u"delay"_qs},
                     {u"customer_name"_qs, u"王芳"_qs},
                     {u"customer_phone"_qs, phone}};
    if (!waybill.isEmpty())
        body.insert(u"waybill_no"_qs, waybill);
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_qs, m_server.token(login), body);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_qs).toString();
}

Reply TestServerAudit::reveal(const QString &login, const QString &ticket, const QString &field,
                              const QString &reason, const QString &note)
{
    QJsonObject body{{u"field"_qs, field}, {u"reason"_qs, reason}};
    if (!note.isEmpty())
        body.insert(u"note"_qs, note);
    return m_server.request("POST", u"/api/v1/tickets/%1/reveal"_qs.arg(ticket), m_server.token(login), body);
}

QJsonArray TestServerAudit::audit(const QString &query, const QString &login)
{
    const Reply r = m_server.request("GET", u"/api/v1/audit?"_qs + query, m_server.token(login));
    if (r.status != 200)
        qWarning() << "audit:" << r.status << r.body;
    return r.json().value(u"items"_qs).toArray();
}

void TestServerAudit::revealReturnsFullValueAndIsLogged()
{
    // agent2 is of the team but not the assignee: masked, until revealed.
    QCOMPARE(m_server.request("GET", u"/api/v1/tickets/"_qs + m_ticket, m_server.token(u"agent2"_qs))
                 .json()
                 .value(u"customer_phone"_qs)
                 .toString(),
             u"138****5678"_qs);
    Reply r = reveal(u"agent2"_qs, m_ticket, u"phone"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_qs).toObject().value(u"customer_phone"_qs).toString(), kPhone);
    const QString at = r.json().value(u"at"_qs).toString();
    r = reveal(u"agent2"_qs, m_ticket, u"address"_qs, u"courier_contact"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_qs).toObject().value(u"destination_address"_qs).toString(),
             u"杭州市文三路100号"_qs);
    r = reveal(u"lead1"_qs, m_ticket, u"name"_qs, u"other"_qs, u"客户投诉升级"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_qs).toObject().value(u"customer_name"_qs).toString(), u"王芳"_qs);

    // The entry: who, what, which ticket, when (server clock), why, and the customer as a reference.
    const QJsonArray entries = audit(u"user=agent2&kind=reveal"_qs);
    QCOMPARE(entries.size(), 2);
    const QJsonObject first = entries.at(1).toObject(); // newest first
    QCOMPARE(first.value(u"login"_qs).toString(), u"agent2"_qs);
    QCOMPARE(first.value(u"role"_qs).toString(), u"agent"_qs);
    QCOMPARE(first.value(u"ticket_id"_qs).toString(), m_ticket);
    QCOMPARE(first.value(u"field"_qs).toString(), u"phone"_qs);
    QCOMPARE(first.value(u"reason"_qs).toString(), u"callback"_qs);
    QCOMPARE(first.value(u"at"_qs).toString(), at);
    QCOMPARE(first.value(u"customer_ref"_qs).toString().size(), 16);
    QCOMPARE(entries.at(0).toObject().value(u"field"_qs).toString(), u"address"_qs);
    const QJsonArray lead = audit(u"user=lead1"_qs);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead.at(0).toObject().value(u"note"_qs).toString(), u"客户投诉升级"_qs);
}

void TestServerAudit::whoMayReveal()
{
    QCOMPARE(reveal(u"manager1"_qs, m_ticket, u"phone"_qs).status, 403);
    QCOMPARE(reveal(u"admin"_qs, m_ticket, u"phone"_qs).status, 403);
    QCOMPARE(reveal(u"agent3"_qs, m_ticket, u"phone"_qs).status, 403); // another team's ticket
    QCOMPARE(reveal(u"lead2"_qs, m_ticket, u"phone"_qs).status, 200);  // supervisors: any team
    QCOMPARE(reveal(u"agent2"_qs, u"no-such-ticket"_qs, u"phone"_qs).status, 404);
    Reply r = reveal(u"agent2"_qs, m_ticket, u"email"_qs);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"field"_qs);
    r = reveal(u"agent2"_qs, m_ticket, u"phone"_qs, u"curiosity"_qs);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"reason"_qs);
    r = reveal(u"agent2"_qs, m_ticket, u"phone"_qs, u"other"_qs);
    QCOMPARE(r.status, 422); // "other" needs a note
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"note"_qs);
    // Refused reveals are not logged.
    QCOMPARE(audit(u"user=agent2&kind=reveal"_qs).size(), 2);
    QCOMPARE(audit(u"user=manager1"_qs).size(), 0);
    // Only managers and administrators read the log.
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_qs, m_server.token(u"lead1"_qs)).status, 403);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_qs, m_server.token(u"agent1"_qs)).status, 403);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_qs, m_server.token(u"admin"_qs)).status, 200);
}

void TestServerAudit::auditSearchAndPaging()
{
    // By phone, in any spelling; another customer's number finds nothing.
    QCOMPARE(audit(u"phone=138%201234%205678"_qs).size(), 4);
    QCOMPARE(audit(u"phone=13900000000"_qs).size(), 0);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit?phone=12"_qs, m_server.token(u"admin"_qs)).status, 400);
    // By time (server clock): everything so far is before "now + 1 h", nothing after it.
    const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    QCOMPARE(audit(u"to="_qs + later).size(), audit({}).size());
    QCOMPARE(audit(u"from="_qs + later).size(), 0);
    // Pages, newest first, by id.
    const Reply page1 =
        m_server.request("GET", u"/api/v1/audit?kind=reveal&limit=3"_qs, m_server.token(u"admin"_qs));
    QCOMPARE(page1.json().value(u"items"_qs).toArray().size(), 3);
    QVERIFY(page1.json().value(u"has_more"_qs).toBool());
    const qint64 before = page1.json().value(u"next_before"_qs).toInteger();
    const QJsonArray page2 = audit(u"kind=reveal&limit=3&before=%1"_qs.arg(before));
    QCOMPARE(page2.size(), 1);
    QVERIFY(page2.at(0).toObject().value(u"id"_qs).toInteger() < before);
}

void TestServerAudit::auditCsvExport()
{
    const Reply r =
        m_server.request("GET", u"/api/v1/audit?format=csv&kind=reveal"_qs, m_server.token(u"manager1"_qs));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/csv"));
    QVERIFY(r.body.startsWith("\xEF\xBB\xBF"
                              "id,at,user_id,login,"));
    QCOMPARE(r.body.count("\r\n"), 5); // header + 4 reveals
    QVERIFY(r.body.contains(u"客户投诉升级"_qs.toUtf8()));
    QVERIFY(!r.body.contains("12345678"));
    // The export itself is logged.
    const QJsonArray logged = audit(u"kind=audit_export"_qs);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"records"_qs).toInt(), 4);
}

void TestServerAudit::logIsAppendOnlyAndHoldsNoPhone()
{
    QVERIFY(sql(u"SELECT count(*) FROM access_log"_qs).toInt() >= 4);
    // No column of any entry holds the number, in any part; the keyed hash is there instead.
    QCOMPARE(sql(u"SELECT count(*) FROM access_log WHERE user_id || login || ticket_id || note || detail || "
                 "customer_hash LIKE '%12345678%'"_qs)
                 .toInt(),
             0);
    QCOMPARE(sql(u"SELECT length(customer_hash) FROM access_log WHERE kind = 'reveal' LIMIT 1"_qs).toInt(),
             64);
    QString error;
    sql(u"UPDATE access_log SET reason = 'x'"_qs, &error);
    QVERIFY2(error.contains(u"append-only"_qs), qPrintable(error));
    sql(u"DELETE FROM access_log"_qs, &error);
    QVERIFY2(error.contains(u"append-only"_qs), qPrintable(error));
    QVERIFY(sql(u"SELECT count(*) FROM access_log"_qs).toInt() >= 4);
}

// More than N distinct customers revealed by one user within an hour: the supervisors of that user's team get
// a live message (once an hour), and the log an entry. Another team's supervisor, the manager and the user
// do not get it.
void TestServerAudit::alertWhenOneUserRevealsTooMany()
{
    LiveClient leadA, leadB, manager, agent;
    leadA.open(m_server.port(), m_server.token(u"lead1"_qs));
    leadB.open(m_server.port(), m_server.token(u"lead2"_qs));
    manager.open(m_server.port(), m_server.token(u"manager1"_qs));
    agent.open(m_server.port(), m_server.token(u"agent3"_qs));
    for (LiveClient *c : {&leadA, &leadB, &manager, &agent})
        QVERIFY(QTest::qWaitFor([c] { return !c->ofKind(u"snapshot"_qs).isEmpty(); }, 5000));
    QStringList tickets;
    for (int i = 0; i < 5; ++i)
        tickets.append(createTicket(u"agent3"_qs, u"1390000000%1"_qs.arg(i)));
    // The same customer twice counts once: 3 distinct after four reveals.
    for (const QString &t : {tickets.at(0), tickets.at(0), tickets.at(1), tickets.at(2)})
        QCOMPARE(reveal(u"agent3"_qs, t, u"phone"_qs).status, 200);
    QTest::qWait(300);
    QVERIFY(leadB.ofKind(u"reveal_alert"_qs).isEmpty());
    QCOMPARE(reveal(u"agent3"_qs, tickets.at(3), u"name"_qs).status, 200); // the 4th customer
    QVERIFY(QTest::qWaitFor([&] { return !leadB.ofKind(u"reveal_alert"_qs).isEmpty(); }, 5000));
    const QJsonObject alert = leadB.ofKind(u"reveal_alert"_qs).first();
    QCOMPARE(alert.value(u"login"_qs).toString(), u"agent3"_qs);
    QCOMPARE(alert.value(u"customers"_qs).toInt(), 4);
    QCOMPARE(alert.value(u"limit"_qs).toInt(), 3);
    QCOMPARE(alert.value(u"team_id"_qs).toString(), u"team-b"_qs);
    QCOMPARE(reveal(u"agent3"_qs, tickets.at(4), u"phone"_qs).status, 200); // the 5th: no second alert
    QTest::qWait(300);
    QCOMPARE(leadB.ofKind(u"reveal_alert"_qs).size(), 1);
    QVERIFY(leadA.ofKind(u"reveal_alert"_qs).isEmpty());
    QVERIFY(manager.ofKind(u"reveal_alert"_qs).isEmpty());
    QVERIFY(agent.ofKind(u"reveal_alert"_qs).isEmpty());
    const QJsonArray logged = audit(u"kind=reveal_alert"_qs);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_qs).toString(), u"agent3"_qs);
    QCOMPARE(logged.at(0).toObject().value(u"records"_qs).toInt(), 4);
}

void TestServerAudit::exportOfCustomerDataIsLogged()
{
    const QString from = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    const QString to = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    const QJsonObject body{{u"from"_qs, from}, {u"to"_qs, to}};
    QCOMPARE(m_server.request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"lead1"_qs), body)
                 .status,
             403);
    QCOMPARE(m_server.request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"admin"_qs), body)
                 .status,
             403);
    const Reply r =
        m_server.request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"manager1"_qs), body);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().value(u"items"_qs).toArray();
    QCOMPARE(items.size(), 6);
    QCOMPARE(r.json().value(u"count"_qs).toInt(), 6);
    bool found = false;
    for (const QJsonValue &v : items)
        found = found || (v.toObject().value(u"id"_qs).toString() == m_ticket &&
                          v.toObject().value(u"customer_phone"_qs).toString() == kPhone);
    QVERIFY(found);
    const QJsonArray logged = audit(u"kind=customer_export"_qs);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_qs).toString(), u"manager1"_qs);
    QCOMPARE(logged.at(0).toObject().value(u"records"_qs).toInt(), 6);
    // An empty period exports nothing (and is logged as such); a range the wrong way round is refused.
    const Reply none =
        m_server.request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"manager1"_qs),
                         {{u"from"_qs, u"2020-01-01T00:00:00Z"_qs}, {u"to"_qs, u"2020-01-08T00:00:00Z"_qs}});
    QCOMPARE(none.json().value(u"count"_qs).toInt(), 0);
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"manager1"_qs),
                          {{u"from"_qs, to}, {u"to"_qs, from}})
                 .status,
             422);
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/exports/customer-data"_qs, m_server.token(u"manager1"_qs),
                          {{u"from"_qs, u"2020-01-01T00:00:00Z"_qs}, {u"to"_qs, u"2021-01-01T00:00:00Z"_qs}})
                 .status,
             422);
}

void TestServerAudit::consoleLogsReportsAndLookups()
{
    Reply r = m_server.request("POST", u"/api/v1/audit/events"_qs, m_server.token(u"manager1"_qs),
                               {{u"kind"_qs, u"report_generated"_qs},
                                {u"detail"_qs, u"weekly report 2026-W48, PDF"_qs},
                                {u"records"_qs, 1}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"kind"_qs).toString(), u"report_generated"_qs);
    r = m_server.request(
        "POST", u"/api/v1/audit/events"_qs, m_server.token(u"agent1"_qs),
        {{u"kind"_qs, u"bulk_lookup"_qs}, {u"detail"_qs, u"phone tail 5678"_qs}, {u"records"_qs, 12}});
    QCOMPARE(r.status, 201);
    // Only the listed kinds: a console cannot write a reveal, an alert or an export entry.
    for (const QString &kind : {u"reveal"_qs, u"reveal_alert"_qs, u"customer_export"_qs, u"anything"_qs}) {
        r = m_server.request("POST", u"/api/v1/audit/events"_qs, m_server.token(u"manager1"_qs),
                             {{u"kind"_qs, kind}});
        QCOMPARE(r.status, 422);
    }
    r = m_server.request("POST", u"/api/v1/audit/events"_qs, m_server.token(u"manager1"_qs),
                         {{u"kind"_qs, u"report_exported"_qs}, {u"records"_qs, -1}});
    QCOMPARE(r.status, 422);
    QCOMPARE(audit(u"kind=report_generated"_qs).size(), 1);
    QCOMPARE(audit(u"kind=bulk_lookup&user=agent1"_qs).at(0).toObject().value(u"records"_qs).toInt(), 12);
}

QTEST_MAIN(TestServerAudit)
#include "tst_server_audit.moc"
