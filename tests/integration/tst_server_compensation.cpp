// Issue 21, compensation on the server (docs/compensation.md): approval limits on the ticket paths, requests
// that wait for approval, approval and rejection by another person, the policy endpoint and the ledger.
#include "serverfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace pd::test;
using namespace Qt::StringLiterals;

class TestServerCompensation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentAboveLimitWaitsForApproval();
    void rejectionAndManagerApproval();
    void policyIsManagersAndValidated();

private:
    /// A server with a second supervisor of team-a (lead2).
    static bool startWithTwoLeads(ServerFixture &s);
    static QJsonObject ticket(ServerFixture &s, const QString &id);
    static QList<QJsonObject> events(ServerFixture &s, const QString &id, const QString &kind);
    static Reply resolve(ServerFixture &s, const QString &login, const QString &id, double yuan);
    static Reply requestCompensation(ServerFixture &s, const QString &login, const QString &id, double yuan);
};

bool TestServerCompensation::startWithTwoLeads(ServerFixture &s)
{
    if (!s.prepare())
        return false;
    QByteArray out;
    const int rc = ServerFixture::runCli({u"user"_s, u"add"_s, u"lead2"_s, u"--db"_s, s.dbUrl(), u"--role"_s,
                                          u"supervisor"_s, u"--team"_s, u"team-a"_s},
                                         ServerFixture::kPassword.toUtf8() + '\n', &out);
    if (rc != 0)
        qWarning() << "lead2 not added:" << out;
    return rc == 0 && s.start() == 0;
}

QJsonObject TestServerCompensation::ticket(ServerFixture &s, const QString &id)
{
    return s.request("GET", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s)).json();
}

QList<QJsonObject> TestServerCompensation::events(ServerFixture &s, const QString &id, const QString &kind)
{
    QList<QJsonObject> out;
    const QJsonArray items = s.request("GET", u"/api/v1/tickets/"_s + id + u"/events"_s, s.token(u"lead1"_s))
                                 .json()
                                 .value(u"items"_s)
                                 .toArray();
    for (const QJsonValue &v : items) {
        if (v.toObject().value(u"kind"_s).toString() == kind)
            out.append(v.toObject());
    }
    return out;
}

Reply TestServerCompensation::resolve(ServerFixture &s, const QString &login, const QString &id, double yuan)
{
    const QString eventId = uuid();
    return s.request("POST", u"/api/v1/tickets/"_s + id + u"/events"_s, s.token(login),
                     {{u"id"_s, eventId},
                      {u"kind"_s, u"status_change"_s},
                      {u"data"_s, QJsonObject{{u"to"_s, u"resolved"_s},
                                              {u"resolution"_s, u"compensation"_s},
                                              {u"compensation_amount"_s, yuan}}}},
                     {{"Idempotency-Key", eventId.toUtf8()}});
}

Reply TestServerCompensation::requestCompensation(ServerFixture &s, const QString &login, const QString &id,
                                                  double yuan)
{
    return s.request("POST", u"/api/v1/tickets/"_s + id + u"/compensations"_s, s.token(login),
                     {{u"amount"_s, yuan},
                      {u"proposed"_s, 36},
                      {u"explanation"_s, u"uninsured loss: actual ¥260, cap 3 × freight ¥12 = ¥36 → ¥36"_s},
                      {u"reason"_s, u"客户提供了发票，实际价值更高"_s}});
}

