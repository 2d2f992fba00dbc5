// PostgreSQL mode: two server instances on one database share live events and one change feed.
// Run through scripts/test-postgres.sh, which starts a throwaway cluster and sets PD_TEST_POSTGRES_URL.
#include "liveclient.h"
#include "serverfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace pd::test;

class TestServerPostgres final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveEventsReachBothInstances();
    void positionsCrossInstances();
    void feedConsistentAcrossInstances();
    void revocationClosesSocketsOnEveryInstance();
    void teamMoveAndDeletionAcrossInstances();
    void refreshTokenSpentOnceAcrossInstances();
    void volumeAggregatesFollowImports();
    void trackingScansFollowTickets();
    void writesRecoverAfterRestart(); // last: it stops and starts the cluster

private:
    QString createTicket(int index, const QString &team);
    ServerFixture m_server;
};

void TestServerPostgres::initTestCase()
{
    const QByteArray skip = qgetenv("PD_TEST_POSTGRES_SKIP");
    if (!skip.isEmpty())
        QSKIP(qPrintable(QStringLiteral("PostgreSQL could not be started: ") + QString::fromUtf8(skip)));
    const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
    if (url.isEmpty())
        QSKIP("PD_TEST_POSTGRES_URL is not set: run this test through scripts/test-postgres.sh (ctest does)");
    QVERIFY(m_server.prepare(url));
    QCOMPARE(m_server.start(), 0);
    QCOMPARE(m_server.start(), 1);
    const Reply health = m_server.request("GET", QStringLiteral("/api/v1/health"), {}, {}, {}, 1);
    QCOMPARE(health.json().value(QStringLiteral("storage")).toString(), QStringLiteral("postgresql"));
}

QString TestServerPostgres::createTicket(int index, const QString &team)
{
    const Reply r = m_server.request("POST", QStringLiteral("/api/v1/tickets"),
                                     m_server.token(QStringLiteral("lead1"), index),
                                     {{QStringLiteral("description"), QStringLiteral("多实例")},
                                      {QStringLiteral("category"), QStringLiteral("delay")},
                                      {QStringLiteral("team_id"), team}},
                                     {}, index);
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toString() : QString();
}

void TestServerPostgres::liveEventsReachBothInstances()
{
    LiveClient on0;
    LiveClient on1;
    on0.open(m_server.port(0), m_server.token(QStringLiteral("lead1"), 0));
    on1.open(m_server.port(1), m_server.token(QStringLiteral("agent1"), 1));
    QTRY_COMPARE(on0.ofKind(QStringLiteral("snapshot")).size(), 1);
    QTRY_COMPARE(on1.ofKind(QStringLiteral("snapshot")).size(), 1);
    const QString viaZero = createTicket(0, QStringLiteral("team-a"));
    const QString viaOne = createTicket(1, QStringLiteral("team-a"));
    QVERIFY(!viaZero.isEmpty() && !viaOne.isEmpty());
    const auto ids = [](const LiveClient &c) {
        QStringList out;
        for (const QJsonObject &m : c.ofKind(QStringLiteral("changed")))
            out.append(m.value(QStringLiteral("id")).toString());
        return out;
    };
    QTRY_COMPARE(ids(on0), (QStringList{viaZero, viaOne}));
    QTRY_COMPARE(ids(on1), (QStringList{viaZero, viaOne}));
    // Same order on both instances (commit order), consecutive seq numbers on each.
    const auto c1 = on1.ofKind(QStringLiteral("changed"));
    QCOMPARE(c1.at(1).value(QStringLiteral("seq")).toInteger(),
             c1.at(0).value(QStringLiteral("seq")).toInteger() + 1);
}

