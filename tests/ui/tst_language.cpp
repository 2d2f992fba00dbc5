// Switching the language while working: the real main window (offscreen) over a real SQLite cache. A ticket
// is open, a reply and a note are half typed and a search is entered; Edit › Preferences switches to
// 简体中文, then 繁體中文, then English. Menus, queues and the pane follow each time, and nothing typed, the
// open ticket and the window's geometry stay. Numbers and money follow the locale.
#include "models/itemmodels/tickettablemodel.h"
#include "ui/common/language.h"
#include "ui/common/preferencesdialog.h"
#include "ui/common/shortcutsdialog.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/kpitile.h"
#include "ui/mainwindow.h"
#include "ui/map/mappage.h"
#include "ui/reports/reportspage.h"
#include "ui/workbench/filterbar.h"
#include "ui/workbench/queuelist.h"
#include "ui/workbench/ticketpane/actionbar.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/customercard.h"
#include "ui/workbench/ticketpane/panetext.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"
#include "workbench/ticketpane/panefixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void resolvesSettingsAndOptions();
    void switchKeepsWork();
    void moneyAndNumbersFollowTheLocale();

private:
    /// Opens Edit › Preferences with its shortcut, picks @p code in the language box and presses @p button.
    void choose(const QString &code, QDialogButtonBox::StandardButton button = QDialogButtonBox::Ok);
    [[nodiscard]] QString menuTitle(int i) const;
    void checkWorkKept();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<PaneCache> m_cache;
    std::unique_ptr<MainWindow> m_window;
    QRect m_geometry;
    const QString m_reply = u"王芳您好，您的包裹SF1400000000017正在加急处理，半小"_s;
    const QString m_note = u"已联系网点，等回电"_s;
    const QString m_search = u"C2611-000002"_s;
};

void TestLanguage::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
    m_cache = std::make_unique<PaneCache>();
    for (int n = 1; n <= 3; ++n)
        m_cache->put(m_cache->ticket(n, TicketStatus::Open, m_cache->agent1.id));
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.status = ParcelStatus::InTransit;
    p.declaredValueFen = 150000;
    p.originAddress = u"广东省深圳市南山区"_s;
    p.destinationAddress = u"上海市浦东新区"_s;
    p.updatedAt = kNow;
    p.version = 1;
    QString error;
    QVERIFY2(ParcelRepository(*m_cache->db).upsert({p}, &error), qPrintable(error));

    m_window = std::make_unique<MainWindow>(*m_cache->db, m_cache->clock, QTimeZone("Asia/Shanghai"));
    m_window->setCurrentUser(m_cache->agent1);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    WorkbenchPage *wb = m_window->workbench();
    QTRY_COMPARE(wb->model()->rowCount(), 3);

    // Work in progress: ticket 2 open, a reply and a note half typed, a search entered.
    wb->openTicket(u"t-2"_s);
    QTRY_COMPARE(wb->pane()->ticketId(), u"t-2"_s);
    Composer *composer = wb->pane()->composer();
    composer->focusBox(Composer::Box::Note);
    typeText(composer->editor(Composer::Box::Note), m_note);
    composer->focusBox(Composer::Box::Reply);
    typeText(composer->editor(Composer::Box::Reply), m_reply);
    wb->filters()->searchField()->setFocus();
    typeText(wb->filters()->searchField(), m_search);
    QTRY_COMPARE(wb->model()->rowCount(), 1);
    QCOMPARE(wb->pane()->ticketId(), u"t-2"_s);
    m_geometry = m_window->geometry();
}

void TestLanguage::cleanupTestCase()
{
    m_window.reset();
    Language::apply(u"en"_s);
}

void TestLanguage::resolvesSettingsAndOptions()
{
    QCOMPARE(Language::resolve(u"zh-TW"_s), u"zh_TW"_s);
    QCOMPARE(Language::resolve(u"zh_Hant_HK"_s), u"zh_TW"_s);
    QCOMPARE(Language::resolve(u"zh"_s), u"zh_CN"_s);
    QCOMPARE(Language::resolve(u"fr_FR"_s), u"en"_s);
    QCOMPARE(Language::resolve(QString()), Language::systemLanguage());
    QCOMPARE(Language::nativeName(u"zh_CN"_s), u"简体中文"_s);
    QCOMPARE(Language::nativeName(u"zh_TW"_s), u"繁體中文"_s);
    QVERIFY(Language::setting().isEmpty()); // nothing stored: the system's language
    // A stored choice (written by hand in another spelling too) is what start-up uses without --lang.
    QSettings().setValue(Language::kSettingKey, u"zh-TW"_s);
    QCOMPARE(Language::setting(), u"zh_TW"_s);
    QCOMPARE(Language::resolve(Language::setting()), u"zh_TW"_s);
    Language::storeSetting(QString());
    QVERIFY(!QSettings().contains(Language::kSettingKey));
}

