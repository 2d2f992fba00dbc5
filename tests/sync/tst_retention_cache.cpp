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

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr qint64 kDay = 24 * 3600;
const QTimeZone kZone("Asia/Shanghai");

QString ratio(const KpiRatio &r)
{
    return u"%1/%2"_s.arg(r.numerator).arg(r.denominator);
}

QString number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 6) : u"-"_s;
}

/// Every figure of the report (not when it was made or synced), one per line.
QStringList figures(const WeeklyReport &r)
{
    QStringList out;
    for (const KpiLine &k : r.kpis)
        out << u"kpi %1 = %2 (before %3)"_s.arg(int(k.kpi)).arg(number(k.current), number(k.previous));
    for (const CategoryCount &c : r.categories)
        out << u"category %1 = %2"_s.arg(toCode(c.category)).arg(c.count);
    for (const DailyVolume &d : r.daily)
        out << u"day %1 = %2, %3"_s.arg(d.day.toString(Qt::ISODate)).arg(d.created).arg(ratio(d.compliance));
    for (const ResponseBucket &b : r.firstResponse)
        out << u"first response %1 = %2"_s.arg(b.label()).arg(b.count);
    for (const AgentRow &a : r.agents)
        out << u"agent %1 = %2 handled, %3 sla, %4 breaches"_s.arg(a.assigneeId)
                   .arg(a.handled)
                   .arg(ratio(a.slaCompliance))
                   .arg(a.breaches);
    out << u"breaches = %1"_s.arg(r.breaches.size());
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
    m_cache = m_dir.filePath(u"lead1.sqlite"_s);
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
}

QString TestRetentionCache::create(const QString &phone, const QString &waybill)
{
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, token(u"agent1"_s),
                                     {{u"description"_s, u"包裹破损，客户电话 %1"_s.arg(phone)},
                                      {u"category"_s, u"damage"_s},
                                      {u"customer_name"_s, u"陈晓明"_s},
                                      {u"customer_phone"_s, phone},
                                      {u"waybill_no"_s, waybill}},
                                     {{"Idempotency-Key", uuid().toLatin1()}}, m_index);
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

Reply TestRetentionCache::patch(const QString &id, const QJsonObject &fields)
{
    const Reply current =
        m_server.request("GET", u"/api/v1/tickets/"_s + id, token(u"lead1"_s), {}, {}, m_index);
    return m_server.request(
        "PATCH", u"/api/v1/tickets/"_s + id, token(u"lead1"_s), fields,
        {{"If-Match", QByteArray::number(current.json().value(u"version"_s).toInteger())}}, m_index);
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
    const QString closed = create(u"13722223333"_s, u"73100000001234"_s);
    const QString open = create(u"13744445555"_s, u"EA123456785CN"_s);
    QVERIFY(!closed.isEmpty() && !open.isEmpty());
    const QString note = uuid();
    QCOMPARE(
        m_server
            .request("POST", u"/api/v1/tickets/%1/events"_s.arg(closed), token(u"agent1"_s),
                     {{u"id"_s, note}, {u"kind"_s, u"note"_s}, {u"text"_s, u"回电 13722223333 已说明"_s}},
                     {{"Idempotency-Key", note.toLatin1()}}, m_index)
            .status,
        201);
    QCOMPARE(patch(closed, {{u"status"_s, u"resolved"_s},
                            {u"resolution"_s, u"compensation"_s},
                            {u"compensation_amount"_s, 88.5}})
                 .status,
             200);
    QCOMPARE(patch(closed, {{u"status"_s, u"closed"_s}}).status, 200);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        Console console(m_cache, m_server.url({}, m_index));
        QVERIFY(console.signIn(u"lead1"_s));
        QVERIFY(console.sync());
    }
    QString error;
    auto db = Database::open(m_cache, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(TicketRepository(*db).byId(closed)->ticket.customerPhone, u"13722223333"_s);
    QVERIFY(!ParcelRepository(*db).byWaybill(u"73100000001234"_s)->destinationAddress.isEmpty());
    const auto before = report(now);
    QVERIFY(before);
    QVERIFY2(figures(*before).join(u"\n"_s).contains(u"category damage = 2"_s),
             qPrintable(figures(*before).join(u"\n"_s)));

    m_server.stop(m_index);
    m_server.forgetTokens();
    m_index = m_server.start({u"--clock-offset"_s, QString::number(181 * kDay)});
    QVERIFY(m_index > 0);
    {
        Console console(m_cache, m_server.url({}, m_index));
        QVERIFY(console.signIn(u"lead1"_s));
        QVERIFY(console.sync());
    }
    const auto row = TicketRepository(*db).byId(closed);
    QVERIFY(row);
    QCOMPARE(row->ticket.customerPhone, QString());
    QCOMPARE(row->ticket.customerName, QString());
    QCOMPARE(row->ticket.description, u"包裹破损，客户电话 ***"_s);
    QCOMPARE(TicketRepository(*db).byId(open)->ticket.customerPhone, u"13744445555"_s);
    QCOMPARE(ParcelRepository(*db).byWaybill(u"73100000001234"_s)->destinationAddress, QString());
    QVERIFY(!ParcelRepository(*db).byWaybill(u"EA123456785CN"_s)->destinationAddress.isEmpty());
    bool noteBlanked = false;
    for (const TicketEvent &e : TicketRepository(*db).events(closed))
        noteBlanked |= e.id == note && e.text == u"回电 *** 已说明"_s;
    QVERIFY(noteBlanked);
    const TruthReport truth = compareWithServer(m_server, m_index, token(u"lead1"_s), *db, {closed, open});
    QVERIFY2(truth.differences.isEmpty(), qPrintable(truth.summary()));
    QCOMPARE(truth.tickets, 2);

    const auto after = report(now);
    QVERIFY(after);
    QCOMPARE(figures(*after), figures(*before));
}

QTEST_MAIN(TestRetentionCache)
#include "tst_retention_cache.moc"
