// The weekly report's proactive notices section (docs/reports.md, "Proactive notices"), offscreen, against
// the real parceldesk-server: parcels damaged at the hub become proactive cases, some customers are notified
// (file gateway) and some complain; the Reports page fetches the week's effect figures before it writes, and
// the CSV and XLSX hold exactly what GET /proactive/effect answers. An agent's session (403), no server and a
// week without exceptions give the sentence of their case instead of figures; `parceldesk report` fetches
// them too.
#include "../../integration/serverfixture.h"
#include "../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "reports/effecttables.h"
#include "reports/isoweek.h"
#include "ui/common/serverlink.h"
#include "ui/reports/reporteffectfetch.h"
#include "ui/reports/reportspage.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QTimeZone kZone("Asia/Shanghai");
constexpr int kParcels = 10;
constexpr int kNotified = 4;

QString waybill(int n)
{
    return u"SF191%1"_s.arg(n, 10, 10, QLatin1Char('0'));
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// The CSV line of @p cells as CsvWriter writes it (cells with a comma quoted).
QString csvLine(const QStringList &cells)
{
    QStringList quoted;
    for (const QString &c : cells)
        quoted << (c.contains(u',') ? u'"' + c + u'"' : c);
    return quoted.join(u',') + u"\r\n"_s;
}
} // namespace

class TestReportEffect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersMapToTheSection();
    void fetchedFiguresEndInTheFiles();
    void sentenceWhenRefusedOfflineOrEmpty();
    void commandLineFetchesThem();

private:
    /// Exports @p week as CSV and XLSX into a new folder; the folder, or empty when the export failed.
    QString exportWeek(const IsoWeek &week);
    /// The server's figures of @p week, as the manager reads them.
    QJsonObject serverFigures(const IsoWeek &week);
    /// The cells of the section's CSV files in @p dir for @p week.
    static QString sectionCsv(const QString &dir, const IsoWeek &week);

    ServerFixture m_server;
    QTemporaryDir m_home;
    SystemClock m_clock;
    std::unique_ptr<Console> m_manager;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link;
    std::unique_ptr<ReportsPage> m_page;
    IsoWeek m_week;
    int m_exports = 0;
};

void TestReportEffect::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start({u"--notify-gateway"_s, u"file:"_s + m_home.filePath(u"notices.jsonl"_s)}) >= 0);
    // Notices go out whatever the hour the test runs at: no quiet hours.
    QJsonObject policy =
        m_server.request("GET", u"/api/v1/proactive-policy"_s, m_server.token(u"manager1"_s)).json();
    policy.insert(u"quiet_hours"_s, QJsonObject{{u"enabled"_s, false},
                                                {u"start"_s, u"22:00"_s},
                                                {u"end"_s, u"08:00"_s},
                                                {u"urgent_may_break"_s, true}});
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/proactive-policy"_s, m_server.token(u"manager1"_s), policy).status,
        200);

    // Ten parcels for ten stations (individual cases), each damaged at the hub a minute ago.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray parcels, events;
    for (int n = 0; n < kParcels; ++n) {
        parcels.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                   {u"station_id"_s, u"st-effect-%1"_s.arg(n)},
                                   {u"recipient_phone"_s, u"1391234%1"_s.arg(5600 + n)}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, instantToIso(now - 60000)},
                                  {u"status"_s, u"exception"_s},
                                  {u"reason"_s, u"damaged"_s},
                                  {u"place"_s, u"上海转运中心"_s}});
    }
    const Reply ingest = m_server.request("POST", u"/api/v1/tracking"_s, m_server.token(u"admin"_s),
                                          {{u"parcels"_s, parcels}, {u"events"_s, events}});
    QVERIFY2(ingest.status == 200, ingest.body.constData());
    QStringList cases;
    QVERIFY(QTest::qWaitFor(
        [&] {
            cases.clear();
            for (const QVariantList &row : m_server.sqlRows(
                     u"SELECT id FROM proactive_cases WHERE waybill_no LIKE 'SF191%' ORDER BY waybill_no"_s))
                cases << row.first().toString();
            return cases.size() == kParcels;
        },
        10000));
    // The first four customers are told; then one of them and three of the others complain.
    for (int n = 0; n < kNotified; ++n) {
        const Reply r = m_server.request("POST", u"/api/v1/proactive/cases/%1/notify"_s.arg(cases.at(n)),
                                         m_server.token(u"lead1"_s), {});
        QVERIFY2(r.status == 200, r.body.constData());
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return m_server
                       .sqlValue(
                           u"SELECT COUNT(*) FROM notices WHERE waybill_no LIKE 'SF191%' AND state = 'sent'"_s)
                       .toInt() == kNotified;
        },
        30000));
    for (const int n : {0, 5, 6, 7}) {
        QJsonObject body = ServerFixture::ticketBody();
        body.insert(u"waybill_no"_s, waybill(n));
        body.insert(u"category"_s, u"damage"_s);
        QVERIFY(!m_server.createTicket(u"agent1"_s, body).isEmpty());
    }

    const QString cache = m_home.filePath(u"manager1.sqlite"_s);
    m_manager = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_manager->signIn(u"manager1"_s));
    QVERIFY(m_manager->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_manager->engine.api());
    m_page = std::make_unique<ReportsPage>(*m_db, kZone, m_clock);
    m_page->setServerLink(m_link.get());
    m_page->setFullDataAllowed(true);
    m_week = IsoWeek::lastWeek(m_clock.nowMs(), kZone).next(); // this week: the detections'
    m_page->show();
}

