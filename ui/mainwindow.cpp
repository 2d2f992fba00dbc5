#include "mainwindow.h"

#include "workbench/ticketpane/composer.h"
#include "workbench/ticketpane/ticketpane.h"

#include "approvals/approvalspage.h"
#include "audit/accesslogpage.h"
#include "common/agentstatuswidget.h"
#include "common/language.h"
#include "common/preferencesdialog.h"
#include "common/shortcutsdialog.h"
#include "common/slanotifier.h"
#include "common/syncstatuswidget.h"
#include "dashboard/dashboardpage.h"
#include "map/mappage.h"
#include "map/parcelminimap.h"
#include "models/domain/clock.h"
#include "models/itemmodels/queues.h"
#include "models/store/cachefiles.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/ticketrepository.h"
#include "proactive/proactivepage.h"
#include "reports/reportspage.h"
#include "teamboard/teamboardpage.h"
#include "workbench/queuelist.h"
#include "workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "workbench/ticketpane/composer.h"
#include "workbench/ticketpane/newticketdialog.h"
#include "workbench/ticketpane/resolvedialog.h"
#include "workbench/ticketpane/ticketpane.h"
#include "workbench/workbenchpage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace pd {

MainWindow::MainWindow(const Database &db, Clock &clock, const QTimeZone &companyZone, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(companyZone)
    , m_pages(new QTabWidget(this))
    , m_workbench(new WorkbenchPage(db, clock, companyZone, this))
    , m_mapSlot(new QWidget(this))
    , m_dashboardSlot(new QWidget(this))
    , m_reportsSlot(new QWidget(this))
    , m_countLabel(new QLabel(this))
    , m_agentStatus(new AgentStatusWidget(clock, this))
    , m_syncStatus(new SyncStatusWidget(companyZone, this))
    , m_notifier(new SlaNotifier(db, &clock, this))
{
    m_pages->setDocumentMode(true);
    setCentralWidget(m_pages);
    arrangePages();
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::buildPageAt);

    // The workbench's ticket: presence for the others, the pane's small map, the map page's centre.
    connect(m_workbench, &WorkbenchPage::currentTicketChanged, this, [this](const QString &ticketId) {
        const auto row = TicketRepository(m_db).byId(ticketId);
        if (!row)
            return;
        if (!m_viewedTicket.isEmpty())
            Q_EMIT presenceReported(m_viewedTicket, u"leave"_s);
        m_viewedTicket = ticketId;
        Q_EMIT presenceReported(ticketId, u"view"_s);
        m_workbench->pane()->setViewers(m_viewers.value(ticketId).values());
        m_currentWaybill = row->ticket.waybillNo;
        // The small map loads its basemap once, after the first ticket has painted.
        QTimer::singleShot(m_miniMap ? 0 : 300, this, [this] {
            ensureMiniMap()->showParcel(m_currentWaybill);
            if (m_map)
                m_map->centreOnParcel(m_currentWaybill);
        });
    });
    resize(1440, 900);

    statusBar()->addWidget(m_countLabel);
    m_cacheNotice = new QLabel(this);
    m_cacheNotice->setStyleSheet(u"color: #a15c00"_s);
    m_cacheNotice->hide();
    statusBar()->addPermanentWidget(m_cacheNotice);
    statusBar()->addPermanentWidget(m_agentStatus);
    statusBar()->addPermanentWidget(m_syncStatus);
    m_agentStatus->watch(this); // input in this window keeps an online agent from becoming "away"
    connect(m_agentStatus, &AgentStatusWidget::statusRequested, this, &MainWindow::agentStatusRequested);
    connect(m_workbench, &WorkbenchPage::countChanged, this, [this](int shown, int total) {
        m_shown = shown;
        m_total = total;
        showCount();
    });
    connect(m_workbench, &WorkbenchPage::newTicketRequested, this, &MainWindow::newTicketFor);
    connect(m_workbench, &WorkbenchPage::edited, this, [this](const QString &id) {
        Q_EMIT pushRequested();
        m_notifier->reloadSoon();
        Q_UNUSED(id)
    });
    connect(m_workbench->pane(), &TicketPane::downloadRequested, this,
            &MainWindow::attachmentDownloadRequested);
    connect(m_workbench->pane(), &TicketPane::incidentRequested, this, &MainWindow::showIncident);
    connect(m_notifier, &SlaNotifier::notified, this, &MainWindow::notify);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
            m_pages->setCurrentWidget(m_workbench);
            if (!m_lastNotifiedTicket.isEmpty())
                m_workbench->openTicket(m_lastNotifiedTicket);
        });
    }
    buildMenus();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    // Texts are set by retranslate(), again on every language change; each entry knows how to make its text.
    buildFileAndEditMenus();
    buildTicketMenu();
    buildViewMenu();
    QMenu *help = textMenu(nullptr, [] { return tr("&Help"); });
    named(help->addAction(QString(), QKeySequence::HelpContents, this, &MainWindow::showShortcuts),
          [] { return tr("&Keyboard shortcuts"); });
}