void TestServerPostgres::positionsCrossInstances()
{
    const QByteArray admin = m_server.token(QStringLiteral("admin"), 1);
    QCOMPARE(m_server
                 .request("PUT", QStringLiteral("/api/v1/couriers/cr-pg"), admin,
                          {{QStringLiteral("name"), QStringLiteral("钱师傅")}}, {}, 1)
                 .status,
             201);
    LiveClient on0;
    on0.open(m_server.port(0), m_server.token(QStringLiteral("agent3"), 0));
    QTRY_COMPARE(on0.ofKind(QStringLiteral("snapshot")).size(), 1);
    const Reply r =
        m_server.request("POST", QStringLiteral("/api/v1/couriers/positions"), admin,
                         {{QStringLiteral("items"),
                           QJsonArray{QJsonObject{{QStringLiteral("courier_id"), QStringLiteral("cr-pg")},
                                                  {QStringLiteral("lat"), 30.25},
                                                  {QStringLiteral("lon"), 120.17}}}}},
                         {}, 1);
    QCOMPARE(r.status, 202);
    QTRY_COMPARE(on0.ofKind(QStringLiteral("positions")).size(), 1);
    const QJsonObject p = on0.ofKind(QStringLiteral("positions"))
                              .first()
                              .value(QStringLiteral("items"))
                              .toArray()
                              .at(0)
                              .toObject();
    QCOMPARE(p.value(QStringLiteral("courier_id")).toString(), QStringLiteral("cr-pg"));
    QCOMPARE(p.value(QStringLiteral("lat")).toDouble(), 30.25);
    // The other instance also serves it from memory.
    QTRY_COMPARE(m_server
                     .request("GET", QStringLiteral("/api/v1/couriers/positions"),
                              m_server.token(QStringLiteral("agent3"), 0), {}, {}, 0)
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 1);
}

void TestServerPostgres::feedConsistentAcrossInstances()
{
    // Writes alternate between instances while a reader pages through instance 1.
    QStringList created;
    QSet<QString> seen;
    QString cursor;
    for (int round = 0; round < 30; ++round) {
        created.append(
            createTicket(round % 2, round % 3 ? QStringLiteral("team-a") : QStringLiteral("team-b")));
        const QJsonObject page =
            m_server
                .request("GET", QStringLiteral("/api/v1/changes?limit=7&cursor=") + cursor,
                         m_server.token(QStringLiteral("manager1"), 1), {}, {}, 1)
                .json();
        for (const auto &v : page.value(QStringLiteral("items")).toArray())
            seen.insert(v.toObject().value(QStringLiteral("id")).toString());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
    }
    for (;;) {
        const QJsonObject page =
            m_server
                .request("GET", QStringLiteral("/api/v1/changes?limit=50&cursor=") + cursor,
                         m_server.token(QStringLiteral("manager1"), 1), {}, {}, 1)
                .json();
        for (const auto &v : page.value(QStringLiteral("items")).toArray())
            seen.insert(v.toObject().value(QStringLiteral("id")).toString());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (!page.value(QStringLiteral("has_more")).toBool())
            break;
    }
    for (const QString &id : std::as_const(created))
        QVERIFY2(seen.contains(id), qPrintable(id));
}

// Issue 15 item 7: a sign-out on one instance closes the session's sockets on the others (through NOTIFY).
void TestServerPostgres::revocationClosesSocketsOnEveryInstance()
{
    const auto login = [this](int index) {
        return m_server
            .request("POST", QStringLiteral("/api/v1/auth/login"), {},
                     {{QStringLiteral("login"), QStringLiteral("agent2")},
                      {QStringLiteral("password"), ServerFixture::kPassword}},
                     {}, index)
            .json()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    };
    const QByteArray session = login(0);
    LiveClient elsewhere;
    LiveClient otherSession;
    elsewhere.open(m_server.port(1), session);
    otherSession.open(m_server.port(1), login(1));
    QTRY_COMPARE(elsewhere.ofKind(QStringLiteral("snapshot")).size(), 1);
    QTRY_COMPARE(otherSession.ofKind(QStringLiteral("snapshot")).size(), 1);
    QSignalSpy closed(&elsewhere.socket(), &QWebSocket::disconnected);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_server.request("POST", QStringLiteral("/api/v1/auth/logout"), session, {}, {}, 0).status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(closed.count() > 0, 7000);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(elsewhere.ofKind(QStringLiteral("error"))
                 .first()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("signed_out"));
    QCOMPARE(otherSession.socket().state(), QAbstractSocket::ConnectedState);
}

