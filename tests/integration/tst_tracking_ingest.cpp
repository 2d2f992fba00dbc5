// Tracking ingest (issue 18, "Server at volume"): scans and parcel records from an operations system reach
// the real parceldesk-server through POST /api/v1/tracking and `parceldesk-server import --tracking FILE|-`.
// Each test asserts the stored parcels, scans and volume aggregates against what was sent: a batch writes its
// scans once however often it is sent, a bad item refuses the whole batch with the item's path, the parcels
// no live ticket names stay out of the change feed (the feed's partial index), and a database of the
// previous schema gets its feed flags on the first start.
#include "serverfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {
const QString kStation = QStringLiteral("st-ingest");

QString waybill(int n)
{
    return QStringLiteral("SF142%1").arg(n, 10, 10, QLatin1Char('0'));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
}

QJsonObject parcel(int n, qint64 promisedMs)
{
    return {{QStringLiteral("waybill_no"), waybill(n)},
            {QStringLiteral("origin_address"), QStringLiteral("上海发货仓")},
            {QStringLiteral("destination_address"), QStringLiteral("杭州市文三路%1号").arg(n)},
            {QStringLiteral("destination"),
             QJsonObject{{QStringLiteral("lat"), 30.279}, {QStringLiteral("lon"), 120.129}}},
            {QStringLiteral("promised_at"), iso(promisedMs)},
            {QStringLiteral("station_id"), kStation},
            {QStringLiteral("courier_id"), QStringLiteral("c-ingest")}};
}

QJsonObject scan(int n, qint64 atMs, const QString &status, const QString &reason = {})
{
    QJsonObject o{{QStringLiteral("waybill_no"), waybill(n)},
                  {QStringLiteral("at"), iso(atMs)},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("place"), QStringLiteral("杭州转运中心")},
                  {QStringLiteral("position"),
                   QJsonObject{{QStringLiteral("lat"), 30.25 + n * 0.001}, {QStringLiteral("lon"), 120.2}}}};
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

struct Volume
{
    qint64 picked = 0, delivered = 0, onTime = 0, damaged = 0, lost = 0, exceptions = 0;
    friend bool operator==(const Volume &, const Volume &) = default;
};
} // namespace

class TestTrackingIngest final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void batchWritesScansParcelsAndVolume();
    void sentTwiceWritesOnce();
    void badBatchChangesNothing();
    void concurrentBatches();
    void onlyReferencedParcelsEnterTheFeed();
    void scansTableFollowsTickets();
    void csvFileAndStream();
    void previousSchemaGetsFeedFlags();

private:
    Reply ingest(const QJsonArray &parcels, const QJsonArray &events,
                 const QString &login = QStringLiteral("admin"));
    QVariant sql(const QString &statement, const QVariantList &binds = {});
    Volume volume();
    qint64 count(const QString &type, const QString &waybillPrefix);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();
};

void TestTrackingIngest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
}

Reply TestTrackingIngest::ingest(const QJsonArray &parcels, const QJsonArray &events, const QString &login)
{
    return m_server.request(
        "POST", QStringLiteral("/api/v1/tracking"), m_server.token(login),
        QJsonObject{{QStringLiteral("parcels"), parcels}, {QStringLiteral("events"), events}});
}

