#include "actionbar.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QPushButton>

namespace pd {

namespace {
constexpr int kColumns = 4;
} // namespace

ActionBar::ActionBar(QWidget *parent)
    : QWidget(parent)
    , m_assignee(new QComboBox(this))
{
    // Two rows, so the pane stays narrow enough beside the queue on a laptop screen.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setLayout(layout);
    add(PaneAction::Take);
    layout->addWidget(m_assignee, 0, 1);
    for (PaneAction a : {PaneAction::Assign, PaneAction::Escalate, PaneAction::SetPending, PaneAction::Resume,
                         PaneAction::Resolve, PaneAction::Reopen, PaneAction::Call})
        add(a);
    layout->setColumnStretch(kColumns, 1);
    // Only a pick by the user (mouse or keyboard) counts as a choice; filling the list does not.
    connect(m_assignee, &QComboBox::activated, this,
            [this](int index) { m_choice = m_assignee->itemData(index).toString(); });
    retranslate();
}

QString ActionBar::label(PaneAction action)
{
    switch (action) {
    case PaneAction::Take:
        return tr("Take");
    case PaneAction::Assign:
        return tr("Assign");
    case PaneAction::Escalate:
        return tr("Escalate");
    case PaneAction::SetPending:
        return tr("Set pending");
    case PaneAction::Resume:
        return tr("Resume");
    case PaneAction::Resolve:
        return tr("Resolve…");
    case PaneAction::Reopen:
        return tr("Reopen");
    case PaneAction::Call:
        return tr("Log call…");
    default:
        return {};
    }
}

void ActionBar::retranslate()
{
    m_assignee->setAccessibleName(tr("Assign to"));
    for (auto it = m_buttons.begin(); it != m_buttons.end(); ++it)
        it.value()->setText(label(it.key()));
}

void ActionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ActionBar::add(PaneAction action)
{
    auto *b = new QPushButton(this);
    m_buttons.insert(action, b);
    // Take and the assignee box share the first row with Assign; the rest flow in rows of kColumns.
    auto *grid = static_cast<QGridLayout *>(layout());
    const int at = int(m_buttons.size()) + (m_buttons.size() > 1 ? 1 : 0) - 1;
    grid->addWidget(b, at / kColumns, at % kColumns);
    connect(b, &QPushButton::clicked, this, [this, action] { Q_EMIT triggered(action); });
}

void ActionBar::apply(QPushButton *button, const ActionCheck &check)
{
    button->setEnabled(check.allowed);
    button->setToolTip(check.reason);
    button->setStatusTip(check.reason);
}

void ActionBar::evaluate(const User &user, const Ticket &ticket, bool inConflict, const QList<User> &members,
                         const QHash<QString, int> &openTickets)
{
    for (auto it = m_buttons.begin(); it != m_buttons.end(); ++it)
        apply(*it, PaneActionRules::check(it.key(), user, ticket, inConflict));
    fillAssignees(ticket, members, openTickets);
    const QPushButton *assign = m_buttons.value(PaneAction::Assign);
    m_assignee->setEnabled(assign->isEnabled());
    m_assignee->setToolTip(assign->toolTip());
}

void ActionBar::fillAssignees(const Ticket &ticket, const QList<User> &members,
                              const QHash<QString, int> &openTickets)
{
    if (ticket.id != m_ticketId) {
        m_ticketId = ticket.id;
        m_choice.reset(); // a choice belongs to the ticket it was made for
    }
    // An open list is left alone (it would change under the user's hand); the next refresh fills it.
    if (m_assignee->view()->isVisible())
        return;
    QList<std::pair<QString, QString>> items{{QString(), tr("(nobody)")}};
    m_names.clear();
    for (const User &u : members) {
        m_names.insert(u.id, u.displayName);
        items.append({u.id, tr("%1 (%n open)", nullptr, openTickets.value(u.id)).arg(u.displayName)});
    }
    bool same = m_assignee->count() == items.size();
    for (int i = 0; same && i < items.size(); ++i)
        same = m_assignee->itemData(i).toString() == items[i].first &&
               m_assignee->itemText(i) == items[i].second;
    if (!same) {
        m_assignee->clear();
        for (const auto &[id, text] : std::as_const(items))
            m_assignee->addItem(text, id);
    }
    if (m_choice && m_assignee->findData(*m_choice) < 0)
        m_choice.reset(); // the person left the team or was disabled
    m_assignee->setCurrentIndex(std::max(m_assignee->findData(m_choice.value_or(ticket.assigneeId)), 0));
}

void ActionBar::disableAll(const QString &reason)
{
    for (QPushButton *b : std::as_const(m_buttons))
        apply(b, {false, reason});
    m_assignee->clear();
    m_assignee->setEnabled(false);
    m_ticketId.clear();
    m_choice.reset();
    m_names.clear();
}

QString ActionBar::chosenAssignee() const
{
    return m_assignee->currentData().toString();
}

} // namespace pd
