// Reveal on purpose and the access log page, offscreen, against the real parceldesk-server (issue 17).
// agent2 (of the ticket's team, not its assignee) syncs a cache holding the customer masked by the server;
// the ticket pane shows 138****5678, 王* and 杭州市****, reveals each with a reason through the server, shows
// the full value while the ticket is open and never writes it to the cache; logging a call reveals the
// number implicitly ("callback"); a refusal and an unreachable server are said in the pane. manager1's
// access log page then finds those reveals by user, phone and kind, pages with "Load more" and saves the
// server's CSV. PD_ACCESSLOG_SCREENSHOT=<png> keeps a picture of the page, PD_REVEAL_SCREENSHOT=<png> one of
// the pane with the name and the addresses revealed.
#include "../../integration/serverfixture.h"
#include "../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "sync/api/authapi.h"
#include "sync/serverclock.h"
#include "ui/audit/accesslogmodel.h"
#include "ui/audit/accesslogpage.h"
#include "ui/common/serverlink.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketpane/calldialog.h"
#include "ui/workbench/ticketpane/customercard.h"
#include "ui/workbench/ticketpane/customerreveal.h"
#include "ui/workbench/ticketpane/revealdialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QString kPhone = u"13812345678"_s;
const QString kMasked = u"138****5678"_s;
const QString kWaybill = u"SF1400000000017"_s;
const QTimeZone kZone("Asia/Shanghai");
} // namespace

class TestRevealE2E final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void maskedUntilRevealed();
    void revealPhoneWithReason();
    void otherNeedsANoteAndNameAndAddress();
    void forgottenWhenTheTicketChanges();
    void callRevealsImplicitly();
    void refusedAndUnreachable();
    void accessLogPageFindsTheReveals();
    void accessLogForManagersAndAdminsOnly();

private:
    QString createTicket(const QString &phone);
    QJsonArray audit(const QString &query);
    std::optional<User> userOf(const QString &login);
    bool revealThroughDialog(void (TicketPane::*slot)(), const QString &reason, const QString &note = {});

    ServerFixture m_server;
    QTemporaryDir m_home;
    SystemClock m_clock;
    std::unique_ptr<Console> m_agent;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link; // outlives nothing that calls through it (declared after m_agent)
    std::unique_ptr<TicketPane> m_pane;
    QString m_ticket;
    QString m_other;
};

QString TestRevealE2E::createTicket(const QString &phone)
{
    const QJsonObject body{{u"waybill_no"_s, kWaybill},
                           {u"description"_s, u"包裹延迟三天，客户很着急"_s},
                           {u"customer_name"_s, u"王芳"_s},
                           {u"customer_phone"_s, phone},
                           {u"category"_s, u"delay"_s}};
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(u"agent1"_s), body,
                                     {{"Idempotency-Key", uuid().toLatin1()}});
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

QJsonArray TestRevealE2E::audit(const QString &query)
{
    const Reply r = m_server.request("GET", u"/api/v1/audit?"_s + query, m_server.token(u"manager1"_s));
    if (r.status != 200)
        qWarning() << "audit:" << r.status << r.body;
    return r.json().value(u"items"_s).toArray();
}

std::optional<User> TestRevealE2E::userOf(const QString &login)
{
    const Reply r =
        m_server.request("POST", u"/api/v1/auth/login"_s, {},
                         QJsonObject{{u"login"_s, login}, {u"password"_s, ServerFixture::kPassword}});
    return User::fromJson(r.json().value(u"user"_s).toObject());
}

void TestRevealE2E::initTestCase()
{
    QVERIFY(m_home.isValid());
    QCoreApplication::setOrganizationName(u"ParcelDeskRevealTest"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    m_ticket = createTicket(kPhone);
    m_other = createTicket(u"13900001111"_s);
    QVERIFY(!m_ticket.isEmpty() && !m_other.isEmpty());

    const QString cache = m_home.filePath(u"agent2.sqlite"_s);
    m_agent = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_agent->signIn(u"agent2"_s));
    QVERIFY(m_agent->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    const auto agent2 = userOf(u"agent2"_s);
    QVERIFY(agent2);

    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_agent->engine.api());
    m_pane = std::make_unique<TicketPane>(*m_db, m_clock, kZone);
    m_pane->setServerLink(m_link.get());
    m_pane->setCurrentUser(*agent2);
    m_pane->resize(900, 900);
    m_pane->show();
    m_pane->showTicket(m_ticket);
    QVERIFY(m_pane->ticket());
}