void TestServerCompensation::agentAboveLimitWaitsForApproval()
{
    ServerFixture s;
    QVERIFY(startWithTwoLeads(s));
    const QString id = s.createTicket(u"agent1"_s);
    QVERIFY(!id.isEmpty());
    const QJsonObject before = ticket(s, id);

    // ¥500 is above the agent's ¥200: refused on the resolve path and on PATCH, nothing changed.
    Reply r = resolve(s, u"agent1"_s, id, 500);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), u"approval_required"_s);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"¥500.00 is above your approval limit of ¥200.00; request approval"_s);
    r = s.request("PATCH", u"/api/v1/tickets/"_s + id, s.token(u"agent1"_s),
                  {{u"compensation_amount"_s, 500}},
                  {{"If-Match", QByteArray::number(before.value(u"version"_s).toInteger())}});
    QCOMPARE(r.status, 403);
    QCOMPARE(ticket(s, id), before);
    // Within the limit the normal path works (another ticket).
    const QString small = s.createTicket(u"agent1"_s);
    QCOMPARE(resolve(s, u"agent1"_s, small, 150).status, 201);

    // The request waits (202); the ticket shows it, stays open, version + 1.
    r = requestCompensation(s, u"agent1"_s, id, 500);
    QCOMPARE(r.status, 202);
    const QJsonObject comp = r.json().value(u"compensation"_s).toObject();
    QCOMPARE(comp.value(u"state"_s).toString(), u"pending"_s);
    QCOMPARE(comp.value(u"amount"_s).toDouble(), 500.0);
    QCOMPARE(comp.value(u"proposed"_s).toDouble(), 36.0);
    QJsonObject t = ticket(s, id);
    QCOMPARE(t.value(u"pending_compensation"_s).toDouble(), 500.0);
    QCOMPARE(t.value(u"status"_s).toString(), u"new"_s);
    QCOMPARE(t.value(u"version"_s).toInteger(), before.value(u"version"_s).toInteger() + 1);
    QCOMPARE(requestCompensation(s, u"agent1"_s, id, 400).status, 409); // one waiting request per ticket

    // The queue: the supervisor sees it with the ticket's number and waybill; the agent cannot decide.
    const QJsonArray queue = s.request("GET", u"/api/v1/compensations?state=pending"_s, s.token(u"lead1"_s))
                                 .json()
                                 .value(u"items"_s)
                                 .toArray();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0).toObject().value(u"ticket_number"_s).toString(),
             before.value(u"number"_s).toString());
    QCOMPARE(queue.at(0).toObject().value(u"waybill_no"_s).toString(), u"SF1400000000017"_s);
    QCOMPARE(queue.at(0).toObject().value(u"category"_s).toString(), u"delay"_s);
    QCOMPARE(queue.at(0).toObject().value(u"requested_by_name"_s).toString().isEmpty(), false);
    const QString compId = comp.value(u"id"_s).toString();
    QCOMPARE(s.request("POST", u"/api/v1/compensations/"_s + compId + u"/approve"_s, s.token(u"agent1"_s), {})
                 .status,
             403);
    QCOMPARE(s.request("GET", u"/api/v1/compensations?state=pending"_s, s.token(u"agent3"_s))
                 .json()
                 .value(u"items"_s)
                 .toArray()
                 .size(),
             0);

    // The supervisor approves: the ticket is resolved with ¥500 and every step is an event.
    r = s.request("POST", u"/api/v1/compensations/"_s + compId + u"/approve"_s, s.token(u"lead1"_s),
                  {{u"reason"_s, u"发票已核实"_s}});
    QCOMPARE(r.status, 200);
    t = ticket(s, id);
    QCOMPARE(t.value(u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(t.value(u"resolution"_s).toString(), u"compensation"_s);
    QCOMPARE(t.value(u"compensation_amount"_s).toDouble(), 500.0);
    QVERIFY(!t.contains(u"pending_compensation"_s));
    const auto requested = events(s, id, u"compensation_requested"_s);
    const auto approved = events(s, id, u"compensation_approved"_s);
    const auto status = events(s, id, u"status_change"_s);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(approved.size(), 1);
    QCOMPARE(status.size(), 1);
    QCOMPARE(requested.at(0).value(u"data"_s).toObject().value(u"amount"_s).toDouble(), 500.0);
    QCOMPARE(requested.at(0).value(u"data"_s).toObject().value(u"compensation_id"_s).toString(), compId);
    QCOMPARE(approved.at(0).value(u"data"_s).toObject().value(u"reason"_s).toString(), u"发票已核实"_s);
    QCOMPARE(approved.at(0).value(u"author_id"_s).toString(),
             r.json().value(u"compensation"_s).toObject().value(u"decided_by"_s).toString());
    QCOMPARE(status.at(0).value(u"data"_s).toObject().value(u"to"_s).toString(), u"resolved"_s);
    QCOMPARE(status.at(0).value(u"data"_s).toObject().value(u"compensation_amount"_s).toDouble(), 500.0);
    // Decided already: 409.
    QCOMPARE(s.request("POST", u"/api/v1/compensations/"_s + compId + u"/reject"_s, s.token(u"lead2"_s),
                       {{u"reason"_s, u"x"_s}})
                 .status,
             409);
    QCOMPARE(s.sqlValue(u"SELECT state FROM compensations WHERE id = ?"_s, {compId}).toString(),
             u"approved"_s);
}

void TestServerCompensation::rejectionAndManagerApproval()
{
    ServerFixture s;
    QVERIFY(startWithTwoLeads(s));
    // An agent's ¥800 request, rejected by the second supervisor with a reason.
    const QString first = s.createTicket(u"agent1"_s);
    Reply r = requestCompensation(s, u"agent1"_s, first, 800);
    QCOMPARE(r.status, 202);
    const QString firstComp = r.json().value(u"compensation"_s).toObject().value(u"id"_s).toString();
    r = s.request("POST", u"/api/v1/compensations/"_s + firstComp + u"/reject"_s, s.token(u"lead2"_s), {});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"reason"_s);
    r = s.request("POST", u"/api/v1/compensations/"_s + firstComp + u"/reject"_s, s.token(u"lead2"_s),
                  {{u"reason"_s, u"外包装完好，签收无异议"_s}});
    QCOMPARE(r.status, 200);
    QJsonObject t = ticket(s, first);
    QVERIFY(!t.contains(u"pending_compensation"_s));
    QCOMPARE(t.value(u"status"_s).toString(), u"new"_s);
    const auto rejected = events(s, first, u"compensation_rejected"_s);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).value(u"data"_s).toObject().value(u"reason"_s).toString(),
             u"外包装完好，签收无异议"_s);
    QCOMPARE(rejected.at(0).value(u"data"_s).toObject().value(u"amount"_s).toDouble(), 800.0);

    // ¥3,000 requested by lead1 (above the supervisor's ¥2,000): not by lead1 itself, not by lead2, by a
    // manager.
    const QString second = s.createTicket(u"lead1"_s);
    r = requestCompensation(s, u"lead1"_s, second, 3000);
    QCOMPARE(r.status, 202);
    const QString secondComp = r.json().value(u"compensation"_s).toObject().value(u"id"_s).toString();
    QCOMPARE(
        s.request("POST", u"/api/v1/compensations/"_s + secondComp + u"/approve"_s, s.token(u"lead1"_s), {})
            .status,
        403);
    r = s.request("POST", u"/api/v1/compensations/"_s + secondComp + u"/approve"_s, s.token(u"lead2"_s), {});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"¥3,000.00 is above your approval limit of ¥2,000.00; a manager must approve it"_s);
    QCOMPARE(ticket(s, second).value(u"pending_compensation"_s).toDouble(), 3000.0);
    r = s.request("POST", u"/api/v1/compensations/"_s + secondComp + u"/approve"_s, s.token(u"manager1"_s),
                  {{u"reason"_s, u"同意"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(ticket(s, second).value(u"compensation_amount"_s).toDouble(), 3000.0);
    QCOMPARE(ticket(s, second).value(u"status"_s).toString(), u"resolved"_s);

    // A manager's ¥1,200 is approved at once (201) and resolves the ticket; a third request waits.
    const QString third = s.createTicket(u"lead1"_s);
    r = requestCompensation(s, u"manager1"_s, third, 1200);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"ticket"_s).toObject().value(u"status"_s).toString(), u"resolved"_s);
    const QString fourth = s.createTicket(u"agent1"_s);
    QCOMPARE(requestCompensation(s, u"agent1"_s, fourth, 250.5).status, 202);

    // The ledger: paid = the approved amounts, pending = the waiting one.
    const QJsonObject sum =
        s.request("GET", u"/api/v1/compensations/summary"_s, s.token(u"manager1"_s)).json();
    const QJsonObject paid = sum.value(u"paid"_s).toObject();
    QCOMPARE(paid.value(u"total"_s).toDouble(), 4200.0);
    QCOMPARE(paid.value(u"count"_s).toInt(), 2);
    QCOMPARE(s.sqlValue(u"SELECT SUM(amount_fen) FROM compensations WHERE state = 'approved'"_s).toLongLong(),
             420000);
    QCOMPARE(paid.value(u"by_category"_s).toArray().at(0).toObject().value(u"key"_s).toString(), u"delay"_s);
    QCOMPARE(paid.value(u"by_category"_s).toArray().at(0).toObject().value(u"amount"_s).toDouble(), 4200.0);
    QCOMPARE(paid.value(u"by_resolution"_s).toArray().at(0).toObject().value(u"key"_s).toString(),
             u"compensation"_s);
    const QJsonObject pending = sum.value(u"pending"_s).toObject();
    QCOMPARE(pending.value(u"total"_s).toDouble(), 250.5);
    QCOMPARE(pending.value(u"count"_s).toInt(), 1);
    QCOMPARE(s.request("GET", u"/api/v1/compensations/summary"_s, s.token(u"agent1"_s)).status, 403);
    // Agents list their own requests only.
    QCOMPARE(s.request("GET", u"/api/v1/compensations"_s, s.token(u"agent1"_s))
                 .json()
                 .value(u"items"_s)
                 .toArray()
                 .size(),
             2);
    QCOMPARE(s.request("GET", u"/api/v1/compensations?state=rejected"_s, s.token(u"lead1"_s))
                 .json()
                 .value(u"items"_s)
                 .toArray()
                 .size(),
             1);
}

