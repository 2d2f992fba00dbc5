#include "ticketcolumns.h"

#include "models/itemmodels/tickettablemodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace pd {

namespace {
constexpr int kAssigneeMaxEm = 12;
constexpr int kCustomerMinEm = 7; ///< the customer column fills at least this, else the view scrolls
constexpr int kGivingMinEm = 5;   ///< category and assignee shrink down to this when space is short
constexpr int kMatchEm = 20;      ///< the search excerpt's column
static_assert(TicketTableModel::ColumnCount <= 16);
} // namespace

TicketColumns::TicketColumns(QTableView *view)
    : QObject(view)
    , m_view(view)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(std::min(header->minimumSectionSize(), 24));
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::Interactive);
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, &TicketColumns::onSectionResized);
    connect(header, &QHeaderView::sectionCountChanged, this, &TicketColumns::share);
    header->setSectionHidden(TicketTableModel::Match, true);
    fit();
}

int TicketColumns::neededWidth(int column) const
{
    const QFontMetrics fm = m_view->fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    // The item's text margins (QCommonStyle: one focus frame on each side) and the grid line.
    const int margin =
        2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    QStringList texts = TicketTableModel::widestTexts(column);
    if (column == TicketTableModel::Assignee)
        texts += m_names;
    QFont bold = m_view->font();
    bold.setBold(true); // the SLA badge is bold at risk and breached
    const QFontMetrics textMetrics = column == TicketTableModel::Sla ? QFontMetrics(bold) : fm;
    int text = 0;
    for (const QString &t : std::as_const(texts))
        text = std::max(text, textMetrics.horizontalAdvance(t));
    if (column == TicketTableModel::Sla)
        text += fm.height() + 20; // the badge's shape and the pill's insets (TicketDelegate)
    if (column == TicketTableModel::Assignee)
        text = std::min(text, em * kAssigneeMaxEm);
    if (column == TicketTableModel::Customer)
        text = std::max(em * kCustomerMinEm, text);
    if (column == TicketTableModel::Match)
        text = em * kMatchEm;
    return std::max(text + margin, headerWidth(column));
}

int TicketColumns::headerWidth(int column) const
{
    const QHeaderView *header = m_view->horizontalHeader();
    const QString title = m_view->model()->headerData(column, Qt::Horizontal).toString();
    return header->fontMetrics().horizontalAdvance(title) +
           2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) +
           header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + 6;
}

void TicketColumns::setAssigneeNames(QStringList names)
{
    m_names = std::move(names);
    m_wanted[TicketTableModel::Assignee] =
        std::max(m_wanted[TicketTableModel::Assignee], neededWidth(TicketTableModel::Assignee));
    share();
}

void TicketColumns::setMatchShown(bool shown)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (header->isSectionHidden(TicketTableModel::Match) == !shown)
        return;
    m_applying = true;
    header->setSectionHidden(TicketTableModel::Match, !shown);
    m_applying = false;
    share();
}

void TicketColumns::fit()
{
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        m_wanted[c] = neededWidth(c);
    share();
}

void TicketColumns::adoptRestored()
{
    const QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        m_wanted[c] = std::max(header->sectionSize(c), neededWidth(c));
    share();
}

void TicketColumns::share()
{
    QHeaderView *header = m_view->horizontalHeader();
    if (header->count() < TicketTableModel::ColumnCount)
        return;
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    std::array<int, 16> size = m_wanted;
    const auto shown = [header](int c) { return !header->isSectionHidden(c); };
    int others = 0;
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        if (c != TicketTableModel::Customer && shown(c))
            others += size[c];
    const int available = m_view->viewport()->width();
    const int customerWish = shown(TicketTableModel::Customer) ? size[TicketTableModel::Customer] : 0;
    int short_ = others + customerWish - available;
    // Too narrow: category and assignee give way (elided, whole in the tooltip), the widest first.
    for (int c : {TicketTableModel::Match, TicketTableModel::Category, TicketTableModel::Assignee}) {
        if (short_ <= 0 || !shown(c))
            continue;
        const int floor =
            std::min(size[c], std::max(em * kGivingMinEm, headerWidth(c))); // the title stays whole
        const int give = std::min(short_, size[c] - floor);
        size[c] -= give;
        others -= give;
        short_ -= give;
    }
    // Then the customer column, down to a minimum; narrower still, the view scrolls.
    size[TicketTableModel::Customer] =
        std::max(shown(TicketTableModel::Customer) ? em * kCustomerMinEm : 0, available - others);
    m_applying = true;
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c)
        if (size[c] > 0 && header->sectionSize(c) != size[c] && (shown(c) || c != TicketTableModel::Customer))
            header->resizeSection(c, size[c]);
    m_applying = false;
}

void TicketColumns::onSectionResized(int column, int, int newSize)
{
    if (m_applying || column < 0 || column >= TicketTableModel::ColumnCount)
        return;
    // Dragged by the person: that is the column's wish now; the customer column takes up the difference.
    // (Hiding a column resizes it to 0: only the others move.)
    if (column != TicketTableModel::Customer && newSize > 0)
        m_wanted[column] = newSize;
    share();
}

bool TicketColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        share();
    return QObject::eventFilter(watched, event);
}

} // namespace pd
