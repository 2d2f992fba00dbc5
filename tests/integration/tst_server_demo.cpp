// The demo data `make run` shows a new user: a believable six weeks, not a pile of month-old breaches. Starts
// the real server with --demo on an empty database and reads everything through the change feed.
#include "serverfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

class TestServerDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoDataIsBelievable();

private:
    pd::test::ServerFixture m_server;
    QByteArray m_token;
};

void TestServerDemo::initTestCase()
{
    QVERIFY(m_server.startDemo(2611) >= 0);
    m_token = m_server
                  .request("POST", u"/api/v1/auth/login"_qs, {},
                           {{u"login"_qs, u"manager1"_qs}, {u"password"_qs, u"demo"_qs}})
                  .json()
                  .value(u"access_token"_qs)
                  .toString()
                  .toLatin1();
    QVERIFY(!m_token.isEmpty());
}

void TestServerDemo::demoDataIsBelievable()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    QHash<QString, QJsonObject> tickets;
    int reopenings = 0;
    QString cursor;
    bool more = true;
    while (more) {
        const QJsonObject page =
            m_server.request("GET", u"/api/v1/changes?limit=5000&cursor="_qs + cursor, m_token).json();
        QVERIFY(page.contains(u"next_cursor"_qs));
        for (const QJsonValue &v : page.value(u"items"_qs).toArray()) {
            const QJsonObject item = v.toObject();
            const QJsonObject data = item.value(u"data"_qs).toObject();
            if (item.value(u"type"_qs).toString() == u"ticket")
                tickets.insert(item.value(u"id"_qs).toString(), data);
            else if (item.value(u"type"_qs).toString() == u"ticket_event" &&
                     data.value(u"kind"_qs).toString() == u"status_change" &&
                     data.value(u"data"_qs).toObject().value(u"to"_qs).toString() == u"reopened")
                ++reopenings;
        }
        cursor = page.value(u"next_cursor"_qs).toString();
        more = page.value(u"has_more"_qs).toBool();
    }
    // About 1,600 complaints over six weeks (DemoSeeder), some reopened after the follow-up call.
    QVERIFY2(tickets.size() > 1000 && tickets.size() < 2500, qPrintable(QString::number(tickets.size())));
    QVERIFY(reopenings > 5);
    int unfinishedOld = 0;
    int done = 0;
    for (const QJsonObject &t : std::as_const(tickets)) {
        const QString status = t.value(u"status"_qs).toString();
        const bool finished = status == u"resolved" || status == u"closed";
        done += finished;
        // Nothing but a fresh complaint is still being worked on: no ticket older than a week is unfinished.
        const qint64 created = QDateTime::fromString(t.value(u"created_at"_qs).toString(), Qt::ISODateWithMs)
                                   .toMSecsSinceEpoch();
        QVERIFY(created > now - 60 * kDay);
        if (!finished && created < now - 7 * kDay)
            ++unfinishedOld;
    }
    QCOMPARE(unfinishedOld, 0);
    QVERIFY2(done > tickets.size() * 8 / 10, qPrintable(u"%1 of %2"_qs.arg(done).arg(tickets.size())));
}

QTEST_GUILESS_MAIN(TestServerDemo)
#include "tst_server_demo.moc"
