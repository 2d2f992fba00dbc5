// Parcel retention (issue 18; docs/server.md, "Parcels at volume"): with --parcel-retention-days the server
// deletes parcels no ticket names once their record is that old in server time (moved on here with the
// test-only --clock-offset), with their scans, volume bookkeeping rows and map index entries; a parcel a
// ticket names stays with its tracking, a newer parcel stays, and the volume aggregates keep their counts.
#include "serverfixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {
constexpr qint64 kDay = 24 * 3600;
const QString kRetentionStation = u"st-retain"_s;

QString retainedWaybill(int n)
{
    return u"SF143%1"_s.arg(n, 10, 10, QLatin1Char('0'));
}

/// @brief A parcel record and two scans, @p daysAgo days before @p nowMs; delivered or still in transit.
void addParcel(QJsonArray &parcels, QJsonArray &events, int n, qint64 nowMs, bool delivered)
{
    const auto at = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
    };
    parcels.append(QJsonObject{{u"waybill_no"_s, retainedWaybill(n)},
                               {u"destination_address"_s, u"杭州市莫干山路%1号"_s.arg(n)},
                               {u"destination"_s, QJsonObject{{u"lat"_s, 30.3}, {u"lon"_s, 120.15}}},
                               {u"promised_at"_s, at(nowMs + kDay * 1000)},
                               {u"station_id"_s, kRetentionStation},
                               {u"courier_id"_s, u"c-retain"_s}});
    const QJsonObject where{{u"lat"_s, 30.26 + n * 0.001}, {u"lon"_s, 120.21}};
    events.append(QJsonObject{{u"waybill_no"_s, retainedWaybill(n)},
                              {u"at"_s, at(nowMs - 3600 * 1000)},
                              {u"status"_s, u"picked_up"_s},
                              {u"position"_s, where}});
    events.append(QJsonObject{{u"waybill_no"_s, retainedWaybill(n)},
                              {u"at"_s, at(nowMs - 60 * 1000)},
                              {u"status"_s, delivered ? u"delivered"_s : u"in_transit"_s},
                              {u"position"_s, where}});
}
} // namespace

class TestParcelRetention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oldUnnamedParcelsGo();

private:
    /// @brief Parcels @p from … @p to (every third one still in transit) sent at server time @p nowMs.
    void ingest(int from, int to, qint64 nowMs);
    [[nodiscard]] qint64 count(const QString &sql) { return m_server.sqlValue(sql).toLongLong(); }
    bool restart(const QStringList &args);

    ServerFixture m_server;
    int m_index = 0;
};

void TestParcelRetention::initTestCase()
{
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QCOMPARE(m_index, 0);
}

bool TestParcelRetention::restart(const QStringList &args)
{
    m_server.stop(m_index);
    m_server.forgetTokens();
    m_index = m_server.start(args);
    return m_index > 0;
}

void TestParcelRetention::ingest(int from, int to, qint64 nowMs)
{
    QJsonArray parcels, events;
    for (int n = from; n <= to; ++n)
        addParcel(parcels, events, n, nowMs, n % 3 != 0);
    const Reply r =
        m_server.request("POST", u"/api/v1/tracking"_s, m_server.token(u"admin"_s, m_index),
                         QJsonObject{{u"parcels"_s, parcels}, {u"events"_s, events}}, {}, m_index);
    QCOMPARE(r.status, 200);
}

void TestParcelRetention::oldUnnamedParcelsGo()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ingest(1, 9, now); // 3, 6 and 9 in transit: on the map
    QJsonObject body = ServerFixture::ticketBody();
    body.insert(u"waybill_no"_s, retainedWaybill(2));
    QVERIFY(!m_server.createTicket(u"agent1"_s, body, m_index).isEmpty());
    // Fifty days on: three more parcels, newer than any cut-off below.
    QVERIFY(restart({u"--clock-offset"_s, QString::number(50 * kDay)}));
    ingest(10, 12, now + 50 * kDay * 1000);

    const QString parcels = u"SELECT count(*) FROM docs WHERE type = 'parcel' AND id LIKE 'SF143%'"_s;
    const QString scans =
        u"SELECT (SELECT count(*) FROM scans WHERE waybill_no LIKE 'SF143%') + (SELECT count(*) "
        "FROM docs WHERE type = 'tracking_event' AND parent LIKE 'SF143%')"_s;
    const QString volume =
        u"SELECT sum(picked_up) * 1000 + sum(delivered) FROM parcel_volume WHERE station_id = 'st-retain'"_s;
    const QString onMap = u"SELECT count(*) FROM parcel_geo WHERE waybill_no LIKE 'SF143%'"_s;
    const QString cells = u"SELECT sum(n) FROM parcel_cells WHERE station_id = 'st-retain'"_s;
    QCOMPARE(count(parcels), 12);
    QCOMPARE(count(scans), 24);
    QCOMPARE(count(onMap), 4); // 3, 6, 9, 12
    QCOMPARE(count(cells), 4);
    const qint64 volumeBefore = count(volume);
    QCOMPARE(volumeBefore, 12 * 1000 + 8);

    // A hundred days on, parcels unchanged for 90 days go: 1–9 but 2 (its ticket).
    QVERIFY(
        restart({u"--clock-offset"_s, QString::number(100 * kDay), u"--parcel-retention-days"_s, u"90"_s}));
    QElapsedTimer waited;
    waited.start();
    while (count(parcels) > 4 && waited.elapsed() < 15000)
        QTest::qWait(100);
    QCOMPARE(count(parcels), 4);
    const auto kept =
        m_server.sqlRows(u"SELECT id FROM docs WHERE type = 'parcel' AND id LIKE 'SF143%' ORDER BY id"_s);
    QCOMPARE(kept.size(), 4);
    QCOMPARE(kept.at(0).at(0).toString(), retainedWaybill(2));
    QCOMPARE(kept.at(1).at(0).toString(), retainedWaybill(10));
    QCOMPARE(count(scans), 8); // 2's in the feed, 10–12's in the scans table
    QCOMPARE(count(u"SELECT count(*) FROM docs WHERE type = 'tracking_event' AND parent = '%1'"_s.arg(
                 retainedWaybill(2))),
             2);
    QCOMPARE(count(onMap), 1); // 12
    QCOMPARE(count(cells), 1);
    QCOMPARE(count(u"SELECT count(*) FROM volume_parcels WHERE waybill_no LIKE 'SF143%'"_s), 4);
    QCOMPARE(count(volume), volumeBefore); // the KPIs of past days do not move

    // The ticket's parcel is still served with its tracking.
    const Reply tracking = m_server.request("GET", u"/api/v1/parcels/%1/tracking"_s.arg(retainedWaybill(2)),
                                            m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    QCOMPARE(tracking.status, 200);
    QCOMPARE(tracking.json().value(u"items"_s).toArray().size(), 2);
    const Reply gone = m_server.request("GET", u"/api/v1/parcels/%1"_s.arg(retainedWaybill(1)),
                                        m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    QCOMPARE(gone.status, 404);
}

QTEST_GUILESS_MAIN(TestParcelRetention)
#include "tst_parcel_retention.moc"
