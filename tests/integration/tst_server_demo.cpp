// The demo data `make run` shows a new user: a believable six weeks, not a pile of month-old breaches. Starts
// the real server with --demo on an empty database and reads everything through the change feed.
#include "serverfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestServerDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoDataIsBelievable();
    void cityVolumeGivesBelievableRates();

private:
    pd::test::ServerFixture m_server;
    QByteArray m_token;
};

void TestServerDemo::initTestCase()
{
    // Start-up includes seeding the empty database (printed, not asserted: the goal is under 15 s).
    QElapsedTimer startup;
    startup.start();
    QVERIFY(m_server.startDemo(2611) >= 0);
    QVERIFY(
        QTest::qWaitFor([&] { return m_server.request("GET", u"/api/v1/health"_s).status == 200; }, 30000));
    qInfo("demo start-up: %lld ms from start to /api/v1/health OK (goal < 15000 ms)",
          qlonglong(startup.elapsed()));
    m_token = m_server
                  .request("POST", u"/api/v1/auth/login"_s, {},
                           {{u"login"_s, u"manager1"_s}, {u"password"_s, u"demo"_s}})
                  .json()
                  .value(u"access_token"_s)
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
            m_server.request("GET", u"/api/v1/changes?limit=5000&cursor="_s + cursor, m_token).json();
        QVERIFY(page.contains(u"next_cursor"_s));
        for (const QJsonValue &v : page.value(u"items"_s).toArray()) {
            const QJsonObject item = v.toObject();
            const QJsonObject data = item.value(u"data"_s).toObject();
            if (item.value(u"type"_s).toString() == u"ticket")
                tickets.insert(item.value(u"id"_s).toString(), data);
            else if (item.value(u"type"_s).toString() == u"ticket_event" &&
                     data.value(u"kind"_s).toString() == u"status_change" &&
                     data.value(u"data"_s).toObject().value(u"to"_s).toString() == u"reopened")
                ++reopenings;
        }
        cursor = page.value(u"next_cursor"_s).toString();
        more = page.value(u"has_more"_s).toBool();
    }
    // About 1,600 complaints over six weeks (DemoSeeder), some reopened after the follow-up call.
    QVERIFY2(tickets.size() > 1000 && tickets.size() < 2500, qPrintable(QString::number(tickets.size())));
    QVERIFY(reopenings > 5);
    int unfinishedOld = 0;
    int done = 0;
    for (const QJsonObject &t : std::as_const(tickets)) {
        const QString status = t.value(u"status"_s).toString();
        const bool finished = status == u"resolved" || status == u"closed";
        done += finished;
        // Nothing but a fresh complaint is still being worked on: no ticket older than a week is unfinished.
        const qint64 created =
            QDateTime::fromString(t.value(u"created_at"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QVERIFY(created > now - 60 * kDay);
        if (!finished && created < now - 7 * kDay)
            ++unfinishedOld;
    }
    QCOMPARE(unfinishedOld, 0);
    QVERIFY2(done > tickets.size() * 8 / 10, qPrintable(u"%1 of %2"_s.arg(done).arg(tickets.size())));
}

void TestServerDemo::cityVolumeGivesBelievableRates()
{
    // The dashboard's parcel tiles over the last 30 complete company-time days, computed as the console does
    // (docs/kpi.md) from what the feed serves: volume aggregates and tickets.
    const pd::test::FeedRead feed = m_server.readFeed(m_token, {}, 5000);
    const QTimeZone zone("Asia/Shanghai");
    const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
    const qint64 from = today.addDays(-30).startOfDay(zone).toMSecsSinceEpoch();
    const qint64 to = today.startOfDay(zone).toMSecsSinceEpoch();
    const auto instant = [](const QJsonValue &v) {
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };
    qint64 delivered = 0, onTime = 0, courierDelivered = 0, courierDays = 0;
    qint64 complaints = 0, damage = 0, loss = 0, parcels = 0;
    QSet<QString> couriers;
    for (const QJsonObject &item : feed.items) {
        const QJsonObject d = item.value(u"data"_s).toObject();
        const QString type = item.value(u"type"_s).toString();
        if (type == u"parcel") {
            ++parcels;
        } else if (type == u"parcel_volume") {
            const qint64 start = instant(d.value(u"day_start"_s));
            if (start < from || start >= to)
                continue;
            delivered += d.value(u"delivered"_s).toInteger();
            onTime += d.value(u"delivered_on_time"_s).toInteger();
            if (!d.value(u"courier_id"_s).toString().isEmpty()) {
                courierDelivered += d.value(u"delivered"_s).toInteger();
                ++courierDays;
                couriers.insert(d.value(u"courier_id"_s).toString());
            }
        } else if (type == u"ticket") {
            const qint64 created = instant(d.value(u"created_at"_s));
            if (created < from || created >= to)
                continue;
            ++complaints;
            damage += d.value(u"category"_s).toString() == u"damage";
            loss += d.value(u"category"_s).toString() == u"loss";
        }
    }
    QVERIFY(delivered > 0 && courierDays > 0);
    const double rate = double(complaints) * 10000.0 / double(delivered);
    const double onTimeShare = double(onTime) / double(delivered);
    const double damageRate = double(damage) / double(delivered);
    const double lossRate = double(loss) / double(delivered);
    const double perCourier = double(courierDelivered) / double(courierDays);
    qInfo("last 30 days: %lld delivered (%.0f a day; a listed courier %.0f a day), %lld complaints: %.2f per "
          "10,000; on time %.2f%%; damage %.4f%%, loss %.4f%%; %lld detailed parcels",
          qlonglong(delivered), double(delivered) / 30.0, perCourier, qlonglong(complaints), rate,
          onTimeShare * 100, damageRate * 100, lossRate * 100, qlonglong(parcels));
    // docs/server.md "Demo volume": a city centre's volume, and rates near typical values inside the targets.
    QCOMPARE(couriers.size(), 96);
    QVERIFY2(perCourier >= 100 && perCourier <= 200, qPrintable(QString::number(perCourier)));
    QVERIFY2(complaints > 800, qPrintable(QString::number(complaints)));
    QVERIFY2(rate >= 2 && rate <= 10, qPrintable(QString::number(rate)));
    QVERIFY2(onTimeShare >= 0.95 && onTimeShare <= 0.98, qPrintable(QString::number(onTimeShare)));
    QVERIFY2(damageRate > 0 && damageRate < 0.001, qPrintable(QString::number(damageRate)));
    QVERIFY2(lossRate > 0 && lossRate < 0.0005, qPrintable(QString::number(lossRate)));
    // Detailed parcels only where consoles need them.
    QVERIFY2(parcels < 5000, qPrintable(QString::number(parcels)));
}

QTEST_GUILESS_MAIN(TestServerDemo)
#include "tst_server_demo.moc"
