// Issue 20, the routing inputs the server derives: the register of key-account customers (PUT/GET/DELETE
// /key-accounts, keyed by the access log's hash of the phone), the ticket's read-only key_account flag and
// its language, and routing by both (key_accounts and languages skills of the policy).
#include "serverfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace pd::test;
using namespace Qt::StringLiterals;

class TestServerKeyAccounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerIsManagersAndMasked();
    void ticketOfAKeyAccountIsFlagged();
    void registeringReflagsOpenTickets();
    void ticketLanguageIsValidated();
    void importFlagsAndReadsLanguage();
    void routingHonoursKeyAccountsAndLanguage();

private:
    static QString userId(ServerFixture &s, const QString &login);
    static QJsonObject ticket(ServerFixture &s, const QString &id);
    static QString assigneeOf(ServerFixture &s, const QString &id);
    static int assignmentEvents(ServerFixture &s, const QString &ticketId, const QString &to);
    static Reply registerPhone(ServerFixture &s, const QString &login, const QJsonObject &body);
};

QString TestServerKeyAccounts::userId(ServerFixture &s, const QString &login)
{
    const Reply r = s.request("POST", u"/api/v1/auth/login"_s, {},
                              {{u"login"_s, login}, {u"password"_s, ServerFixture::kPassword}});
    return r.json().value(u"user"_s).toObject().value(u"id"_s).toString();
}

QJsonObject TestServerKeyAccounts::ticket(ServerFixture &s, const QString &id)
{
    return s.request("GET", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s)).json();
}

QString TestServerKeyAccounts::assigneeOf(ServerFixture &s, const QString &id)
{
    return ticket(s, id).value(u"assignee_id"_s).toString();
}

int TestServerKeyAccounts::assignmentEvents(ServerFixture &s, const QString &ticketId, const QString &to)
{
    int n = 0;
    const QJsonArray items =
        s.request("GET", u"/api/v1/tickets/"_s + ticketId + u"/events"_s, s.token(u"lead1"_s))
            .json()
            .value(u"items"_s)
            .toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject e = v.toObject();
        if (e.value(u"kind"_s).toString() == u"assignment"_s &&
            e.value(u"data"_s).toObject().value(u"agent_id"_s).toString() == to &&
            e.value(u"author_id"_s).toString() == u"system"_s)
            ++n;
    }
    return n;
}

Reply TestServerKeyAccounts::registerPhone(ServerFixture &s, const QString &login, const QJsonObject &body)
{
    return s.request("PUT", u"/api/v1/key-accounts"_s, s.token(login), body);
}