void TestRevealE2E::cleanupTestCase()
{
    m_pane.reset();
    m_db.reset();
    m_agent.reset();
    m_link.reset();
}

bool TestRevealE2E::revealThroughDialog(void (TicketPane::*slot)(), const QString &reason,
                                        const QString &note)
{
    (m_pane.get()->*slot)();
    RevealDialog *dialog = m_pane->revealDialog();
    if (!dialog) {
        qWarning() << "no reveal dialog:" << m_pane->messageLabel()->text();
        return false;
    }
    dialog->reasonBox()->setCurrentIndex(dialog->reasonBox()->findData(reason));
    dialog->noteField()->setText(note); // typed CJK text: QTest::keyClicks is ASCII only
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    return QTest::qWaitFor([&] { return !m_pane->customerReveal()->busy(); }, 10000);
}

void TestRevealE2E::maskedUntilRevealed()
{
    // The server sent agent2 masked values; the cache holds nothing more.
    const auto row = TicketRepository(*m_db).byId(m_ticket);
    QVERIFY(row);
    QCOMPARE(row->ticket.customerPhone, kMasked);
    QCOMPARE(row->ticket.customerName, u"王*"_s);
    const auto parcel = ParcelRepository(*m_db).byWaybill(kWaybill);
    QVERIFY(parcel);
    QVERIFY2(parcel->destinationAddress.endsWith(u"****"_s), qPrintable(parcel->destinationAddress));

    CustomerCard *card = m_pane->customerCard();
    QVERIFY2(m_pane->summary()->text().contains(kMasked), qPrintable(m_pane->summary()->text()));
    QVERIFY(card->customerText().contains(u"王*"_s));
    for (CustomerField f : {CustomerField::Phone, CustomerField::Name, CustomerField::Address}) {
        QVERIFY2(card->revealButton(f)->isEnabled(), qPrintable(card->revealButton(f)->toolTip()));
        QCOMPARE(card->revealButton(f)->focusPolicy() & Qt::TabFocus, Qt::TabFocus); // keyboard reachable
    }
}

void TestRevealE2E::revealPhoneWithReason()
{
    QVERIFY(revealThroughDialog(&TicketPane::revealPhone, u"compensation"_s));
    QVERIFY2(m_pane->customerCard()->customerText().contains(kPhone),
             qPrintable(m_pane->customerCard()->customerText() + m_pane->messageLabel()->text()));
    QVERIFY(m_pane->summary()->text().contains(kPhone));
    QVERIFY(!m_pane->customerCard()->revealButton(CustomerField::Phone)->isEnabled()); // shown in full

    // Shown, not stored: the cache row and the settings still hold no full number; a sync keeps it shown.
    QCOMPARE(TicketRepository(*m_db).byId(m_ticket)->ticket.customerPhone, kMasked);
    QSettings().sync();
    QFile settings(QSettings().fileName());
    if (settings.open(QIODevice::ReadOnly))
        QVERIFY(!settings.readAll().contains(kPhone.toLatin1()));
    m_pane->reload();
    QVERIFY(m_pane->summary()->text().contains(kPhone));

    // The server's access log: who, what, which ticket, why.
    const QJsonArray entries = audit(u"user=agent2&kind=reveal"_s);
    QCOMPARE(entries.size(), 1);
    const QJsonObject e = entries.at(0).toObject();
    QCOMPARE(e.value(u"ticket_id"_s).toString(), m_ticket);
    QCOMPARE(e.value(u"field"_s).toString(), u"phone"_s);
    QCOMPARE(e.value(u"reason"_s).toString(), u"compensation"_s);
}

