// The workbench's ticket table as agents read it all day (issue 24): a queued row's tooltip says when its
// edit is tried next, in the company's time, and why the last try failed. The real WorkbenchPage (offscreen)
// over a real SQLite cache.
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/localedits.h"
#include "ticketpane/panefixture.h"
#include "ui/common/language.h"
#include "ui/workbench/filterbar.h"
#include "ui/workbench/ticketdelegate.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLineEdit>
#include <QTableView>
#include <QToolTip>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestWorkbenchTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void queuedRowToolTipSaysRetryAndError();
    void assigneeNamesArriveWithTheDirectory();
    void columnsFitOrElide_data();
    void columnsFitOrElide();
    void searchShowsWhyEachRowMatched();
    void englishPluralForms();

private:
    void openPage(const User &user);
    [[nodiscard]] int rowOf(const QString &id) const { return m_page->model()->rowOf(id); }
    [[nodiscard]] QString cell(const QString &id, int column, int role = Qt::DisplayRole) const;
    [[nodiscard]] QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    [[nodiscard]] QString shownToolTip(const QModelIndex &index) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<PaneCache> m_cache;
    std::unique_ptr<WorkbenchPage> m_page;
};

void TestWorkbenchTable::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
}

void TestWorkbenchTable::init()
{
    QVERIFY(Language::apply(u"en"_s));
    m_cache = std::make_unique<PaneCache>();
}

void TestWorkbenchTable::cleanup()
{
    m_page.reset();
    m_cache.reset();
}

void TestWorkbenchTable::openPage(const User &user)
{
    m_page = std::make_unique<WorkbenchPage>(*m_cache->db, m_cache->clock, QTimeZone("Asia/Shanghai"));
    m_page->resize(1600, 900);
    m_page->setCurrentUser(user);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

QString TestWorkbenchTable::cell(const QString &id, int column, int role) const
{
    const int row = rowOf(id);
    return row < 0 ? QString() : m_page->model()->index(row, column).data(role).toString();
}

void TestWorkbenchTable::queuedRowToolTipSaysRetryAndError()
{
    m_cache->put(m_cache->ticket(1, TicketStatus::Open, m_cache->agent1.id));
    m_cache->put(m_cache->ticket(2, TicketStatus::Open, m_cache->agent1.id));
    openPage(m_cache->agent1);
    QTRY_VERIFY(rowOf(u"t-1"_s) >= 0 && rowOf(u"t-2"_s) >= 0);
    QVERIFY(cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole).isEmpty()); // nothing queued yet

    QString error;
    LocalEdits edits(*m_cache->db, m_cache->clock);
    QVERIFY2(
        edits.addEvent(u"t-1"_s, EventKind::Note, u"Called the station"_s, {}, m_cache->agent1.id, &error),
        qPrintable(error));
    QVERIFY2(
        edits.addEvent(u"t-1"_s, EventKind::Note, u"Station called back"_s, {}, m_cache->agent1.id, &error),
        qPrintable(error));
    m_page->onTicketsChanged({u"t-1"_s});
    QTRY_COMPARE(m_page->model()->index(rowOf(u"t-1"_s), 0).data(TicketTableModel::LocalStateRole).toInt(),
                 int(LocalState::Pending));
    QString tip = cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Edits waiting: 2"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Sent at the next sync"_s), qPrintable(tip));
    QVERIFY2(!tip.contains(u"Last error"_s), qPrintable(tip));

    // The first try failed: the retry time (10:07:30 in Shanghai, 02:07:30 UTC) and the error, on every
    // column of the row but the customer's (which names the customer), without the row being read again.
    const QList<OutboxItem> queued = OutboxRepository(*m_cache->db).liveForTicket(u"t-1"_s);
    QCOMPARE(queued.size(), 2);
    QVERIFY(OutboxRepository(*m_cache->db)
                .markFailed(queued.first().seq, u"Connection refused"_s, kNow + 7 * kMinute + 30000, &error));
    tip = cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Next try: 10:07:30 (in 8 min)"_s), qPrintable(tip));
    QVERIFY2(!tip.contains(u"02:07"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Last error: Connection refused\nAttempts: 1"_s), qPrintable(tip));
    QCOMPARE(cell(u"t-1"_s, TicketTableModel::Status, Qt::ToolTipRole), tip);
    QCOMPARE(cell(u"t-1"_s, TicketTableModel::Customer, Qt::ToolTipRole), u"王芳 (138****5678)"_s);

    // A retry soon, then one on another day: seconds, then the date.
    QVERIFY(OutboxRepository(*m_cache->db)
                .markFailed(queued.first().seq, u"HTTP 503: Service Unavailable"_s, kNow + 45000, &error));
    tip = cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Next try: 10:00:45 (in 45 s)"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Last error: HTTP 503: Service Unavailable\nAttempts: 2"_s), qPrintable(tip));
    QVERIFY(OutboxRepository(*m_cache->db)
                .markFailed(queued.first().seq, u"Timed out"_s, kNow + 15 * 60 * kMinute, &error));
    tip = cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole);
    const QString tomorrow =
        QLocale().toString(QDate(2026, 11, 24), QLocale::ShortFormat) + u" 01:00:00"_s; // 17:00 UTC
    QVERIFY2(tip.contains(u"Next try: "_s + tomorrow), qPrintable(tip));

    // Once the retry time has passed, it goes at the next sync; the untouched row has no tooltip.
    m_cache->clock.setNow(kNow + 16 * 60 * kMinute);
    tip = cell(u"t-1"_s, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Sent at the next sync"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Timed out"_s), qPrintable(tip));
    QVERIFY(cell(u"t-2"_s, TicketTableModel::Number, Qt::ToolTipRole).isEmpty());
}

