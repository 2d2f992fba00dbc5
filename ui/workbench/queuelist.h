#pragma once

#include "models/itemmodels/queues.h"

#include <QListWidget>

namespace pd {

/// @brief The queue list at the left of the workbench: each queue with its live count.
class QueueList final : public QListWidget
{
    Q_OBJECT
public:
    explicit QueueList(QWidget *parent = nullptr);
    [[nodiscard]] Queue currentQueue() const;
    void setCurrentQueue(Queue queue);
    /// @brief Counts in the order of Queues::all(); a negative count shows as unknown.
    void setCounts(const QList<int> &counts);
    [[nodiscard]] int countOf(Queue queue) const;

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void queueChosen(pd::Queue queue);

private:
    /// @brief Titles, counts and tooltips in the current language and locale.
    void retranslate();

    QList<int> m_counts;
};

} // namespace pd
