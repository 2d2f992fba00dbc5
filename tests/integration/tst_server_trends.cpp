// Trend alerts on the real server (docs/proactive.md, "Trend alerts"): the demo's six weeks of complaints are
// the baseline; a burst of complaints about the parcels of one station raises an alert of type "trend_alert"
// in the change feed, with the figures of its window; a restart an hour later keeps the alert under its id.
#include "serverfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pd::test;

namespace {
constexpr int kBurst = 9;
}

class TestServerTrends final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aBurstAtOneStationRaisesAnAlert();
    void theAlertIsInEveryConsolesFeed();
    void aRestartKeepsTheAlert();

private:
    QByteArray login(const QString &name);
    [[nodiscard]] QList<QJsonObject> stationAlerts(const QString &login);

    ServerFixture m_server;
    QHash<QString, QByteArray> m_tokens;
    QString m_station;
    QString m_alertId;
    qint64 m_firstComplaintMs = 0;
    int m_index = 0; ///< of the running server
    QString m_windowStart;
};

QByteArray TestServerTrends::login(const QString &name)
{
    if (!m_tokens.contains(name)) {
        const Reply r = m_server.request("POST", u"/api/v1/auth/login"_s, {},
                                         {{u"login"_s, name}, {u"password"_s, u"demo"_s}}, {}, m_index);
        m_tokens.insert(name, r.json().value(u"access_token"_s).toString().toLatin1());
    }
    return m_tokens.value(name);
}

// The newest copy of each trend alert about m_station in the feed.
QList<QJsonObject> TestServerTrends::stationAlerts(const QString &user)
{
    QHash<QString, QJsonObject> newest;
    for (const QJsonObject &item : m_server.readFeed(login(user), {}, 500, m_index).items) {
        if (item.value(u"type"_s).toString() != u"trend_alert"_s)
            continue;
        const QJsonObject a = item.value(u"data"_s).toObject();
        if (a.value(u"dimension"_s).toString() == u"station"_s && a.value(u"key"_s).toString() == m_station)
            newest.insert(a.value(u"id"_s).toString(), a);
    }
    return newest.values();
}

void TestServerTrends::initTestCase()
{
    QVERIFY(m_server.startDemo(2611) >= 0);
    QVERIFY(
        QTest::qWaitFor([&] { return m_server.request("GET", u"/api/v1/health"_s).status == 200; }, 30000));
    // The station with the fewest complaints in the demo's history.
    const QList<QVariantList> quiet = m_server.sqlRows(
        u"SELECT json_extract(p.data, '$.station_id') AS s, COUNT(*) FROM docs t JOIN docs p ON p.type = "
        "'parcel' AND p.id = t.parent WHERE t.type = 'ticket' GROUP BY s ORDER BY 2, 1 LIMIT 1"_s);
    QCOMPARE(quiet.size(), 1);
    m_station = quiet.first().first().toString();
    QVERIFY(m_station.startsWith(u"st-"_s));
    QVERIFY2(quiet.first().at(1).toInt() > 50, "the demo has weeks of complaints at every station");
    QVERIFY2(stationAlerts(u"lead1"_s).isEmpty(), qPrintable(m_station));
}

