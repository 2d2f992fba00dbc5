// The weekly report's customer data (issue 17), offscreen, against the real parceldesk-server: the ticket
// lists of the XLSX and CSV files show names and phones masked (also phones inside a complaint) and the
// export is logged (report_generated); a manager who ticks "Include full customer data" gets the full values,
// fetched through the server's logged export (customer_export) for that file only, and the export is logged
// as report_exported; the cache keeps what it held. Refusals (no server, not a manager) write nothing.
#include "../../integration/serverfixture.h"
#include "../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "reports/isoweek.h"
#include "reports/reporttables.h"
#include "ui/common/serverlink.h"
#include "ui/reports/reportspage.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QTimeZone kZone("Asia/Shanghai");
constexpr int kTickets = 3;

QString phoneOf(int i)
{
    return u"1381234000%1"_s.arg(i);
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestReportPrivacy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void ticketRowMasksUnlessFull();
    void maskedByDefaultAndLogged();
    void fullDataFetchedLoggedAndForFileOnly();
    void fullDataRefusedWritesNothing();
    void onlyManagersAreOffered();
    void commandLineReportIsLogged();

private:
    QJsonArray audit(const QString &query);
    /// Exports the page's week with the formats ticked; the files, or an empty list with a failure.
    QStringList exportWith(bool xlsx, bool csv, bool *ok);
    [[nodiscard]] int exportedCount(const QString &kind);

    ServerFixture m_server;
    QTemporaryDir m_home;
    SystemClock m_clock;
    std::unique_ptr<Console> m_manager;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link;
    std::unique_ptr<ReportsPage> m_page;
    QStringList m_ids;
    int m_exports = 0;
};

QJsonArray TestReportPrivacy::audit(const QString &query)
{
    const Reply r = m_server.request("GET", u"/api/v1/audit?"_s + query, m_server.token(u"admin"_s));
    if (r.status != 200)
        qWarning() << "audit:" << r.status << r.body;
    return r.json().value(u"items"_s).toArray();
}

int TestReportPrivacy::exportedCount(const QString &kind)
{
    return int(audit(u"user=manager1&kind="_s + kind).size());
}

void TestReportPrivacy::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    for (int i = 1; i <= kTickets; ++i) {
        const QJsonObject body{{u"description"_s, u"客户说请回电 139 1234 567%1"_s.arg(i)},
                               {u"customer_name"_s, u"王芳"_s},
                               {u"customer_phone"_s, phoneOf(i)},
                               {u"category"_s, u"delay"_s}};
        const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s), body,
                                         {{"Idempotency-Key", uuid().toLatin1()}});
        QCOMPARE(r.status, 201);
        m_ids << r.json().value(u"id"_s).toString();
    }
    const QString cache = m_home.filePath(u"manager1.sqlite"_s);
    m_manager = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_manager->signIn(u"manager1"_s));
    QVERIFY(m_manager->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    // A manager's cache holds what the server sends managers: masked values.
    QCOMPARE(TicketRepository(*m_db).byId(m_ids.first())->ticket.customerPhone, u"138****0001"_s);

    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_manager->engine.api());
    m_page = std::make_unique<ReportsPage>(*m_db, kZone, m_clock);
    m_page->setServerLink(m_link.get());
    m_page->setFullDataAllowed(true);
    m_page->setWeek(IsoWeek::lastWeek(m_clock.nowMs(), kZone).next()); // this week: the tickets' week
    m_page->show();
}

void TestReportPrivacy::cleanupTestCase()
{
    m_page.reset();
    m_db.reset();
    m_manager.reset();
    m_link.reset();
}

QStringList TestReportPrivacy::exportWith(bool xlsx, bool csv, bool *ok)
{
    const QString out = m_home.filePath(u"out%1"_s.arg(++m_exports));
    m_page->setOutputFolder(out);
    for (QCheckBox *box : m_page->findChildren<QCheckBox *>()) {
        if (box->text() == u"PDF"_s)
            box->setChecked(false);
        else if (box->text() == u"Excel (XLSX)"_s)
            box->setChecked(xlsx);
        else if (box->text() == u"CSV"_s)
            box->setChecked(csv);
    }
    QSignalSpy finished(m_page.get(), &ReportsPage::exportFinished);
    QSignalSpy logged(m_page.get(), &ReportsPage::exportLogged);
    m_page->startExport();
    *ok = finished.wait(60000) && finished.first().at(0).toBool();
    if (!*ok)
        return {};
    // The access log entry follows the files.
    *ok = logged.wait(10000) && logged.first().at(0).toBool();
    return finished.first().at(1).toStringList();
}