void TestServerKeyAccounts::registerIsManagersAndMasked()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    const QJsonObject body{{u"phone"_s, u"138 1234 5678"_s}, {u"label"_s, u"某电商 大客户"_s}};
    // Agents and supervisors may neither change nor read the register.
    QCOMPARE(registerPhone(s, u"agent1"_s, body).status, 403);
    QCOMPARE(registerPhone(s, u"lead1"_s, body).status, 403);
    QCOMPARE(s.request("GET", u"/api/v1/key-accounts"_s, s.token(u"lead1"_s)).status, 403);
    // Invalid numbers, a masked one, a missing one: 422 with the field.
    for (const QJsonObject &bad :
         {QJsonObject{{u"phone"_s, u"12345"_s}}, QJsonObject{{u"phone"_s, u"138****5678"_s}}, QJsonObject{},
          QJsonObject{{u"phone"_s, 13812345678LL}}}) {
        const Reply r = registerPhone(s, u"manager1"_s, bad);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"phone"_s);
        QVERIFY(!r.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    }
    const Reply added = registerPhone(s, u"manager1"_s, body);
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json().value(u"phone_masked"_s).toString(), u"138****5678"_s);
    QCOMPARE(registerPhone(s, u"admin"_s, body).status, 200); // again: unchanged, not an error
    const Reply list = s.request("GET", u"/api/v1/key-accounts"_s, s.token(u"manager1"_s));
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.json().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"phone_masked"_s).toString(), u"138****5678"_s);
    QCOMPARE(items.first().toObject().value(u"label"_s).toString(), u"某电商 大客户"_s);
    QVERIFY(!items.first().toObject().value(u"since"_s).toString().isEmpty());
    QVERIFY(!list.body.contains("13812345678"));
    // The table holds the keyed hash and the masked form, never the number.
    const QList<QVariantList> rows = s.sqlRows(u"SELECT * FROM key_accounts"_s);
    QCOMPARE(rows.size(), 1);
    for (const QVariant &v : rows.first())
        QVERIFY2(!v.toString().contains(u"12345678"_s), qPrintable(v.toString()));
    // The same key as the access log's customer reference, and each change is logged.
    const QString key = s.sqlValue(u"SELECT phone_key FROM key_accounts"_s).toString();
    QCOMPARE(s.sqlValue(u"SELECT COUNT(*) FROM access_log WHERE kind = 'key_account' AND customer_hash = ?"_s,
                        {key})
                 .toInt(),
             2);
    const Reply audit =
        s.request("GET", u"/api/v1/audit?phone=13812345678&kind=key_account"_s, s.token(u"manager1"_s));
    QCOMPARE(audit.json().value(u"items"_s).toArray().size(), 2);
    // Removal: a body with the phone; a second removal is 404.
    const QJsonObject phone{{u"phone"_s, u"13812345678"_s}};
    QCOMPARE(s.request("DELETE", u"/api/v1/key-accounts"_s, s.token(u"agent1"_s), phone).status, 403);
    QCOMPARE(s.request("DELETE", u"/api/v1/key-accounts"_s, s.token(u"manager1"_s), phone).status, 200);
    QCOMPARE(s.request("DELETE", u"/api/v1/key-accounts"_s, s.token(u"manager1"_s), phone).status, 404);
    QCOMPARE(s.sqlValue(u"SELECT COUNT(*) FROM key_accounts"_s).toInt(), 0);
}

void TestServerKeyAccounts::ticketOfAKeyAccountIsFlagged()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    QCOMPARE(registerPhone(s, u"manager1"_s, {{u"phone"_s, u"13812345678"_s}}).status, 201);
    const QString id = s.createTicket(u"lead1"_s); // customer 13812345678
    QVERIFY(!id.isEmpty());
    QCOMPARE(ticket(s, id).value(u"key_account"_s).toBool(), true);
    // Agents see it too, on the masked copy.
    QCOMPARE(s.request("GET", u"/api/v1/tickets/"_s + id, s.token(u"agent1"_s))
                 .json()
                 .value(u"key_account"_s)
                 .toBool(),
             true);
    QJsonObject other = ServerFixture::ticketBody();
    other.insert(u"customer_phone"_s, u"13900001111"_s);
    const QString plain = s.createTicket(u"lead1"_s, other);
    QVERIFY(!ticket(s, plain).contains(u"key_account"_s)); // absent = false
    // Read-only: neither create nor patch sets it.
    other.insert(u"key_account"_s, true);
    const QString sneaky = s.createTicket(u"lead1"_s, other);
    QVERIFY(!ticket(s, sneaky).value(u"key_account"_s).toBool());
    QCOMPARE(s.request("PATCH", u"/api/v1/tickets/"_s + plain, s.token(u"lead1"_s),
                       {{u"key_account"_s, true}}, {{"If-Match", QByteArray::number(s.ticketVersion(plain))}})
                 .status,
             422);
    // Moving the ticket to the key account's number flags it.
    const Reply moved = s.request("PATCH", u"/api/v1/tickets/"_s + plain, s.token(u"lead1"_s),
                                  {{u"customer_phone"_s, u"13812345678"_s}},
                                  {{"If-Match", QByteArray::number(s.ticketVersion(plain))}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().value(u"key_account"_s).toBool(), true);
}

