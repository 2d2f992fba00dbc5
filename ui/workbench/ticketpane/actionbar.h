#pragma once

#include "paneactions.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QPushButton;

namespace pd {

/**
 * @brief The ticket pane's action buttons (take, assign, escalate, pending, resume, resolve, reopen, log a
 * call). Each is enabled or disabled by PaneActionRules, a disabled one carries the reason as its tooltip
 * and status tip.
 *
 * The assignee picker lists the team with each person's open tickets ("刘洋 (3 open)"). A person the user
 * picked stays picked while the same ticket is shown: the pane is evaluated again on every refresh (sync,
 * the list's debounce), and that must not undo a choice made a second before Assign is pressed.
 */
class ActionBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ActionBar(QWidget *parent = nullptr);

    /// @brief Re-evaluates every button for @p user on @p ticket; @p members fill the assignee list, each
    /// with their open tickets from @p openTickets (by user id). The user's choice in the list is kept.
    void evaluate(const User &user, const Ticket &ticket, bool inConflict, const QList<User> &members,
                  const QHash<QString, int> &openTickets);
    /// @brief Disables everything with @p reason (no ticket, or one the user cannot see).
    void disableAll(const QString &reason);

    [[nodiscard]] QPushButton *button(PaneAction action) const { return m_buttons.value(action); }
    [[nodiscard]] QComboBox *assigneeBox() const { return m_assignee; }
    /// @brief The user id chosen in the assignee list (empty: nobody).
    [[nodiscard]] QString chosenAssignee() const;
    /// @brief The name shown for @p userId in the assignee list, without the count (empty: not listed).
    [[nodiscard]] QString memberName(const QString &userId) const { return m_names.value(userId); }
    /// @brief Forgets the user's choice (it was assigned): the next evaluation shows the ticket's assignee.
    void clearChoice() { m_choice.reset(); }

Q_SIGNALS:
    void triggered(pd::PaneAction action);

protected:
    /// @brief QEvent::LanguageChange: the fixed texts in the current language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ActionBar)
    void retranslate();

    void add(PaneAction action);
    void fillAssignees(const Ticket &ticket, const QList<User> &members,
                       const QHash<QString, int> &openTickets);
    [[nodiscard]] static QString label(PaneAction action);
    static void apply(QPushButton *button, const ActionCheck &check);

    QHash<PaneAction, QPushButton *> m_buttons;
    QComboBox *m_assignee;
    QString m_ticketId;              ///< the ticket the list was filled for
    std::optional<QString> m_choice; ///< the user id the user picked for it (empty: nobody), until assigned
    QHash<QString, QString> m_names; ///< listed people's names by id
};

} // namespace pd
