// Switching the language while signed in to the real parceldesk-server: the session keeps running. The agent
// signs in, opens a ticket and half types a reply; Edit › Preferences switches to 简体中文. No sign-in dialog
// comes back, the user and the draft stay, the status bar says "online" in Chinese, a ticket created on the
// server afterwards still arrives through the live feed and the sync, and a reply sent from the Chinese
// console reaches the server.
#include "liveconsole.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "sync/serverclock.h"
#include "ui/common/language.h"
#include "ui/common/preferencesdialog.h"
#include "ui/common/syncstatuswidget.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
/// Types @p text the way a Chinese input method does: one committed string at the cursor.
void typeChinese(QWidget *widget, const QString &text)
{
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(widget, &commit);
}
} // namespace

class TestLanguageSession : public QObject, private LiveConsole
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void switchWhileSignedIn();

private:
    QString createOnServer(int n);
    void choose(const QString &code);
};

QString TestLanguageSession::createOnServer(int n)
{
    return LiveConsole::createOnServer(
        QJsonObject{{u"waybill_no"_s, u"SF16000000%1"_s.arg(n, 5, 10, QLatin1Char('0'))},
                    {u"description"_s, u"包裹破损，客户要求赔偿 %1"_s.arg(n)},
                    {u"customer_name"_s, u"李娜"_s},
                    {u"customer_phone"_s, u"13912345678"_s},
                    {u"category"_s, u"damage"_s},
                    {u"team_id"_s, u"team-a"_s}});
}

void TestLanguageSession::initTestCase()
{
    QVERIFY(Language::apply(u"en"_s));
    SignInDialog *dialog = openConsole(u"ParcelDeskLanguageTest"_s);
    QVERIFY(dialog);
    dialog->setLogin(u"agent1"_s);
    dialog->setPassword(ServerFixture::kPassword);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !m_window->currentUser().id.isEmpty(); }, 15000));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<SignInDialog *>() == nullptr, 5000);
}

void TestLanguageSession::cleanupTestCase()
{
    closeConsole();
    Language::apply(u"en"_s);
}

void TestLanguageSession::choose(const QString &code)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(code));
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    m_window->showPreferences();
    QVERIFY(seen);
    QCOMPARE(Language::current(), code);
}

void TestLanguageSession::switchWhileSignedIn()
{
    const QString first = createOnServer(1);
    QVERIFY(!first.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return TicketRepository(*m_db).byId(first).has_value(); }, 15000));
    WorkbenchPage *wb = m_window->workbench();
    wb->openTicket(first);
    QTRY_COMPARE(wb->pane()->ticketId(), first);
    QPlainTextEdit *reply = wb->pane()->composer()->editor(Composer::Box::Reply);
    reply->setFocus();
    const QString draft = u"李娜您好，赔偿申请已提交，"_s;
    typeChinese(reply, draft);
    QCOMPARE(reply->toPlainText(), draft);
    QTRY_COMPARE(m_window->syncStatus()->stateText(), u"● Online"_s);
    const User user = m_window->currentUser();

    choose(u"zh_CN"_s);
    QTRY_COMPARE(m_window->menuBar()->actions().at(0)->text(), u"文件(&F)"_s);
    // Still signed in as the same person, no sign-in dialog, still online, in Chinese.
    QCOMPARE(m_window->currentUser().id, user.id);
    QVERIFY(m_window->findChild<SignInDialog *>() == nullptr);
    QTRY_COMPARE(m_window->syncStatus()->stateText(),
                 QCoreApplication::translate("pd::SyncStatusWidget", "● Online"));
    QVERIFY(m_window->syncStatus()->stateText() != u"● Online"_s);
    QCOMPARE(wb->pane()->ticketId(), first);
    QCOMPARE(reply->toPlainText(), draft);

    // The sync keeps running: a ticket created on the server now still arrives.
    const QString second = createOnServer(2);
    QVERIFY(!second.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return TicketRepository(*m_db).byId(second).has_value(); }, 15000));

    // …and edits made in the Chinese console reach the server: take the ticket, send the reply.
    wb->pane()->take();
    QTRY_COMPARE(TicketRepository(*m_db).byId(first)->ticket.assigneeId, user.id);
    typeChinese(reply, u"预计三个工作日到账。"_s);
    QTest::mouseClick(wb->pane()->composer()->sendButton(Composer::Box::Reply), Qt::LeftButton);
    QTRY_VERIFY(reply->toPlainText().isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonValue at =
                m_server.request("GET", u"/api/v1/tickets/"_s + first, m_server.token(u"lead1"_s))
                    .json()
                    .value(u"first_response_at"_s);
            return at.isString() || at.isDouble();
        },
        15000));
    QCOMPARE(m_window->currentUser().id, user.id);
    QVERIFY(m_window->findChild<SignInDialog *>() == nullptr);

    choose(u"en"_s);
    QTRY_COMPARE(m_window->syncStatus()->stateText(), u"● Online"_s);
}

QTEST_MAIN(TestLanguageSession)
#include "tst_language_session.moc"