void TestServerKeyAccounts::registeringReflagsOpenTickets()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    const QString id = s.createTicket(u"lead1"_s);
    QVERIFY(!id.isEmpty());
    const qint64 before = s.ticketVersion(id);
    const QByteArray lead = s.token(u"lead1"_s);
    const FeedRead first = s.readFeed(lead);
    QVERIFY(!ticket(s, id).value(u"key_account"_s).toBool());
    const Reply added = registerPhone(s, u"manager1"_s, {{u"phone"_s, u"13812345678"_s}});
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json().value(u"tickets_reflagged"_s).toInt(), 1);
    QCOMPARE(s.ticketVersion(id), before + 1);
    QCOMPARE(ticket(s, id).value(u"key_account"_s).toBool(), true);
    // The change feed carries the re-flagged ticket to consoles.
    const FeedRead next = s.readFeed(lead, first.cursor);
    const QList<QJsonObject> items = next.about(u"ticket"_s, id);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().value(u"version"_s).toInteger(), before + 1);
    QCOMPARE(items.first().value(u"data"_s).toObject().value(u"key_account"_s).toBool(), true);
    // Removing the customer clears it, again with a new version.
    QCOMPARE(s.request("DELETE", u"/api/v1/key-accounts"_s, s.token(u"manager1"_s),
                       {{u"phone"_s, u"13812345678"_s}})
                 .json()
                 .value(u"tickets_reflagged"_s)
                 .toInt(),
             1);
    QCOMPARE(s.ticketVersion(id), before + 2);
    QVERIFY(!ticket(s, id).value(u"key_account"_s).toBool());
    // The command line does the same.
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"customer"_s, u"key-account"_s, u"--phone"_s, u"13812345678"_s,
                                    u"--label"_s, u"VIP"_s, u"--db"_s, s.dbUrl()},
                                   {}, &out),
             0);
    QVERIFY(!out.contains("13812345678"));
    QCOMPARE(ticket(s, id).value(u"key_account"_s).toBool(), true);
    QCOMPARE(s.sqlValue(u"SELECT label FROM key_accounts"_s).toString(), u"VIP"_s);
    QCOMPARE(ServerFixture::runCli(
                 {u"customer"_s, u"key-account"_s, u"--phone"_s, u"123"_s, u"--db"_s, s.dbUrl()}),
             2);
}

void TestServerKeyAccounts::ticketLanguageIsValidated()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    QJsonObject body = ServerFixture::ticketBody();
    body.insert(u"language"_s, u"fr"_s);
    const Reply bad = s.request("POST", u"/api/v1/tickets"_s, s.token(u"lead1"_s), body);
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"language"_s);
    body.insert(u"language"_s, u"yue"_s);
    const QString id = s.createTicket(u"lead1"_s, body);
    QCOMPARE(ticket(s, id).value(u"language"_s).toString(), u"yue"_s);
    const Reply en =
        s.request("PATCH", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s), {{u"language"_s, u"en"_s}},
                  {{"If-Match", QByteArray::number(s.ticketVersion(id))}});
    QCOMPARE(en.status, 200);
    QCOMPARE(en.json().value(u"language"_s).toString(), u"en"_s);
    const Reply cleared = s.request("PATCH", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s),
                                    {{u"language"_s, QJsonValue::Null}},
                                    {{"If-Match", QByteArray::number(s.ticketVersion(id))}});
    QCOMPARE(cleared.status, 200);
    QVERIFY(!cleared.json().contains(u"language"_s));
}