QAction *MainWindow::named(QAction *action, std::function<QString()> text)
{
    m_texts.append({action, std::move(text)});
    return action;
}

QMenu *MainWindow::textMenu(QMenu *parent, std::function<QString()> title)
{
    auto *m = parent ? parent->addMenu(QString()) : menuBar()->addMenu(QString());
    named(m->menuAction(), std::move(title));
    return m;
}

void MainWindow::buildFileAndEditMenus()
{
    QMenu *file = textMenu(nullptr, [] { return tr("&File"); });
    named(file->addAction(QString(), QKeySequence::New, this, &MainWindow::newTicket),
          [] { return tr("&New ticket…"); });
    named(file->addAction(QString(), QKeySequence(Qt::Key_F5), this, &MainWindow::syncRequested),
          [] { return tr("&Sync now"); });
    // Agents only (setRoutingUser() hides it for the others): the status bar's status menu.
    m_agentActions.append(named(
        file->addAction(QString(), QKeySequence(Qt::Key_F8), this, [this] { m_agentStatus->openMenu(); }),
        [] { return tr("My &status…"); }));
    file->addSeparator();
    named(file->addAction(QString(), this, &MainWindow::confirmSignOut), [] { return tr("Sign &out"); });
    named(file->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::closeAllWindows),
          [] { return tr("&Quit"); });

    QMenu *edit = textMenu(nullptr, [] { return tr("&Edit"); });
    QAction *preferences = named(edit->addAction(QString(), this, &MainWindow::showPreferences),
                                 [] { return tr("&Preferences…"); });
    // Ctrl+, everywhere, plus the platform's own key for preferences where it has one (Ctrl+Shift+, on KDE).
    QList<QKeySequence> preferenceKeys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!preferenceKeys.contains(k))
            preferenceKeys.append(k);
    preferences->setShortcuts(preferenceKeys);
    preferences->setMenuRole(QAction::PreferencesRole);
}

// The ticket pane's actions, with their shortcuts (F1 lists them).
void MainWindow::buildTicketMenu()
{
    TicketPane *pane = m_workbench->pane();
    QMenu *ticket = textMenu(nullptr, [] { return tr("&Ticket"); });
    QAction *next = named(ticket->addAction(QString(), m_workbench, &WorkbenchPage::nextTicket),
                          [] { return tr("&Next ticket"); });
    next->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::CTRL | Qt::Key_Down)});
    QAction *previous = named(ticket->addAction(QString(), m_workbench, &WorkbenchPage::previousTicket),
                              [] { return tr("&Previous ticket"); });
    previous->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_Up)});
    // The server hands the agent the most urgent ticket they qualify for (agents only).
    m_agentActions.append(
        named(ticket->addAction(QString(), QKeySequence(Qt::Key_F6), this, &MainWindow::takeNextWaiting),
              [] { return tr("Take next &waiting ticket"); }));
    ticket->addSeparator();
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_T), pane, &TicketPane::take),
          [] { return tr("&Take"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), pane,
                            &TicketPane::assign),
          [] { return tr("&Assign…"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_R), pane, &TicketPane::focusReply),
          [] { return tr("&Reply"); });
    // The composer's own action (Ctrl+Enter while typing in it), listed here so the menu and F1 show it.
    ticket->addAction(pane->composer()->sendAction());
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), pane,
                            &TicketPane::focusNote),
          [] { return tr("Internal &note"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_L), pane, &TicketPane::logCall),
          [] { return tr("&Log a call…"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), pane,
                            &TicketPane::setPending),
          [] { return tr("Set &pending"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), pane,
                            &TicketPane::resume),
          [] { return tr("Res&ume"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), pane,
                            &TicketPane::escalate),
          [] { return tr("&Escalate"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), pane,
                            &TicketPane::resolve),
          [] { return tr("Re&solve…"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), pane,
                            &TicketPane::reopen),
          [] { return tr("Re&open"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), pane,
                            &TicketPane::showFollowUp),
          [] { return tr("&Follow-up…"); });
    // Customer data the server sent masked, shown on purpose (a reason; the server logs it).
    ticket->addSeparator();
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), pane,
                            &TicketPane::revealPhone),
          [] { return tr("Show customer's n&umber…"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), pane,
                            &TicketPane::revealName),
          [] { return tr("Show customer's n&ame…"); });
    named(ticket->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), pane,
                            &TicketPane::revealAddress),
          [] { return tr("Show parcel addre&sses…"); });
}