QVariant TestTrackingIngest::sql(const QString &statement, const QVariantList &binds)
{
    QVariant v;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ingest-check"));
        db.setDatabaseName(m_server.dbPath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                v = q.value(0);
            else if (q.lastError().isValid())
                qWarning() << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ingest-check"));
    return v;
}

Volume TestTrackingIngest::volume()
{
    const auto sum = [&](const char *column) {
        return sql(QStringLiteral("SELECT COALESCE(sum(%1), 0) FROM parcel_volume WHERE station_id = ?")
                       .arg(QLatin1StringView(column)),
                   {kStation})
            .toLongLong();
    };
    return {sum("picked_up"), sum("delivered"), sum("delivered_on_time"),
            sum("damaged"),   sum("lost"),      sum("exceptions")};
}

qint64 TestTrackingIngest::count(const QString &type, const QString &waybillPrefix)
{
    const QString like = waybillPrefix + QLatin1Char('%');
    const qint64 inDocs = sql(QStringLiteral("SELECT count(*) FROM docs WHERE type = ? AND deleted = 0 AND "
                                             "(CASE WHEN type = 'parcel' THEN id ELSE parent END) LIKE ?"),
                              {type, like})
                              .toLongLong();
    // The scans of parcels no live ticket names are in the scans table (schema 11).
    if (type != u"tracking_event")
        return inDocs;
    return inDocs + sql(u"SELECT count(*) FROM scans WHERE waybill_no LIKE ?"_s, {like}).toLongLong();
}

void TestTrackingIngest::batchWritesScansParcelsAndVolume()
{
    const qint64 h = 3600 * 1000;
    // Parcel 0 is delivered on time, 1 late, 2 is damaged in transit, 3 only picked up.
    const QJsonArray parcels{parcel(0, m_now + 24 * h), parcel(1, m_now - 30 * h), parcel(2, m_now + 24 * h),
                             parcel(3, m_now + 24 * h)};
    const QJsonArray events{scan(0, m_now - 50 * h, u"picked_up"_s),
                            scan(0, m_now - 20 * h, u"in_transit"_s),
                            scan(0, m_now - 2 * h, u"delivered"_s),
                            scan(1, m_now - 50 * h, u"picked_up"_s),
                            scan(1, m_now - 3 * h, u"delivered"_s),
                            scan(2, m_now - 50 * h, u"picked_up"_s),
                            scan(2, m_now - 5 * h, u"exception"_s, u"damaged"_s),
                            scan(3, m_now - 1 * h, u"picked_up"_s)};
    const Reply r = ingest(parcels, events);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"events"_s).toInt(), 8);
    QCOMPARE(r.json().value(u"parcels_created"_s).toInt(), 4);
    QCOMPARE(r.json().value(u"duplicates"_s).toInt(), 0);

    const Reply p0 =
        m_server.request("GET", u"/api/v1/parcels/"_s + waybill(0), m_server.token(u"manager1"_s));
    QCOMPARE(p0.status, 200);
    QCOMPARE(p0.json().value(u"status"_s).toString(), u"delivered"_s);
    QVERIFY(p0.json().contains(u"delivered_at"_s));
    const Reply t0 = m_server.request("GET", u"/api/v1/parcels/%1/tracking"_s.arg(waybill(0)),
                                      m_server.token(u"manager1"_s));
    QCOMPARE(t0.json().value(u"items"_s).toArray().size(), 3);
    const Reply p2 =
        m_server.request("GET", u"/api/v1/parcels/"_s + waybill(2), m_server.token(u"manager1"_s));
    QCOMPARE(p2.json().value(u"status"_s).toString(), u"exception"_s);
    // Four picked up, two delivered of which one on time, one damaged exception.
    QCOMPARE(volume(), (Volume{4, 2, 1, 1, 0, 1}));
}

void TestTrackingIngest::sentTwiceWritesOnce()
{
    const qint64 h = 3600 * 1000;
    const QJsonArray events{scan(3, m_now - 1 * h, u"picked_up"_s), scan(3, m_now - 1 * h, u"picked_up"_s)};
    const Volume before = volume();
    const qint64 scans = count(u"tracking_event"_s, waybill(3));
    const Reply r = ingest({}, events);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"events"_s).toInt(), 0);
    QCOMPARE(r.json().value(u"duplicates"_s).toInt(), 2);
    QCOMPARE(count(u"tracking_event"_s, waybill(3)), scans);
    QCOMPARE(volume(), before);
    // A later scan moves the parcel on; an older one sent late is kept but does not move it back.
    QCOMPARE(
        ingest({}, {scan(3, m_now - 10 * 60 * 1000, u"in_transit"_s), scan(3, m_now - 30 * h, u"created"_s)})
            .status,
        200);
    const Reply p3 =
        m_server.request("GET", u"/api/v1/parcels/"_s + waybill(3), m_server.token(u"manager1"_s));
    QCOMPARE(p3.json().value(u"status"_s).toString(), u"in_transit"_s);
    QCOMPARE(count(u"tracking_event"_s, waybill(3)), scans + 2);
}

