#include "conflictbanner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pd {

namespace {
QString valueText(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return ConflictBanner::tr("(empty)");
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? ConflictBanner::tr("yes") : ConflictBanner::tr("no");
    return v.toString();
}
} // namespace

ConflictBanner::ConflictBanner(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_keepMine(new QPushButton(tr("Keep mine"), this))
    , m_takeTheirs(new QPushButton(tr("Take theirs"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"pd--ConflictBanner { background-color: #fde8e8; }"_qs);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setText(
        tr("Someone else changed this ticket on the server while you edited it. Nothing is lost: "
           "choose which version stays."));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Yours"), tr("Server's")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(120);
    m_keepMine->setToolTip(tr("Send your change again on top of the server's version"));
    m_takeTheirs->setToolTip(tr("Drop your change and use the server's copy"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_keepMine);
    buttons->addWidget(m_takeTheirs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_keepMine, &QPushButton::clicked, this, &ConflictBanner::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &ConflictBanner::takeTheirs);
}

void ConflictBanner::showConflict(const TicketConflict &c)
{
    const QJsonObject server = c.serverCopy.toJson();
    const QStringList fields = c.localFields.keys();
    m_table->setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        // QTableWidgetItem shows plain text: nothing typed is interpreted.
        m_table->setItem(i, 0, new QTableWidgetItem(fields[i]));
        m_table->setItem(i, 1, new QTableWidgetItem(valueText(c.localFields.value(fields[i]))));
        m_table->setItem(i, 2, new QTableWidgetItem(valueText(server.value(fields[i]))));
    }
}

} // namespace pd
