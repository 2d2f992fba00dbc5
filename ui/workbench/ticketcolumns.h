#pragma once

#include <QObject>
#include <QStringList>

#include <array>

class QTableView;

namespace pd {

/**
 * @brief Widths of the ticket table's columns that fit what each can show in the current language.
 *
 * A column whose texts are known in advance (SLA badge, number, waybill, category, priority, status, age)
 * wants the width of the widest of them and of its header; the assignee column that of the widest name of the
 * directory (up to a limit). The customer column fills what is left of the view. When the view is too narrow
 * for that, the category and assignee columns give way first (down to a minimum), then the customer column:
 * all of them elide, and TicketDelegate shows an elided text whole as the cell's tooltip. The column of why a
 * search result matched is shown with search results only, and gives way like category and assignee. So at
 * 1600 px every column stays on screen in every language and only long names are shortened. A width the
 * person sets by dragging is kept as that column's wish.
 */
class TicketColumns final : public QObject
{
    Q_OBJECT
public:
    /// @brief Sizes @p view's columns (a TicketTableModel) and follows its resizes; a child of @p view.
    explicit TicketColumns(QTableView *view);

    /// @brief The directory's names (the assignee column's width follows the widest).
    void setAssigneeNames(QStringList names);
    /// @brief Shows the column of why search results matched (search results) or hides it (queues).
    void setMatchShown(bool shown);
    /// @brief Every column back to what its texts need (the language changed).
    void fit();
    /// @brief After a restored header: saved widths stay unless narrower than the texts need.
    void adoptRestored();
    /// @brief The width column @p column needs in the view's font (text, padding, header).
    [[nodiscard]] int neededWidth(int column) const;
    /// @brief The width column @p column's title needs (a column never gives way below it).
    [[nodiscard]] int headerWidth(int column) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(TicketColumns)
    void share();
    void onSectionResized(int column, int oldSize, int newSize);

    QTableView *m_view;
    QStringList m_names;
    std::array<int, 16> m_wanted{};
    bool m_applying = false;
};

} // namespace pd