// Search, the queues (Alt+1…) and the pages (Ctrl+1…).
void MainWindow::buildViewMenu()
{
    QMenu *view = textMenu(nullptr, [] { return tr("&View"); });
    QAction *find = named(view->addAction(QString(), m_workbench, &WorkbenchPage::focusSearch),
                          [] { return tr("&Search tickets"); });
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    QMenu *queues = textMenu(view, [] { return tr("&Queues"); });
    const QList<Queue> all = Queues::all();
    for (int i = 0; i < all.size(); ++i) {
        const Queue q = all[i];
        named(queues->addAction(QString(), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this,
                                [this, q] {
                                    m_pages->setCurrentWidget(m_workbench);
                                    m_workbench->showQueue(q);
                                }),
              [q] { return Queues::title(q); });
    }
    QMenu *pages = textMenu(view, [] { return tr("&Pages"); });
    // A manager has eight pages (workbench, map, proactive, dashboard, team board, approvals, reports, access
    // log); arrangePages() names each entry after its page and hides the ones the user's role does not have.
    for (int i = 0; i < 8; ++i)
        m_pageActions.append(
            pages->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this, [this, i] {
                if (i < m_pages->count())
                    m_pages->setCurrentIndex(i);
            }));
}

void MainWindow::retranslate()
{
    for (const auto &[action, text] : std::as_const(m_texts))
        action->setText(text());
    setCurrentUserTitle();
    statusBar()->setToolTip(tr("Cache: %1").arg(QDir::toNativeSeparators(m_db.path())));
    m_cacheNotice->setText(tr("Customer data on this computer (details)"));
    if (m_tray)
        m_tray->setToolTip(tr("ParcelDesk"));
    showCount();
    arrangePages(); // tab titles
}