void TestTrackingIngest::badBatchChangesNothing()
{
    const qint64 h = 3600 * 1000;
    const qint64 scans = count(u"tracking_event"_s, u"SF142"_s);
    const qint64 seq = sql(u"SELECT max(seq) FROM docs"_s).toLongLong();
    const Volume before = volume();
    struct Case
    {
        QJsonArray parcels, events;
        QString field;
    } cases[] = {
        {{},
         {scan(0, m_now - h, u"in_transit"_s), scan(1, m_now - h, u"teleported"_s)},
         u"events[1].status"_s},
        {{},
         {scan(0, m_now - h, u"in_transit"_s), scan(77, m_now - h, u"in_transit"_s)},
         u"events[1].waybill_no"_s},
        {{}, {scan(0, m_now + 2 * h, u"in_transit"_s)}, u"events[0].at"_s},
        {{},
         {QJsonObject{{u"waybill_no"_s, u"not a waybill"_s}, {u"at"_s, iso(m_now)}}},
         u"events[0].waybill_no"_s},
        {{parcel(9, m_now)},
         {scan(9, m_now - h, u"picked_up"_s), QJsonObject{{u"waybill_no"_s, waybill(0)}}},
         u"events[1].at"_s},
        {{}, {}, u"events"_s},
    };
    for (const Case &c : cases) {
        const Reply r = ingest(c.parcels, c.events);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), c.field);
    }
    QJsonArray tooMany;
    for (int i = 0; i < 5001; ++i)
        tooMany.append(scan(0, m_now - h, u"in_transit"_s));
    QCOMPARE(ingest({}, tooMany).status, 422);
    QCOMPARE(ingest({}, {scan(0, m_now - h, u"in_transit"_s)}, u"agent1"_s).status, 403);
    QCOMPARE(count(u"tracking_event"_s, u"SF142"_s), scans);
    QCOMPARE(count(u"parcel"_s, waybill(9)), 0);
    QCOMPARE(sql(u"SELECT max(seq) FROM docs"_s).toLongLong(), seq);
    QCOMPARE(volume(), before);
}

void TestTrackingIngest::concurrentBatches()
{
    // Seven batches at once on separate connections: each is checked on a worker thread while the event loop
    // writes another. Five carry 10 new parcels with 3 scans each; the sixth repeats the first batch's 30
    // scans and adds 5 new scans of those parcels; the seventh is refused (an unknown waybill) and writes
    // nothing.
    const qint64 h = 3600 * 1000;
    QList<QByteArray> bodies;
    QJsonArray firstScans;
    for (int b = 0; b < 5; ++b) {
        QJsonArray parcels, events;
        for (int n = 100 + b * 10; n < 110 + b * 10; ++n) {
            parcels.append(parcel(n, m_now + 24 * h));
            for (const auto &[ago, status] : {std::pair{40, u"picked_up"_s}, std::pair{30, u"in_transit"_s},
                                              std::pair{20, u"in_transit"_s}})
                events.append(scan(n, m_now - ago * h - n * 1000, status));
        }
        if (b == 0)
            firstScans = events;
        bodies << QJsonDocument(QJsonObject{{u"parcels"_s, parcels}, {u"events"_s, events}}).toJson();
    }
    // With its parcels' records, as it may be written before the first batch.
    QJsonArray again = firstScans, againParcels;
    for (int n = 100; n < 105; ++n) {
        againParcels.append(parcel(n, m_now + 24 * h));
        again.append(scan(n, m_now - 10 * h, u"out_for_delivery"_s));
    }
    bodies << QJsonDocument(QJsonObject{{u"parcels"_s, againParcels}, {u"events"_s, again}}).toJson();
    bodies << QJsonDocument(QJsonObject{{u"events"_s, QJsonArray{scan(9999, m_now - h, u"in_transit"_s)}}})
                  .toJson();
    const Volume before = volume();

    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : std::as_const(bodies)) {
        QNetworkRequest req(QUrl(u"http://127.0.0.1:%1/api/v1/tracking"_s.arg(m_server.port())));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + m_server.token(u"admin"_s));
        replies << nam.post(req, body);
    }
    for (QNetworkReply *r : std::as_const(replies))
        QTRY_VERIFY_WITH_TIMEOUT(r->isFinished(), 30000);
    qint64 events = 0, duplicates = 0, created = 0;
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(replies.at(i)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject o = QJsonDocument::fromJson(replies.at(i)->readAll()).object();
        events += o.value(u"events"_s).toInteger();
        duplicates += o.value(u"duplicates"_s).toInteger();
        created += o.value(u"parcels_created"_s).toInteger();
    }
    QCOMPARE(replies.at(6)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 422);
    QVERIFY(replies.at(6)->readAll().contains("events[0].waybill_no"));
    qDeleteAll(replies);
    // The repeated scans are written once, whichever of the two batches came first.
    QCOMPARE(events, 5 * 30 + 5);
    QCOMPARE(duplicates, 30);
    QCOMPARE(created, 50);
    for (int b = 0; b < 5; ++b)
        QCOMPARE(count(u"tracking_event"_s, waybill(100 + b * 10).left(14)), b == 0 ? 35 : 30);
    const Volume after = volume();
    QCOMPARE(after.picked - before.picked, 50);
    const Reply p100 =
        m_server.request("GET", u"/api/v1/parcels/"_s + waybill(100), m_server.token(u"manager1"_s));
    QCOMPARE(p100.json().value(u"status"_s).toString(), u"out_for_delivery"_s);
}

