#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace pd {

/**
 * @brief Paints the queue's cells: the SLA column as a coloured badge with a shape per state (circle on
 * track, triangle at risk, square breached, tick met, bars paused), so it reads without colour too, and the
 * search terms highlighted in the other columns. Text is drawn as plain text, never as HTML. A text too long
 * for its cell is elided and shown whole as the cell's tooltip (unless the model gives one of its own).
 */
class TicketDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TicketDelegate(int slaColumn, QObject *parent = nullptr);
    void setHighlightTerms(QStringList terms) { m_terms = std::move(terms); }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    /// @brief The tooltip the cell shows: the model's, else its whole text when the cell elides it.
    [[nodiscard]] QString toolTip(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /// @brief @p text as a tooltip that shows it as typed (escaped when Qt would take it for markup).
    [[nodiscard]] static QString plainToolTip(const QString &text);
    /// @brief Whether the cell's text is shortened to fit (drawn with an ellipsis).
    [[nodiscard]] bool isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const;

private:
    void paintSla(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintHighlighted(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                          const QString &text) const;
    /// The width the cell's text is drawn in, and the font it is drawn with.
    [[nodiscard]] int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index,
                                QFont *font) const;
    int m_slaColumn;
    QStringList m_terms;
};

} // namespace pd