// Issue 15 items 1 and 2 on PostgreSQL: a move re-stamps the events (one statement per event under the writer
// lock) and a deletion tombstones them; readers of either instance see the same.
void TestServerPostgres::teamMoveAndDeletionAcrossInstances()
{
    const QString id = createTicket(0, QStringLiteral("team-a"));
    const QString note = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray lead = m_server.token(QStringLiteral("lead1"), 0);
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/tickets/%1/events").arg(id), lead,
                          {{QStringLiteral("id"), note},
                           {QStringLiteral("kind"), QStringLiteral("note")},
                           {QStringLiteral("text"), QStringLiteral("n")}},
                          {{"Idempotency-Key", note.toLatin1()}}, 0)
                 .status,
             201);
    const auto feed = [this](const QString &login) {
        QList<QJsonObject> items;
        QString cursor;
        for (;;) {
            const QJsonObject page =
                m_server
                    .request("GET", QStringLiteral("/api/v1/changes?limit=50&cursor=") + cursor,
                             m_server.token(login, 1), {}, {}, 1)
                    .json();
            for (const auto &v : page.value(QStringLiteral("items")).toArray())
                items.append(v.toObject());
            cursor = page.value(QStringLiteral("next_cursor")).toString();
            if (!page.value(QStringLiteral("has_more")).toBool())
                return items;
        }
    };
    const auto has = [](const QList<QJsonObject> &items, const QString &type, const QString &itemId,
                        const QString &key, const QJsonValue &value) {
        return std::any_of(items.begin(), items.end(), [&](const QJsonObject &i) {
            return i.value(QStringLiteral("type")).toString() == type &&
                   i.value(QStringLiteral("id")).toString() == itemId && i.value(key) == value;
        });
    };
    QCOMPARE(m_server
                 .request("PATCH", QStringLiteral("/api/v1/tickets/") + id, lead,
                          {{QStringLiteral("team_id"), QStringLiteral("team-b")}}, {{"If-Match", "2"}}, 0)
                 .status,
             200);
    QVERIFY(has(feed(QStringLiteral("agent3")), QStringLiteral("ticket_event"), note,
                QStringLiteral("deleted"), false));
    QVERIFY(has(feed(QStringLiteral("agent1")), QStringLiteral("ticket"), id, QStringLiteral("reason"),
                QStringLiteral("withdrawn")));
    QCOMPARE(
        m_server.request("DELETE", QStringLiteral("/api/v1/tickets/") + id, lead, {}, {{"If-Match", "3"}}, 0)
            .status,
        204);
    const auto manager = feed(QStringLiteral("manager1"));
    QVERIFY(has(manager, QStringLiteral("ticket"), id, QStringLiteral("deleted"), true));
    QVERIFY(has(manager, QStringLiteral("ticket_event"), note, QStringLiteral("deleted"), true));
}

// Issue 16, item 6: one refresh token presented to both instances at once (a console retrying on another
// instance, or a stolen copy) is rotated once: the rotation is a conditional update whose row count decides,
// under the writer lock every instance shares. Exactly one answer carries new tokens; the others are 401 and
// end the family, so the winner's new refresh token is refused too.
void TestServerPostgres::refreshTokenSpentOnceAcrossInstances()
{
    const Reply login = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                         {{QStringLiteral("login"), QStringLiteral("agent2")},
                                          {QStringLiteral("password"), ServerFixture::kPassword}},
                                         {}, 0);
    QCOMPARE(login.status, 200);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"),
                                                       login.json().value(QStringLiteral("refresh_token"))}})
                                .toJson(QJsonDocument::Compact);
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 12; ++i) {
        QNetworkRequest r(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/auth/refresh").arg(m_server.port(i % 2))));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        replies.append(nam.post(r, body));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }),
        20000);
    int rotated = 0;
    int refused = 0;
    QString newRefresh;
    for (QNetworkReply *r : std::as_const(replies)) {
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            ++rotated;
            newRefresh = QJsonDocument::fromJson(r->readAll())
                             .object()
                             .value(QStringLiteral("refresh_token"))
                             .toString();
        } else if (status == 401) {
            ++refused;
        }
        r->deleteLater();
    }
    QCOMPARE(rotated, 1);
    QCOMPARE(refused, 11);
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/auth/refresh"), {},
                          {{QStringLiteral("refresh_token"), newRefresh}}, {}, 1)
                 .status,
             401);
}