void TestTrackingIngest::onlyReferencedParcelsEnterTheFeed()
{
    const qint64 h = 3600 * 1000;
    // A ticket of team-a about parcel 0; parcels 1–3 are no ticket's.
    const QJsonObject ticket{{u"description"_s, u"包裹显示已签收但没收到"_s},
                             {u"customer_name"_s, u"王女士"_s},
                             {u"customer_phone"_s, u"13800138000"_s},
                             {u"channel"_s, u"phone"_s},
                             {u"category"_s, u"delay"_s},
                             {u"team_id"_s, u"team-a"_s},
                             {u"waybill_no"_s, waybill(0)}};
    const Reply created = m_server.request(
        "POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s), ticket,
        {{"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}});
    QCOMPARE(created.status, 201);
    QCOMPARE(
        sql(u"SELECT count(*) FROM docs WHERE type = 'parcel' AND feed = 1 AND id LIKE 'SF142%'"_s).toInt(),
        1);
    QCOMPARE(sql(u"SELECT count(*) FROM docs WHERE type = 'tracking_event' AND feed = 1 AND parent = ?"_s,
                 {waybill(0)})
                 .toInt(),
             int(count(u"tracking_event"_s, waybill(0))));

    const auto parcelsIn = [](const FeedRead &f) {
        QStringList out;
        for (const QJsonObject &o : f.items) {
            const QString type = o.value(u"type"_s).toString();
            const QJsonObject data = o.value(u"data"_s).toObject();
            if (type == u"parcel" || type == u"tracking_event")
                out.append(type + u':' + data.value(u"waybill_no"_s).toString());
        }
        return out;
    };
    const QByteArray token = m_server.token(u"agent1"_s);
    const FeedRead first = m_server.readFeed(token);
    const QStringList got = parcelsIn(first);
    QVERIFY2(got.contains(u"parcel:"_s + waybill(0)), qPrintable(got.join(u' ')));
    for (int n = 1; n <= 3; ++n)
        QVERIFY2(!got.contains(u"parcel:"_s + waybill(n)), qPrintable(got.join(u' ')));
    // New scans for parcels 0 and 1: the next pull brings parcel 0 and its scan only.
    QCOMPARE(
        ingest({}, {scan(0, m_now - h / 2, u"returned"_s), scan(1, m_now - h / 2, u"returned"_s)}).status,
        200);
    const FeedRead next = m_server.readFeed(token, first.cursor);
    const QStringList later = parcelsIn(next);
    QCOMPARE(later.count(u"parcel:"_s + waybill(0)), 1);
    QCOMPARE(later.count(u"tracking_event:"_s + waybill(0)), 1);
    QVERIFY2(!later.join(u' ').contains(waybill(1)), qPrintable(later.join(u' ')));
}

void TestTrackingIngest::scansTableFollowsTickets()
{
    // Schema 11: the scans of a parcel no ticket names are in the scans table; a ticket about the parcel
    // brings them into docs and the feed (masked for readers who may not see the ticket's customer), and a
    // scan ingested after the ticket reaches its readers' next pull.
    const qint64 h = 3600 * 1000;
    const QString w = waybill(30);
    QJsonObject delivered = scan(30, m_now - 3 * h, u"delivered"_s);
    delivered.insert(u"place"_s, u"杭州市西湖区文三路88号"_s);
    QCOMPARE(
        ingest({parcel(30, m_now + 24 * h)}, {scan(30, m_now - 20 * h, u"picked_up"_s), delivered}).status,
        200);
    QCOMPARE(sql(u"SELECT count(*) FROM scans WHERE waybill_no = ?"_s, {w}).toInt(), 2);
    QCOMPARE(sql(u"SELECT count(*) FROM docs WHERE type = 'tracking_event' AND parent = ?"_s, {w}).toInt(),
             0);
    const auto lastPlace = [&](const QString &login) {
        const Reply t =
            m_server.request("GET", u"/api/v1/parcels/%1/tracking"_s.arg(w), m_server.token(login));
        const QJsonArray items = t.json().value(u"items"_s).toArray();
        return items.isEmpty() ? QString() : items.last().toObject().value(u"place"_s).toString();
    };
    QVERIFY2(lastPlace(u"lead1"_s).contains(u'*'), qPrintable(lastPlace(u"lead1"_s))); // no ticket: masked

    const QJsonObject ticket{{u"description"_s, u"签收了但本人没收到"_s},
                             {u"customer_name"_s, u"李先生"_s},
                             {u"customer_phone"_s, u"13900139000"_s},
                             {u"channel"_s, u"phone"_s},
                             {u"category"_s, u"delay"_s},
                             {u"team_id"_s, u"team-a"_s},
                             {u"waybill_no"_s, w}};
    QCOMPARE(
        m_server
            .request("POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s), ticket,
                     {{"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}})
            .status,
        201);
    QCOMPARE(sql(u"SELECT count(*) FROM scans WHERE waybill_no = ?"_s, {w}).toInt(), 0);
    QCOMPARE(
        sql(u"SELECT count(*) FROM docs WHERE type = 'tracking_event' AND feed = 1 AND parent = ?"_s, {w})
            .toInt(),
        2);
    QCOMPARE(lastPlace(u"lead1"_s), u"杭州市西湖区文三路88号"_s);
    QVERIFY(lastPlace(u"manager1"_s).contains(u'*'));

    const auto placesIn = [&](const FeedRead &f) {
        QStringList out;
        for (const QJsonObject &o : f.items) {
            const QJsonObject data = o.value(u"data"_s).toObject();
            if (o.value(u"type"_s).toString() == u"tracking_event" && data.value(u"waybill_no"_s) == w)
                out.append(data.value(u"status"_s).toString() + u':' + data.value(u"place"_s).toString());
        }
        return out;
    };
    const QByteArray lead = m_server.token(u"lead1"_s);
    const FeedRead first = m_server.readFeed(lead);
    const QStringList got = placesIn(first);
    QVERIFY2(got.contains(u"delivered:杭州市西湖区文三路88号"_s) && got.size() == 2,
             qPrintable(got.join(u' ')));
    QVERIFY(placesIn(m_server.readFeed(m_server.token(u"agent3"_s))).isEmpty()); // team-b: not its ticket
    const QStringList masked = placesIn(m_server.readFeed(m_server.token(u"manager1"_s)));
    QVERIFY2(masked.size() == 2 && !masked.join(u' ').contains(u"文三路88号"_s),
             qPrintable(masked.join(u' ')));

    QCOMPARE(ingest({}, {scan(30, m_now - h, u"returned"_s)}).status, 200);
    QCOMPARE(sql(u"SELECT count(*) FROM scans WHERE waybill_no = ?"_s, {w}).toInt(), 0);
    QCOMPARE(placesIn(m_server.readFeed(lead, first.cursor)), QStringList{u"returned:杭州转运中心"_s});
}

void TestTrackingIngest::csvFileAndStream()
{
    const qint64 h = 3600 * 1000;
    QCOMPARE(ingest({parcel(20, m_now + 24 * h), parcel(21, m_now + 24 * h)}, {}).status, 200);
    const QByteArray header = "waybill_no,at,status,place,position_lat,position_lon,text,reason\n";
    const auto row = [&](int n, qint64 at, const char *status) {
        return u"%1,%2,%3,\"杭州, 西湖区\",30.26,120.16,,\n"_s
            .arg(waybill(n), iso(at), QLatin1StringView(status))
            .toUtf8();
    };
    // A file with one unknown waybill: rejected whole, with its line.
    const QString bad = m_dir.filePath(u"bad.csv"_s);
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(header + row(20, m_now - 5 * h, "picked_up") + row(88, m_now - 4 * h, "picked_up"));
    }
    QByteArray out;
    QCOMPARE(
        ServerFixture::runCli({u"import"_s, u"--db"_s, m_server.dbUrl(), u"--tracking"_s, bad}, {}, &out), 1);
    QVERIFY2(out.contains("line 3 waybill_no"), out.constData());
    QCOMPARE(count(u"tracking_event"_s, waybill(20)), 0);

    const QString good = m_dir.filePath(u"good.csv"_s);
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(header + row(20, m_now - 5 * h, "picked_up") + row(20, m_now - 4 * h, "in_transit"));
    }
    QCOMPARE(
        ServerFixture::runCli({u"import"_s, u"--db"_s, m_server.dbUrl(), u"--tracking"_s, good}, {}, &out),
        0);
    QVERIFY2(out.contains("Imported 2 scans"), out.constData());
    QCOMPARE(count(u"tracking_event"_s, waybill(20)), 2);

    // The same as a stream on standard input, plus a scan of parcel 21: the two stored ones are skipped.
    QCOMPARE(ServerFixture::runCli({u"import"_s, u"--db"_s, m_server.dbUrl(), u"--tracking"_s, u"-"_s},
                                   header + row(20, m_now - 5 * h, "picked_up") +
                                       row(20, m_now - 4 * h, "in_transit") +
                                       row(21, m_now - 3 * h, "picked_up"),
                                   &out),
             0);
    QVERIFY2(out.contains("Imported 1 scans (2 already stored)"), out.constData());
    QCOMPARE(count(u"tracking_event"_s, waybill(21)), 1);
    const Reply p20 =
        m_server.request("GET", u"/api/v1/parcels/"_s + waybill(20), m_server.token(u"manager1"_s));
    QCOMPARE(p20.json().value(u"status"_s).toString(), u"in_transit"_s);
}

void TestTrackingIngest::previousSchemaGetsFeedFlags()
{
    // As a server of schema 5 left it: no feed column. Dropping the column needs SQLite 3.35 (Debian
    // has 3.40).
    m_server.stop();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(m_server.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"DROP INDEX docs_feed"_s), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"ALTER TABLE docs DROP COLUMN feed"_s), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"UPDATE meta SET value = '5' WHERE key = 'schema_version'"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);
    const int restarted = m_server.start();
    QVERIFY(restarted >= 0);
    QVERIFY(sql(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toInt() >= 11); // 11: scans
    // Parcels 0 and 30 have a ticket; the other parcels of this test have none. The scans of the others stay
    // in the scans table, theirs in docs.
    QCOMPARE(
        sql(u"SELECT count(*) FROM docs WHERE type = 'parcel' AND feed = 1 AND id LIKE 'SF142%'"_s).toInt(),
        2);
    QCOMPARE(
        sql(u"SELECT count(*) FROM docs WHERE type = 'parcel' AND feed = 0 AND id LIKE 'SF142%'"_s).toInt(),
        int(count(u"parcel"_s, u"SF142"_s)) - 2);
    QCOMPARE(
        sql(u"SELECT count(*) FROM scans WHERE waybill_no IN (?, ?)"_s, {waybill(0), waybill(30)}).toInt(),
        0);
    QCOMPARE(sql(u"SELECT count(*) FROM docs WHERE type NOT IN ('parcel', 'tracking_event') AND feed = 0"_s)
                 .toInt(),
             0);
    const FeedRead all = m_server.readFeed(m_server.token(u"agent1"_s, restarted), {}, 500, restarted);
    int parcels = 0;
    for (const QJsonObject &o : all.items)
        parcels += o.value(u"type"_s).toString() == u"parcel" ? 1 : 0;
    QCOMPARE(parcels, 2);
}

QTEST_GUILESS_MAIN(TestTrackingIngest)
#include "tst_tracking_ingest.moc"