QString TestLanguage::menuTitle(int i) const
{
    return m_window->menuBar()->actions().at(i)->text();
}

void TestLanguage::choose(const QString &code, QDialogButtonBox::StandardButton button)
{
    QAction *preferences = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
            preferences = a;
    QVERIFY(preferences);
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        QComboBox *box = dialog->languageBox();
        // The languages are named in their own language, whatever the console speaks.
        QCOMPARE(box->itemText(box->findData(u"zh_TW"_s)), u"繁體中文"_s);
        box->setCurrentIndex(box->findData(code));
        dialog->buttons()->button(button)->click();
        if (button == QDialogButtonBox::Apply)
            dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    });
    preferences->trigger();
    QVERIFY(seen);
    QCOMPARE(QSettings().value(Language::kSettingKey).toString(), code);
    QCOMPARE(Language::current(), code);
}

void TestLanguage::checkWorkKept()
{
    WorkbenchPage *wb = m_window->workbench();
    QCOMPARE(wb->pane()->ticketId(), u"t-2"_s);
    QCOMPARE(wb->currentTicketId(), u"t-2"_s);
    QCOMPARE(wb->pane()->composer()->editor(Composer::Box::Reply)->toPlainText(), m_reply);
    QCOMPARE(wb->pane()->composer()->editor(Composer::Box::Note)->toPlainText(), m_note);
    QCOMPARE(wb->filters()->searchField()->text(), m_search);
    QCOMPARE(wb->model()->rowCount(), 1);
    QCOMPARE(m_window->geometry(), m_geometry);
}

