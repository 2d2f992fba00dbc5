// The parcel rates from the volume aggregates equal the per-parcel computation (docs/kpi.md). The real server
// runs the demo with --demo-volume parcels, so its aggregates count exactly its detailed parcels (with
// tracking histories) and the simulator goes on moving them; then it is restarted on the same database
// without the simulator, so that what a console syncs and what the server holds are the same moment. A
// console syncs through the change feed (the aggregates; of the parcels only those its tickets are about),
// and every parcel of the server is copied into a reference cache here. Then: every aggregate row the feed
// serves equals what the server's parcels and their scans say; every day, every ISO week and the last 30
// days, the KPIs (KpiQueries, which read the aggregates) equal the per-parcel count kept here as a reference
// query over the reference cache's parcel rows; and the weekly report's deliveries per station and courier
// too.
#include "../sync/syncharness.h"
#include "models/domain/volume.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiqueries.h"
#include "models/store/volumerepository.h"
#include "reports/weeklyreport.h"

#include "models/store/parcelrepository.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <tuple>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

using RowKey = std::tuple<QString, QString, QString>; // day, station, courier

struct Counts
{
    qint64 pickedUp = 0, delivered = 0, onTime = 0, damaged = 0, lost = 0, exceptions = 0;
    friend bool operator==(const Counts &, const Counts &) = default;
};

QString describe(const Counts &c)
{
    return u"picked %1 delivered %2 on time %3 damaged %4 lost %5 exceptions %6"_s.arg(c.pickedUp)
        .arg(c.delivered)
        .arg(c.onTime)
        .arg(c.damaged)
        .arg(c.lost)
        .arg(c.exceptions);
}

/// @brief The per-parcel figures the KPIs used to read (the reference): delivered and on time in [from, to).
std::pair<qint64, qint64> perParcel(const Database &db, qint64 from, qint64 to)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT count(*), total(promised_at IS NULL OR delivered_at <= promised_at) FROM parcels "
              "WHERE delivered_at >= ? AND delivered_at < ?"_s);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec() || !q.next())
        return {-1, -1};
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

/// @brief Per-parcel deliveries in [from, to) by station or courier (the weekly report's reference).
QHash<QString, qint64> perParcelBy(const Database &db, const QString &column, qint64 from, qint64 to)
{
    QHash<QString, qint64> out;
    QSqlQuery q(db.connection());
    // column is one of two fixed names chosen below, never input.
    q.prepare(u"SELECT %1, count(*) FROM parcels WHERE delivered_at >= ? AND delivered_at < ? AND %1 IS NOT "
              "NULL AND %1 <> '' GROUP BY %1"_s.arg(column));
    q.addBindValue(from);
    q.addBindValue(to);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    return out;
}

} // namespace

class TestVolumeKpis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aggregatesEqualTheParcelsAndScans();
    void kpisFromAggregatesEqualPerParcel();
    void weeklyRatesEqualPerParcel();
    void aggregatesFollowTheSimulator();

private:
    void compareFeed();
    void compareKpis();
    /// @brief Restarts the server on its database, with the simulator (@p demo) or without; the console
    /// signs in to it again.
    bool restart(bool demo);
    bool syncConsole();
    /// @brief Every live record of @p type in the server's database, as stored (in full).
    QList<QJsonObject> serverRecords(const QString &type);
    /// @brief Copies every parcel of the server into the reference cache.
    bool loadReference();
    [[nodiscard]] QList<std::pair<qint64, qint64>> periods() const;
    /// @brief The server's clock (600 times faster than the wall clock here).
    [[nodiscard]] qint64 serverNow();

    ServerFixture m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_reference; ///< every parcel of the server (the per-parcel reference)
    int m_index = 0;
    QTimeZone m_zone{"Asia/Shanghai"};
    QDate m_first;
    QDate m_last;
};

