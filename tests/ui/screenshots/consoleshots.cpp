// Screenshots of every page of the console for docs/ (issue 24): signs in to a running parceldesk-server (the
// demo) as a manager, syncs a new cache, and in each language writes <out-dir>/<page>-<lang>.png for the
// workbench, the ticket pane (the open ticket with the longest conversation), the map, the dashboard, the
// reports page, the team board, the approvals queue (after three compensation requests above agent1's limit),
// a regulator appeal in the pane, the resolve dialog's calculator, the agent's status control with its menu
// open, the Preferences dialog and the new-ticket dialog; and the evidence shots (evidenceshots.h): a damage
// claim's photos and checklist, the photo viewer, a flagged duplicate with its History tab, the new-ticket
// dialog offering the open ticket.
//   pd_console_shots --server http://127.0.0.1:8470 --out-dir docs/screenshots [--langs en,zh_CN,zh_TW]
//   [--login manager1] [--password demo] [--size 1440x900]
// scripts/screenshot-all.sh starts the demo server and runs it under Xvfb.
#include "evidenceshots.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"
#include "ui/approvals/approvalsmodel.h"
#include "ui/approvals/approvalspage.h"
#include "ui/common/agentstatuswidget.h"
#include "ui/common/language.h"
#include "ui/common/preferencesdialog.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/effectpanel.h"
#include "ui/mainwindow.h"
#include "ui/map/mappage.h"
#include "ui/map/mapview.h"
#include "ui/map/parcelcard.h"
#include "ui/proactive/incidentsmodel.h"
#include "ui/proactive/proactivepage.h"
#include "ui/reports/reportspage.h"
#include "ui/teamboard/agentboardmodel.h"
#include "ui/teamboard/teamboardpage.h"
#include "ui/workbench/ticketpane/appealpanel.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cstdio>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {

/// Signs in and pulls the server's change feed into @p cachePath: the user and the server's time.
std::optional<std::pair<User, qint64>> syncFrom(SyncEngine &engine, const QUrl &server, const QString &login,
                                                const QString &password)
{
    engine.start();
    QSignalSpy in(&engine, &SyncEngine::signedIn);
    QSignalSpy refused(&engine, &SyncEngine::signInFailed);
    engine.signIn(login, password);
    if (!QTest::qWaitFor([&] { return !in.isEmpty() || !refused.isEmpty(); }, 20000) || in.isEmpty()) {
        std::fprintf(stderr, "sign-in to %s failed\n", qPrintable(server.toString()));
        return std::nullopt;
    }
    QSignalSpy pulled(&engine, &SyncEngine::pullFinished);
    engine.syncNow();
    if (!QTest::qWaitFor([&] { return !pulled.isEmpty(); }, 180000) || !pulled.last().at(0).toBool()) {
        std::fprintf(stderr, "sync from %s failed\n", qPrintable(server.toString()));
        return std::nullopt;
    }
    return std::make_pair(in.first().at(0).value<User>(), engine.clock()->nowMs());
}