// Found by drill_storage: after PostgreSQL was restarted every ticket write answered 500 until the server was
// restarted too. The kept INSERT statement had died with the old session, and dropping it later made the
// driver DEALLOCATE it inside the new session's transaction, which PostgreSQL then aborted. Kept statements
// are now dropped when the connection is replaced (Database::cached).
void TestServerPostgres::volumeAggregatesFollowImports()
{
    // The volume aggregates on PostgreSQL (schema 5): the fixture's import counted its one delivered parcel
    // (no station, Shanghai day 2026-11-18); importing it again at a station and courier, delivered late
    // after midnight, moves the delivery. Both instances serve the same rows.
    const auto rows = [this](int index) {
        QHash<QString, QString> out;
        for (const QJsonObject &item :
             m_server.readFeed(m_server.token(QStringLiteral("manager1"), index), {}, 5000, index).items) {
            if (item.value(QStringLiteral("type")).toString() != QLatin1StringView("parcel_volume"))
                continue;
            const QJsonObject d = item.value(QStringLiteral("data")).toObject();
            out.insert(item.value(QStringLiteral("id")).toString(),
                       QStringLiteral("%1/%2")
                           .arg(d.value(QStringLiteral("delivered")).toInteger())
                           .arg(d.value(QStringLiteral("delivered_on_time")).toInteger()));
        }
        return out;
    };
    QCOMPARE(rows(0), (QHash<QString, QString>{{QStringLiteral("2026-11-18||"), QStringLiteral("1/1")}}));
    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("parcels.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(
        "waybill_no,status,promised_at,delivered_at,courier_id,station_id\n"
        "YT4600000000123,delivered,2026-11-18T18:00:00+08:00,2026-11-19T00:30:00+08:00,cr-01-1,st-01\n");
    csv.close();
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({QStringLiteral("import"), QStringLiteral("--db"), m_server.dbUrl(),
                                    QStringLiteral("--parcels"), csv.fileName()},
                                   {}, &out),
             0);
    const QHash<QString, QString> moved{{QStringLiteral("2026-11-18||"), QStringLiteral("0/0")},
                                        {QStringLiteral("2026-11-19|st-01|cr-01-1"), QStringLiteral("1/0")}};
    QCOMPARE(rows(0), moved);
    QCOMPARE(rows(1), moved);
}