void TestRevealE2E::otherNeedsANoteAndNameAndAddress()
{
    // "Other" asks for a note before OK is possible; the keyboard reaches the card's button.
    QPushButton *showName = m_pane->customerCard()->revealButton(CustomerField::Name);
    m_pane->findChild<QTabWidget *>()->setCurrentWidget(m_pane->customerCard());
    showName->setFocus();
    QTest::keyClick(showName, Qt::Key_Space);
    RevealDialog *dialog = m_pane->revealDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->field(), CustomerField::Name);
    dialog->reasonBox()->setCurrentIndex(dialog->reasonBox()->findData(u"other"_s));
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->hintLabel()->isVisible());
    dialog->noteField()->setText(u"客户要求核对姓名"_s);
    QVERIFY(ok->isEnabled());
    ok->click();
    QVERIFY(
        QTest::qWaitFor([&] { return m_pane->customerCard()->customerText().contains(u"王芳"_s); }, 10000));

    QVERIFY(revealThroughDialog(&TicketPane::revealAddress, u"courier_contact"_s));
    QVERIFY2(m_pane->customerCard()->parcelText().contains(u"杭州市文三路100号"_s),
             qPrintable(m_pane->customerCard()->parcelText()));
    QCOMPARE(m_pane->findChild<QTabWidget *>()->currentWidget(), m_pane->customerCard());
    if (const QByteArray shot = qgetenv("PD_REVEAL_SCREENSHOT"); !shot.isEmpty())
        QVERIFY(m_pane->grab().save(QString::fromLocal8Bit(shot)));
    const QJsonArray name = audit(u"user=agent2&kind=reveal"_s);
    QCOMPARE(name.size(), 3);
    QCOMPARE(name.at(1).toObject().value(u"note"_s).toString(), u"客户要求核对姓名"_s);
    QCOMPARE(name.at(0).toObject().value(u"field"_s).toString(), u"address"_s);
}

void TestRevealE2E::forgottenWhenTheTicketChanges()
{
    m_pane->showTicket(m_other);
    QVERIFY(!m_pane->summary()->text().contains(kPhone));
    m_pane->showTicket(m_ticket);
    QVERIFY2(m_pane->summary()->text().contains(kMasked), qPrintable(m_pane->summary()->text()));
    QVERIFY(!m_pane->customerCard()->customerText().contains(u"王芳"_s));
    QVERIFY(m_pane->customerCard()->revealButton(CustomerField::Phone)->isEnabled());
}

void TestRevealE2E::callRevealsImplicitly()
{
    m_pane->showTicket(m_other);
    m_pane->logCall();
    CallDialog *call = m_pane->callDialog();
    QVERIFY(call);
    QVERIFY(call->outbound());
    QVERIFY2(QTest::qWaitFor([&] { return call->numberLabel()->text() == u"13900001111"_s; }, 10000),
             qPrintable(call->numberLabel()->text()));
    QVERIFY(m_pane->summary()->text().contains(u"13900001111"_s)); // shown in the pane too
    call->reject();
    // Logged like any reveal, with the reason "callback" and no question asked.
    const QJsonArray entries = audit(u"user=agent2&kind=reveal&phone=13900001111"_s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).toObject().value(u"reason"_s).toString(), u"callback"_s);
    QCOMPARE(entries.at(0).toObject().value(u"ticket_id"_s).toString(), m_other);
    // Already revealed while the ticket is open: a second call does not ask again.
    m_pane->logCall();
    QCOMPARE(m_pane->callDialog()->numberLabel()->text(), u"13900001111"_s);
    m_pane->callDialog()->reject();
    QCOMPARE(audit(u"user=agent2&kind=reveal&phone=13900001111"_s).size(), 1);
}

