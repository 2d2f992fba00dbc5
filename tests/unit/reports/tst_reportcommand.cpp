// `parceldesk report` end to end: exit codes, role check, files written, from a cache without a server.
#include "../kpi/appealtestdata.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>

using namespace pd;
using namespace pd::test;

class TestReportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roles_data();
    void roles();
    void usage();
    void traditionalChinesePdf();
    void monthlyAppealsReport();

private:
    int run(const QStringList &args, QString *out = nullptr);
    void storeUser(std::optional<Role> role, const QString &team, const char *rawRole = nullptr);

    QTemporaryDir m_config;
    KpiCache m_cache;
};

void TestReportCommand::initTestCase()
{
    QVERIFY(m_config.isValid());
    QList<Ticket> tickets;
    for (int n = 1; n <= 6; ++n) {
        Ticket t = kpiTicket(n, sh(2026, 11, 17, 9 + n));
        t.teamId = n % 2 ? QStringLiteral("team-a") : QStringLiteral("team-b");
        tickets << t;
    }
    // A regulator appeal forwarded in November and never answered: late by now (the process's clock).
    tickets << appealTicket(7, sh(2026, 11, 17, 9), Category::Damage);
    m_cache.add(tickets);
}

void TestReportCommand::storeUser(std::optional<Role> role, const QString &team, const char *rawRole)
{
    QSettings settings(QDir(m_config.path()).filePath(QStringLiteral("ParcelDesk/parceldesk.conf")),
                       QSettings::IniFormat);
    settings.clear();
    if (role || rawRole) {
        User u;
        u.id = QStringLiteral("u-1");
        u.login = QStringLiteral("chen");
        u.displayName = QStringLiteral("陈经理");
        u.role = role.value_or(Role::Agent);
        u.teamId = team;
        QJsonObject json = u.toJson();
        if (rawRole)
            json.insert(QStringLiteral("role"), QLatin1String(rawRole));
        settings.setValue(QStringLiteral("session/user"), QJsonDocument(json).toJson(QJsonDocument::Compact));
    }
    settings.sync();
}

int TestReportCommand::run(const QStringList &args, QString *out)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    env.remove(QStringLiteral("DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PD_REPORT_CLI), QStringList{QStringLiteral("report"), QStringLiteral("--data-dir"),
                                                       m_cache.dir.path(), QStringLiteral("--offline")} +
                                               args);
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

void TestReportCommand::roles_data()
{
    QTest::addColumn<int>("role"); // -1: none stored, -2: unknown role code
    QTest::addColumn<QString>("userTeam");
    QTest::addColumn<QString>("team");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("file");
    QTest::newRow("manager, all teams")
        << int(Role::Manager) << QString() << QString() << 0 << "parceldesk-2026-W47-summary.csv";
    QTest::newRow("manager, one team")
        << int(Role::Manager) << QString() << "team-b" << 0 << "parceldesk-2026-W47-team-b-summary.csv";
    QTest::newRow("supervisor, own team by default")
        << int(Role::Supervisor) << "team-a" << QString() << 0 << "parceldesk-2026-W47-team-a-summary.csv";
    QTest::newRow("supervisor, other team") << int(Role::Supervisor) << "team-a"
                                            << "team-b" << 6 << QString();
    QTest::newRow("agent") << int(Role::Agent) << "team-a" << QString() << 6 << QString();
    QTest::newRow("admin") << int(Role::Admin) << QString() << QString() << 6 << QString();
    QTest::newRow("nobody signed in") << -1 << QString() << QString() << 6 << QString();
    QTest::newRow("unknown role") << -2 << QString() << QString() << 6 << QString();
}

void TestReportCommand::roles()
{
    QFETCH(int, role);
    QFETCH(QString, userTeam);
    QFETCH(QString, team);
    QFETCH(int, exitCode);
    QFETCH(QString, file);
    if (role == -1)
        storeUser(std::nullopt, {});
    else if (role == -2)
        storeUser(std::nullopt, {}, "emperor");
    else
        storeUser(Role(role), userTeam);
    QTemporaryDir out;
    QStringList args{QStringLiteral("--week"), QStringLiteral("2026-W47"), QStringLiteral("--format"),
                     QStringLiteral("csv"),    QStringLiteral("--out"),    out.path()};
    if (!team.isEmpty())
        args << QStringLiteral("--team") << team;
    QString output;
    QCOMPARE(run(args, &output), exitCode);
    if (!file.isEmpty()) {
        QVERIFY2(QFile::exists(out.filePath(file)), qPrintable(output));
        QVERIFY(output.contains(file));
    } else {
        QVERIFY(QDir(out.path()).isEmpty());
        QVERIFY(!output.isEmpty()); // a clear message on stderr
    }
}