void TestReportEffect::cleanupTestCase()
{
    m_page.reset();
    m_db.reset();
    m_manager.reset();
    m_link.reset();
}

QString TestReportEffect::exportWeek(const IsoWeek &week)
{
    const QString out = m_home.filePath(u"out%1"_s.arg(++m_exports));
    m_page->setOutputFolder(out);
    m_page->setWeek(week);
    for (QCheckBox *box : m_page->findChildren<QCheckBox *>()) {
        if (box->text() == u"PDF"_s)
            box->setChecked(false);
        else if (box->text() == u"Excel (XLSX)"_s || box->text() == u"CSV"_s)
            box->setChecked(true);
    }
    QSignalSpy finished(m_page.get(), &ReportsPage::exportFinished);
    // The page takes a new export once the last one's worker thread is gone: Export is then disabled (busy).
    QPushButton *exportButton = nullptr;
    for (QPushButton *b : m_page->findChildren<QPushButton *>())
        if (b->text() == u"&Export"_s)
            exportButton = b;
    if (!exportButton || !QTest::qWaitFor(
                             [&] {
                                 m_page->startExport();
                                 return !exportButton->isEnabled() || !finished.isEmpty();
                             },
                             10000))
        return {};
    if ((finished.isEmpty() && !finished.wait(60000)) || !finished.first().at(0).toBool()) {
        qWarning() << "export:" << m_page->statusLabel()->text();
        return {};
    }
    return out;
}

QJsonObject TestReportEffect::serverFigures(const IsoWeek &week)
{
    const KpiPeriod p = week.period(kZone);
    const Reply r = m_server.request(
        "GET", u"/api/v1/proactive/effect?from=%1&to=%2"_s.arg(instantToIso(p.from), instantToIso(p.to)),
        m_server.token(u"manager1"_s));
    return r.json();
}

QString TestReportEffect::sectionCsv(const QString &dir, const IsoWeek &week)
{
    const QString base = QDir(dir).filePath(u"parceldesk-%1"_s.arg(week.toString()));
    const auto text = [](const QString &path) {
        QString t = readAll(path);
        return t.startsWith(QChar(0xFEFF)) ? t.mid(1) : t; // a BOM, when the decoder kept it
    };
    return text(base + u"-proactive.csv"_s) + text(base + u"-proactive_effect.csv"_s);
}

void TestReportEffect::answersMapToTheSection()
{
    const KpiPeriod p = m_week.period(kZone);
    ApiResult ok;
    ok.status = 200;
    ok.body = QJsonDocument(QJsonObject{
        {u"from"_s, instantToIso(p.from)}, {u"to"_s, instantToIso(p.to)}, {u"parcels_with_exception"_s, 3}});
    QCOMPARE(ReportEffectFetch::fromResult(ok).figures->parcelsWithException, 3);
    ApiResult garbage;
    garbage.status = 200;
    garbage.body = QJsonDocument(QJsonObject{{u"items"_s, QJsonArray()}});
    const auto gapOf = [](const ApiResult &r) {
        const ReportEffect e = ReportEffectFetch::fromResult(r);
        return e.figures ? -1 : int(e.gap);
    };
    QCOMPARE(gapOf(garbage), int(EffectGap::Failed));
    ApiResult r;
    QCOMPARE(gapOf(ServerLink::offline()), int(EffectGap::NotFetched));
    for (const auto &[status, gap] :
         {std::pair{401, EffectGap::NotAllowed}, std::pair{403, EffectGap::NotAllowed},
          std::pair{422, EffectGap::Failed}, std::pair{503, EffectGap::Failed}}) {
        r.status = status;
        QCOMPARE(gapOf(r), int(gap));
    }
}

