// Issue 22, merge and duplicates against the real server on loopback (docs/api.md, "Merge"): a ticket that
// arrives through the API or the CSV import while another open ticket is about the same waybill is flagged
// with duplicate_of; a supervisor merges it, and its conversation and files move to the target, it closes
// pointing there, both say so in their timelines, the consoles of the team get every moved record again
// through the change feed, and the refusals say why. Run on SQLite, and on PostgreSQL through
// scripts/test-postgres.sh (tst_server_merge_postgres).
#include "serverfixture.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace pd::test;

namespace {
QJsonObject complaint(const QString &waybill, const QString &team = u"team-a"_s)
{
    QJsonObject body = ServerFixture::ticketBody(team);
    body.insert(u"waybill_no"_s, waybill);
    return body;
}
} // namespace

class TestServerMerge final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    int m_index = 0;
    QTemporaryDir m_dir;

    QByteArray token(const QString &login) { return m_server.token(login, m_index); }
    Reply get(const QString &login, const QString &path)
    {
        return m_server.request("GET", path, token(login), {}, {}, m_index);
    }
    Reply post(const QString &login, const QString &path, const QJsonObject &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_server.request("POST", path, token(login), body, headers, m_index);
    }
    Reply merge(const QString &login, const QString &from, const QString &into)
    {
        return post(login, u"/api/v1/tickets/%1/merge"_s.arg(from), {{u"into"_s, into}});
    }
    QJsonObject ticket(const QString &id) { return get(u"lead1"_s, u"/api/v1/tickets/"_s + id).json(); }
    QString create(const QString &waybill, const QString &team = u"team-a"_s)
    {
        return m_server.createTicket(team == u"team-a"_s ? u"agent1"_s : u"agent3"_s,
                                     complaint(waybill, team), m_index);
    }
    /// The ids of a ticket's events of @p kind (all kinds when empty).
    QStringList events(const QString &ticketId, const QString &kind = {})
    {
        QStringList out;
        const Reply r = get(u"lead1"_s, u"/api/v1/tickets/%1/events"_s.arg(ticketId));
        for (const QJsonValue &v : r.json().value(u"items"_s).toArray()) {
            if (kind.isEmpty() || v.toObject().value(u"kind"_s).toString() == kind)
                out.append(v.toObject().value(u"id"_s).toString());
        }
        return out;
    }
    QString addEvent(const QString &ticketId, const QJsonObject &fields)
    {
        const QString id = uuid();
        QJsonObject body = fields;
        body.insert(u"id"_s, id);
        const Reply r = post(u"agent1"_s, u"/api/v1/tickets/%1/events"_s.arg(ticketId), body,
                             {{"Idempotency-Key", id.toLatin1()}});
        return r.status == 201 || r.status == 200 ? id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QByteArray skip = qgetenv("PD_TEST_POSTGRES_SKIP"); !skip.isEmpty())
            QSKIP(qPrintable(u"PostgreSQL could not be started: "_s + QString::fromUtf8(skip)));
        QVERIFY(m_dir.isValid());
        const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
        QVERIFY(m_server.prepare(url));
        const QStringList args =
            url.isEmpty() ? QStringList() : QStringList{u"--attachments-dir"_s, m_dir.filePath(u"files"_s)};
        m_index = m_server.start(args);
        QVERIFY(m_index >= 0);
    }
    void cleanupTestCase() { m_server.stop(m_index); }

    void secondComplaintAboutAWaybillIsFlagged()
    {
        const QString first = create(u"SF1500000000101"_s);
        const QString second = create(u"SF1500000000101"_s);
        const QString other = create(u"SF1500000000102"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !other.isEmpty());
        QVERIFY(!ticket(first).contains(u"duplicate_of"_s));
        QVERIFY(!ticket(other).contains(u"duplicate_of"_s));
        const QJsonObject flagged = ticket(second);
        QCOMPARE(flagged.value(u"duplicate_of"_s).toString(), first);
        QCOMPARE(flagged.value(u"duplicate_of_number"_s).toString(),
                 ticket(first).value(u"number"_s).toString());
        // A client cannot set or clear the flag.
        const Reply patched = m_server.request(
            "PATCH", u"/api/v1/tickets/"_s + second, token(u"agent1"_s),
            {{u"duplicate_of"_s, QJsonValue::Null}},
            {{"If-Match", QByteArray::number(flagged.value(u"version"_s).toInteger())}}, m_index);
        QVERIFY2(patched.status == 422, patched.body.constData());
        QCOMPARE(ticket(second).value(u"duplicate_of"_s).toString(), first);
    }

    void importedComplaintIsFlagged()
    {
        const QString open = create(u"SF1500000000103"_s);
        QVERIFY(!open.isEmpty());
        const QString csv = m_dir.filePath(u"tickets.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "id,number,waybill_no,description,customer_name,customer_phone,channel,category,priority,status,"
            "team_id,assignee_id,created_at,first_response_at,resolved_at,closed_at,resolution,"
            "compensation_amount,csat,nps,follow_up_at\n"
            "imp-dup-1,C2612-990001,SF1500000000103,包裹三天没动,王芳,13812345678,phone,delay,,open,team-a,,"
            "2026-12-01T09:00:00+08:00,,,,,,,,\n"
            "imp-dup-2,C2612-990002,SF1500000000104,包裹三天没动,王芳,13812345678,phone,delay,,open,team-a,,"
            "2026-12-01T09:00:00+08:00,,,,,,,,\n");
        f.close();
        QByteArray out;
        QCOMPARE(
            ServerFixture::runCli({u"import"_s, u"--db"_s, m_server.dbUrl(), u"--tickets"_s, csv}, {}, &out),
            0);
        QCOMPARE(ticket(u"imp-dup-1"_s).value(u"duplicate_of"_s).toString(), open);
        QVERIFY(!ticket(u"imp-dup-2"_s).contains(u"duplicate_of"_s));
    }

    void mergeMovesConversationAndFiles()
    {
        const QString target = create(u"SF1500000000201"_s);
        const QString source = create(u"SF1500000000201"_s);
        QVERIFY(!target.isEmpty() && !source.isEmpty());
        const QString reply = addEvent(source, {{u"kind"_s, u"reply"_s}, {u"text"_s, u"已催促网点"_s}});
        const QString note = addEvent(source, {{u"kind"_s, u"note"_s}, {u"text"_s, u"客户第二次来电"_s}});
        const QString call = addEvent(source, {{u"kind"_s, u"call"_s},
                                               {u"data"_s, QJsonObject{{u"direction"_s, u"inbound"_s},
                                                                       {u"duration_s"_s, 0},
                                                                       {u"outcome"_s, u"chase_up"_s}}}});
        QVERIFY(!reply.isEmpty() && !note.isEmpty() && !call.isEmpty());
        const QByteArray pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + QByteArray(3000, 'x') + "\n%%EOF\n";
        const QString file = m_server.uploadAttachment(u"agent1"_s, source, u"发票.pdf"_s, pdf, {}, m_index);
        QVERIFY(!file.isEmpty());
        const QString cursor = m_server.readFeed(token(u"agent2"_s), {}, 500, m_index).cursor;
        const QString targetNumber = ticket(target).value(u"number"_s).toString();
        const QString sourceNumber = ticket(source).value(u"number"_s).toString();

        QCOMPARE(merge(u"agent1"_s, source, target).status, 403); // agents do not merge
        const Reply merged = merge(u"lead1"_s, source, target);
        QVERIFY2(merged.status == 200, merged.body.constData());
        QCOMPARE(merged.json().value(u"moved_events"_s).toInt(), 3);
        QCOMPARE(merged.json().value(u"moved_attachments"_s).toInt(), 1);

        // The target holds the conversation and the file; the merged ticket closed, pointing there.
        const QStringList targetEvents = events(target);
        for (const QString &id : {reply, note, call})
            QVERIFY2(targetEvents.contains(id), qPrintable(id));
        QCOMPARE(events(target, u"merged"_s).size(), 1);
        QVERIFY(!events(source).contains(reply));
        QCOMPARE(events(source, u"merged"_s).size(), 1);
        const QJsonObject closed = ticket(source);
        QCOMPARE(closed.value(u"status"_s).toString(), u"closed"_s);
        QCOMPARE(closed.value(u"merged_into"_s).toString(), target);
        QCOMPARE(closed.value(u"merged_into_number"_s).toString(), targetNumber);
        const QJsonObject kept = ticket(target);
        QVERIFY(!kept.contains(u"merged_into"_s));
        QVERIFY(!kept.contains(u"duplicate_of"_s)); // the flag pointed the other way, and it is settled
        const QJsonArray files = get(u"agent1"_s, u"/api/v1/tickets/%1/attachments"_s.arg(target))
                                     .json()
                                     .value(u"items"_s)
                                     .toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).toObject().value(u"id"_s).toString(), file);
        QCOMPARE(get(u"agent1"_s, u"/api/v1/attachments/%1/content"_s.arg(file)).body, pdf);
        QVERIFY(get(u"agent1"_s, u"/api/v1/tickets/%1/attachments"_s.arg(source))
                    .json()
                    .value(u"items"_s)
                    .toArray()
                    .isEmpty());

        // Another console of the team pulls the moved records again, now under the target.
        const FeedRead feed = m_server.readFeed(token(u"agent2"_s), cursor, 500, m_index);
        for (const QString &id : {reply, note, call}) {
            const QList<QJsonObject> items = feed.about(u"ticket_event"_s, id);
            QVERIFY2(!items.isEmpty(), qPrintable(id));
            QCOMPARE(items.last().value(u"data"_s).toObject().value(u"ticket_id"_s).toString(), target);
        }
        const QList<QJsonObject> moved = feed.about(u"attachment"_s, file);
        QVERIFY(!moved.isEmpty());
        QCOMPARE(moved.last().value(u"data"_s).toObject().value(u"ticket_id"_s).toString(), target);
        QVERIFY(!feed.about(u"ticket"_s, source).isEmpty());
        QVERIFY(!feed.about(u"ticket"_s, target).isEmpty());

        // Asked again (a retry after a lost answer): nothing changes.
        const qint64 version = ticket(source).value(u"version"_s).toInteger();
        const Reply again = merge(u"lead1"_s, source, target);
        QCOMPARE(again.status, 200);
        QCOMPARE(ticket(source).value(u"version"_s).toInteger(), version);
        QCOMPARE(events(target, u"merged"_s).size(), 1);
        QVERIFY(!sourceNumber.isEmpty());
    }

    void refusalsSayWhy()
    {
        const QString a = create(u"SF1500000000202"_s);
        const QString b = create(u"SF1500000000202"_s);
        const QString c = create(u"SF1500000000202"_s);
        const QString otherTeam = create(u"SF1500000000202"_s, u"team-b"_s);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !otherTeam.isEmpty());
        QCOMPARE(merge(u"lead1"_s, a, a).errorCode(), u"merge_refused"_s);
        const Reply teams = merge(u"lead1"_s, a, otherTeam);
        QCOMPARE(teams.status, 409);
        QVERIFY2(teams.body.contains("another team"), teams.body.constData());
        QCOMPARE(merge(u"lead1"_s, a, u"no-such-ticket"_s).status, 404);
        QCOMPARE(merge(u"manager1"_s, a, b).status, 403);
        const Reply noBody = post(u"lead1"_s, u"/api/v1/tickets/%1/merge"_s.arg(a), {});
        QCOMPARE(noBody.status, 422);

        QCOMPARE(merge(u"lead1"_s, b, a).status, 200);
        const Reply intoMerged = merge(u"lead1"_s, c, b);
        QCOMPARE(intoMerged.status, 409);
        QVERIFY2(intoMerged.body.contains("merge into that one"), intoMerged.body.constData());
        const Reply mergedAgain = merge(u"lead1"_s, b, c);
        QCOMPARE(mergedAgain.status, 409);
        QVERIFY2(mergedAgain.body.contains("already"), mergedAgain.body.constData());
        // If-Match, when sent, must name the version the supervisor saw.
        const Reply stale =
            post(u"lead1"_s, u"/api/v1/tickets/%1/merge"_s.arg(c), {{u"into"_s, a}}, {{"If-Match", "999"}});
        QCOMPARE(stale.status, 412);
        QVERIFY(!ticket(c).contains(u"merged_into"_s));
        const QByteArray seen = QByteArray::number(ticket(c).value(u"version"_s).toInteger());
        QCOMPARE(
            post(u"lead1"_s, u"/api/v1/tickets/%1/merge"_s.arg(c), {{u"into"_s, a}}, {{"If-Match", seen}})
                .status,
            200);
        QCOMPARE(ticket(c).value(u"merged_into"_s).toString(), a);
    }
};

QTEST_GUILESS_MAIN(TestServerMerge)
#include "tst_server_merge.moc"
