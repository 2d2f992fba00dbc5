#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace pd {

/**
 * @brief Paints the queue's cells: the SLA column as a coloured badge with a shape per state (circle on
 * track, triangle at risk, square breached, tick met, bars paused), so it reads without colour too, and the
 * search terms highlighted in the other columns. Text is drawn as plain text, never as HTML.
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

private:
    void paintSla(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintHighlighted(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                          const QString &text) const;
    int m_slaColumn;
    QStringList m_terms;
};

} // namespace pd
