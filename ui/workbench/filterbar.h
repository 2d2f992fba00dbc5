#pragma once

#include "models/domain/entities.h"
#include "models/itemmodels/queues.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;
class QToolButton;

namespace pd {

/// @brief Search as you type (debounced) and the queue filters: category, priority, channel, status,
/// assignee, and "Evidence incomplete" (damage and loss complaints still missing asked-for evidence).
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;
    explicit FilterBar(QWidget *parent = nullptr);
    [[nodiscard]] QueueFilter filter() const;
    [[nodiscard]] QString searchText() const;
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    /// @brief The "Evidence incomplete" toggle.
    [[nodiscard]] QToolButton *evidenceToggle() const { return m_evidence; }
    /// @brief People the assignee filter offers.
    void setUsers(const QList<User> &users);
    void clearFilters();

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void filterChanged();
    void searchChanged(const QString &text);

private:
    /// @brief Placeholder, names and the combo boxes' items in the current language (choices stay).
    void retranslate();

    QLineEdit *m_search;
    QComboBox *m_category;
    QComboBox *m_priority;
    QComboBox *m_channel;
    QComboBox *m_status;
    QComboBox *m_assignee;
    QToolButton *m_evidence;
    QTimer *m_debounce;
};

} // namespace pd
