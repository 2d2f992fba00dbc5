// Customer data protection (issue 17), server side, part 2: reveals on purpose, the append-only access log
// (search by user, phone, time; CSV), its alert to supervisors, the export of full customer data and the
// console's own log entries. None of these existed before this change.
#include "liveclient.h"
#include "serverfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {
const QString kPhone = u"13812345678"_s;
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
                 const QString &reason = u"callback"_s, const QString &note = {});
    QJsonArray audit(const QString &query, const QString &login = u"manager1"_s);
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
    QCOMPARE(ServerFixture::runCli({u"user"_s, u"add"_s, u"lead2"_s, u"--db"_s, m_server.dbUrl(), u"--role"_s,
                                    u"supervisor"_s, u"--team"_s, u"team-b"_s},
                                   ServerFixture::kPassword.toUtf8() + '\n', &out),
             0);
    // A small alert limit: more than 3 distinct customers revealed within an hour.
    QCOMPARE(m_server.start({u"--reveal-alert-per-hour"_s, u"3"_s}), 0);
    m_ticket = createTicket(u"agent1"_s, kPhone, u"SF1400000000017"_s);
    QVERIFY(!m_ticket.isEmpty());
}

QString TestServerAudit::createTicket(const QString &login, const QString &phone, const QString &waybill)
{
    QJsonObject body{{u"description"_s, u"延迟"_s},
                     {u"category"_s, u"delay"_s},
                     {u"customer_name"_s, u"王芳"_s},
                     {u"customer_phone"_s, phone}};
    if (!waybill.isEmpty())
        body.insert(u"waybill_no"_s, waybill);
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(login), body);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

Reply TestServerAudit::reveal(const QString &login, const QString &ticket, const QString &field,
                              const QString &reason, const QString &note)
{
    QJsonObject body{{u"field"_s, field}, {u"reason"_s, reason}};
    if (!note.isEmpty())
        body.insert(u"note"_s, note);
    return m_server.request("POST", u"/api/v1/tickets/%1/reveal"_s.arg(ticket), m_server.token(login), body);
}

QJsonArray TestServerAudit::audit(const QString &query, const QString &login)
{
    const Reply r = m_server.request("GET", u"/api/v1/audit?"_s + query, m_server.token(login));
    if (r.status != 200)
        qWarning() << "audit:" << r.status << r.body;
    return r.json().value(u"items"_s).toArray();
}

void TestServerAudit::revealReturnsFullValueAndIsLogged()
{
    // agent2 is of the team but not the assignee: masked, until revealed.
    QCOMPARE(m_server.request("GET", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"agent2"_s))
                 .json()
                 .value(u"customer_phone"_s)
                 .toString(),
             u"138****5678"_s);
    Reply r = reveal(u"agent2"_s, m_ticket, u"phone"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_s).toObject().value(u"customer_phone"_s).toString(), kPhone);
    const QString at = r.json().value(u"at"_s).toString();
    r = reveal(u"agent2"_s, m_ticket, u"address"_s, u"courier_contact"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_s).toObject().value(u"destination_address"_s).toString(),
             u"杭州市文三路100号"_s);
    r = reveal(u"lead1"_s, m_ticket, u"name"_s, u"other"_s, u"客户投诉升级"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"values"_s).toObject().value(u"customer_name"_s).toString(), u"王芳"_s);

    // The entry: who, what, which ticket, when (server clock), why, and the customer as a reference.
    const QJsonArray entries = audit(u"user=agent2&kind=reveal"_s);
    QCOMPARE(entries.size(), 2);
    const QJsonObject first = entries.at(1).toObject(); // newest first
    QCOMPARE(first.value(u"login"_s).toString(), u"agent2"_s);
    QCOMPARE(first.value(u"role"_s).toString(), u"agent"_s);
    QCOMPARE(first.value(u"ticket_id"_s).toString(), m_ticket);
    QCOMPARE(first.value(u"field"_s).toString(), u"phone"_s);
    QCOMPARE(first.value(u"reason"_s).toString(), u"callback"_s);
    QCOMPARE(first.value(u"at"_s).toString(), at);
    QCOMPARE(first.value(u"customer_ref"_s).toString().size(), 16);
    QCOMPARE(entries.at(0).toObject().value(u"field"_s).toString(), u"address"_s);
    const QJsonArray lead = audit(u"user=lead1"_s);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead.at(0).toObject().value(u"note"_s).toString(), u"客户投诉升级"_s);
}

