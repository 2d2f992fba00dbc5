#pragma once

#include "models/store/customerhistoryrepository.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace pd {

/**
 * @brief The customer's other tickets in the ticket pane (docs/ticketpane.md, "Customer history"): how often
 * the customer complained in the last 30 and 90 days, the last satisfaction score, the key-account mark, and
 * every other ticket of the same phone or waybill the reader may read, newest first. Enter or a double-click
 * on one opens it. A supervisor can merge the ticket shown into the selected one (Merge into selected…,
 * Alt+L; enabled by setMergeAllowed() for an open ticket that is not merged itself).
 *
 * Shows only ticket numbers, dates, categories and states: no customer data, so nothing needs masking.
 */
class CustomerHistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerHistoryPanel(const QTimeZone &zone, QWidget *parent = nullptr);

    void setHistory(const CustomerHistory &history);
    void clear();
    /// @brief How many other tickets the history shown found (0 when cleared).
    [[nodiscard]] int shownTotal() const { return m_history ? m_history->total : 0; }

    /// @brief The counts line ("3 complaints in 30 days · …").
    [[nodiscard]] QLabel *summary() const { return m_summary; }
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *mergeButton() const { return m_merge; }

    /// @brief Shows Merge into selected… (supervisors: @p visible) and why it is disabled (@p reason empty:
    /// it is not).
    void setMergeAllowed(bool visible, const QString &reason);

Q_SIGNALS:
    void openTicketRequested(const QString &ticketId);
    /// @brief Merge the ticket shown into @p ticketId (the selected row).
    void mergeRequested(const QString &ticketId);

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(CustomerHistoryPanel)
    void retranslate();
    void show(const CustomerHistory &history);
    void activate(QTreeWidgetItem *item);
    void updateMerge();

    QTimeZone m_zone;
    std::optional<CustomerHistory> m_history;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_merge;
    QString m_mergeRefusal; ///< why the shown ticket cannot be merged (empty: it can)
};

} // namespace pd