void TestServerPostgres::trackingScansFollowTickets()
{
    // Schema 11 on PostgreSQL: scans of a parcel no ticket names go to the scans table (one INSERT from
    // unnest arrays); a ticket about the parcel brings them into the feed on both instances, and a scan
    // ingested after the ticket reaches the next pull of the ticket's team.
    const QString w = QStringLiteral("SF1430000000001");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
    };
    const auto scan = [&](qint64 at, const QString &status, const QString &place) {
        return QJsonObject{{QStringLiteral("waybill_no"), w},
                           {QStringLiteral("at"), iso(at)},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("place"), place}};
    };
    const auto ingest = [&](const QJsonArray &parcels, const QJsonArray &events) {
        return m_server
            .request("POST", QStringLiteral("/api/v1/tracking"), m_server.token(QStringLiteral("admin"), 0),
                     {{QStringLiteral("parcels"), parcels}, {QStringLiteral("events"), events}}, {}, 0)
            .status;
    };
    const QString door = QStringLiteral("杭州市西湖区文三路\"8\"号"); // quotes: the array literal's escaping
    QCOMPARE(ingest({QJsonObject{{QStringLiteral("waybill_no"), w}}},
                    {scan(now - 20 * 3600000LL, QStringLiteral("picked_up"), QStringLiteral("杭州转运中心")),
                     scan(now - 3 * 3600000LL, QStringLiteral("delivered"), door)}),
             200);
    const Reply looked = m_server.request("GET", QStringLiteral("/api/v1/parcels/%1/tracking").arg(w),
                                          m_server.token(QStringLiteral("manager1"), 1), {}, {}, 1);
    QCOMPARE(looked.json().value(QStringLiteral("items")).toArray().size(), 2);

    const Reply ticket = m_server.request("POST", QStringLiteral("/api/v1/tickets"),
                                          m_server.token(QStringLiteral("lead1"), 1),
                                          {{QStringLiteral("description"), QStringLiteral("签收未收到")},
                                           {QStringLiteral("category"), QStringLiteral("delay")},
                                           {QStringLiteral("team_id"), QStringLiteral("team-a")},
                                           {QStringLiteral("waybill_no"), w}},
                                          {}, 1);
    QCOMPARE(ticket.status, 201);
    const auto placesIn = [&](const FeedRead &f) {
        QStringList out;
        for (const QJsonObject &o : f.items) {
            const QJsonObject data = o.value(QStringLiteral("data")).toObject();
            if (o.value(QStringLiteral("type")).toString() == QLatin1StringView("tracking_event") &&
                data.value(QStringLiteral("waybill_no")).toString() == w)
                out.append(data.value(QStringLiteral("place")).toString());
        }
        return out;
    };
    const QByteArray lead = m_server.token(QStringLiteral("lead1"), 0);
    const FeedRead first = m_server.readFeed(lead, {}, 5000, 0);
    QCOMPARE(placesIn(first), (QStringList{QStringLiteral("杭州转运中心"), door}));
    QVERIFY(placesIn(m_server.readFeed(m_server.token(QStringLiteral("agent3"), 1), {}, 5000, 1)).isEmpty());
    QCOMPARE(ingest({}, {scan(now - 3600000LL, QStringLiteral("in_transit"), QStringLiteral("杭州分拨"))}),
             200);
    QCOMPARE(placesIn(m_server.readFeed(lead, first.cursor, 5000, 0)),
             QStringList{QStringLiteral("杭州分拨")});
}

void TestServerPostgres::writesRecoverAfterRestart()
{
    const QString ctl = qEnvironmentVariable("PD_TEST_POSTGRES_CTL");
    if (ctl.isEmpty())
        QSKIP("PD_TEST_POSTGRES_CTL is not set: run this test through scripts/test-postgres.sh (ctest does)");
    QVERIFY(!createTicket(0, QStringLiteral("team-a")).isEmpty());
    QVERIFY(!createTicket(1, QStringLiteral("team-a")).isEmpty());
    QCOMPARE(QProcess::execute(ctl, {QStringLiteral("stop")}), 0);
    const Reply during = m_server.request("POST", QStringLiteral("/api/v1/tickets"),
                                          m_server.token(QStringLiteral("lead1"), 0),
                                          {{QStringLiteral("description"), QStringLiteral("停库")},
                                           {QStringLiteral("category"), QStringLiteral("delay")},
                                           {QStringLiteral("team_id"), QStringLiteral("team-a")}},
                                          {}, 0);
    QCOMPARE(during.status, 503);
    QCOMPARE(QProcess::execute(ctl, {QStringLiteral("start")}), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!createTicket(0, QStringLiteral("team-a")).isEmpty(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!createTicket(1, QStringLiteral("team-a")).isEmpty(), 15000);
    for (int i = 0; i < 5; ++i) { // and every write after the first one
        QVERIFY(!createTicket(0, QStringLiteral("team-a")).isEmpty());
        QVERIFY(!createTicket(1, QStringLiteral("team-a")).isEmpty());
    }
}

QTEST_MAIN(TestServerPostgres)
#include "tst_server_postgres.moc"
