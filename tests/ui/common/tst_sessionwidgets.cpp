#include "ui/common/syncstatuswidget.h"
#include "ui/login/signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

class TestSessionWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signInNeedsServerUserAndPassword();
    void rememberDisabledWithoutKeychain();
    void errorsAreShownAsPlainText();
    void statusReadsWithoutColour();
    void serverClockUsesOffsetAndCompanyZone();
};

static QPushButton *okButton(SignInDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestSessionWidgets::signInNeedsServerUserAndPassword()
{
    SignInDialog d;
    QSignalSpy requested(&d, &SignInDialog::signInRequested);
    const auto edits = d.findChildren<QLineEdit *>();
    QCOMPARE(edits.size(), 3);
    QVERIFY(!okButton(d)->isEnabled());
    d.setServer(u"http://127.0.0.1:8470"_s);
    d.setLogin(u"agent1"_s);
    QVERIFY(!okButton(d)->isEnabled());
    edits.at(2)->setText(u"demo"_s);
    QVERIFY(okButton(d)->isEnabled());
    QCOMPARE(edits.at(2)->echoMode(), QLineEdit::Password);
    okButton(d)->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(d.login(), u"agent1"_s);
    QCOMPARE(d.password(), u"demo"_s);
    d.setBusy(true);
    QVERIFY(!okButton(d)->isEnabled());
}

void TestSessionWidgets::rememberDisabledWithoutKeychain()
{
    SignInDialog d;
    auto *remember = d.findChild<QCheckBox *>();
    remember->setChecked(true);
    d.setRememberAvailable(false, u"No keychain"_s);
    QVERIFY(!remember->isEnabled());
    QVERIFY(!d.remember());
    QCOMPARE(remember->toolTip(), u"No keychain"_s);
}

void TestSessionWidgets::errorsAreShownAsPlainText()
{
    SignInDialog d;
    d.show();
    d.setError(u"<b>wrong</b> password"_s);
    const auto labels = d.findChildren<QLabel *>();
    const auto it = std::find_if(labels.begin(), labels.end(),
                                 [](QLabel *l) { return l->text().contains(u"password"_s); });
    QVERIFY(it != labels.end());
    QVERIFY((*it)->isVisible());
    QVERIFY((*it)->text().contains(u"&lt;b&gt;"_s)); // server text is never rendered as HTML
}

void TestSessionWidgets::statusReadsWithoutColour()
{
    SyncStatusWidget w(QTimeZone("Asia/Shanghai"));
    SyncStatus s;
    s.state = SyncStatus::State::Offline;
    s.pending = 3;
    s.conflicts = 1;
    w.setStatus(s);
    QVERIFY(w.stateText().contains(u"Offline"_s));
    const auto labels = w.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->text().contains(u"3 pending"_s); }));
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->text().contains(u"1 conflict(s)"_s); }));
    s.state = SyncStatus::State::Syncing;
    s.done = 500;
    s.total = 2000;
    w.setStatus(s);
    w.show();
    auto *bar = w.findChild<QProgressBar *>();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->value(), 500);
    QCOMPARE(bar->maximum(), 2000);
}

void TestSessionWidgets::serverClockUsesOffsetAndCompanyZone()
{
    SyncStatusWidget w(QTimeZone("Asia/Shanghai"));
    w.setClockOffsetMs(-2 * 3600 * 1000); // the PC is two hours fast
    const QTime shown = QTime::fromString(w.clockText(), u"HH:mm:ss"_s);
    const QTime expected =
        QDateTime::currentDateTimeUtc().addSecs(-2 * 3600).toTimeZone(QTimeZone("Asia/Shanghai")).time();
    QVERIFY(shown.isValid());
    const int diff = qAbs(shown.secsTo(expected));
    QVERIFY2(diff <= 2 || diff >= 86398, qPrintable(w.clockText())); // allow for crossing midnight
}

QTEST_MAIN(TestSessionWidgets)
#include "tst_sessionwidgets.moc"
