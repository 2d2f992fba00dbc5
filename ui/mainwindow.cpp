#include "mainwindow.h"

#include "common/syncstatuswidget.h"
#include "models/store/database.h"
#include "workbench/ticketlistpage.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>

namespace pd {

MainWindow::MainWindow(const Database &db, const QTimeZone &companyZone, QWidget *parent)
    : QMainWindow(parent)
    , m_tickets(new TicketListPage(db, companyZone, this))
    , m_cacheLabel(new QLabel(this))
    , m_syncStatus(new SyncStatusWidget(companyZone, this))
{
    setWindowTitle(tr("ParcelDesk"));
    setCentralWidget(m_tickets);
    resize(1280, 800);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Sync now"), QKeySequence(Qt::CTRL | Qt::Key_S), this, &MainWindow::syncRequested);
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Find…"), QKeySequence::Find, this, [this] {
        m_tickets->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_tickets->searchField()->selectAll();
    });
    view->addAction(tr("&Reload"), QKeySequence::Refresh, m_tickets, &TicketListPage::reload);

    m_cacheLabel->setText(tr("Cache: %1").arg(QDir::toNativeSeparators(db.path())));
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_cacheLabel);
    const auto showCount = [this](int shown, int total) {
        statusBar()->showMessage(tr("%1 of %2 ticket(s) shown").arg(shown).arg(total));
    };
    connect(m_tickets, &TicketListPage::countChanged, this, showCount);
    m_tickets->reload();
}

} // namespace pd
