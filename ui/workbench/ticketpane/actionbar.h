#pragma once

#include "paneactions.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace pd {

/**
 * @brief The ticket pane's action buttons (take, assign, escalate, pending, resume, resolve, reopen, log a
 * call). Each is enabled or disabled by PaneActionRules, a disabled one carries the reason as its tooltip
 * and status tip.
 */
class ActionBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ActionBar(QWidget *parent = nullptr);

    /// @brief Re-evaluates every button for @p user on @p ticket; @p members fill the assignee list.
    void evaluate(const User &user, const Ticket &ticket, bool inConflict, const QList<User> &members);
    /// @brief Disables everything with @p reason (no ticket, or one the user cannot see).
    void disableAll(const QString &reason);

    [[nodiscard]] QPushButton *button(PaneAction action) const { return m_buttons.value(action); }
    [[nodiscard]] QComboBox *assigneeBox() const { return m_assignee; }
    /// @brief The user id chosen in the assignee list (empty: nobody).
    [[nodiscard]] QString chosenAssignee() const;

Q_SIGNALS:
    void triggered(pd::PaneAction action);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ActionBar)
    void retranslate();

    void add(PaneAction action);
    [[nodiscard]] static QString label(PaneAction action);
    static void apply(QPushButton *button, const ActionCheck &check);

    QHash<PaneAction, QPushButton *> m_buttons;
    QComboBox *m_assignee;
};

} // namespace pd
