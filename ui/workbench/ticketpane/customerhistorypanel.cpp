#include "customerhistorypanel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kOpenRole = Qt::UserRole + 2; ///< the row's ticket can take a merge (open, not merged)
} // namespace

CustomerHistoryPanel::CustomerHistoryPanel(const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_zone(zone)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_merge(new QPushButton(this))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(u"customerHistorySummary"_s);
    m_list->setObjectName(u"customerHistoryList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnCount(5);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemActivated, this, &CustomerHistoryPanel::activate);
    m_merge->setObjectName(u"customerHistoryMerge"_s);
    m_merge->hide();
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CustomerHistoryPanel::updateMerge);
    connect(m_merge, &QPushButton::clicked, this, [this] {
        if (const QTreeWidgetItem *item = m_list->currentItem(); item && m_merge->isEnabled())
            Q_EMIT mergeRequested(item->data(0, kIdRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_merge, 0, Qt::AlignLeft);
    retranslate();
}

void CustomerHistoryPanel::setHistory(const CustomerHistory &history)
{
    m_history = history;
    show(history);
}

void CustomerHistoryPanel::clear()
{
    m_history.reset();
    m_summary->clear();
    m_list->clear();
}

void CustomerHistoryPanel::show(const CustomerHistory &h)
{
    QStringList parts;
    if (h.keyAccount)
        parts << tr("★ Key account");
    parts << tr("%n complaint(s) in 30 days", nullptr, h.last30Days)
          << tr("%n in 90 days", nullptr, h.last90Days);
    parts << (h.lastCsat ? tr("last satisfaction %1/5").arg(*h.lastCsat) : tr("no satisfaction score yet"));
    if (h.total == 0)
        parts << tr("no other ticket");
    else if (h.total > h.tickets.size())
        parts << tr("the newest %1 of %2 other tickets").arg(h.tickets.size()).arg(h.total);
    m_summary->setText(parts.join(u" · "_s));

    m_list->clear();
    for (const CustomerTicket &t : h.tickets) {
        QStringList match;
        if (t.samePhone)
            match << tr("phone");
        if (t.sameWaybill)
            match << tr("waybill");
        auto *item = new QTreeWidgetItem(
            m_list,
            {t.number, QDateTime::fromMSecsSinceEpoch(t.createdAt, m_zone).toString(u"yyyy-MM-dd HH:mm"_s),
             displayName(t.category), displayName(t.status), match.join(u", "_s)});
        item->setData(0, kIdRole, t.id);
        item->setData(0, kOpenRole, t.status != TicketStatus::Closed && !t.merged);
        if (t.csat)
            item->setToolTip(3, tr("Satisfaction %1/5").arg(*t.csat));
    }
}

void CustomerHistoryPanel::setMergeAllowed(bool visible, const QString &reason)
{
    m_merge->setVisible(visible);
    m_mergeRefusal = reason;
    updateMerge();
}

void CustomerHistoryPanel::updateMerge()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    QString why = m_mergeRefusal;
    if (why.isEmpty() && !item)
        why = tr("Select the ticket to merge this one into.");
    else if (why.isEmpty() && !item->data(0, kOpenRole).toBool())
        why = tr("A closed or merged ticket cannot take a merge.");
    m_merge->setEnabled(why.isEmpty());
    m_merge->setToolTip(why.isEmpty() ? tr("Moves this ticket's conversation and files to the selected one "
                                           "and closes this one.")
                                      : why);
}

void CustomerHistoryPanel::activate(QTreeWidgetItem *item)
{
    if (item)
        Q_EMIT openTicketRequested(item->data(0, kIdRole).toString());
}

void CustomerHistoryPanel::retranslate()
{
    m_list->setHeaderLabels({tr("Ticket"), tr("Created"), tr("Category"), tr("Status"), tr("Same")});
    m_list->setAccessibleName(tr("The customer's other tickets"));
    m_merge->setText(tr("Merge into se&lected…"));
    updateMerge();
    if (m_history)
        show(*m_history);
}

void CustomerHistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace pd
