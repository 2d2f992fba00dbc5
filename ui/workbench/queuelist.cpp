#include "queuelist.h"

#include "ui/common/language.h"

#include <QEvent>

namespace pd {

QueueList::QueueList(QWidget *parent)
    : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::SingleSelection);
    const QList<Queue> queues = Queues::all();
    for (Queue queue : queues) {
        auto *item = new QListWidgetItem(this);
        item->setData(Qt::UserRole, int(queue));
    }
    m_counts = QList<int>(queues.size(), -1);
    retranslate();
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
    for (int i = 0; i < queues.size() && i < count(); ++i) {
        const int n = i < counts.size() ? counts[i] : -1;
        item(i)->setText(n < 0 ? Queues::title(queues[i])
                               : tr("%1  (%2)", "queue title and its count")
                                     .arg(Queues::title(queues[i]), Language::count(n)));
    }
}

void QueueList::retranslate()
{
    setAccessibleName(tr("Queues"));
    const QList<Queue> queues = Queues::all();
    for (int i = 0; i < queues.size() && i < count(); ++i)
        item(i)->setToolTip(tr("%1 (Alt+%2)").arg(Queues::title(queues[i])).arg(i + 1));
    setCounts(m_counts);
}

void QueueList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListWidget::changeEvent(event);
}

} // namespace pd