void TestRevealE2E::refusedAndUnreachable()
{
    // lead1 moves the ticket to team-b; agent2's pane shows it as its cache had it (a pull may withdraw it
    // from the cache as soon as the server tells, so the pane opens it first): the server refuses the reveal.
    m_pane->showTicket(m_ticket);
    const Reply current =
        m_server.request("GET", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"lead1"_s));
    const QByteArray version = QByteArray::number(current.json().value(u"version"_s).toInteger());
    QCOMPARE(m_server
                 .request("PATCH", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"lead1"_s),
                          QJsonObject{{u"team_id"_s, u"team-b"_s}}, {{"If-Match", version}})
                 .status,
             200);
    QVERIFY(revealThroughDialog(&TicketPane::revealPhone, u"callback"_s));
    QLabel *message = m_pane->messageLabel();
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"refused"_s) || message->text().contains(u"no longer"_s),
             qPrintable(message->text()));
    QVERIFY(!m_pane->summary()->text().contains(kPhone));

    // No server where the console looks (connection refused): the pane says so, and shows nothing more.
    ServerClock serverClock(&m_clock);
    ApiClient nowhere(QUrl(u"http://127.0.0.1:1"_s), &serverClock);
    nowhere.setTokens("token", "refresh");
    ServerLink unreachable;
    unreachable.setClient(&nowhere);
    m_pane->setServerLink(&unreachable);
    // On the other ticket, which stays in team-a: the moved one leaves agent2's cache whenever a pull
    // withdraws it, and a pane without its ticket opens no dialog at all.
    m_pane->showTicket(m_ticket);
    m_pane->showTicket(m_other);
    QVERIFY(revealThroughDialog(&TicketPane::revealName, u"callback"_s));
    QVERIFY2(message->text().contains(u"cannot be reached"_s), qPrintable(message->text()));
    QVERIFY(!m_pane->customerCard()->customerText().contains(u"王芳"_s));
    // Without any link (not wired, session over): the same message.
    m_pane->setServerLink(nullptr);
    QVERIFY(revealThroughDialog(&TicketPane::revealName, u"callback"_s));
    QVERIFY2(message->text().contains(u"cannot be reached"_s), qPrintable(message->text()));
    m_pane->setServerLink(m_link.get());

    // Back to team-a, and agent2's cache has it again before the next test labels tickets from it (a pull
    // that withdrew it in the middle of that test showed the ticket's id instead of its number).
    const Reply moved = m_server.request("GET", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"lead1"_s));
    QCOMPARE(m_server
                 .request("PATCH", u"/api/v1/tickets/"_s + m_ticket, m_server.token(u"lead1"_s),
                          QJsonObject{{u"team_id"_s, u"team-a"_s}},
                          {{"If-Match", QByteArray::number(moved.json().value(u"version"_s).toInteger())}})
                 .status,
             200);
    QVERIFY(m_agent->sync());
    QCOMPARE(TicketRepository(*m_db).byId(m_ticket)->ticket.teamId, u"team-a"_s);
}