void TestReportPrivacy::ticketRowMasksUnlessFull()
{
    WeeklyReport report;
    report.zone = kZone;
    ReportTicket t;
    t.id = u"t-1"_s;
    t.customerName = u"欧阳娜娜"_s;
    t.customerPhone = u"13812345678"_s;
    t.description = u"请打 13812345678 或 0755-23456789"_s;
    const int name = ReportTables::kCustomerPhoneColumn - 1;
    const int phone = ReportTables::kCustomerPhoneColumn;
    QCOMPARE(ReportTables::ticketHeader().at(phone), u"Customer phone"_s);
    QStringList row = ReportTables::ticketRow(report, t);
    QCOMPARE(row.at(name), u"欧***"_s);
    QCOMPARE(row.at(phone), u"138****5678"_s);
    QVERIFY2(!row.last().contains(u"12345678"_s) && !row.last().contains(u"23456789"_s),
             qPrintable(row.last()));
    // Values the server sent masked stay as they are (not masked twice).
    t.customerName = u"王*"_s;
    t.customerPhone = u"138****5678"_s;
    row = ReportTables::ticketRow(report, t);
    QCOMPARE(row.at(name), u"王*"_s);
    QCOMPARE(row.at(phone), u"138****5678"_s);
    // With full data for this ticket (and only this one); the complaint's phones stay masked.
    const CustomerData full{{u"t-1"_s, {u"王芳"_s, u"13812345678"_s}}};
    row = ReportTables::ticketRow(report, t, &full);
    QCOMPARE(row.at(name), u"王芳"_s);
    QCOMPARE(row.at(phone), u"13812345678"_s);
    QVERIFY(!row.last().contains(u"12345678"_s));
    t.id = u"t-2"_s;
    QCOMPARE(ReportTables::ticketRow(report, t, &full).at(phone), u"138****5678"_s);
}

void TestReportPrivacy::maskedByDefaultAndLogged()
{
    QVERIFY(!m_page->fullDataBox()->isChecked());
    bool ok = false;
    const QStringList files = exportWith(false, true, &ok);
    QVERIFY2(ok, qPrintable(m_page->statusLabel()->text()));
    QString tickets;
    for (const QString &f : files)
        if (f.endsWith(u"-tickets.csv"_s))
            tickets = readAll(f);
    QVERIFY(!tickets.isEmpty());
    for (int i = 1; i <= kTickets; ++i) {
        QVERIFY2(tickets.contains(u"138****000%1"_s.arg(i)), qPrintable(tickets));
        QVERIFY(!tickets.contains(phoneOf(i)));
        QVERIFY(!tickets.contains(u"1234567%1"_s.arg(i))); // the phone inside the complaint
    }
    QVERIFY(tickets.contains(u"王*"_s));
    QVERIFY(!tickets.contains(u"王芳"_s));

    // Logged as a report, without customer data; no export of customer data happened.
    const QJsonArray entries = audit(u"user=manager1&kind=report_generated"_s);
    QCOMPARE(entries.size(), 1);
    const QJsonObject e = entries.at(0).toObject();
    QCOMPARE(e.value(u"records"_s).toInt(), kTickets);
    QVERIFY2(e.value(u"detail"_s).toString().contains(u"masked"_s),
             qPrintable(e.value(u"detail"_s).toString()));
    QVERIFY(e.value(u"detail"_s).toString().contains(u"CSV"_s));
    QCOMPARE(exportedCount(u"customer_export"_s), 0);
    QCOMPARE(exportedCount(u"report_exported"_s), 0);
}

void TestReportPrivacy::fullDataFetchedLoggedAndForFileOnly()
{
    m_page->fullDataBox()->setChecked(true);
    bool ok = false;
    const QStringList files = exportWith(true, true, &ok);
    QVERIFY2(ok, qPrintable(m_page->statusLabel()->text()));
    QString tickets, xlsx;
    for (const QString &f : files) {
        if (f.endsWith(u"-tickets.csv"_s))
            tickets = readAll(f);
        if (f.endsWith(u".xlsx"_s))
            xlsx = f;
    }
    for (int i = 1; i <= kTickets; ++i)
        QVERIFY2(tickets.contains(phoneOf(i)), qPrintable(tickets));
    QVERIFY(tickets.contains(u"王芳"_s));
    QVERIFY(!tickets.contains(u"12345671"_s)); // complaints keep their phones masked
    // The XLSX's ticket sheet holds the full phone as text (a number would lose its form).
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet*.xml"_s});
    QVERIFY(unzip.waitForFinished(30000));
    const QString sheets = QString::fromUtf8(unzip.readAllStandardOutput());
    QVERIFY2(sheets.contains(u"<t>%1</t>"_s.arg(phoneOf(1))) ||
                 sheets.contains(u"<t xml:space=\"preserve\">%1</t>"_s.arg(phoneOf(1))),
             "the full phone is not a text cell of the XLSX");

    // The server logged the export of customer data (with how many) and the report with full data.
    const QJsonArray exports = audit(u"user=manager1&kind=customer_export"_s);
    QCOMPARE(exports.size(), 1);
    QCOMPARE(exports.at(0).toObject().value(u"records"_s).toInt(), kTickets);
    const QJsonArray reports = audit(u"user=manager1&kind=report_exported"_s);
    QCOMPARE(reports.size(), 1);
    QVERIFY2(
        reports.at(0).toObject().value(u"detail"_s).toString().contains(u"full customer data for 3 of 3"_s),
        qPrintable(reports.at(0).toObject().value(u"detail"_s).toString()));

    // For that file only: the cache holds what it held, and the next export is masked again.
    QCOMPARE(TicketRepository(*m_db).byId(m_ids.first())->ticket.customerPhone, u"138****0001"_s);
    QVERIFY(!m_page->fullDataBox()->isChecked());
    const QStringList again = exportWith(false, true, &ok);
    QVERIFY(ok);
    for (const QString &f : again)
        if (f.endsWith(u"-tickets.csv"_s))
            QVERIFY(!readAll(f).contains(phoneOf(1)));
    QCOMPARE(exportedCount(u"customer_export"_s), 1);
    QCOMPARE(exportedCount(u"report_generated"_s), 2);
}