void TestServerCompensation::policyIsManagersAndValidated()
{
    ServerFixture s;
    QVERIFY(s.prepare());
    QCOMPARE(s.start(), 0);
    Reply r = s.request("GET", u"/api/v1/compensation-policy"_s, s.token(u"agent1"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("etag"), QByteArray("\"1\""));
    QJsonObject policy = r.json();
    QCOMPARE(policy.value(u"approval_limits"_s).toObject().value(u"agent"_s).toDouble(), 200.0);
    QCOMPARE(s.request("PUT", u"/api/v1/compensation-policy"_s, s.token(u"lead1"_s), policy).status, 403);

    // A bad field: 422 naming it, nothing stored.
    QJsonObject bad = policy;
    QJsonArray services = bad.value(u"services"_s).toArray();
    QJsonObject first = services.at(0).toObject();
    first.insert(u"uninsured_multiple"_s, -2);
    services.replace(0, first);
    bad.insert(u"services"_s, services);
    r = s.request("PUT", u"/api/v1/compensation-policy"_s, s.token(u"manager1"_s), bad);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(),
             u"services[0].uninsured_multiple"_s);
    QVERIFY(!s.sqlValue(u"SELECT version FROM compensation_policy"_s).isValid());
    QCOMPARE(s.request("GET", u"/api/v1/compensation-policy"_s, s.token(u"agent1"_s)).json(), policy);

    // A valid change: the agent's limit to ¥100, version 2; a stale version is refused.
    QJsonObject limits = policy.value(u"approval_limits"_s).toObject();
    limits.insert(u"agent"_s, 100);
    policy.insert(u"approval_limits"_s, limits);
    r = s.request("PUT", u"/api/v1/compensation-policy"_s, s.token(u"manager1"_s), policy,
                  {{"If-Match", "\"1\""}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"version"_s).toInt(), 2);
    QCOMPARE(s.request("PUT", u"/api/v1/compensation-policy"_s, s.token(u"admin"_s), policy).status, 412);
    QCOMPARE(s.sqlValue(u"SELECT version FROM compensation_policy"_s).toInt(), 2);
    // The new limit is in force at once: ¥150 now waits for approval.
    const QString id = s.createTicket(u"agent1"_s);
    QCOMPARE(requestCompensation(s, u"agent1"_s, id, 150).status, 202);
    QCOMPARE(resolve(s, u"agent1"_s, s.createTicket(u"agent1"_s), 150).status, 403);
}

QTEST_GUILESS_MAIN(TestServerCompensation)
#include "tst_server_compensation.moc"
