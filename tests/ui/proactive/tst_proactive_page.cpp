// The Proactive page end to end (issue 19): two consoles in one process against the real parceldesk-server
// — a supervisor (lead1) and an agent (agent1). Six parcels stall at one station; the server finds them as
// their scans arrive and groups them into an incident, which reaches both consoles through the change feed.
// The supervisor's Proactive page lists it with its six cases, and Notify customers… sends one message per
// customer through the file gateway. A complaint about one of the parcels arrives linked to the incident, and
// the agent's ticket pane explains it at once with the supervisor's words.
#include "../../integration/serverfixture.h"
#include "../signedinconsole.h"
#include "models/store/incidentrepository.h"
#include "models/store/ticketrepository.h"
#include "ui/proactive/incidentsmodel.h"
#include "ui/proactive/notifydialog.h"
#include "ui/proactive/proactivepage.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/incidentbanner.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::test;

namespace {
constexpr int kParcels = 6;
const QString kStation = u"st-proactive"_s;

QString waybill(int n)
{
    return u"SF191%1"_s.arg(n, 10, 10, QLatin1Char('0'));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

class TestProactivePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theIncidentReachesTheSupervisorsPage();
    void supervisorNotifiesTheCustomers();
    void aLinkedComplaintExplainsTheIncident();

private:
    [[nodiscard]] QStringList noticeLines() const;

    ServerFixture m_server;
    QTemporaryDir m_config;
    QTemporaryDir m_files;
    SignedInConsole m_agent;
    SignedInConsole m_lead;
    ProactivePage *m_page = nullptr;
    QString m_incident;
};

void TestProactivePage::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.filePath(u"config"_s).toUtf8());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.filePath(u"config"_s));
    QApplication::setOrganizationName(u"ParcelDeskProactiveTest"_s);
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start({u"--notify-gateway"_s, u"file:"_s + m_files.filePath(u"notices.jsonl"_s)}) >= 0);
    // No quiet hours: the test must not depend on the hour it runs at.
    QJsonObject policy =
        m_server.request("GET", u"/api/v1/proactive-policy"_s, m_server.token(u"manager1"_s)).json();
    policy.insert(u"quiet_hours"_s, QJsonObject{{u"enabled"_s, false},
                                                {u"start"_s, u"22:00"_s},
                                                {u"end"_s, u"08:00"_s},
                                                {u"urgent_may_break"_s, true}});
    QCOMPARE(
        m_server.request("PUT", u"/api/v1/proactive-policy"_s, m_server.token(u"manager1"_s), policy).status,
        200);
    QVERIFY(m_agent.open(m_server, u"agent1"_s));
    QVERIFY(m_lead.open(m_server, u"lead1"_s));
    m_page = m_lead.window->proactive();
    QVERIFY(m_page);
}

void TestProactivePage::cleanupTestCase()
{
    m_agent.close();
    m_lead.close();
}

QStringList TestProactivePage::noticeLines() const
{
    QFile f(m_files.filePath(u"notices.jsonl"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void TestProactivePage::theIncidentReachesTheSupervisorsPage()
{
    // Six parcels reached the station 13 hours ago and have not moved since (the stall limit at a station is
    // 12 hours).
    const qint64 arrived = QDateTime::currentMSecsSinceEpoch() - 13LL * 3600 * 1000;
    QJsonArray parcels;
    QJsonArray events;
    for (int n = 0; n < kParcels; ++n) {
        parcels.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                   {u"station_id"_s, kStation},
                                   {u"recipient_phone"_s, u"1380013%1"_s.arg(4000 + n)}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, iso(arrived)},
                                  {u"status"_s, u"at_station"_s},
                                  {u"place"_s, u"浦东网点"_s}});
    }
    const Reply ingest = m_server.request("POST", u"/api/v1/tracking"_s, m_server.token(u"admin"_s),
                                          {{u"parcels"_s, parcels}, {u"events"_s, events}});
    QVERIFY2(ingest.status == 200, ingest.body.constData());
    // Both consoles receive it through the change feed.
    QVERIFY(
        QTest::qWaitFor([&] { return !IncidentRepository(*m_lead.db).list(u"open"_s).isEmpty(); }, 20000));
    QVERIFY(
        QTest::qWaitFor([&] { return !IncidentRepository(*m_agent.db).list(u"open"_s).isEmpty(); }, 20000));

    // The page is built on first use; its tab takes the placeholder's place the first time it is shown.
    m_page->reload();
    QVERIFY2(m_page->model()->rowCount() == 1, qPrintable(QString::number(m_page->model()->rowCount())));
    const IncidentRecord incident = m_page->model()->incident(0);
    m_incident = incident.id;
    QCOMPARE(incident.parcels, kParcels);
    QCOMPARE(incident.cause, u"station_delay"_s);
    QCOMPARE(
        m_page->model()->data(m_page->model()->index(0, IncidentsModel::Cause), Qt::DisplayRole).toString(),
        u"Delivery backlog at %1"_s.arg(kStation));
    QCOMPARE(m_page->selectedIncident(), m_incident);
    QVERIFY2(m_page->detail()->text().contains(u"6 parcel"_s), qPrintable(m_page->detail()->text()));
    // Its cases come from the server: one per parcel, "No scan for too long", trace the parcel.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->casesView()->rowCount(), kParcels, 10000);
    QCOMPARE(m_page->casesView()->item(0, 1)->text(), u"No scan for too long"_s);
    QCOMPARE(m_page->casesView()->item(0, 2)->text(), u"Trace the parcel"_s);
    QVERIFY(m_page->notifyButton()->isEnabled());
    // An agent sees the incident but does not notify in bulk.
    ProactivePage *agentPage = m_agent.window->proactive();
    agentPage->reload();
    QCOMPARE(agentPage->model()->rowCount(), 1);
    QVERIFY(!agentPage->notifyButton()->isEnabled());
    QVERIFY(!agentPage->notifyButton()->toolTip().isEmpty());
}