void TestReportCommand::usage()
{
    storeUser(Role::Manager, {});
    QTemporaryDir out;
    QCOMPARE(run({QStringLiteral("--week"), QStringLiteral("2025-W53"), QStringLiteral("--out"), out.path()}),
             2);
    QCOMPARE(run({QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("--out"), out.path()}),
             2);
    QCOMPARE(run({QStringLiteral("--week"), QStringLiteral("2026-W47")}), 2);
    QString help;
    QCOMPARE(run({QStringLiteral("--help")}, &help), 0);
    QVERIFY(help.contains(QStringLiteral("Exit codes")));
    // All three formats, headless.
    QString output;
    QCOMPARE(run({QStringLiteral("--week"), QStringLiteral("2026-W47"), QStringLiteral("--out"), out.path(),
                  QStringLiteral("--lang"), QStringLiteral("zh_CN")},
                 &output),
             0);
    QVERIFY2(QFile::exists(out.filePath(QStringLiteral("parceldesk-2026-W47.pdf"))), qPrintable(output));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("parceldesk-2026-W47.xlsx"))));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("parceldesk-2026-W47-tickets.csv"))));
}

void TestReportCommand::traditionalChinesePdf()
{
    // --lang spelt with a hyphen, as the console accepts it (issue 23: it once loaded no translation).
    storeUser(Role::Manager, {});
    QTemporaryDir out;
    QString output;
    QCOMPARE(run({QStringLiteral("--week"), QStringLiteral("2026-W47"), QStringLiteral("--format"),
                  QStringLiteral("pdf"), QStringLiteral("--out"), out.path(), QStringLiteral("--lang"),
                  QStringLiteral("zh-TW")},
                 &output),
             0);
    const QString pdf = out.filePath(QStringLiteral("parceldesk-2026-W47.pdf"));
    QVERIFY2(QFile::exists(pdf), qPrintable(output));
    QProcess pdftotext; // poppler-utils, from scripts/install-deps.sh
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(pdftotext.waitForFinished(60000), "pdftotext did not finish");
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(!text.isEmpty(), "pdftotext printed nothing");
    // Compared without white space (the layout may space out CJK glyphs) and after NFKC: the embedded font
    // maps some ideographs to their Kangxi radicals (⾸ for 首), so the needles avoid the few it maps to
    // other radicals.
    const auto flat = [](const QString &s) {
        return s.normalized(QString::NormalizationForm_KC).remove(QRegularExpression(QStringLiteral("\\s")));
    };
    const QString all = flat(text);
    // Title, headings and figures in Traditional Chinese (Taiwan usage), none in Simplified Chinese or
    // English.
    for (const char *traditional : {"2026-W47 週報", "KPI 彙總", "投訴量", "暫無資料"})
        QVERIFY2(all.contains(flat(QString::fromUtf8(traditional))),
                 qPrintable(QString::fromUtf8(traditional) + u'\n' + text));
    for (const char *other : {"周报", "KPI 汇总", "投诉量", "暂无数据", "weekly report", "KPI summary"})
        QVERIFY2(!all.contains(flat(QString::fromUtf8(other))),
                 qPrintable(QString::fromUtf8(other) + u'\n' + text));
}

void TestReportCommand::monthlyAppealsReport()
{
    storeUser(Role::Manager, {});
    QTemporaryDir out;
    QString output;
    QCOMPARE(run({QStringLiteral("--appeals-month"), QStringLiteral("2026-11"), QStringLiteral("--format"),
                  QStringLiteral("pdf,xlsx"), QStringLiteral("--out"), out.path()},
                 &output),
             0);
    const QString pdf = out.filePath(QStringLiteral("parceldesk-appeals-2026-11.pdf"));
    QVERIFY2(QFileInfo(pdf).size() > 0, qPrintable(output));
    QVERIFY(QFileInfo(out.filePath(QStringLiteral("parceldesk-appeals-2026-11.xlsx"))).size() > 0);
    QVERIFY(output.contains(QStringLiteral("parceldesk-appeals-2026-11.pdf")));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2); // no weekly report beside it
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(60000));
    QVERIFY(QString::fromUtf8(pdftotext.readAllStandardOutput()).contains(QStringLiteral("SS2026-0007")));
    QCOMPARE(run({QStringLiteral("--appeals-month"), QStringLiteral("2026-13"), QStringLiteral("--out"),
                  out.path()}),
             2);
}

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