QStyleOptionViewItem TestWorkbenchTable::optionFor(const QModelIndex &index) const
{
    QTableView *view = m_page->view();
    QStyleOptionViewItem opt;
    opt.initFrom(view->viewport());
    opt.widget = view;
    opt.font = view->font();
    opt.fontMetrics = view->fontMetrics();
    opt.rect = view->visualRect(index);
    opt.showDecorationSelected = true;
    opt.textElideMode = view->textElideMode();
    return opt;
}

QString TestWorkbenchTable::shownToolTip(const QModelIndex &index) const
{
    QTableView *view = m_page->view();
    const QPoint at = view->visualRect(index).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QToolTip::hideText();
    for (int i = 0; i < 100 && QToolTip::isVisible(); ++i) // hideText() hides after a short delay
        QTest::qWait(20);
    QCoreApplication::sendEvent(view->viewport(), &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

void TestWorkbenchTable::assigneeNamesArriveWithTheDirectory()
{
    // Signed in on a new PC: the ticket names an assignee the directory does not hold yet.
    m_cache->put(m_cache->ticket(1, TicketStatus::Open, u"u-agent7"_s));
    m_cache->put(m_cache->ticket(2, TicketStatus::Open, m_cache->agent2.id));
    m_cache->put(m_cache->ticket(3));
    openPage(m_cache->supervisor);
    m_page->showQueue(Queue::All);
    QTRY_VERIFY(rowOf(u"t-1"_s) >= 0 && rowOf(u"t-2"_s) >= 0 && rowOf(u"t-3"_s) >= 0);
    QCOMPARE(cell(u"t-2"_s, TicketTableModel::Assignee), u"刘洋"_s);
    QCOMPARE(cell(u"t-3"_s, TicketTableModel::Assignee), u"Unassigned"_s);

    // The first sync brings the directory: the column names the user, not u-agent7.
    QString error;
    QVERIFY(DirectoryRepository(*m_cache->db)
                .upsertUsers({makeUser(u"u-agent7"_s, Role::Agent, u"team-a"_s, u"欧阳晓明"_s)}, &error));
    m_page->onTicketsChanged({});
    QTRY_COMPARE(cell(u"t-1"_s, TicketTableModel::Assignee), u"欧阳晓明"_s);
    for (const QString &id : {u"t-1"_s, u"t-2"_s})
        QVERIFY(!cell(id, TicketTableModel::Assignee).startsWith(u"u-"_s));

    // In Chinese too (names are names; "Unassigned" is translated).
    QVERIFY(Language::apply(u"zh_CN"_s));
    QTRY_COMPARE(cell(u"t-3"_s, TicketTableModel::Assignee), u"未分派"_s);
    QCOMPARE(cell(u"t-1"_s, TicketTableModel::Assignee), u"欧阳晓明"_s);
    QVERIFY(Language::apply(u"zh_TW"_s));
    QTRY_COMPARE(cell(u"t-3"_s, TicketTableModel::Assignee), u"未分派"_s);
    QCOMPARE(cell(u"t-1"_s, TicketTableModel::Assignee), u"欧阳晓明"_s);
}

void TestWorkbenchTable::columnsFitOrElide_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("width");
    for (const QString &language : {u"en"_s, u"zh_CN"_s, u"zh_TW"_s})
        for (int width : {1600, 1920})
            QTest::addRow("%s-%d", qPrintable(language), width) << language << width;
}

void TestWorkbenchTable::columnsFitOrElide()
{
    QFETCH(QString, language);
    QFETCH(int, width);
    QVERIFY(Language::apply(language));
    // Rows with the widest texts: a breach days old, a ticket two days old, a pending one, a long name.
    Ticket old = m_cache->ticket(1, TicketStatus::Open, m_cache->agent1.id);
    old.createdAt = kNow - (47 * 60 + 59) * kMinute;
    old.category = Category::WrongItem;
    old.priority = Priority::P1;
    m_cache->put(old);
    Ticket paused = m_cache->ticket(2, TicketStatus::Pending, m_cache->supervisor.id);
    paused.createdAt = kNow - 30 * 24 * 60 * kMinute;
    m_cache->put(paused);
    Ticket longName = m_cache->ticket(3, TicketStatus::Reopened, u"u-agent9"_s);
    longName.customerName = u"Maximilian Alexander Konstantin von Hohenzollern-Sigmaringen"_s;
    m_cache->put(longName);
    m_cache->put(m_cache->ticket(4, TicketStatus::New));
    m_page = std::make_unique<WorkbenchPage>(*m_cache->db, m_cache->clock, QTimeZone("Asia/Shanghai"));
    m_page->resize(width, 900);
    m_page->setCurrentUser(m_cache->supervisor);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->showQueue(Queue::All);
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    QTRY_VERIFY(rowOf(u"t-3"_s) >= 0);

    QTableView *view = m_page->view();
    auto *delegate = qobject_cast<TicketDelegate *>(view->itemDelegate());
    QVERIFY(delegate);
    QHeaderView *header = view->horizontalHeader();
    // Every column is on screen without scrolling.
    QStringList widths;
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        widths << QString::number(header->sectionSize(c));
    qInfo("%s: viewport %d, columns %s", qPrintable(language), view->viewport()->width(),
          qPrintable(widths.join(u' ')));
    QVERIFY(header->isSectionHidden(TicketTableModel::Match)); // search results only
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c) {
        if (c == TicketTableModel::Match)
            continue;
        const int right = header->sectionViewportPosition(c) + header->sectionSize(c);
        QVERIFY2(
            header->sectionViewportPosition(c) >= 0 && right <= view->viewport()->width(),
            qPrintable(u"column %1 ends at %2 of %3"_s.arg(c).arg(right).arg(view->viewport()->width())));
        const QString title = m_page->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->fontMetrics().horizontalAdvance(title) < header->sectionSize(c),
                 qPrintable(u"header %1 cut"_s.arg(title)));
    }
    // No text is shortened but the long customer name, which shows whole as its tooltip.
    for (int r = 0; r < m_page->model()->rowCount(); ++r) {
        for (int c = 0; c < TicketTableModel::Match; ++c) {
            const QModelIndex index = m_page->model()->index(r, c);
            const bool elided = delegate->isElided(optionFor(index), index);
            const bool isLong = index.data(TicketTableModel::TicketIdRole).toString() == u"t-3"_s &&
                                c == TicketTableModel::Customer;
            // Narrower than 1920, the category and assignee columns may give way to the customer's: elided,
            // and whole in the tooltip.
            const bool mayGiveWay =
                width < 1920 && (c == TicketTableModel::Category || c == TicketTableModel::Assignee);
            if (mayGiveWay && elided) {
                QCOMPARE(shownToolTip(index), index.data().toString());
                continue;
            }
            QVERIFY2(elided == isLong, qPrintable(u"row %1 column %2 \"%3\" in %4 px: elided %5"_s.arg(r)
                                                      .arg(c)
                                                      .arg(index.data().toString())
                                                      .arg(view->visualRect(index).width())
                                                      .arg(elided)));
        }
    }
    const QModelIndex customer = m_page->model()->index(rowOf(u"t-3"_s), TicketTableModel::Customer);
    QCOMPARE(shownToolTip(customer), customer.data().toString());
    QVERIFY(customer.data().toString().startsWith(longName.customerName));
    // A cell that fits shows no tooltip of its own.
    QVERIFY(shownToolTip(m_page->model()->index(rowOf(u"t-3"_s), TicketTableModel::Status)).isEmpty());
    // The SLA badges fit whole: every badge text this language has fits its column.
    QFont bold = view->font();
    bold.setBold(true);
    const int badge = header->sectionSize(TicketTableModel::Sla);
    for (const QString &text : SlaCountdown::widestTexts())
        QVERIFY2(QFontMetrics(bold).horizontalAdvance(text) + view->fontMetrics().height() + 20 <= badge,
                 qPrintable(text));
}