void TestServerAudit::whoMayReveal()
{
    QCOMPARE(reveal(u"manager1"_s, m_ticket, u"phone"_s).status, 403);
    QCOMPARE(reveal(u"admin"_s, m_ticket, u"phone"_s).status, 403);
    QCOMPARE(reveal(u"agent3"_s, m_ticket, u"phone"_s).status, 403); // another team's ticket
    QCOMPARE(reveal(u"lead2"_s, m_ticket, u"phone"_s).status, 200);  // supervisors: any team
    QCOMPARE(reveal(u"agent2"_s, u"no-such-ticket"_s, u"phone"_s).status, 404);
    Reply r = reveal(u"agent2"_s, m_ticket, u"email"_s);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"field"_s);
    r = reveal(u"agent2"_s, m_ticket, u"phone"_s, u"curiosity"_s);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"reason"_s);
    r = reveal(u"agent2"_s, m_ticket, u"phone"_s, u"other"_s);
    QCOMPARE(r.status, 422); // "other" needs a note
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"note"_s);
    // Refused reveals are not logged.
    QCOMPARE(audit(u"user=agent2&kind=reveal"_s).size(), 2);
    QCOMPARE(audit(u"user=manager1"_s).size(), 0);
    // Only managers and administrators read the log.
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_s, m_server.token(u"lead1"_s)).status, 403);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_s, m_server.token(u"agent1"_s)).status, 403);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit"_s, m_server.token(u"admin"_s)).status, 200);
}

void TestServerAudit::auditSearchAndPaging()
{
    // By phone, in any spelling; another customer's number finds nothing.
    QCOMPARE(audit(u"phone=138%201234%205678"_s).size(), 4);
    QCOMPARE(audit(u"phone=13900000000"_s).size(), 0);
    QCOMPARE(m_server.request("GET", u"/api/v1/audit?phone=12"_s, m_server.token(u"admin"_s)).status, 400);
    // By time (server clock): everything so far is before "now + 1 h", nothing after it.
    const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    QCOMPARE(audit(u"to="_s + later).size(), audit({}).size());
    QCOMPARE(audit(u"from="_s + later).size(), 0);
    // Pages, newest first, by id.
    const Reply page1 =
        m_server.request("GET", u"/api/v1/audit?kind=reveal&limit=3"_s, m_server.token(u"admin"_s));
    QCOMPARE(page1.json().value(u"items"_s).toArray().size(), 3);
    QVERIFY(page1.json().value(u"has_more"_s).toBool());
    const qint64 before = page1.json().value(u"next_before"_s).toInteger();
    const QJsonArray page2 = audit(u"kind=reveal&limit=3&before=%1"_s.arg(before));
    QCOMPARE(page2.size(), 1);
    QVERIFY(page2.at(0).toObject().value(u"id"_s).toInteger() < before);
}

void TestServerAudit::auditCsvExport()
{
    const Reply r =
        m_server.request("GET", u"/api/v1/audit?format=csv&kind=reveal"_s, m_server.token(u"manager1"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/csv"));
    QVERIFY(r.body.startsWith("\xEF\xBB\xBF"
                              "id,at,user_id,login,"));
    QCOMPARE(r.body.count("\r\n"), 5); // header + 4 reveals
    QVERIFY(r.body.contains(u"客户投诉升级"_s.toUtf8()));
    QVERIFY(!r.body.contains("12345678"));
    // The export itself is logged.
    const QJsonArray logged = audit(u"kind=audit_export"_s);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"records"_s).toInt(), 4);
}

void TestServerAudit::logIsAppendOnlyAndHoldsNoPhone()
{
    QVERIFY(sql(u"SELECT count(*) FROM access_log"_s).toInt() >= 4);
    // No column of any entry holds the number, in any part; the keyed hash is there instead.
    QCOMPARE(sql(u"SELECT count(*) FROM access_log WHERE user_id || login || ticket_id || note || detail || "
                 "customer_hash LIKE '%12345678%'"_s)
                 .toInt(),
             0);
    QCOMPARE(sql(u"SELECT length(customer_hash) FROM access_log WHERE kind = 'reveal' LIMIT 1"_s).toInt(),
             64);
    QString error;
    sql(u"UPDATE access_log SET reason = 'x'"_s, &error);
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    sql(u"DELETE FROM access_log"_s, &error);
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    QVERIFY(sql(u"SELECT count(*) FROM access_log"_s).toInt() >= 4);
}

