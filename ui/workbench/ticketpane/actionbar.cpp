#include "actionbar.h"

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

void ActionBar::evaluate(const User &user, const Ticket &ticket, bool inConflict, const QList<User> &members)
{
    for (auto it = m_buttons.begin(); it != m_buttons.end(); ++it)
        apply(*it, PaneActionRules::check(it.key(), user, ticket, inConflict));

    m_assignee->clear();
    m_assignee->addItem(tr("(nobody)"), QString());
    for (const User &u : members)
        m_assignee->addItem(u.displayName, u.id);
    m_assignee->setCurrentIndex(std::max(m_assignee->findData(ticket.assigneeId), 0));
    const QPushButton *assign = m_buttons.value(PaneAction::Assign);
    m_assignee->setEnabled(assign->isEnabled());
    m_assignee->setToolTip(assign->toolTip());
}

void ActionBar::disableAll(const QString &reason)
{
    for (QPushButton *b : std::as_const(m_buttons))
        apply(b, {false, reason});
    m_assignee->clear();
    m_assignee->setEnabled(false);
}

QString ActionBar::chosenAssignee() const
{
    return m_assignee->currentData().toString();
}

} // namespace pd
