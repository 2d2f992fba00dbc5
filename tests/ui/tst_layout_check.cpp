// The layout check of issue 24: every page of the main window (with a ticket open in the pane) and the
// dialogs, in en, zh_CN and zh_TW, in 1366x768 and 1920x1080 windows: no label, button, tab or header text
// wider than its widget without elision, no two visible sibling widgets overlapping, and every QAction with a
// shortcut listed in the F1 overview.
#include "layoutcheck.h"
#include "tests/ui/workbench/ticketpane/panefixture.h"
#include "ui/common/language.h"
#include "ui/common/preferencesdialog.h"
#include "ui/common/shortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketpane/calldialog.h"
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QTabWidget>
#include <QTableWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestLayoutCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QVERIFY(Language::apply(u"en"_s)); }
    void pagesAndDialogs_data();
    void pagesAndDialogs();

private:
    QTemporaryDir m_settingsDir;
};

void TestLayoutCheck::initTestCase()
{
    isolateSettings(m_settingsDir.path());
}

void TestLayoutCheck::pagesAndDialogs_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString &language : {u"en"_s, u"zh_CN"_s, u"zh_TW"_s})
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)})
            QTest::addRow("%s-%dx%d", qPrintable(language), size.width(), size.height()) << language << size;
}

namespace {
QStringList check(const QWidget *root, const QString &where)
{
    QStringList found;
    for (const QString &f : layout::clippedTexts(root) + layout::overlaps(root))
        found << where + u": "_s + f;
    return found;
}
} // namespace

void TestLayoutCheck::pagesAndDialogs()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(Language::apply(language));
    PaneCache cache;
    Ticket t = cache.ticket(1, TicketStatus::Open, cache.manager.id);
    cache.put(t);
    for (int n = 2; n <= 6; ++n)
        cache.put(cache.ticket(n, n % 2 ? TicketStatus::New : TicketStatus::Pending,
                               n % 2 ? QString() : cache.agent1.id));
    MainWindow window(*cache.db, cache.clock, QTimeZone("Asia/Shanghai"));
    window.setCurrentUser(cache.manager);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.workbench()->openTicket(u"t-1"_s);
    QTRY_COMPARE(window.workbench()->pane()->ticketId(), u"t-1"_s);

    QStringList found;
    QTabWidget *pages = window.pages();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        // Pages are built on first use, fill from their query threads and size their columns then: a finding
        // counts when it lasts.
        const QString where = u"page \"%1\""_s.arg(pages->tabText(i));
        QStringList onPage = check(&window, where);
        for (int wait = 0; wait < 50 && !onPage.isEmpty(); ++wait) {
            QTest::qWait(100);
            onPage = check(&window, where);
        }
        found += onPage;
    }
    pages->setCurrentIndex(0);

    PreferencesDialog preferences(&window);
    ShortcutsDialog shortcuts(&window, &window);
    ResolveDialog resolve([](Resolution, std::optional<qint64>, const QString &, QString *) { return true; },
                          &window);
    CallDialog call([](const QString &, const QJsonObject &, QString *) { return true; }, &window);
    NewTicketDialog newTicket(*cache.db, cache.clock, cache.manager, &window);
    for (QDialog *d :
         std::initializer_list<QDialog *>{&preferences, &shortcuts, &resolve, &call, &newTicket}) {
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d));
        found += check(d, u"dialog \"%1\""_s.arg(d->windowTitle()));
        d->hide();
    }

    // Every action with a shortcut is in F1.
    QStringList listed;
    const QString orWord = QCoreApplication::translate("pd::ShortcutsDialog", " or ");
    for (int r = 0; r < shortcuts.table()->rowCount(); ++r)
        listed += shortcuts.table()->item(r, 2)->text().split(orWord);
    for (const QAction *a : window.findChildren<QAction *>()) {
        if (!a->isVisible()) // a page the role does not have: its keys do nothing
            continue;
        for (const QKeySequence &key : a->shortcuts()) {
            const QString text = key.toString(QKeySequence::NativeText);
            if (!listed.contains(text))
                found << u"F1 lacks %1 (%2)"_s.arg(text, a->text());
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(u"\n"_s + found.join(u'\n')));
}

QTEST_MAIN(TestLayoutCheck)
#include "tst_layout_check.moc"