void TestReportPrivacy::fullDataRefusedWritesNothing()
{
    // No server: nothing is written, and the page says why.
    m_link->setClient(nullptr);
    m_page->fullDataBox()->setChecked(true);
    const QString out = m_home.filePath(u"refused"_s);
    m_page->setOutputFolder(out);
    QSignalSpy finished(m_page.get(), &ReportsPage::exportFinished);
    m_page->startExport();
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY2(m_page->statusLabel()->text().contains(u"could not be fetched"_s),
             qPrintable(m_page->statusLabel()->text()));
    QVERIFY(!QDir(out).exists() || QDir(out).isEmpty());

    // A supervisor's session: the server refuses the export of customer data (403), nothing is written.
    Console lead(m_home.filePath(u"lead1.sqlite"_s), m_server.url({}));
    QVERIFY(lead.signIn(u"lead1"_s));
    m_link->setClient(lead.engine.api());
    QSignalSpy refused(m_page.get(), &ReportsPage::exportFinished);
    m_page->startExport();
    QVERIFY(refused.wait(10000));
    QVERIFY(!refused.first().at(0).toBool());
    QVERIFY2(m_page->statusLabel()->text().contains(u"only managers"_s),
             qPrintable(m_page->statusLabel()->text()));
    QVERIFY(!QDir(out).exists() || QDir(out).isEmpty());
    m_link->setClient(m_manager->engine.api());
    QCOMPARE(audit(u"kind=customer_export"_s).size(), 1);
}

void TestReportPrivacy::onlyManagersAreOffered()
{
    m_page->fullDataBox()->setChecked(true);
    m_page->setFullDataAllowed(false); // a supervisor's page
    QVERIFY(!m_page->fullDataBox()->isVisible());
    QVERIFY(!m_page->fullDataBox()->isChecked());
    m_page->setFullDataAllowed(true);
    QVERIFY(m_page->fullDataBox()->isVisible());
    QVERIFY(!m_page->fullDataBox()->isChecked());
}

// `parceldesk report` writes masked lists (it has no full-data mode) and records the report in the access log
// through the session it synced with.
void TestReportPrivacy::commandLineReportIsLogged()
{
    const int before = exportedCount(u"report_generated"_s);
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
    const QString week = IsoWeek::lastWeek(m_clock.nowMs(), kZone).next().toString();
    cli.start(QStringLiteral(PD_CONSOLE_BIN),
              {u"report"_s, u"--server"_s, m_server.url({}).toString(), u"--user"_s, u"manager1"_s,
               u"--password-file"_s, password.fileName(), u"--data-dir"_s, data.filePath(u"cache"_s),
               u"--week"_s, week, u"--format"_s, u"csv"_s, u"--out"_s, out.path(), u"--lang"_s, u"en"_s});
    QVERIFY(cli.waitForFinished(120000));
    const QString output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains(u"could not be recorded"_s), qPrintable(output));
    const QString tickets = readAll(QDir(out.path()).filePath(u"parceldesk-%1-tickets.csv"_s.arg(week)));
    QVERIFY2(tickets.contains(u"138****0001"_s), qPrintable(tickets));
    QVERIFY(!tickets.contains(phoneOf(1)));
    QCOMPARE(exportedCount(u"report_generated"_s), before + 1);
    const QJsonObject e = audit(u"user=manager1&kind=report_generated"_s).at(0).toObject();
    QVERIFY2(e.value(u"detail"_s).toString().contains(u"command line"_s),
             qPrintable(e.value(u"detail"_s).toString()));
    QCOMPARE(e.value(u"records"_s).toInt(), kTickets);
}

QTEST_MAIN(TestReportPrivacy)
#include "tst_report_privacy.moc"
