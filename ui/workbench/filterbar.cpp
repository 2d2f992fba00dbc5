#include "filterbar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace pd {

namespace {

template<typename E>
QComboBox *enumCombo(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QString());
    for (const QString &code : allCodes<E>())
        box->addItem(QString(), code);
    return box;
}

// Item 0 is "any"; the others are named after their code, in the current language.
template<typename E>
void nameCombo(QComboBox *box, const QString &any, const QString &accessible)
{
    box->setAccessibleName(accessible);
    box->setToolTip(accessible);
    box->setItemText(0, any);
    for (int i = 1; i < box->count(); ++i)
        box->setItemText(i, displayName(*fromCode<E>(box->itemData(i).toString())));
}

template<typename E>
std::optional<E> chosen(const QComboBox *box)
{
    const QString code = box->currentData().toString();
    return code.isEmpty() ? std::nullopt : fromCode<E>(code);
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_category(enumCombo<Category>(this))
    , m_priority(enumCombo<Priority>(this))
    , m_channel(enumCombo<Channel>(this))
    , m_status(enumCombo<TicketStatus>(this))
    , m_assignee(new QComboBox(this))
    , m_evidence(new QToolButton(this))
    , m_debounce(new QTimer(this))
{
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 14);
    m_assignee->addItem(QString());
    retranslate();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 3);
    for (QComboBox *box : {m_category, m_priority, m_channel, m_status, m_assignee}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        layout->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::filterChanged);
    }
    m_evidence->setCheckable(true);
    layout->addWidget(m_evidence);
    connect(m_evidence, &QToolButton::toggled, this, &FilterBar::filterChanged);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { Q_EMIT searchChanged(searchText()); });
}

void FilterBar::retranslate()
{
    m_search->setPlaceholderText(
        tr("Search waybill, phone or its last 4 digits, name, ticket number, words… (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search tickets"));
    nameCombo<Category>(m_category, tr("All categories"), tr("Category filter"));
    nameCombo<Priority>(m_priority, tr("All priorities"), tr("Priority filter"));
    nameCombo<Channel>(m_channel, tr("All channels"), tr("Channel filter"));
    nameCombo<TicketStatus>(m_status, tr("All statuses"), tr("Status filter"));
    m_assignee->setAccessibleName(tr("Assignee filter"));
    m_assignee->setToolTip(tr("Assignee filter"));
    m_assignee->setItemText(0, tr("Anyone"));
    m_evidence->setText(tr("Evidence incomplete"));
    m_evidence->setToolTip(
        tr("Only damage and loss complaints still missing evidence their checklist asks for"));
    m_evidence->setAccessibleName(m_evidence->text());
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString FilterBar::searchText() const
{
    return m_search->text().trimmed();
}

QueueFilter FilterBar::filter() const
{
    QueueFilter f;
    f.category = chosen<Category>(m_category);
    f.priority = chosen<Priority>(m_priority);
    f.channel = chosen<Channel>(m_channel);
    f.status = chosen<TicketStatus>(m_status);
    f.assigneeId = m_assignee->currentData().toString();
    f.evidenceIncomplete = m_evidence->isChecked();
    return f;
}

void FilterBar::setUsers(const QList<User> &users)
{
    const QString current = m_assignee->currentData().toString();
    const QSignalBlocker block(m_assignee);
    while (m_assignee->count() > 1)
        m_assignee->removeItem(1);
    for (const User &u : users)
        if (!u.disabled)
            m_assignee->addItem(u.displayName.isEmpty() ? u.login : u.displayName, u.id);
    const int at = m_assignee->findData(current);
    m_assignee->setCurrentIndex(at < 0 ? 0 : at);
}

void FilterBar::clearFilters()
{
    for (QComboBox *box : {m_category, m_priority, m_channel, m_status, m_assignee}) {
        const QSignalBlocker block(box);
        box->setCurrentIndex(0);
    }
    {
        const QSignalBlocker block(m_evidence);
        m_evidence->setChecked(false);
    }
    Q_EMIT filterChanged();
}

} // namespace pd