void TestRevealE2E::accessLogPageFindsTheReveals()
{
    ServerClock serverClock(&m_clock);
    ApiClient manager(m_server.url({}), &serverClock);
    ApiReply *login = AuthApi(&manager).login(u"manager1"_s, ServerFixture::kPassword);
    QSignalSpy signedIn(login, &ApiReply::finished);
    QVERIFY(signedIn.wait(10000));
    QVERIFY(manager.hasAccessToken());
    ServerLink link;
    link.setClient(&manager);

    AccessLogPage page(&link, kZone, m_clock);
    // As the main window does: tickets by their number where the cache has them.
    page.model()->setTicketLabel([this](const QString &id) {
        const auto row = TicketRepository(*m_db).byId(id);
        return row ? row->ticket.number : QString();
    });
    const auto revealed = TicketRepository(*m_db).byId(m_ticket);
    QVERIFY2(revealed, "the revealed ticket is not in agent2's cache");
    const QString number = revealed->ticket.number;
    QVERIFY(!number.isEmpty());
    page.resize(1400, 520);
    page.show();
    QSignalSpy loaded(&page, &AccessLogPage::loaded);
    page.userField()->setText(u"agent2"_s);
    page.kindBox()->setCurrentIndex(page.kindBox()->findData(u"reveal"_s));
    page.setPageSize(2);
    page.search();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.last().at(0).toBool());
    AccessLogModel *model = page.model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(page.moreButton()->isEnabled());
    // Load more until every reveal of agent2 is there: phone, name, address, the call's number.
    while (page.moreButton()->isEnabled()) {
        page.moreButton()->click();
        QVERIFY(loaded.wait(10000));
    }
    QCOMPARE(model->rowCount(), 4);
    // The reveal made through the pane: the oldest, at the bottom.
    const int last = model->rowCount() - 1;
    QCOMPARE(model->index(last, AccessLogModel::Ticket).data().toString(), number);
    QCOMPARE(model->index(last, AccessLogModel::Ticket).data(Qt::ToolTipRole).toString(), m_ticket);
    QCOMPARE(model->index(last, AccessLogModel::Ticket).data(AccessLogModel::RawRole).toString(), m_ticket);
    QCOMPARE(model->index(last, AccessLogModel::Field).data().toString(), u"Phone number"_s);
    QCOMPARE(model->index(last, AccessLogModel::Reason).data().toString(), u"Compensation"_s);
    QCOMPARE(model->index(last, AccessLogModel::Kind).data().toString(), u"Reveal"_s);
    QCOMPARE(model->index(last, AccessLogModel::User).data().toString(), u"agent2 (agent)"_s);
    // Time in the company's zone.
    const qint64 at = model->index(last, AccessLogModel::Time).data(AccessLogModel::RawRole).toLongLong();
    QCOMPARE(model->index(last, AccessLogModel::Time).data().toString(),
             QDateTime::fromMSecsSinceEpoch(at, kZone).toString(u"yyyy-MM-dd HH:mm:ss"_s));
    QVERIFY(qAbs(at - m_clock.nowMs()) < 10 * 60 * 1000);

    // By the customer's phone (any spelling): the reveals of that customer only, from every user.
    page.setPageSize(100);
    page.userField()->clear();
    page.phoneField()->setText(u"139 0000 1111"_s);
    page.search();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, AccessLogModel::Reason).data().toString(), u"Call the customer back"_s);
    // A bad number is refused here, before the server.
    page.phoneField()->setText(u"12"_s);
    page.search();
    QVERIFY(!page.busy());
    QVERIFY(!page.statusLabel()->text().isEmpty());
    QCOMPARE(model->rowCount(), 1);

    // The server's CSV of the search, saved as it came (and logged as an export).
    page.phoneField()->clear();
    page.userField()->setText(u"agent2"_s);
    QSignalSpy exported(&page, &AccessLogPage::exported);
    const QString csv = m_home.filePath(u"access-log.csv"_s);
    page.exportCsvTo(csv);
    QVERIFY(exported.wait(10000));
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(page.statusLabel()->text()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "id,at,"));
    QCOMPARE(bytes.count("\r\n"), 5); // header + 4 reveals
    QVERIFY(bytes.contains(m_ticket.toLatin1()));
    QVERIFY(!bytes.contains(kPhone.toLatin1()));
    QCOMPARE(audit(u"kind=audit_export&user=manager1"_s).size(), 1);

    // Everything, for the picture: the newest first.
    page.userField()->clear();
    page.kindBox()->setCurrentIndex(0);
    page.search();
    QVERIFY(loaded.wait(10000));
    QVERIFY(model->rowCount() >= 5); // the four reveals and the CSV export
    if (const QByteArray shot = qgetenv("PD_ACCESSLOG_SCREENSHOT"); !shot.isEmpty()) {
        page.table()->resizeColumnsToContents();
        QVERIFY(page.grab().save(QString::fromLocal8Bit(shot)));
    }

    // An agent is not a reader of the log: the page says so.
    ServerLink agentLink;
    ApiClient agent(m_server.url({}), &serverClock);
    ApiReply *agentLogin = AuthApi(&agent).login(u"agent1"_s, ServerFixture::kPassword);
    QSignalSpy agentIn(agentLogin, &ApiReply::finished);
    QVERIFY(agentIn.wait(10000));
    agentLink.setClient(&agent);
    AccessLogPage refused(&agentLink, kZone, m_clock);
    QSignalSpy refusedLoaded(&refused, &AccessLogPage::loaded);
    refused.search();
    QVERIFY(refusedLoaded.wait(10000));
    QVERIFY(!refusedLoaded.last().at(0).toBool());
    QVERIFY2(refused.statusLabel()->text().contains(u"managers and administrators"_s),
             qPrintable(refused.statusLabel()->text()));
}

void TestRevealE2E::accessLogForManagersAndAdminsOnly()
{
    MainWindow window(*m_db, m_clock, kZone);
    const auto tabs = [&window] {
        QStringList titles;
        for (int i = 0; i < window.pages()->count(); ++i)
            titles << window.pages()->tabText(i).remove(u'&');
        return titles;
    };
    User user;
    user.id = u"u-x"_s;
    user.login = u"someone"_s;
    user.teamId = u"team-a"_s;
    for (Role role : {Role::Agent, Role::Supervisor}) {
        user.role = role;
        window.setCurrentUser(user);
        QVERIFY2(!tabs().contains(u"Access log"_s), qPrintable(tabs().join(u", "_s)));
    }
    for (Role role : {Role::Manager, Role::Admin}) {
        user.role = role;
        window.setCurrentUser(user);
        QVERIFY2(tabs().contains(u"Access log"_s), qPrintable(tabs().join(u", "_s)));
    }
    window.pages()->setCurrentIndex(int(tabs().indexOf(u"Access log"_s)));
    QVERIFY(window.findChild<AccessLogPage *>());
}

QTEST_MAIN(TestRevealE2E)
#include "tst_reveal_e2e.moc"
