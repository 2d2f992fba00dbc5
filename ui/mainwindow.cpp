#include "mainwindow.h"

#include "common/shortcutsdialog.h"
#include "common/slanotifier.h"
#include "common/syncstatuswidget.h"
#include "dashboard/dashboardpage.h"
#include "map/mappage.h"
#include "map/parcelminimap.h"
#include "models/domain/clock.h"
#include "models/itemmodels/queues.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "reports/reportspage.h"
#include "workbench/queuelist.h"
#include "workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "workbench/ticketpane/newticketdialog.h"
#include "workbench/ticketpane/resolvedialog.h"
#include "workbench/ticketpane/ticketpane.h"
#include "workbench/workbenchpage.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>

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
    , m_syncStatus(new SyncStatusWidget(companyZone, this))
    , m_notifier(new SlaNotifier(db, &clock, this))
{
    setWindowTitle(tr("ParcelDesk"));
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
            Q_EMIT presenceReported(m_viewedTicket, u"leave"_qs);
        m_viewedTicket = ticketId;
        Q_EMIT presenceReported(ticketId, u"view"_qs);
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
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->setToolTip(tr("Cache: %1").arg(QDir::toNativeSeparators(db.path())));
    connect(m_workbench, &WorkbenchPage::countChanged, this, [this](int shown, int total) {
        m_countLabel->setText(
            total < 0
                ? tr("%Ln ticket(s) shown", nullptr, shown)
                : tr("%1 of %2 ticket(s) shown").arg(QLocale().toString(shown), QLocale().toString(total)));
    });
    connect(m_workbench, &WorkbenchPage::edited, this, [this](const QString &id) {
        Q_EMIT pushRequested();
        m_notifier->reloadSoon();
        Q_UNUSED(id)
    });
    connect(m_notifier, &SlaNotifier::notified, this, &MainWindow::notify);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("ParcelDesk"));
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
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New ticket…"), QKeySequence::New, this, &MainWindow::newTicket);
    file->addAction(tr("&Sync now"), QKeySequence(Qt::Key_F5), this, &MainWindow::syncRequested);
    file->addSeparator();
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    TicketPane *pane = m_workbench->pane();
    QMenu *ticket = menuBar()->addMenu(tr("&Ticket"));
    QAction *next = ticket->addAction(tr("&Next ticket"), m_workbench, &WorkbenchPage::nextTicket);
    next->setShortcuts({QKeySequence(Qt::Key_J), QKeySequence(Qt::CTRL | Qt::Key_Down)});
    QAction *previous =
        ticket->addAction(tr("&Previous ticket"), m_workbench, &WorkbenchPage::previousTicket);
    previous->setShortcuts({QKeySequence(Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_Up)});
    ticket->addSeparator();
    ticket->addAction(tr("&Take"), QKeySequence(Qt::CTRL | Qt::Key_T), pane, &TicketPane::take);
    ticket->addAction(tr("&Assign…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), pane,
                      &TicketPane::assign);
    ticket->addAction(tr("&Reply"), QKeySequence(Qt::CTRL | Qt::Key_R), pane, &TicketPane::focusReply);
    ticket->addAction(tr("Internal &note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), pane,
                      &TicketPane::focusNote);
    ticket->addAction(tr("&Log a call…"), QKeySequence(Qt::CTRL | Qt::Key_L), pane, &TicketPane::logCall);
    ticket->addAction(tr("Set &pending"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), pane,
                      &TicketPane::setPending);
    ticket->addAction(tr("&Escalate"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), pane,
                      &TicketPane::escalate);
    ticket->addAction(tr("Re&solve…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), pane,
                      &TicketPane::resolve);
    ticket->addAction(tr("Re&open"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), pane,
                      &TicketPane::reopen);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Search tickets"), m_workbench, &WorkbenchPage::focusSearch);
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    QMenu *queues = view->addMenu(tr("&Queues"));
    const QList<Queue> all = Queues::all();
    for (int i = 0; i < all.size(); ++i) {
        const Queue q = all[i];
        queues->addAction(Queues::title(q), QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this, [this, q] {
            m_pages->setCurrentWidget(m_workbench);
            m_workbench->showQueue(q);
        });
    }
    QMenu *pages = view->addMenu(tr("&Pages"));
    for (int i = 0; i < 4; ++i)
        pages->addAction(tr("Page %1").arg(i + 1), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                         [this, i] {
                             if (i < m_pages->count())
                                 m_pages->setCurrentIndex(i);
                         });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
}

void MainWindow::onPresence(const QString &ticketId, const QString &userId, const QString &userName,
                            const QString &mode)
{
    if (userId == m_user.id)
        return; // this person's own presence, possibly from another PC: not a collision worth a banner
    if (mode == u"leave"_qs)
        m_viewers[ticketId].remove(userId);
    else
        m_viewers[ticketId].insert(userId, mode == u"edit"_qs ? tr("%1 (editing)").arg(userName) : userName);
    if (m_viewers.value(ticketId).isEmpty())
        m_viewers.remove(ticketId);
    if (ticketId == m_viewedTicket)
        m_workbench->pane()->setViewers(m_viewers.value(ticketId).values());
}

void MainWindow::setCurrentUser(const User &user)
{
    m_user = user;
    setWindowTitle(
        tr("ParcelDesk — %1 (%2)")
            .arg(user.displayName.isEmpty() ? user.login : user.displayName, displayName(user.role)));
    m_workbench->setCurrentUser(user);
    m_notifier->setCurrentUser(user);
    if (user.role == Role::Supervisor) {
        if (m_dashboard)
            m_dashboard->setTeam(user.teamId);
        if (m_reports)
            m_reports->lockTeam(user.teamId);
    }
    arrangePages();
}

void MainWindow::onTicketsChanged(const QStringList &ids)
{
    m_workbench->onTicketsChanged(ids);
    m_notifier->reloadSoon();
    if (m_dashboard)
        m_dashboard->onTicketsChanged(ids);
}

void MainWindow::newTicket()
{
    NewTicketDialog dialog(m_db, m_clock, m_user, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Q_EMIT pushRequested();
    m_pages->setCurrentWidget(m_workbench);
    m_workbench->onTicketsChanged({dialog.createdTicketId()});
    m_workbench->openTicket(dialog.createdTicketId());
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog(this, this).exec();
}

void MainWindow::notify(const QString &title, const QString &message, const QString &ticketId)
{
    m_lastNotifiedTicket = ticketId;
    statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
}

} // namespace pd
