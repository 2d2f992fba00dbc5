#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);

    const auto addRow = [this](const QString &menu, const QAction *a) {
        // A hidden entry's keys do nothing (a page the user's role does not have).
        if (a->shortcuts().isEmpty() || !a->isVisible())
            return;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(menu));
        m_table->setItem(row, 1, new QTableWidgetItem(QString(a->text()).remove(QLatin1Char('&'))));
        m_table->setItem(row, 2, new QTableWidgetItem(keys.join(tr(" or "))));
    };
    std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu, const QString &path) {
        for (const QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu(),
                     path + QStringLiteral(" › ") + QString(a->menu()->title()).remove(QLatin1Char('&')));
            else if (!a->isSeparator())
                addRow(path, a);
        }
    };
    if (const auto *mw = window->findChild<QMenuBar *>()) {
        for (const QAction *top : mw->actions())
            if (top->menu())
                walk(top->menu(), QString(top->menu()->title()).remove(QLatin1Char('&')));
    }
    m_table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace pd
