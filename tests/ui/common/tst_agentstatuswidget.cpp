// The status bar's agent status on its own (no server): the menu asks for a status, the server's answer is
// shown (a refusal in words, not dropped), idleness on the injected clock makes an online agent "away" and
// input in the watched window brings "online" back; other roles see nothing.
#include "models/domain/clock.h"
#include "ui/common/agentstatuswidget.h"

#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pd;

class TestAgentStatusWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void menuAsksAndServerConfirms();
    void refusalIsShown();
    void idleBecomesAwayAndInputComesBack();
    void hiddenForOtherRoles();
};

void TestAgentStatusWidget::menuAsksAndServerConfirms()
{
    ManualClock clock(1'796'000'000'000);
    AgentStatusWidget w(clock);
    QSignalSpy asked(&w, &AgentStatusWidget::statusRequested);
    w.setActive(true);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.takeFirst().at(0).toString(), u"online"_s);
    QVERIFY(w.text().contains(u"sending"_s)); // not confirmed yet
    w.setConfirmed(u"online"_s, clock.nowMs());
    QCOMPARE(w.text(), u"Online"_s);
    QCOMPARE(w.button()->accessibleName(), u"My status"_s);

    // Four choices in the menu; "busy" is asked for.
    QCOMPARE(w.menu()->actions().size(), 4);
    for (QAction *a : w.menu()->actions())
        if (a->data().toString() == u"busy"_s)
            a->trigger();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.takeFirst().at(0).toString(), u"busy"_s);
    w.setConfirmed(u"busy"_s, clock.nowMs());
    QCOMPARE(w.text(), u"Busy (on a call)"_s);
    for (QAction *a : w.menu()->actions())
        QCOMPARE(a->isChecked(), a->data().toString() == u"busy"_s);
}

void TestAgentStatusWidget::refusalIsShown()
{
    ManualClock clock(1'796'000'000'000);
    AgentStatusWidget w(clock);
    w.setActive(true);
    w.setConfirmed(u"online"_s, clock.nowMs());
    w.request(u"break"_s);
    w.setRefused(u"break"_s, u"The status could not be stored: send it again."_s);
    QCOMPARE(w.refusal(), u"The status could not be stored: send it again."_s);
    QVERIFY(w.text().contains(u"refused"_s));
    QVERIFY(w.text().contains(u"Online"_s)); // what the server kept
    QCOMPARE(w.button()->toolTip(), w.refusal());
    QCOMPARE(w.requested(), u"online"_s);
    // The next confirmed status clears it.
    w.request(u"break"_s);
    w.setConfirmed(u"break"_s, clock.nowMs());
    QVERIFY(w.refusal().isEmpty());
    QCOMPARE(w.text(), u"On a break"_s);
}

void TestAgentStatusWidget::idleBecomesAwayAndInputComesBack()
{
    ManualClock clock(1'796'000'000'000);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *edit = new QLineEdit(&window);
    auto *w = new AgentStatusWidget(clock, &window);
    layout->addWidget(edit);
    layout->addWidget(w);
    window.show();
    w->watch(&window);
    w->setIdleAwayMinutes(5);
    QSignalSpy asked(w, &AgentStatusWidget::statusRequested);
    w->setActive(true);
    asked.clear();

    clock.advance(4 * 60 * 1000 + 59 * 1000);
    w->checkIdle();
    QCOMPARE(asked.count(), 0);
    clock.advance(1000);
    w->checkIdle();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.takeFirst().at(0).toString(), u"away"_s);
    QCOMPARE(w->requested(), u"away"_s);
    w->checkIdle(); // once
    QCOMPARE(asked.count(), 0);

    QTest::keyClick(edit, Qt::Key_A);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.takeFirst().at(0).toString(), u"online"_s);

    // Input keeps the agent online; a status chosen by hand is never changed by idleness.
    clock.advance(3 * 60 * 1000);
    QTest::mouseMove(edit, QPoint(5, 5));
    QTest::keyClick(edit, Qt::Key_B);
    clock.advance(3 * 60 * 1000);
    w->checkIdle();
    QCOMPARE(asked.count(), 0);
    w->request(u"break"_s);
    asked.clear();
    clock.advance(60 * 60 * 1000);
    w->checkIdle();
    QTest::keyClick(edit, Qt::Key_C);
    QCOMPARE(asked.count(), 0);
    QCOMPARE(w->requested(), u"break"_s);
}

void TestAgentStatusWidget::hiddenForOtherRoles()
{
    ManualClock clock(1'796'000'000'000);
    QWidget window;
    auto *w = new AgentStatusWidget(clock, &window);
    window.show();
    QSignalSpy asked(w, &AgentStatusWidget::statusRequested);
    QVERIFY(!w->isVisible());
    w->request(u"busy"_s); // not an agent: nothing is sent
    w->openMenu();
    QCOMPARE(asked.count(), 0);
    w->setActive(true);
    QVERIFY(w->isVisible());
    w->setActive(false); // signed out
    QVERIFY(!w->isVisible());
    QCOMPARE(w->text(), u"Offline"_s);
}

QTEST_MAIN(TestAgentStatusWidget)
#include "tst_agentstatuswidget.moc"