void TestReportEffect::fetchedFiguresEndInTheFiles()
{
    const QJsonObject answer = serverFigures(m_week);
    const auto figures = EffectFigures::fromJson(answer);
    QVERIFY2(figures, QJsonDocument(answer).toJson().constData());
    // The server's figures of this fresh database: ours only.
    QCOMPARE(figures->parcelsWithException, kParcels);
    QCOMPARE(figures->notifiedFirst.parcels, kNotified);
    QCOMPARE(figures->notifiedFirst.complained, 1);
    QCOMPARE(figures->notNotifiedFirst.parcels, kParcels - kNotified);
    QCOMPARE(figures->notNotifiedFirst.complained, 3);

    const QString out = exportWeek(m_week);
    QVERIFY(!out.isEmpty());
    // The CSV holds the server's figures, cell for cell, as the section's tables format them.
    const QString csv = sectionCsv(out, m_week);
    const QList<ReportTable> tables = EffectTables::of({figures, EffectGap::NotFetched});
    QCOMPARE(tables.size(), 2);
    for (const ReportTable &t : tables)
        for (const QStringList &row : t.rows)
            QVERIFY2(csv.contains(csvLine(row)), qPrintable(csvLine(row) + u'\n' + csv));
    QVERIFY(csv.contains(u"Parcels,4,6\r\n"_s));
    QVERIFY(csv.contains(u"Complaint rate,25.0%,50.0%\r\n"_s));
    QVERIFY(csv.contains(u"Share notified before any complaint,40.0%\r\n"_s));
    QVERIFY(csv.contains(u"Complaint rate reduction of the notified,50.0%\r\n"_s));
    // The XLSX: the rates as shares.
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, QDir(out).filePath(u"parceldesk-%1.xlsx"_s.arg(m_week.toString())),
                             u"xl/worksheets/sheet*.xml"_s});
    QVERIFY(unzip.waitForFinished(30000));
    const QString sheets = QString::fromUtf8(unzip.readAllStandardOutput());
    QVERIFY(sheets.contains(u"<t>Notified before any complaint</t>"_s));
    QVERIFY(sheets.contains(u"<v>0.25</v>"_s));
    QVERIFY(sheets.contains(u"<v>0.5</v>"_s));
}

void TestReportEffect::sentenceWhenRefusedOfflineOrEmpty()
{
    // An agent's session: the server refuses (403); the files are written with the sentence.
    Console agent(m_home.filePath(u"agent1.sqlite"_s), m_server.url({}));
    QVERIFY(agent.signIn(u"agent1"_s));
    m_link->setClient(agent.engine.api());
    QString out = exportWeek(m_week);
    QVERIFY(!out.isEmpty());
    QCOMPARE(sectionCsv(out, m_week),
             u"Proactive notices\r\n"_s +
                 csvLine({EffectTables::missing({std::nullopt, EffectGap::NotAllowed})}));

    // No server.
    m_link->setClient(nullptr);
    out = exportWeek(m_week);
    QVERIFY(!out.isEmpty());
    const QString notReached = EffectTables::missing({});
    QVERIFY(notReached.contains(u"could not be reached"_s));
    QCOMPARE(sectionCsv(out, m_week), u"Proactive notices\r\n"_s + csvLine({notReached}));
    m_page->setServerLink(nullptr);
    out = exportWeek(m_week);
    QCOMPARE(sectionCsv(out, m_week), u"Proactive notices\r\n"_s + csvLine({notReached}));
    m_page->setServerLink(m_link.get());

    // A week without exceptions: the server answers with none.
    m_link->setClient(m_manager->engine.api());
    const IsoWeek quiet = m_week.previous().previous();
    QCOMPARE(serverFigures(quiet).value(u"parcels_with_exception"_s).toInt(), 0);
    out = exportWeek(quiet);
    QVERIFY(!out.isEmpty());
    const QString sentence = sectionCsv(out, quiet);
    QVERIFY2(sentence.contains(u"No parcel had an exception detected in this week"_s), qPrintable(sentence));
    QVERIFY(!sentence.contains(u"Complaint rate"_s));
}

void TestReportEffect::commandLineFetchesThem()
{
    QTemporaryDir data, out;
    QFile password(data.filePath(u"password"_s));
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write(ServerFixture::kPassword.toUtf8() + '\n');
    password.close();
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, data.path());
    env.insert(u"XDG_CONFIG_HOME"_s, data.filePath(u"config"_s));
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s); // no keychain: memory key
    cli.setProcessEnvironment(env);
    const QStringList common{
        u"report"_s, u"--week"_s,     m_week.toString(),         u"--format"_s, u"csv"_s, u"--lang"_s,
        u"en"_s,     u"--data-dir"_s, data.filePath(u"cache"_s), u"--out"_s};
    cli.start(QStringLiteral(PD_CONSOLE_BIN),
              common + QStringList{out.filePath(u"online"_s), u"--server"_s, m_server.url({}).toString(),
                                   u"--user"_s, u"manager1"_s, u"--password-file"_s, password.fileName()});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0,
             QByteArray(cli.readAllStandardOutput() + cli.readAllStandardError()).constData());
    const QString online = sectionCsv(out.filePath(u"online"_s), m_week);
    QVERIFY2(online.contains(u"Parcels,4,6\r\n"_s), qPrintable(online));
    QVERIFY(online.contains(u"Complaint rate reduction of the notified,50.0%\r\n"_s));

    // --offline: from the cache only, and the section says the server was not reached.
    cli.start(QStringLiteral(PD_CONSOLE_BIN),
              common + QStringList{out.filePath(u"offline"_s), u"--offline"_s});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0,
             QByteArray(cli.readAllStandardOutput() + cli.readAllStandardError()).constData());
    QCOMPARE(sectionCsv(out.filePath(u"offline"_s), m_week),
             u"Proactive notices\r\n"_s + csvLine({EffectTables::missing({})}));
}

QTEST_MAIN(TestReportEffect)
#include "tst_report_effect.moc"
