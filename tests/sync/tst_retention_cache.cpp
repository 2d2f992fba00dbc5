// Retention reaches the console's cache (issue 17): lead1's console syncs a closed and an open ticket from
// the real parceldesk-server; the server is restarted with its clock 181 days ahead (--clock-offset), blanks
// the closed ticket's customer (name, phone, the phone in its texts, its parcel's addresses), and the next
// sync brings exactly that into the cache: the cache equals the server ticket by ticket, the open ticket
// keeps its customer, and the weekly report of the week the tickets were worked has the same figures as
// before.
#include "cachetruth.h"
#include "models/store/parcelrepository.h"
#include "reports/weeklyreport.h"
#include "syncharness.h"

#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {
constexpr qint64 kDay = 24 * 3600;
const QTimeZone kZone("Asia/Shanghai");

QString ratio(const KpiRatio &r)
{
    return u"%1/%2"_qs.arg(r.numerator).arg(r.denominator);
}

QString number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 6) : u"-"_qs;
}

/// Every figure of the report (not when it was made or synced), one per line.
QStringList figures(const WeeklyReport &r)
{
    QStringList out;
    for (const KpiLine &k : r.kpis)
        out << u"kpi %1 = %2 (before %3)"_qs.arg(int(k.kpi)).arg(number(k.current), number(k.previous));
    for (const CategoryCount &c : r.categories)
        out << u"category %1 = %2"_qs.arg(toCode(c.category)).arg(c.count);
    for (const DailyVolume &d : r.daily)
        out << u"day %1 = %2, %3"_qs.arg(d.day.toString(Qt::ISODate)).arg(d.created).arg(ratio(d.compliance));
    for (const ResponseBucket &b : r.firstResponse)
        out << u"first response %1 = %2"_qs.arg(b.label()).arg(b.count);
    for (const AgentRow &a : r.agents)
        out << u"agent %1 = %2 handled, %3 sla, %4 breaches"_qs.arg(a.assigneeId)
                   .arg(a.handled)
                   .arg(ratio(a.slaCompliance))
                   .arg(a.breaches);
    out << u"breaches = %1"_qs.arg(r.breaches.size());
    return out;
}
} // namespace

class TestRetentionCache final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void blankedInTheCacheFiguresKept();

private:
    QString create(const QString &phone, const QString &waybill);
    Reply patch(const QString &id, const QJsonObject &fields);
    QByteArray token(const QString &login) { return m_server.token(login, m_index); }
    std::optional<WeeklyReport> report(qint64 now);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    int m_index = 0;
    QString m_cache;
};

void TestRetentionCache::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cache = m_dir.filePath(u"lead1.sqlite"_qs);
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
}

QString TestRetentionCache::create(const QString &phone, const QString &waybill)
{
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_qs, token(u"agent1"_qs),
                                     {{u"description"_qs, u"包裹破损，客户电话 %1"_qs.arg(phone)},
                                      {u"category"_qs, u"damage"_qs},
                                      {u"customer_name"_qs, u"陈晓明"_qs},
                                      {u"customer_phone"_qs, phone},
                                      {u"waybill_no"_qs, waybill}},
                                     {{"Idempotency-Key", uuid().toLatin1()}}, m_index);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_qs).toString();
}

Reply TestRetentionCache::patch(const QString &id, const QJsonObject &fields)
{
    const Reply current =
        m_server.request("GET", u"/api/v1/tickets/"_qs + id, token(u"lead1"_qs), {}, {}, m_index);
    return m_server.request(
        "PATCH", u"/api/v1/tickets/"_qs + id, token(u"lead1"_qs), fields,
        {{"If-Match", QByteArray::number(current.json().value(u"version"_qs).toInteger())}}, m_index);
}

std::optional<WeeklyReport> TestRetentionCache::report(qint64 now)
{
    QString error;
    auto db = Database::open(m_cache, &error);
    if (!db) {
        qWarning() << error;
        return std::nullopt;
    }
    const IsoWeek week = IsoWeek::containing(QDateTime::fromMSecsSinceEpoch(now, kZone).date());
    return WeeklyReportBuilder(*db, kZone).build(week, ReportOptions{}, now);
}

void TestRetentionCache::blankedInTheCacheFiguresKept()
{
    const QString closed = create(u"13722223333"_qs, u"73100000001234"_qs);
    const QString open = create(u"13744445555"_qs, u"EA123456785CN"_qs);
    QVERIFY(!closed.isEmpty() && !open.isEmpty());
    const QString note = uuid();
    QCOMPARE(
        m_server
            .request(
                "POST", u"/api/v1/tickets/%1/events"_qs.arg(closed), token(u"agent1"_qs),
                {{u"id"_qs, note}, {u"kind"_qs, u"note"_qs}, {u"text"_qs, u"回电 13722223333 已说明"_qs}},
                {{"Idempotency-Key", note.toLatin1()}}, m_index)
            .status,
        201);
    QCOMPARE(patch(closed, {{u"status"_qs, u"resolved"_qs},
                            {u"resolution"_qs, u"compensation"_qs},
                            {u"compensation_amount"_qs, 88.5}})
                 .status,
             200);
    QCOMPARE(patch(closed, {{u"status"_qs, u"closed"_qs}}).status, 200);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        Console console(m_cache, m_server.url({}, m_index));
        QVERIFY(console.signIn(u"lead1"_qs));
        QVERIFY(console.sync());
    }
    QString error;
    auto db = Database::open(m_cache, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(TicketRepository(*db).byId(closed)->ticket.customerPhone, u"13722223333"_qs);
    QVERIFY(!ParcelRepository(*db).byWaybill(u"73100000001234"_qs)->destinationAddress.isEmpty());
    const auto before = report(now);
    QVERIFY(before);
    QVERIFY2(figures(*before).join(u"\n"_qs).contains(u"category damage = 2"_qs),
             qPrintable(figures(*before).join(u"\n"_qs)));

    m_server.stop(m_index);
    m_server.forgetTokens();
    m_index = m_server.start({u"--clock-offset"_qs, QString::number(181 * kDay)});
    QVERIFY(m_index > 0);
    {
        Console console(m_cache, m_server.url({}, m_index));
        QVERIFY(console.signIn(u"lead1"_qs));
        QVERIFY(console.sync());
    }
    const auto row = TicketRepository(*db).byId(closed);
    QVERIFY(row);
    QCOMPARE(row->ticket.customerPhone, QString());
    QCOMPARE(row->ticket.customerName, QString());
    QCOMPARE(row->ticket.description, u"包裹破损，客户电话 ***"_qs);
    QCOMPARE(TicketRepository(*db).byId(open)->ticket.customerPhone, u"13744445555"_qs);
    QCOMPARE(ParcelRepository(*db).byWaybill(u"73100000001234"_qs)->destinationAddress, QString());
    QVERIFY(!ParcelRepository(*db).byWaybill(u"EA123456785CN"_qs)->destinationAddress.isEmpty());
    bool noteBlanked = false;
    for (const TicketEvent &e : TicketRepository(*db).events(closed))
        noteBlanked |= e.id == note && e.text == u"回电 *** 已说明"_qs;
    QVERIFY(noteBlanked);
    const TruthReport truth = compareWithServer(m_server, m_index, token(u"lead1"_qs), *db, {closed, open});
    QVERIFY2(truth.differences.isEmpty(), qPrintable(truth.summary()));
    QCOMPARE(truth.tickets, 2);

    const auto after = report(now);
    QVERIFY(after);
    QCOMPARE(figures(*after), figures(*before));
}

QTEST_MAIN(TestRetentionCache)
#include "tst_retention_cache.moc"