void TestServerTrends::aBurstAtOneStationRaisesAnAlert()
{
    const QList<QVariantList> parcels = m_server.sqlRows(
        u"SELECT id FROM docs WHERE type = 'parcel' AND json_extract(data, '$.station_id') = ? ORDER BY id "
        "LIMIT ?"_s,
        {m_station, kBurst});
    QCOMPARE(parcels.size(), kBurst);
    for (int i = 0; i < kBurst; ++i) {
        const QJsonObject body{{u"waybill_no"_s, parcels.at(i).first().toString()},
                               {u"description"_s, u"快递员说今天送不了，网点没人"_s},
                               {u"customer_name"_s, u"顾客%1"_s.arg(i)},
                               {u"customer_phone"_s, u"1391111%1"_s.arg(2200 + i)},
                               {u"category"_s, i % 2 ? u"delay"_s : u"service"_s},
                               {u"team_id"_s, u"team-a"_s}};
        const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, login(u"agent1"_s), body);
        QVERIFY2(r.status == 201, r.body.constData());
        if (i == 0)
            m_firstComplaintMs =
                QDateTime::fromString(r.json().value(u"created_at"_s).toString(), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch();
    }
    QList<QJsonObject> alerts;
    QTRY_VERIFY_WITH_TIMEOUT(!(alerts = stationAlerts(u"lead1"_s)).isEmpty(), 20000);
    QCOMPARE(alerts.size(), 1);
    const QJsonObject a = alerts.first();
    m_alertId = a.value(u"id"_s).toString();
    m_windowStart = a.value(u"window_start"_s).toString();
    QVERIFY(m_alertId.startsWith(u"trend-"_s));
    QCOMPARE(a.value(u"state"_s).toString(), u"open"_s);
    // The window holds the burst and what the demo's simulator added at that station meanwhile (rarely any).
    QVERIFY2(a.value(u"observed"_s).toInt() >= kBurst,
             qPrintable(QString::number(a.value(u"observed"_s).toInt())));
    QVERIFY2(a.value(u"observed"_s).toInt() <= kBurst + 3, "only the burst and a few of the demo's own");
    const double expected = a.value(u"expected"_s).toDouble();
    QVERIFY2(expected > 0 && expected < 3, qPrintable(QString::number(expected)));
    QVERIFY(a.value(u"ratio"_s).toDouble() > 3);
    QVERIFY(a.value(u"p_value"_s).toDouble() < 1e-6);
    QVERIFY(QStringList({u"warning"_s, u"alert"_s}).contains(a.value(u"level"_s).toString()));
    const qint64 start =
        QDateTime::fromString(a.value(u"window_start"_s).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(start <= m_firstComplaintMs);
    QVERIFY(m_firstComplaintMs - start <= 4 * 3600 * 1000LL);
    QVERIFY(a.value(u"closed_at"_s).isNull());
}

void TestServerTrends::theAlertIsInEveryConsolesFeed()
{
    QVERIFY(!m_alertId.isEmpty());
    // Agents of another team get it too (the workbench's banner of their own tickets is not the point: the
    // feed carries no customer data in it).
    const QList<QJsonObject> seen = stationAlerts(u"agent3"_s);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().value(u"id"_s).toString(), m_alertId);
    QVERIFY(!seen.first().contains(u"customer_phone"_s));
}

void TestServerTrends::aRestartKeepsTheAlert()
{
    QVERIFY(!m_alertId.isEmpty());
    const qint64 version =
        m_server.sqlValue(u"SELECT version FROM docs WHERE type = 'trend_alert' AND id = ?"_s, {m_alertId})
            .toLongLong();
    QVERIFY(version >= 1);
    m_server.stop();
    // An hour later in server time: the detector, which starts afresh, finds the rise in a window that starts
    // an hour later (another id); the service goes on under the stored one.
    m_index = m_server.start({u"--demo"_s, u"--seed"_s, u"2611"_s, u"--clock-offset"_s, u"3600"_s});
    QVERIFY(m_index >= 0);
    QVERIFY(QTest::qWaitFor(
        [&] { return m_server.request("GET", u"/api/v1/health"_s, {}, {}, {}, m_index).status == 200; },
        30000));
    m_tokens.clear();
    // The first evaluation after the start finds the same rise and goes on under its id: one alert.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_server.sqlValue(u"SELECT version FROM docs WHERE type = 'trend_alert' AND id = ?"_s, {m_alertId})
                .toLongLong() > version,
        20000);
    const QList<QJsonObject> alerts = stationAlerts(u"lead1"_s);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().value(u"id"_s).toString(), m_alertId);
    QCOMPARE(alerts.first().value(u"state"_s).toString(), u"open"_s);
    QCOMPARE(alerts.first().value(u"window_start"_s).toString(), m_windowStart);
}

QTEST_GUILESS_MAIN(TestServerTrends)
#include "tst_server_trends.moc"