void TestLanguage::switchKeepsWork()
{
    QCOMPARE(menuTitle(0), u"&File"_s);
    {
        // Edit › Preferences is listed in the F1 overview with its key.
        ShortcutsDialog overview(m_window.get());
        QStringList rows;
        for (int r = 0; r < overview.table()->rowCount(); ++r)
            rows << overview.table()->item(r, 1)->text() + u" = "_s + overview.table()->item(r, 2)->text();
        QVERIFY2(rows.contains(u"Preferences… = Ctrl+,"_s) ||
                     rows.filter(u"Preferences… = Ctrl+, or "_s).size() == 1,
                 qPrintable(rows.join(u'\n')));
    }
    // The dashboard (built before the switch, its period changed) follows it in place: same page, same worker
    // and facts, same choices.
    DashboardPage *dashboard = m_window->dashboard();
    auto *period = dashboard->findChild<QComboBox *>(u"periodBox"_s);
    QVERIFY(period && period->count() > 2);
    period->setCurrentIndex(2);
    const QString periodText = period->currentText();

    // The map and report pages, built before the switch, follow it too.
    QCheckBox *lateOnly = nullptr;
    for (auto *box : m_window->mapPage()->findChildren<QCheckBox *>())
        if (box->text() == u"Late only"_s)
            lateOnly = box;
    QPushButton *exportButton = nullptr;
    for (auto *button : m_window->reports()->findChildren<QPushButton *>())
        if (button->text() == u"&Export"_s)
            exportButton = button;
    QVERIFY(lateOnly && exportButton);

    choose(u"zh_CN"_s);
    // The switch is delivered as LanguageChange events: wait for the menus, then check everything else.
    QTRY_COMPARE(menuTitle(0), u"文件(&F)"_s);
    QCOMPARE(menuTitle(0), QCoreApplication::translate("pd::MainWindow", "&File"));
    QCOMPARE(menuTitle(1), QCoreApplication::translate("pd::MainWindow", "&Edit"));
    QVERIFY(menuTitle(1) != u"&Edit"_s);
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QVERIFY(QApplication::font().families().contains(u"Noto Sans CJK SC"_s));

    WorkbenchPage *wb = m_window->workbench();
    QListWidgetItem *mine = wb->queues()->item(0);
    QVERIFY(mine->text().startsWith(QCoreApplication::translate("pd::Queues", "My tickets")));
    QVERIFY(mine->text().startsWith(u"我的工单"_s));
    QCOMPARE(m_window->pages()->tabText(0), QCoreApplication::translate("pd::MainWindow", "&Workbench"));
    auto *paneTabs = wb->pane()->findChild<QTabWidget *>();
    QCOMPARE(paneTabs->tabText(0), u"沟通记录"_s);
    QPushButton *pending = wb->pane()->actions()->button(PaneAction::SetPending);
    QCOMPARE(pending->text(), u"挂起"_s);
    QCOMPARE(wb->pane()->composer()->sendButton(Composer::Box::Reply)->text(),
             QCoreApplication::translate("pd::Composer", "Send reply"));
    QCOMPARE(wb->model()->headerData(TicketTableModel::Number, Qt::Horizontal).toString(),
             QCoreApplication::translate("pd::TicketTableModel", "Number"));
    // The pane was shown again in Chinese: the card's labels, with money in the locale.
    const QString parcel = wb->pane()->customerCard()->parcelText();
    QVERIFY2(parcel.contains(
                 QCoreApplication::translate("pd::CustomerCard", "Declared value: %1").arg(u"¥1,500.00"_s)),
             qPrintable(parcel));
    checkWorkKept();

    QCOMPARE(lateOnly->text(), QCoreApplication::translate("pd::MapPage", "Late only"));
    QVERIFY(lateOnly->text() != u"Late only"_s);
    QCOMPARE(exportButton->text(), QCoreApplication::translate("pd::ReportsPage", "&Export"));
    QVERIFY(exportButton->text() != u"&Export"_s);

    DashboardPage *rebuilt = m_window->dashboard();
    QCOMPARE(rebuilt, dashboard);
    QCOMPARE(rebuilt->findChild<QComboBox *>(u"periodBox"_s)->currentIndex(), 2);
    QVERIFY(rebuilt->findChild<QComboBox *>(u"periodBox"_s)->currentText() != periodText);
    QCOMPARE(rebuilt->tile(Kpi::FirstResponseCompliance)->toolTip(),
             QCoreApplication::translate("pd::KpiTile", "Click to open these tickets in the workbench"));

    // Traditional Chinese with Apply (the dialog stays open until Cancel): Taiwan usage, not just converted.
    choose(u"zh_TW"_s, QDialogButtonBox::Apply);
    QTRY_COMPARE(menuTitle(0), u"檔案(&F)"_s);
    QCOMPARE(pending->text(), u"擱置"_s);
    QCOMPARE(paneTabs->tabText(0), u"溝通記錄"_s);
    QVERIFY(wb->queues()->item(0)->text().startsWith(u"我的工單"_s));
    QVERIFY(QApplication::font().families().contains(u"Noto Sans CJK TC"_s));
    QCOMPARE(QLocale().territory(), QLocale::Taiwan);
    checkWorkKept();

    choose(u"en"_s);
    QTRY_COMPARE(menuTitle(0), u"&File"_s);
    QCOMPARE(pending->text(), u"Set pending"_s);
    QCOMPARE(paneTabs->tabText(0), u"Conversation"_s);
    QVERIFY(wb->queues()->item(0)->text().startsWith(u"My tickets"_s));
    QVERIFY(!QApplication::font().families().contains(u"Noto Sans CJK TC"_s));
    checkWorkKept();
}

void TestLanguage::moneyAndNumbersFollowTheLocale()
{
    QVERIFY(Language::apply(u"zh_CN"_s));
    QCOMPARE(PaneText::yuan(123456789), u"¥1,234,567.89"_s);
    QCOMPARE(Language::count(1234567), u"1,234,567"_s);
    QCOMPARE(Language::dateTime(kNow, QTimeZone("Asia/Shanghai")), u"2026/11/23 10:00"_s);
    // A locale that groups with dots and writes a decimal comma: still yuan, its separators.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(PaneText::yuan(123456789), u"¥1.234.567,89"_s);
    QCOMPARE(Language::count(1234567), u"1.234.567"_s);
    QCOMPARE(Language::dateTime(kNow, QTimeZone("Asia/Shanghai")), u"23.11.2026 10:00"_s);
    QVERIFY(Language::apply(u"en"_s));
    // Typed amounts are read whatever is shown: grouped, full-width, with the sign.
    QCOMPARE(PaneText::parseYuan(u"¥1,500.00"_s, 1000000, nullptr), std::optional<qint64>(150000));
    QCOMPARE(PaneText::parseYuan(u"１，５００．５"_s, 1000000, nullptr), std::optional<qint64>(150050));
    QCOMPARE(PaneText::parseYuan(u"12.5"_s, 1000000, nullptr), std::optional<qint64>(1250));
    QVERIFY(!PaneText::parseYuan(u"1,50"_s, 1000000, nullptr));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