void TestProactivePage::supervisorNotifiesTheCustomers()
{
    QVERIFY(!m_incident.isEmpty());
    m_page->notifySelected();
    NotifyDialog *d = m_page->openDialog();
    QVERIFY(d);
    // A text with a placeholder that does not exist is refused in the dialog, which stays open.
    d->templateField()->setPlainText(u"您好 {name}"_s);
    d->accept();
    QVERIFY(d->isVisible());
    QVERIFY(d->errorLabel()->text().contains(u"{name}"_s));
    d->templateField()->clear();
    d->compensationField()->setText(u"我们将为您补偿5元运费券。"_s);
    d->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->message().contains(u"6 message(s) queued"_s), 10000);
    // The file gateway writes one line per customer, the phone masked.
    QTRY_COMPARE_WITH_TIMEOUT(noticeLines().size(), kParcels, 15000);
    for (const QString &line : noticeLines()) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(o.value(u"incident_id"_s).toString(), m_incident);
        QVERIFY(o.value(u"to"_s).toString().startsWith(u"138****"_s));
        QVERIFY(o.value(u"text"_s).toString().contains(u"5元运费券"_s));
        QVERIFY(o.value(u"text"_s).toString().contains(o.value(u"waybill_no"_s).toString()));
    }
    // Asking again sends nothing more: one message per customer and incident.
    m_page->notifySelected();
    QVERIFY(m_page->openDialog());
    m_page->openDialog()->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->message().contains(u"0 message(s) queued; 6 customer(s) told already"_s),
                             10000);
    QTest::qWait(500);
    QCOMPARE(noticeLines().size(), kParcels);
}

void TestProactivePage::aLinkedComplaintExplainsTheIncident()
{
    QVERIFY(!m_incident.isEmpty());
    const Reply explained =
        m_server.request("PATCH", u"/api/v1/incidents/"_s + m_incident, m_server.token(u"lead1"_s),
                         {{u"explanation"_s, u"浦东网点暴雨积压，今晚加派人手，明天中午前送达"_s}});
    QCOMPARE(explained.status, 200);
    QJsonObject body = ServerFixture::ticketBody();
    body.insert(u"waybill_no"_s, waybill(2));
    const QString ticketId = m_server.createTicket(u"agent1"_s, body);
    QVERIFY(!ticketId.isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto row = TicketRepository(*m_agent.db).byId(ticketId);
            return row && row->ticket.incidentId == m_incident &&
                   IncidentRepository(*m_agent.db)
                           .byId(m_incident)
                           .value_or(IncidentRecord())
                           .explanation.size() > 0;
        },
        20000));
    m_agent.window->pages()->setCurrentWidget(m_agent.window->workbench());
    m_agent.window->workbench()->openTicket(ticketId);
    TicketPane *pane = m_agent.window->workbench()->pane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->ticketId(), ticketId, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pane->incidentBanner()->isVisible(), 10000);
    const QString text = pane->incidentBanner()->message()->text();
    QVERIFY2(text.contains(u"Delivery backlog at %1"_s.arg(kStation)), qPrintable(text));
    QVERIFY2(text.contains(u"浦东网点暴雨积压"_s), qPrintable(text));
    // Show incident opens the Proactive page on it.
    pane->incidentBanner()->showButton()->click();
    QCOMPARE(m_agent.window->pages()->currentWidget(), m_agent.window->proactive());
    QCOMPARE(m_agent.window->proactive()->selectedIncident(), m_incident);
    // A ticket about a parcel outside the incident has no banner.
    const QString other = m_server.createTicket(u"agent1"_s, ServerFixture::ticketBody());
    QVERIFY(QTest::qWaitFor([&] { return TicketRepository(*m_agent.db).byId(other).has_value(); }, 20000));
    m_agent.window->pages()->setCurrentWidget(m_agent.window->workbench());
    m_agent.window->workbench()->openTicket(other);
    QTRY_COMPARE_WITH_TIMEOUT(pane->ticketId(), other, 10000);
    QVERIFY(!pane->incidentBanner()->isVisible());
}

QTEST_MAIN(TestProactivePage)
#include "tst_proactive_page.moc"