void TestWorkbenchTable::searchShowsWhyEachRowMatched()
{
    Ticket box = m_cache->ticket(1, TicketStatus::Open, m_cache->agent1.id);
    box.description = u"客户说包裹外箱破损，里面的陶瓷杯碎了，要求赔偿并尽快重新发货"_s;
    m_cache->put(box);
    Ticket talk = m_cache->ticket(2, TicketStatus::Open, m_cache->agent1.id);
    talk.description = u"一直显示运输中"_s;
    talk.waybillNo = u"SF1400000000099"_s;
    m_cache->put(talk);
    Ticket markup = m_cache->ticket(3, TicketStatus::Open, m_cache->agent1.id);
    markup.description =
        u"<b>破损</b> 严重 <img src=x onerror=alert(1)> 请按合同条款处理并在今天之内回电给客户说明情况"_s;
    m_cache->put(markup);
    m_cache->put(m_cache->ticket(4, TicketStatus::Open, m_cache->agent1.id)); // matches nothing
    TicketEvent reply;
    reply.id = u"ev-1"_s;
    reply.ticketId = talk.id;
    reply.kind = EventKind::Reply;
    reply.at = kNow - 2 * kMinute;
    reply.authorId = m_cache->agent1.id;
    reply.text = u"您好，已为您登记破损理赔，24 小时内回电"_s;
    reply.version = 1;
    QString error;
    QVERIFY2(TicketRepository(*m_cache->db).upsertEvents({reply}, &error), qPrintable(error));

    openPage(m_cache->agent1);
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    QHeaderView *header = m_page->view()->horizontalHeader();
    QVERIFY(header->isSectionHidden(TicketTableModel::Match));

    m_page->filters()->searchField()->setText(u"破损"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    QVERIFY(!header->isSectionHidden(TicketTableModel::Match));
    QCOMPARE(m_page->model()->headerData(TicketTableModel::Match, Qt::Horizontal).toString(), u"Matched"_s);
    // Each row says where 破损 was found, with the words around it, as plain text.
    QCOMPARE(cell(u"t-1"_s, TicketTableModel::Match),
             u"Complaint: 客户说包裹外箱破损，里面的陶瓷杯碎了，要求赔偿并尽快重…"_s);
    QCOMPARE(cell(u"t-2"_s, TicketTableModel::Match), u"Reply: 您好，已为您登记破损理赔，24 小时内回电"_s);
    const QString shown = cell(u"t-3"_s, TicketTableModel::Match);
    QVERIFY2(shown.startsWith(u"Complaint: <b>破损</b> 严重 <img src=x…"_s), qPrintable(shown));
    QCOMPARE(rowOf(u"t-4"_s), -1);
    // The markup is shown as typed in the tooltip too (the excerpt is elided in its column).
    const QModelIndex index = m_page->model()->index(rowOf(u"t-3"_s), TicketTableModel::Match);
    const QString tip = shownToolTip(index);
    QVERIFY2(tip.contains(u"&lt;b&gt;破损&lt;/b&gt;"_s) && !tip.contains(u"<b>"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"&lt;img src=x"_s) && !tip.contains(u"<img"_s), qPrintable(tip));

    // A waybill search says so; back to a queue, the column goes.
    m_page->filters()->searchField()->setText(u"SF1400000000099"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QTRY_COMPARE(cell(u"t-2"_s, TicketTableModel::Match), u"Waybill number"_s);
    // FTS5 operators typed by a person are words, not syntax: nothing matches, nothing fails.
    m_page->filters()->searchField()->setText(u"破损\" OR \"*"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    m_page->filters()->searchField()->clear();
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    QVERIFY(header->isSectionHidden(TicketTableModel::Match));
    QVERIFY(cell(u"t-1"_s, TicketTableModel::Match).isEmpty());

    // In Chinese.
    QVERIFY(Language::apply(u"zh_CN"_s));
    m_page->filters()->searchField()->setText(u"破损"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    QTRY_VERIFY(cell(u"t-1"_s, TicketTableModel::Match).startsWith(u"投诉内容："_s));
    QVERIFY(cell(u"t-2"_s, TicketTableModel::Match).startsWith(u"回复："_s));
}

void TestWorkbenchTable::englishPluralForms()
{
    // English loads a plural-forms translator: "1 ticket", "875 tickets", never "ticket(s)"; also after a
    // switch from Chinese.
    for (const QString &before : {u"en"_s, u"zh_CN"_s}) {
        QVERIFY(Language::apply(before));
        QVERIFY(Language::apply(u"en"_s));
        const auto tr = [](const char *context, const char *source, int n) {
            return QCoreApplication::translate(context, source, nullptr, n);
        };
        QCOMPARE(tr("pd::MainWindow", "%Ln ticket(s) shown", 1), u"1 ticket shown"_s);
        QCOMPARE(tr("pd::MainWindow", "%1 of %Ln ticket(s) shown", 875).arg(u"7"_s),
                 u"7 of 875 tickets shown"_s);
        QCOMPARE(tr("pd::MainWindow", "%Ln ticket(s) shown", 1200), u"1,200 tickets shown"_s);
        QCOMPARE(tr("pd::AccessLogPage", "%n entry(ies) found.", 1), u"1 entry found."_s);
        QCOMPARE(tr("pd::AccessLogPage", "%n entry(ies) found.", 3), u"3 entries found."_s);
        QCOMPARE(tr("pd::SyncStatusWidget", "%n conflict(s)", 2), u"2 conflicts"_s);
        QVERIFY(
            tr("pd::Session",
               "%n change(s) could not be sent. They stay on this computer for you only and are sent when "
               "you sign in here again.",
               1)
                .startsWith(u"1 change could not be sent. It stays"_s));
    }
    QVERIFY(Language::apply(u"zh_CN"_s));
    QCOMPARE(
        QCoreApplication::translate("pd::MainWindow", "%1 of %Ln ticket(s) shown", nullptr, 875).arg(u"7"_s),
        u"显示 7 / 875 张工单"_s);
    QVERIFY(Language::apply(u"en"_s));
}

QTEST_MAIN(TestWorkbenchTable)
#include "tst_workbench_table.moc"