void TestVolumeKpis::initTestCase()
{
    // Server time 600 times faster: the simulator delivers parcels while the test runs.
    // At 600 times the speed a 15-minute access token lasts 1.5 s of the test's time: a pull under load
    // outlived it (the console then saw a failed pull). A day of server time is 2.4 minutes here.
    m_index = m_server.startDemo(4242, {u"--demo-volume"_s, u"parcels"_s, u"--speed"_s, u"600"_s,
                                        u"--access-token-ttl"_s, u"86400"_s});
    QVERIFY(m_index >= 0);
    QVERIFY(restart(false));
    QString error;
    m_db = Database::open(m_dir.filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_reference = Database::open(m_dir.filePath(u"reference.sqlite"_s), &error);
    QVERIFY2(m_reference, qPrintable(error));
    QVERIFY(loadReference());
}

bool TestVolumeKpis::restart(bool demo)
{
    m_console.reset();
    m_server.stop(m_index);
    m_server.forgetTokens();
    const QStringList ttl{u"--access-token-ttl"_s, u"86400"_s};
    const QStringList demoArgs{u"--demo"_s,  u"--seed"_s,  u"4242"_s, u"--demo-volume"_s,
                               u"parcels"_s, u"--speed"_s, u"600"_s};
    m_index = m_server.start(demo ? demoArgs + ttl : ttl);
    return m_index >= 0 && syncConsole();
}

bool TestVolumeKpis::syncConsole()
{
    if (!m_console) {
        m_console = std::make_unique<Console>(m_dir.filePath(u"cache.sqlite"_s), m_server.url({}, m_index));
        if (!m_console->signIn(u"manager1"_s, u"demo"_s))
            return false;
    }
    return m_console->sync();
}

QList<QJsonObject> TestVolumeKpis::serverRecords(const QString &type)
{
    QList<QJsonObject> out;
    for (const QVariantList &row :
         m_server.sqlRows(u"SELECT data FROM docs WHERE type = ? AND deleted = 0"_s, {type}))
        out.append(QJsonDocument::fromJson(row.value(0).toByteArray()).object());
    if (type != u"tracking_event")
        return out;
    // The scans of parcels no live ticket names are in the scans table (schema 11).
    for (const QVariantList &row : m_server.sqlRows(u"SELECT data FROM scans"_s, {}))
        out.append(QJsonDocument::fromJson(row.value(0).toByteArray()).object());
    return out;
}

bool TestVolumeKpis::loadReference()
{
    QList<Parcel> parcels;
    for (const QJsonObject &o : serverRecords(u"parcel"_s)) {
        if (auto p = Parcel::fromJson(o))
            parcels.append(*p);
    }
    QString error;
    if (parcels.size() < 3000 || !ParcelRepository(*m_reference).upsert(parcels, &error)) {
        qWarning() << parcels.size() << "parcels:" << error;
        return false;
    }
    return true;
}

qint64 TestVolumeKpis::serverNow()
{
    const QString at = m_server.request("GET", u"/api/v1/health"_s, {}, {}, {}, m_index)
                           .json()
                           .value(u"server_time"_s)
                           .toString();
    return QDateTime::fromString(at, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

void TestVolumeKpis::compareFeed()
{
    // What the server counts, row by row, against what its parcels and tracking events say.
    const QByteArray token =
        m_server
            .request("POST", u"/api/v1/auth/login"_s, {},
                     {{u"login"_s, u"manager1"_s}, {u"password"_s, u"demo"_s}}, {}, m_index)
            .json()
            .value(u"access_token"_s)
            .toString()
            .toLatin1();
    QVERIFY(!token.isEmpty());
    const FeedRead feed = m_server.readFeed(token, {}, 5000, m_index);
    QHash<QString, QJsonObject> parcels;
    QHash<QString, QList<QJsonObject>> scans;
    for (const QJsonObject &p : serverRecords(u"parcel"_s))
        parcels.insert(p.value(u"waybill_no"_s).toString(), p);
    for (const QJsonObject &e : serverRecords(u"tracking_event"_s))
        scans[e.value(u"waybill_no"_s).toString()].append(e);
    QMap<RowKey, Counts> served;
    for (const QJsonObject &item : feed.items) {
        const QString type = item.value(u"type"_s).toString();
        const QJsonObject data = item.value(u"data"_s).toObject();
        if (type == u"parcel_volume") {
            const auto v = ParcelVolume::fromJson(data);
            QVERIFY(v.has_value());
            served[{v->day.toString(Qt::ISODate), v->stationId, v->courierId}] =
                Counts{v->pickedUp, v->delivered, v->deliveredOnTime, v->damaged, v->lost, v->exceptions};
        }
    }
    QVERIFY2(parcels.size() > 3000, qPrintable(QString::number(parcels.size())));
    const auto dayOf = [this](const QJsonValue &iso) {
        return QDateTime::fromString(iso.toString(), Qt::ISODateWithMs).toTimeZone(m_zone).date();
    };
    QMap<RowKey, Counts> expected;
    for (auto it = parcels.cbegin(); it != parcels.cend(); ++it) {
        const QJsonObject &p = it.value();
        const auto row = [&](const QDate &d) -> Counts & {
            return expected[{d.toString(Qt::ISODate), p.value(u"station_id"_s).toString(),
                             p.value(u"courier_id"_s).toString()}];
        };
        if (p.contains(u"delivered_at"_s)) {
            Counts &c = row(dayOf(p.value(u"delivered_at"_s)));
            ++c.delivered;
            const bool onTime = !p.contains(u"promised_at"_s) ||
                                p.value(u"delivered_at"_s).toString() <= p.value(u"promised_at"_s).toString();
            c.onTime += onTime;
        }
        // The first scan of each kind, in server time (ISO strings of one format sort as instants).
        QHash<QString, QString> first;
        for (const QJsonObject &e : scans.value(it.key())) {
            const QString status = e.value(u"status"_s).toString();
            QStringList kinds{status};
            if (status == u"exception" && !e.value(u"reason"_s).toString().isEmpty())
                kinds << status + u"/"_s + e.value(u"reason"_s).toString();
            for (const QString &k : kinds) {
                const QString at = e.value(u"at"_s).toString();
                if (!first.contains(k) || at < first.value(k))
                    first.insert(k, at);
            }
        }
        if (first.contains(u"picked_up"_s))
            ++row(dayOf(first.value(u"picked_up"_s))).pickedUp;
        if (first.contains(u"exception"_s))
            ++row(dayOf(first.value(u"exception"_s))).exceptions;
        if (first.contains(u"exception/damaged"_s))
            ++row(dayOf(first.value(u"exception/damaged"_s))).damaged;
        if (first.contains(u"exception/lost"_s))
            ++row(dayOf(first.value(u"exception/lost"_s))).lost;
    }
    // A row may stay at zero after a parcel moved away from it; otherwise both sides hold the same rows.
    for (auto it = served.cbegin(); it != served.cend(); ++it) {
        if (it.value() == Counts{})
            continue;
        QVERIFY2(expected.contains(it.key()), qPrintable(std::get<0>(it.key()) + std::get<2>(it.key())));
    }
    qint64 damaged = 0, lost = 0, exceptions = 0, delivered = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const Counts got = served.value(it.key());
        QVERIFY2(got == it.value(), qPrintable(u"%1 %2 %3: served %4, parcels say %5"_s.arg(
                                        std::get<0>(it.key()), std::get<1>(it.key()), std::get<2>(it.key()),
                                        describe(got), describe(it.value()))));
        damaged += got.damaged;
        lost += got.lost;
        exceptions += got.exceptions;
        delivered += got.delivered;
    }
    // The data exercises every count.
    QVERIFY(delivered > 1000);
    QVERIFY(damaged > 10);
    QVERIFY(lost > 10);
    QVERIFY(exceptions > damaged + lost);
    qInfo("%lld aggregate rows equal the %lld parcels: %lld delivered, %lld exceptions (%lld damaged, %lld "
          "lost)",
          qlonglong(expected.size()), qlonglong(parcels.size()), qlonglong(delivered), qlonglong(exceptions),
          qlonglong(damaged), qlonglong(lost));
}

void TestVolumeKpis::aggregatesEqualTheParcelsAndScans()
{
    compareFeed();
}

QList<std::pair<qint64, qint64>> TestVolumeKpis::periods() const
{
    QList<std::pair<qint64, qint64>> out;
    QSqlQuery q(m_reference->connection());
    if (!q.exec(u"SELECT min(delivered_at), max(delivered_at) FROM parcels"_s) || !q.next())
        return out;
    const QDate first = KpiPeriods::localDate(q.value(0).toLongLong(), m_zone);
    const QDate last = KpiPeriods::localDate(q.value(1).toLongLong(), m_zone);
    const auto span = [this](const QDate &a, const QDate &b) {
        return std::pair{a.startOfDay(m_zone).toMSecsSinceEpoch(),
                         b.addDays(1).startOfDay(m_zone).toMSecsSinceEpoch()};
    };
    for (QDate d = first; d <= last; d = d.addDays(1))
        out.append(span(d, d)); // every day
    for (QDate m = first.addDays(1 - first.dayOfWeek()); m <= last; m = m.addDays(7))
        out.append(span(m, m.addDays(6)));     // every ISO week
    out.append(span(last.addDays(-29), last)); // the last 30 days
    out.append(span(first, last));             // everything
    return out;
}

void TestVolumeKpis::compareKpis()
{
    const QList<std::pair<qint64, qint64>> spans = periods();
    QVERIFY(spans.size() > 40);
    const KpiQueries kpi(*m_db, m_zone);
    const qint64 now = serverNow();
    qint64 checked = 0;
    for (const auto &[from, to] : spans) {
        const KpiSnapshot s = kpi.summary({from, to, {}, {}}, now);
        const auto [delivered, onTime] = perParcel(*m_reference, from, to);
        const QString when = QDateTime::fromMSecsSinceEpoch(from, m_zone).toString(Qt::ISODate);
        QVERIFY2(
            s.parcelsDelivered == delivered,
            qPrintable(
                u"%1: %2 from aggregates, %3 parcels"_s.arg(when).arg(s.parcelsDelivered).arg(delivered)));
        QCOMPARE(s.onTimeDelivery.numerator, onTime);
        QCOMPARE(s.onTimeDelivery.denominator, delivered);
        // The rates, figure by figure, against complaints ÷ per-parcel deliveries.
        const std::optional<double> rate =
            delivered > 0 ? std::optional<double>(double(s.created) * 10000.0 / double(delivered))
                          : std::nullopt;
        QCOMPARE(s.complaintRate(), rate);
        QCOMPARE(s.onTimeDelivery.value(), (KpiRatio{onTime, delivered}.value()));
        QCOMPARE(s.damageRate(), (KpiRatio{s.damageComplaints, delivered}.value()));
        QCOMPARE(s.lossRate(), (KpiRatio{s.lossComplaints, delivered}.value()));
        checked += delivered;
    }
    QVERIFY(checked > 0);
}

void TestVolumeKpis::kpisFromAggregatesEqualPerParcel()
{
    compareKpis();
}

void TestVolumeKpis::weeklyRatesEqualPerParcel()
{
    const WeeklyReportBuilder builder(*m_db, m_zone);
    const qint64 now = serverNow();
    QDate monday = KpiPeriods::localDate(now, m_zone).addDays(-42);
    int weeks = 0;
    int rows = 0;
    for (; monday <= KpiPeriods::localDate(now, m_zone); monday = monday.addDays(7), ++weeks) {
        const IsoWeek week = IsoWeek::containing(monday);
        const auto report = builder.build(week, {}, now);
        QVERIFY2(report, qPrintable(builder.lastError()));
        const KpiPeriod p = week.period(m_zone);
        for (const bool stations : {true, false}) {
            const QHash<QString, qint64> expected =
                perParcelBy(*m_reference, stations ? u"station_id"_s : u"courier_id"_s, p.from, p.to);
            const QList<RateRow> &list = stations ? report->stations : report->couriers;
            QHash<QString, qint64> got;
            for (const RateRow &r : list) {
                if (r.delivered > 0)
                    got.insert(r.id, r.delivered);
                QCOMPARE(r.per10k(), r.delivered > 0 ? std::optional<double>(double(r.complaints) * 10000.0 /
                                                                             double(expected.value(r.id)))
                                                     : std::nullopt);
            }
            QCOMPARE(got, expected);
            rows += int(list.size());
        }
    }
    QVERIFY(weeks >= 6);
    QVERIFY(rows > 100);
}

void TestVolumeKpis::aggregatesFollowTheSimulator()
{
    // The simulator delivers parcels (a parcel and its aggregate in one transaction): after it ran a while
    // and the console pulled again, the figures still agree.
    const auto [before, beforeOnTime] = perParcel(*m_reference, 0, std::numeric_limits<qint64>::max());
    Q_UNUSED(beforeOnTime)
    QVERIFY(restart(true));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return syncConsole() && loadReference() &&
                   perParcel(*m_reference, 0, std::numeric_limits<qint64>::max()).first > before + 20;
        },
        120000));
    QVERIFY(restart(false));
    QVERIFY(loadReference());
    compareFeed();
    compareKpis();
}

QTEST_MAIN(TestVolumeKpis)
#include "tst_volume_kpis.moc"
