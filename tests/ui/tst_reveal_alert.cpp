// The reveal alert reaches the supervisor's console (issue 17): the real console (Session, MainWindow, the
// sync thread's live feed) signed in as lead1 against the real parceldesk-server started with a small limit
// (--reveal-alert-per-hour 3). agent2 of lead1's team reveals four customers' phones; the console says so in
// the status bar (and the tray, where there is one) with who, how many, the window and the limit. Before this
// change the console dropped the server's "reveal_alert" message, so this test failed at the status bar.
#include "liveconsole.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestRevealAlert final : public QObject, private LiveConsole
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase() { closeConsole(); }
    void supervisorHearsOfManyReveals();

private:
    int liveClients()
    {
        return int(m_server.request("GET", u"/api/v1/health"_s, {})
                       .json()
                       .value(u"live"_s)
                       .toObject()
                       .value(u"clients"_s)
                       .toInteger(-1));
    }
    int reveal(const QString &ticket)
    {
        return m_server
            .request("POST", u"/api/v1/tickets/%1/reveal"_s.arg(ticket), m_server.token(u"agent2"_s),
                     QJsonObject{{u"field"_s, u"phone"_s}, {u"reason"_s, u"callback"_s}})
            .status;
    }
};

void TestRevealAlert::supervisorHearsOfManyReveals()
{
    SignInDialog *dialog =
        openConsole(u"ParcelDeskRevealAlertTest"_s, {u"--reveal-alert-per-hour"_s, u"3"_s});
    QVERIFY(dialog);
    QStringList tickets;
    for (int i = 0; i < 4; ++i) {
        tickets << createOnServer({{u"waybill_no"_s, u"SF14000000%1"_s.arg(i + 20, 5, 10, QLatin1Char('0'))},
                                   {u"description"_s, u"包裹延迟三天，客户很着急"_s},
                                   {u"customer_name"_s, u"王芳"_s},
                                   {u"customer_phone"_s, u"1391234%1"_s.arg(i, 4, 10, QLatin1Char('0'))},
                                   {u"category"_s, u"delay"_s},
                                   {u"team_id"_s, u"team-a"_s}});
        QVERIFY(!tickets.last().isEmpty());
    }
    dialog->setLogin(u"lead1"_s);
    dialog->setPassword(ServerFixture::kPassword);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(QTest::qWaitFor([&] { return !m_window->currentUser().id.isEmpty(); }, 15000));
    QCOMPARE(m_window->currentUser().role, Role::Supervisor);
    QVERIFY2(QTest::qWaitFor([&] { return liveClients() == 1; }, 15000),
             "the console's live feed did not connect");

    const QString title = u"Customer data revealed unusually often"_s;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(reveal(tickets.at(i)), 200);
    QTest::qWait(500); // three customers are within the limit: nothing to say
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(title),
             qPrintable(m_window->statusBar()->currentMessage()));

    QCOMPARE(reveal(tickets.at(3)), 200);
    QVERIFY(QTest::qWaitFor([&] { return m_window->statusBar()->currentMessage().contains(title); }, 10000));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(u"agent2"_s) && message.contains(u"4 customers within 60 minutes"_s) &&
                 message.contains(u"the limit is 3"_s),
             qPrintable(message));
}

QTEST_MAIN(TestRevealAlert)
#include "tst_reveal_alert.moc"
