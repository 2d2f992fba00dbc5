#include "filterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

namespace pd {

namespace {

template<typename E>
QComboBox *enumCombo(const QString &any, const QString &accessible, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setAccessibleName(accessible);
    box->setToolTip(accessible);
    box->addItem(any);
    for (const QString &code : allCodes<E>())
        box->addItem(displayName(*fromCode<E>(code)), code);
    return box;
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
    , m_category(enumCombo<Category>(tr("All categories"), tr("Category filter"), this))
    , m_priority(enumCombo<Priority>(tr("All priorities"), tr("Priority filter"), this))
    , m_channel(enumCombo<Channel>(tr("All channels"), tr("Channel filter"), this))
    , m_status(enumCombo<TicketStatus>(tr("All statuses"), tr("Status filter"), this))
    , m_assignee(new QComboBox(this))
    , m_debounce(new QTimer(this))
{
    m_search->setPlaceholderText(
        tr("Search waybill, phone or its last 4 digits, name, ticket number, words… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 14);
    m_search->setAccessibleName(tr("Search tickets"));
    m_assignee->setAccessibleName(tr("Assignee filter"));
    m_assignee->setToolTip(tr("Assignee filter"));
    m_assignee->addItem(tr("Anyone"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 3);
    for (QComboBox *box : {m_category, m_priority, m_channel, m_status, m_assignee}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        layout->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::filterChanged);
    }

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { Q_EMIT searchChanged(searchText()); });
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
    Q_EMIT filterChanged();
}

} // namespace pd