void TestServerKeyAccounts::importFlagsAndReadsLanguage()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    QCOMPARE(registerPhone(s, u"manager1"_s, {{u"phone"_s, u"13812345678"_s}}).status, 201);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tickets.csv"_s);
    const auto write = [&path](const QByteArray &rows) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("id,description,customer_phone,category,team_id,created_at,language\n" + rows);
    };
    write("8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a01,延误,13812345678,delay,team-a,2026-12-01T09:00:00+08:00,yue\n"
          "8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a02,延误,13900001111,delay,team-a,2026-12-01T09:00:00+08:00,\n");
    const QStringList args{u"import"_s, u"--db"_s, s.dbUrl(), u"--tickets"_s, path};
    QCOMPARE(ServerFixture::runCli(args), 0);
    const QJsonObject vip = ticket(s, u"8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a01"_s);
    QCOMPARE(vip.value(u"key_account"_s).toBool(), true);
    QCOMPARE(vip.value(u"language"_s).toString(), u"yue"_s);
    const QJsonObject plain = ticket(s, u"8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a02"_s);
    QVERIFY(!plain.contains(u"key_account"_s));
    QVERIFY(!plain.contains(u"language"_s));
    // An unknown language rejects the file.
    write(
        "8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a03,延误,13812345678,delay,team-a,2026-12-01T09:00:00+08:00,fr\n");
    QCOMPARE(ServerFixture::runCli(args), 1);
    QCOMPARE(s.request("GET", u"/api/v1/tickets/8b0d5a52-0d7e-4c57-9b1e-6a3f0b6f1a03"_s, s.token(u"lead1"_s))
                 .status,
             404);
}

void TestServerKeyAccounts::routingHonoursKeyAccountsAndLanguage()
{
    ServerFixture s;
    QVERIFY(s.prepare() && s.start() == 0);
    const QString agent1 = userId(s, u"agent1"_s);
    const QString agent2 = userId(s, u"agent2"_s);
    const QByteArray manager = s.token(u"manager1"_s);
    // Only agent1 takes key accounts and speaks Mandarin; only agent2 speaks Cantonese.
    QJsonObject policy = s.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    policy.insert(u"agents"_s, QJsonArray{QJsonObject{{u"user_id"_s, agent1},
                                                      {u"key_accounts"_s, true},
                                                      {u"languages"_s, QJsonArray{u"zh"_s}}},
                                          QJsonObject{{u"user_id"_s, agent2},
                                                      {u"key_accounts"_s, false},
                                                      {u"languages"_s, QJsonArray{u"yue"_s}}}});
    const Reply put = s.request("PUT", u"/api/v1/routing-policy"_s, manager, policy);
    QVERIFY2(put.status == 200, put.body.constData());
    QCOMPARE(registerPhone(s, u"manager1"_s, {{u"phone"_s, u"13812345678"_s}}).status, 201);
    for (const QString &login : {u"agent1"_s, u"agent2"_s})
        QCOMPARE(s.request("PUT", u"/api/v1/agents/me/status"_s, s.token(login), {{u"status"_s, u"online"_s}})
                     .status,
                 200);
    // The key-account ticket goes to agent1, the only one with the skill.
    const QString vip = s.createTicket(u"lead1"_s);
    QTRY_COMPARE(assigneeOf(s, vip), agent1);
    QCOMPARE(assignmentEvents(s, vip, agent1), 1);
    // Another customer's ticket is not forced to agent1: agent2, less loaded, gets it.
    QJsonObject plain = ServerFixture::ticketBody();
    plain.insert(u"customer_phone"_s, u"13900001111"_s);
    const QString other = s.createTicket(u"lead1"_s, plain);
    QTRY_COMPARE(assigneeOf(s, other), agent2);
    QCOMPARE(assignmentEvents(s, other, agent2), 1);
    // A Cantonese ticket goes only to agent2, though agent1 (equal load, waiting longer) would be next.
    plain.insert(u"language"_s, u"yue"_s);
    const QString yue = s.createTicket(u"lead1"_s, plain);
    QTRY_COMPARE(assigneeOf(s, yue), agent2);
    QCOMPARE(assignmentEvents(s, yue, agent2), 1);
    QCOMPARE(assignmentEvents(s, yue, agent1), 0);
}

QTEST_GUILESS_MAIN(TestServerKeyAccounts)
#include "tst_server_key_accounts.moc"