// More than N distinct customers revealed by one user within an hour: the supervisors of that user's team get
// a live message (once an hour), and the log an entry. Another team's supervisor, the manager and the user
// do not get it.
void TestServerAudit::alertWhenOneUserRevealsTooMany()
{
    LiveClient leadA, leadB, manager, agent;
    leadA.open(m_server.port(), m_server.token(u"lead1"_s));
    leadB.open(m_server.port(), m_server.token(u"lead2"_s));
    manager.open(m_server.port(), m_server.token(u"manager1"_s));
    agent.open(m_server.port(), m_server.token(u"agent3"_s));
    for (LiveClient *c : {&leadA, &leadB, &manager, &agent})
        QVERIFY(QTest::qWaitFor([c] { return !c->ofKind(u"snapshot"_s).isEmpty(); }, 5000));
    QStringList tickets;
    for (int i = 0; i < 5; ++i)
        tickets.append(createTicket(u"agent3"_s, u"1390000000%1"_s.arg(i)));
    // The same customer twice counts once: 3 distinct after four reveals.
    for (const QString &t : {tickets.at(0), tickets.at(0), tickets.at(1), tickets.at(2)})
        QCOMPARE(reveal(u"agent3"_s, t, u"phone"_s).status, 200);
    QTest::qWait(300);
    QVERIFY(leadB.ofKind(u"reveal_alert"_s).isEmpty());
    QCOMPARE(reveal(u"agent3"_s, tickets.at(3), u"name"_s).status, 200); // the 4th customer
    QVERIFY(QTest::qWaitFor([&] { return !leadB.ofKind(u"reveal_alert"_s).isEmpty(); }, 5000));
    const QJsonObject alert = leadB.ofKind(u"reveal_alert"_s).first();
    QCOMPARE(alert.value(u"login"_s).toString(), u"agent3"_s);
    QCOMPARE(alert.value(u"customers"_s).toInt(), 4);
    QCOMPARE(alert.value(u"limit"_s).toInt(), 3);
    QCOMPARE(alert.value(u"team_id"_s).toString(), u"team-b"_s);
    QCOMPARE(reveal(u"agent3"_s, tickets.at(4), u"phone"_s).status, 200); // the 5th: no second alert
    QTest::qWait(300);
    QCOMPARE(leadB.ofKind(u"reveal_alert"_s).size(), 1);
    QVERIFY(leadA.ofKind(u"reveal_alert"_s).isEmpty());
    QVERIFY(manager.ofKind(u"reveal_alert"_s).isEmpty());
    QVERIFY(agent.ofKind(u"reveal_alert"_s).isEmpty());
    const QJsonArray logged = audit(u"kind=reveal_alert"_s);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_s).toString(), u"agent3"_s);
    QCOMPARE(logged.at(0).toObject().value(u"records"_s).toInt(), 4);
}

void TestServerAudit::exportOfCustomerDataIsLogged()
{
    const QString from = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    const QString to = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    const QJsonObject body{{u"from"_s, from}, {u"to"_s, to}};
    QCOMPARE(
        m_server.request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"lead1"_s), body).status,
        403);
    QCOMPARE(
        m_server.request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"admin"_s), body).status,
        403);
    const Reply r =
        m_server.request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"manager1"_s), body);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 6);
    QCOMPARE(r.json().value(u"count"_s).toInt(), 6);
    bool found = false;
    for (const QJsonValue &v : items)
        found = found || (v.toObject().value(u"id"_s).toString() == m_ticket &&
                          v.toObject().value(u"customer_phone"_s).toString() == kPhone);
    QVERIFY(found);
    const QJsonArray logged = audit(u"kind=customer_export"_s);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).toObject().value(u"login"_s).toString(), u"manager1"_s);
    QCOMPARE(logged.at(0).toObject().value(u"records"_s).toInt(), 6);
    // An empty period exports nothing (and is logged as such); a range the wrong way round is refused.
    const Reply none =
        m_server.request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"manager1"_s),
                         {{u"from"_s, u"2020-01-01T00:00:00Z"_s}, {u"to"_s, u"2020-01-08T00:00:00Z"_s}});
    QCOMPARE(none.json().value(u"count"_s).toInt(), 0);
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"manager1"_s),
                          {{u"from"_s, to}, {u"to"_s, from}})
                 .status,
             422);
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/exports/customer-data"_s, m_server.token(u"manager1"_s),
                          {{u"from"_s, u"2020-01-01T00:00:00Z"_s}, {u"to"_s, u"2021-01-01T00:00:00Z"_s}})
                 .status,
             422);
}

void TestServerAudit::consoleLogsReportsAndLookups()
{
    Reply r = m_server.request("POST", u"/api/v1/audit/events"_s, m_server.token(u"manager1"_s),
                               {{u"kind"_s, u"report_generated"_s},
                                {u"detail"_s, u"weekly report 2026-W48, PDF"_s},
                                {u"records"_s, 1}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"kind"_s).toString(), u"report_generated"_s);
    r = m_server.request(
        "POST", u"/api/v1/audit/events"_s, m_server.token(u"agent1"_s),
        {{u"kind"_s, u"bulk_lookup"_s}, {u"detail"_s, u"phone tail 5678"_s}, {u"records"_s, 12}});
    QCOMPARE(r.status, 201);
    // Only the listed kinds: a console cannot write a reveal, an alert or an export entry.
    for (const QString &kind : {u"reveal"_s, u"reveal_alert"_s, u"customer_export"_s, u"anything"_s}) {
        r = m_server.request("POST", u"/api/v1/audit/events"_s, m_server.token(u"manager1"_s),
                             {{u"kind"_s, kind}});
        QCOMPARE(r.status, 422);
    }
    r = m_server.request("POST", u"/api/v1/audit/events"_s, m_server.token(u"manager1"_s),
                         {{u"kind"_s, u"report_exported"_s}, {u"records"_s, -1}});
    QCOMPARE(r.status, 422);
    QCOMPARE(audit(u"kind=report_generated"_s).size(), 1);
    QCOMPARE(audit(u"kind=bulk_lookup&user=agent1"_s).at(0).toObject().value(u"records"_s).toInt(), 12);
}

QTEST_MAIN(TestServerAudit)
#include "tst_server_audit.moc"