void MainWindow::setCacheNotice(const QString &notice)
{
    m_cacheNotice->setToolTip(notice);
    m_cacheNotice->setVisible(!notice.isEmpty());
    if (!notice.isEmpty())
        statusBar()->showMessage(notice, 30000);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setCurrentUserTitle()
{
    if (m_user.id.isEmpty() && m_user.login.isEmpty()) {
        setWindowTitle(tr("ParcelDesk"));
        return;
    }
    setWindowTitle(
        tr("ParcelDesk — %1 (%2)")
            .arg(m_user.displayName.isEmpty() ? m_user.login : m_user.displayName, displayName(m_user.role)));
}

void MainWindow::showCount()
{
    if (m_shown < 0) {
        m_countLabel->clear();
        return;
    }
    m_countLabel->setText(
        m_total < 0 ? tr("%Ln ticket(s) shown", nullptr, m_shown)
                    : tr("%1 of %Ln ticket(s) shown", nullptr, m_total).arg(Language::count(m_shown)));
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::onPresence(const QString &ticketId, const QString &userId, const QString &userName,
                            const QString &mode)
{
    if (userId == m_user.id)
        return; // this person's own presence, possibly from another PC: not a collision worth a banner
    if (mode == u"leave"_s)
        m_viewers[ticketId].remove(userId);
    else
        m_viewers[ticketId].insert(userId, mode == u"edit"_s ? tr("%1 (editing)").arg(userName) : userName);
    if (m_viewers.value(ticketId).isEmpty())
        m_viewers.remove(ticketId);
    if (ticketId == m_viewedTicket)
        m_workbench->pane()->setViewers(m_viewers.value(ticketId).values());
}

void MainWindow::setCurrentUser(const User &user)
{
    m_user = user;
    setCurrentUserTitle();
    m_workbench->setCurrentUser(user);
    m_notifier->setCurrentUser(user);
    if (m_proactive)
        m_proactive->setCurrentUser(user);
    if (user.role == Role::Supervisor) {
        if (m_dashboard)
            m_dashboard->setTeam(user.teamId);
        if (m_reports)
            m_reports->lockTeam(user.teamId);
    }
    if (m_reports)
        m_reports->setFullDataAllowed(user.role == Role::Manager);
    setRoutingUser();
    arrangePages();
}

void MainWindow::onTicketsChanged(const QStringList &ids)
{
    m_workbench->onTicketsChanged(ids);
    m_notifier->reloadSoon();
    if (m_dashboard)
        m_dashboard->onTicketsChanged(ids);
    if (m_teamBoard)
        m_teamBoard->onTicketsChanged(ids);
    if (m_approvals)
        m_approvals->onTicketsChanged();
    if (m_proactive)
        m_proactive->onTicketsChanged();
    if (!m_pendingNext.isEmpty() && ids.contains(m_pendingNext))
        openPendingNext();
}

void MainWindow::confirmSignOut()
{
    // Queued edits survive a sign-out (for their author); a conflict's choice does not: it names the ticket.
    const qsizetype conflicts = LocalEdits(m_db, m_clock).conflicts().size();
    if (conflicts > 0 &&
        QMessageBox::question(
            this, tr("Sign out"),
            tr("%n ticket(s) have a conflict you have not resolved. Signing out removes your "
               "tickets from this computer, and your version of those changes with them.",
               nullptr, int(conflicts)),
            QMessageBox::Cancel | QMessageBox::Ok, QMessageBox::Cancel) != QMessageBox::Ok)
        return;
    Q_EMIT signOutRequested();
}

void MainWindow::onCacheCleared()
{
    m_viewers.clear();
    m_viewedTicket.clear();
    m_currentWaybill.clear();
    m_lastNotifiedTicket.clear();
    statusBar()->clearMessage();
    m_pages->setCurrentWidget(m_workbench);
    m_workbench->openTicket(QString());              // the pane shows no ticket
    m_workbench->pane()->composer()->forgetDrafts(); // nor the previous user's unsent words
    // Pages built from the previous user's figures are built again when next shown; the dashboard's worker
    // keeps its facts in a file as it closes, which must not outlive them (CacheOwner removed it already).
    delete m_dashboard;
    m_dashboard = nullptr;
    delete m_reports;
    m_reports = nullptr;
    delete m_accessLog; // the previous user's searches of the access log
    m_accessLog = nullptr;
    delete m_teamBoard;
    m_teamBoard = nullptr;
    delete m_approvals; // the previous user's queue
    m_approvals = nullptr;
    delete m_proactive;
    m_proactive = nullptr;
    m_pendingNext.clear();
    QFile::remove(CacheFiles::factsFile(m_db.path()));
    if (m_map)
        m_map->reloadFromCache();
    arrangePages();
    // The queue chosen for the role, without the previous search; counts and the notifier read again.
    setCurrentUser(m_user);
    m_workbench->showQueue(m_user.role == Role::Agent ? Queue::Mine : Queue::Unassigned);
    m_notifier->reloadSoon();
}

void MainWindow::newTicket()
{
    newTicketFor({});
}

void MainWindow::newTicketFor(const QString &waybill)
{
    NewTicketDialog dialog(m_db, m_clock, m_user, this, m_zone);
    dialog.setServerLink(serverLink());
    if (!waybill.isEmpty())
        dialog.waybillField()->setText(waybill);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Q_EMIT pushRequested();
    m_pages->setCurrentWidget(m_workbench);
    m_workbench->onTicketsChanged({dialog.createdTicketId()});
    m_workbench->openTicket(dialog.createdTicketId());
}

void MainWindow::onAttachmentsChanged(const QString &ticketId)
{
    m_workbench->pane()->attachmentsChanged(ticketId);
}

void MainWindow::onAttachmentDownloaded(const QString &attachmentId)
{
    Q_UNUSED(attachmentId) // only the open ticket's files are asked for: its strip reads the cache again
    m_workbench->pane()->attachmentsChanged(m_workbench->pane()->ticketId());
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog(this, this).exec();
}

void MainWindow::onRevealAlert(const QString &userName, int customers, int limit, int minutes)
{
    if (m_user.role != Role::Supervisor)
        return; // the server sends it to supervisors only; a stale message after a role change is dropped
    notify(tr("Customer data revealed unusually often"),
           tr("%1 revealed the data of %2 customers within %3 minutes (the limit is %4). Managers see each "
              "reveal in the access log.")
               .arg(userName)
               .arg(customers)
               .arg(minutes)
               .arg(limit),
           {});
}

void MainWindow::notify(const QString &title, const QString &message, const QString &ticketId)
{
    m_lastNotifiedTicket = ticketId;
    statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
}

} // namespace pd
