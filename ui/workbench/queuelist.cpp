#include "queuelist.h"

#include <QLocale>

namespace pd {

QueueList::QueueList(QWidget *parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Queues"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    const QList<Queue> queues = Queues::all();
    for (int i = 0; i < queues.size(); ++i) {
        auto *item = new QListWidgetItem(Queues::title(queues[i]), this);
        item->setData(Qt::UserRole, int(queues[i]));
        item->setToolTip(tr("%1 (Alt+%2)").arg(Queues::title(queues[i])).arg(i + 1));
    }
    m_counts = QList<int>(queues.size(), -1);
    setCurrentRow(0);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT queueChosen(Queue(item(row)->data(Qt::UserRole).toInt()));
    });
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
}

Queue QueueList::currentQueue() const
{
    const QListWidgetItem *it = currentItem();
    return it ? Queue(it->data(Qt::UserRole).toInt()) : Queue::Mine;
}

void QueueList::setCurrentQueue(Queue queue)
{
    setCurrentRow(int(Queues::all().indexOf(queue)));
}

int QueueList::countOf(Queue queue) const
{
    const qsizetype i = Queues::all().indexOf(queue);
    return i >= 0 && i < m_counts.size() ? m_counts[i] : -1;
}

void QueueList::setCounts(const QList<int> &counts)
{
    m_counts = counts;
    const QList<Queue> queues = Queues::all();
    const QLocale locale;
    for (int i = 0; i < queues.size() && i < count(); ++i) {
        const int n = i < counts.size() ? counts[i] : -1;
        item(i)->setText(n < 0 ? Queues::title(queues[i])
                               : tr("%1  (%2)", "queue title and its count")
                                     .arg(Queues::title(queues[i]), locale.toString(n)));
    }
}

} // namespace pd