/// Gives the demo's agents a status each (REST, as each agent; none "online", so the server pushes no ticket
/// and the queues stay as the demo made them): the team board shows them in colour.
/// One REST call to the demo server (JSON both ways); the answer's object, empty on failure.
QJsonObject rest(QNetworkAccessManager &net, const QUrl &server, const QByteArray &method,
                 const QString &path, const QJsonObject &body, const QByteArray &token)
{
    QNetworkRequest request(server.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply =
        net.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        std::fprintf(stderr, "no answer to %s\n", qPrintable(path));
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

QByteArray signIn(QNetworkAccessManager &net, const QUrl &server, const QString &login,
                  const QString &password)
{
    return rest(net, server, "POST", u"/api/v1/auth/login"_s,
                {{u"login"_s, login}, {u"password"_s, password}}, {})
        .value(u"access_token"_s)
        .toString()
        .toLatin1();
}

/// Gives the demo's agents a status each (REST, as each agent; none "online", so the server pushes no ticket
/// and the queues stay as the demo made them): the team board shows them in colour.
void setDemoStatuses(const QUrl &server, const QString &password)
{
    QNetworkAccessManager net;
    const QList<std::pair<QString, QString>> statuses{
        {u"agent1"_s, u"busy"_s}, {u"agent2"_s, u"break"_s}, {u"agent3"_s, u"away"_s}};
    for (const auto &[login, status] : statuses) {
        const QByteArray token = signIn(net, server, login, password);
        if (!token.isEmpty())
            rest(net, server, "PUT", u"/api/v1/agents/me/status"_s, {{u"status"_s, status}}, token);
    }
}

/// Open loss and damage tickets of @p teamId in the cache, up to @p limit.
QStringList openClaims(const Database &db, const QString &teamId, int limit)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT id FROM tickets WHERE status IN ('new', 'open') AND category IN ('loss', 'damage') "
              "AND team_id = ? ORDER BY created_at DESC LIMIT ?"_s);
    q.addBindValue(teamId);
    q.addBindValue(limit);
    q.exec();
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

/// Compensation requests above agent1's limit on three of the team's open claims: the approvals queue.
void requestDemoApprovals(const QUrl &server, const QString &password, const Database &db)
{
    QNetworkAccessManager net;
    const QByteArray token = signIn(net, server, u"agent1"_s, password);
    const QJsonObject me = rest(net, server, "GET", u"/api/v1/auth/me"_s, {}, token);
    const QString team = me.value(u"team_id"_s).toString();
    const QList<std::pair<int, QString>> asks{{680, u"客户提供了购物发票，商品价值 680 元"_s},
                                              {350, u"外箱破损，内物两件损坏"_s},
                                              {1200, u"保价包裹丢失，保价金额 1200 元"_s}};
    const QStringList ids = openClaims(db, team.isEmpty() ? u"team-a"_s : team, int(asks.size()));
    for (int i = 0; i < ids.size(); ++i)
        rest(net, server, "POST", u"/api/v1/tickets/%1/compensations"_s.arg(ids[i]),
             {{u"amount"_s, asks[i].first}, {u"reason"_s, asks[i].second}}, token);
}

/// The dashboard's proactive panels (docs/proactive.md): the largest open incident's customers are told (the
/// demo's file gateway sends at once), and nine customers of the station with the fewest complaints call
/// about their parcels within minutes, which the server finds to be a complaint spike.
void prepareProactive(const QUrl &server, const QString &password, const Database &db)
{
    QNetworkAccessManager net;
    const QByteArray lead = signIn(net, server, u"manager1"_s, password);
    const QJsonArray incidents =
        rest(net, server, "GET", u"/api/v1/incidents?state=open"_s, {}, lead).value(u"items"_s).toArray();
    if (!incidents.isEmpty())
        rest(net, server, "POST",
             u"/api/v1/incidents/%1/notify"_s.arg(incidents.first().toObject().value(u"id"_s).toString()),
             {{u"language"_s, u"zh_CN"_s}}, lead);
    QSqlQuery q(db.connection());
    q.exec(u"SELECT p.station_id, COUNT(*) FROM tickets t JOIN parcels p ON p.waybill_no = t.waybill_no "
           "WHERE p.station_id <> '' GROUP BY p.station_id ORDER BY 2, 1 LIMIT 1"_s);
    const QString station = q.next() ? q.value(0).toString() : QString();
    QSqlQuery parcels(db.connection());
    parcels.prepare(u"SELECT waybill_no FROM parcels WHERE station_id = ? ORDER BY waybill_no LIMIT 9"_s);
    parcels.addBindValue(station);
    parcels.exec();
    const QByteArray agent = signIn(net, server, u"agent1"_s, password);
    const QString team =
        rest(net, server, "GET", u"/api/v1/auth/me"_s, {}, agent).value(u"team_id"_s).toString();
    for (int i = 0; parcels.next(); ++i)
        rest(net, server, "POST", u"/api/v1/tickets"_s,
             {{u"waybill_no"_s, parcels.value(0).toString()},
              {u"description"_s, u"网点说今天没人派送，什么时候能送到？"_s},
              {u"customer_name"_s, u"顾客%1"_s.arg(i + 1)},
              {u"customer_phone"_s, u"1390571%1"_s.arg(3300 + i)},
              {u"category"_s, u"delay"_s},
              {u"team_id"_s, team.isEmpty() ? u"team-a"_s : team}},
             agent);
    QTest::qWait(2500); // the server evaluates a second after the last complaint
}

/// The open ticket with the longest conversation: the pane at its fullest.
QString busiestTicket(const Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(
        u"SELECT t.id FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id WHERE t.status IN ('open', "
        "'pending') GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1"_s);
    return q.next() ? q.value(0).toString() : QString();
}

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(300); // the last layout and paint
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

/// Shows @p page (the tab holding it) and waits @p settleMs for it to settle.
void showPage(MainWindow &window, QWidget *page, int settleMs)
{
    // A page is built when its tab (a placeholder until then) is first shown: go through the tabs.
    QTabWidget *pages = window.pages();
    for (int i = 0; i < pages->count() && pages->currentWidget() != page; ++i)
        pages->setCurrentIndex(i);
    QTest::qWait(settleMs);
}

/// The status bar's agent status as an agent sees it, its menu open above it (a popup is a window of its
/// own: painted onto the window's bottom-right corner).
bool shootAgentStatus(const Database &db, Clock &clock, User user, const QSize &size, const QString &path)
{
    user.role = Role::Agent; // the control is an agent's
    MainWindow window(db, clock, QTimeZone("Asia/Shanghai"));
    window.setCurrentUser(user);
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    AgentStatusWidget *status = window.agentStatus();
    status->request(u"busy"_s);
    status->setConfirmed(u"busy"_s, clock.nowMs());
    QTest::qWait(300);
    QMenu *menu = status->menu();
    for (QAction *a : menu->actions())
        if (a->data().toString() == u"busy"_s)
            menu->setActiveAction(a);
    menu->adjustSize();
    const QPixmap shot = window.grab();
    const QPixmap popup = menu->grab();
    const QRect bar = window.statusBar()->geometry();
    const QRect crop(qMax(0, bar.right() - 760), qMax(0, bar.top() - popup.height() - 8), 760,
                     bar.height() + popup.height() + 8);
    QPixmap out = shot.copy(crop);
    QPainter p(&out);
    const QPoint button = status->button()->mapTo(&window, QPoint(0, 0)) - crop.topLeft();
    p.drawPixmap(QPoint(button.x(), button.y() - popup.height()), popup);
    p.setPen(QColor(0x99, 0x99, 0x99));
    p.drawRect(QRect(QPoint(button.x(), button.y() - popup.height()), popup.size()).adjusted(0, 0, -1, -1));
    p.end();
    const bool ok = out.save(path);
    std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

/// The first of @p sql's ids (a query without parameters over the cache).
QString firstId(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    q.exec(sql);
    return q.next() ? q.value(0).toString() : QString();
}

/// A regulator appeal in the pane, its Appeal tab open (one rejected and redone when the demo has it).
bool shootAppeal(MainWindow &window, const Database &db, const QString &path)
{
    const QString id =
        firstId(db, u"SELECT id FROM tickets WHERE source = 'regulator_appeal' "
                    "ORDER BY json_extract(appeal, '$.rejections') DESC, created_at DESC LIMIT 1"_s);
    if (id.isEmpty()) {
        std::fprintf(stderr, "no appeal in the demo\n");
        return false;
    }
    window.workbench()->openTicket(id);
    QTest::qWait(500);
    TicketPane *pane = window.workbench()->pane();
    auto *tabs = pane->findChild<QTabWidget *>();
    auto *appeal = pane->findChild<AppealPanel *>();
    if (tabs && appeal)
        tabs->setCurrentWidget(appeal);
    return save(pane, path);
}

/// The resolve dialog's compensation calculator as an agent sees it (the pane's own dialog is an agent's or a
/// supervisor's; the screenshots sign in as a manager): an open loss or damage claim whose parcel is cached.
bool shootCalculator(MainWindow &window, const Database &db, Clock &clock, const QString &path)
{
    const QString id =
        firstId(db, u"SELECT t.id FROM tickets t JOIN parcels p ON p.waybill_no = t.waybill_no "
                    "WHERE t.status IN ('new', 'open') AND t.category IN ('loss', 'damage') "
                    "AND p.freight_fen > 0 ORDER BY t.category DESC, t.created_at DESC LIMIT 1"_s);
    const auto ticket = TicketRepository(db).byId(id);
    if (!ticket) {
        std::fprintf(stderr, "no open claim with a cached parcel\n");
        return false;
    }
    ResolveDialog dialog([](Resolution, std::optional<qint64>, const QString &, QString *) { return false; },
                         &window);
    dialog.setCompensation(
        std::make_shared<const compensation::CompensationCalculator>(
            compensation::CompensationPolicy::defaults()),
        ParcelRepository(db).byWaybill(ticket->ticket.waybillNo), ticket->ticket.category, Role::Agent,
        clock.nowMs(),
        [](qint64, std::optional<qint64>, const QString &, const QString &, const ResolveDialog::Done &) {});
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return false;
    dialog.resolutionBox()->setCurrentIndex(dialog.resolutionBox()->findData(u"compensation"_s));
    QTest::qWait(300);
    dialog.adjustSize();
    return save(&dialog, path);
}

/// Every shot of one language; false when one could not be written.
bool shoot(const Database &db, Clock &clock, const User &user, SyncEngine &engine,
           const std::optional<EvidenceTickets> &evidence, const QString &language, const QSize &size,
           const QDir &out)
{
    Language::apply(language);
    const QString suffix = u"-%1.png"_s.arg(language);
    MainWindow window(db, clock, QTimeZone("Asia/Shanghai"));
    window.setCurrentUser(user);
    window.setApiClient(engine.api()); // online: the map shows the server's parcels in view
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    bool ok = true;
    // The map before a ticket is open (it would centre on that parcel): the stations in view.
    showPage(window, window.mapPage(), 3000);
    // The city at district zoom (after any flight to an open ticket's parcel has landed): its districts,
    // stations, the incidents' rings and the spike's red ring.
    window.mapPage()->card()->hide();
    window.mapPage()->mapView()->setSelectedParcel({});
    window.mapPage()->mapView()->setView(GeoPoint{30.25, 120.20}, 11.6);
    QTest::qWait(1500);
    ok &= save(&window, out.filePath(u"map"_s + suffix));
    DashboardPage *dashboard = window.dashboard();
    QSignalSpy refreshed(dashboard, &DashboardPage::refreshed);
    showPage(window, dashboard, 0);
    dashboard->setPeriod(PeriodKind::Last30Days);
    while (refreshed.wait(5000)) {
    }
    if (!QTest::qWaitFor([&] { return dashboard->effect()->figures().has_value(); }, 10000))
        std::fprintf(stderr, "the effect of notices did not load\n");
    dashboard->reloadTrendAlerts();
    ok &= save(&window, out.filePath(u"dashboard"_s + suffix));
    ReportsPage *reports = window.reports();
    QSignalSpy previewed(reports, &ReportsPage::previewShown);
    showPage(window, reports, 0);
    previewed.wait(60000);
    ok &= save(&window, out.filePath(u"reports"_s + suffix));
    // The team board: every agent's status and load (GET /agents), the unassigned queue beside it.
    TeamBoardPage *board = window.teamBoard();
    showPage(window, board, 0);
    if (!QTest::qWaitFor([&] { return board->agents()->rowCount() > 0; }, 10000))
        std::fprintf(stderr, "the team board stayed empty\n");
    QTest::qWait(1000);
    ok &= save(&window, out.filePath(u"teamboard"_s + suffix));
    // The approvals queue: compensation above agent1's limit (requestDemoApprovals).
    ApprovalsPage *approvals = window.approvals();
    showPage(window, approvals, 0);
    if (!QTest::qWaitFor([&] { return approvals->model()->rowCount() > 0; }, 10000))
        std::fprintf(stderr, "the approvals queue stayed empty\n");
    approvals->view()->selectRow(0);
    ok &= save(&window, out.filePath(u"approvals"_s + suffix));
    // The Proactive page: the demo's two incidents (a station short of couriers, the hub held by weather),
    // the first selected with its cases.
    ProactivePage *proactive = window.proactive();
    showPage(window, proactive, 0);
    if (!QTest::qWaitFor([&] { return proactive->model()->rowCount() > 0; }, 10000))
        std::fprintf(stderr, "the Proactive page stayed empty\n");
    if (!QTest::qWaitFor([&] { return proactive->casesView()->rowCount() > 0; }, 10000))
        std::fprintf(stderr, "the incident's cases did not load\n");
    QTest::qWait(500);
    ok &= save(&window, out.filePath(u"proactive"_s + suffix));

    // Every ticket listed, the busiest one open in the pane.
    window.pages()->setCurrentIndex(0);
    window.workbench()->showQueue(Queue::All);
    QTest::qWait(1500); // the queue's first read
    window.workbench()->openTicket(busiestTicket(db));
    QTest::qWait(1000);
    ok &= save(&window, out.filePath(u"workbench"_s + suffix));
    ok &= save(window.workbench()->pane(), out.filePath(u"ticketpane"_s + suffix));
    ok &= shootAppeal(window, db, out.filePath(u"appeal"_s + suffix));
    ok &= shootCalculator(window, db, clock, out.filePath(u"calculator"_s + suffix));

    ok &= evidence && shootEvidence(window, engine, db, user, *evidence, out, suffix);
    ok &= shootAgentStatus(db, clock, user, size, out.filePath(u"agentstatus"_s + suffix));

    PreferencesDialog preferences(&window);
    preferences.show();
    ok &= QTest::qWaitForWindowExposed(&preferences) &&
          save(&preferences, out.filePath(u"preferences"_s + suffix));
    NewTicketDialog newTicket(db, clock, user, &window);
    newTicket.show();
    ok &= QTest::qWaitForWindowExposed(&newTicket) && save(&newTicket, out.filePath(u"newticket"_s + suffix));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"ParcelDeskScreenshots"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_s, u"the running parceldesk-server (the demo)"_s, u"url"_s);
    const QCommandLineOption outDir(u"out-dir"_s, u"folder for the PNGs"_s, u"dir"_s, u"docs/screenshots"_s);
    const QCommandLineOption langs(u"langs"_s, u"languages, comma-separated"_s, u"list"_s,
                                   u"en,zh_CN,zh_TW"_s);
    const QCommandLineOption login(u"login"_s, u"who signs in"_s, u"login"_s, u"manager1"_s);
    const QCommandLineOption password(u"password"_s, u"their password"_s, u"password"_s, u"demo"_s);
    const QCommandLineOption size(u"size"_s, u"window size WxH"_s, u"size"_s, u"1440x900"_s);
    parser.addOptions({server, outDir, langs, login, password, size});
    parser.process(app);
    if (!parser.isSet(server)) {
        std::fprintf(stderr, "--server is required\n");
        return 2;
    }
    // Settings of this run only (the console's window state, language) in a temporary folder.
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));
    const QString cachePath = dir.filePath(u"cache.sqlite"_s);
    SyncEngine engine(cachePath, QUrl(parser.value(server))); // kept: the pages' link to the server
    const auto synced =
        syncFrom(engine, QUrl(parser.value(server)), parser.value(login), parser.value(password));
    if (!synced)
        return 1;
    setDemoStatuses(QUrl(parser.value(server)), parser.value(password));
    ManualClock clock(synced->second);
    QString error;
    auto db = Database::open(cachePath, &error);
    if (!db) {
        std::fprintf(stderr, "cache: %s\n", qPrintable(error));
        return 1;
    }
    requestDemoApprovals(QUrl(parser.value(server)), parser.value(password), *db);
    prepareProactive(QUrl(parser.value(server)), parser.value(password), *db);
    const auto evidence = prepareEvidence(QUrl(parser.value(server)), parser.value(password), *db);
    QSignalSpy pulled(&engine, &SyncEngine::pullFinished);
    engine.syncNow(); // the evidence tickets and their files' records
    pulled.wait(60000);
    const QStringList wh = parser.value(size).split(u'x');
    const QSize windowSize(wh.value(0).toInt(), wh.value(1).toInt());
    const QDir out(parser.value(outDir));
    QDir().mkpath(out.path());
    bool ok = true;
    for (const QString &language : parser.value(langs).split(u','))
        ok &= shoot(*db, clock, synced->first, engine, evidence, language, windowSize, out);
    return ok ? 0 : 1;
}
