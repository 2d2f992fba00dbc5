#include "ticketdelegate.h"

#include "models/itemmodels/tickettablemodel.h"
#include "models/sla/slatypes.h"
#include "ui/common/slalook.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

void drawShape(QPainter *p, SlaState state, const QRectF &r, const QColor &ink)
{
    p->setPen(QPen(ink, 1.6));
    p->setBrush(ink);
    switch (state) {
    case SlaState::OnTrack:
        p->drawEllipse(r.adjusted(1, 1, -1, -1));
        break;
    case SlaState::AtRisk: {
        QPainterPath tri;
        tri.moveTo(r.center().x(), r.top());
        tri.lineTo(r.right(), r.bottom());
        tri.lineTo(r.left(), r.bottom());
        tri.closeSubpath();
        p->drawPath(tri);
        break;
    }
    case SlaState::Breached:
        p->drawRect(r.adjusted(1, 1, -1, -1));
        break;
    case SlaState::Met: {
        p->setBrush(Qt::NoBrush);
        QPainterPath tick;
        tick.moveTo(r.left(), r.center().y());
        tick.lineTo(r.left() + r.width() * 0.4, r.bottom());
        tick.lineTo(r.right(), r.top());
        p->drawPath(tick);
        break;
    }
    case SlaState::Paused:
        p->drawRect(QRectF(r.left() + 1, r.top(), r.width() * 0.3, r.height()));
        p->drawRect(QRectF(r.right() - 1 - r.width() * 0.3, r.top(), r.width() * 0.3, r.height()));
        break;
    }
}

} // namespace

TicketDelegate::TicketDelegate(int slaColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_slaColumn(slaColumn)
{}

QSize TicketDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_slaColumn)
        s.rwidth() += option.fontMetrics.height() + 8;
    return s;
}

namespace {
/// The badge's pill, its shape's size and the rectangle its text is drawn in.
QRectF slaTextRect(const QRect &cell, qreal *iconSize = nullptr)
{
    const QRectF pill = QRectF(cell).adjusted(2, 3, -2, -3);
    const qreal icon = std::min<qreal>(pill.height() - 6, 10);
    if (iconSize)
        *iconSize = icon;
    return pill.adjusted(icon + 10, 0, -4, 0);
}

QFont slaFont(const QFont &base, SlaState state)
{
    QFont f = base;
    if (state == SlaState::Breached || state == SlaState::AtRisk)
        f.setBold(true);
    return f;
}
} // namespace

int TicketDelegate::textWidth(const QStyleOptionViewItem &option, const QModelIndex &index, QFont *font) const
{
    if (index.column() == m_slaColumn) {
        *font = slaFont(option.font, SlaState(index.data(TicketTableModel::SlaStateRole).toInt()));
        return int(slaTextRect(option.rect).width());
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    *font = opt.font;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // QCommonStyle draws an item's text inside SE_ItemViewItemText less one focus-frame margin each side.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).width() - 2 * margin;
}

bool TicketDelegate::isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return false;
    QFont font;
    const int width = textWidth(option, index, &font);
    return QFontMetrics(font).horizontalAdvance(text) > width;
}

QString TicketDelegate::toolTip(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString own = index.data(Qt::ToolTipRole).toString();
    if (!own.isEmpty())
        return own;
    return isElided(option, index) ? index.data(Qt::DisplayRole).toString() : QString();
}

QString TicketDelegate::plainToolTip(const QString &text)
{
    // QToolTip renders anything that looks like markup as HTML: a customer's "<b>" or a server's error text
    // must show as typed.
    if (!Qt::mightBeRichText(text))
        return text;
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

bool TicketDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = toolTip(option, index);
    if (tip.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return false;
    }
    QToolTip::showText(event->globalPos(), plainToolTip(tip), view->viewport(), option.rect);
    return true;
}

void TicketDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    if (index.column() == m_slaColumn && index.data(TicketTableModel::LoadedRole).toBool()) {
        paintSla(painter, option, index);
        return;
    }
    const QString text = index.data(Qt::DisplayRole).toString();
    if (m_terms.isEmpty() || text.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintHighlighted(painter, option, index, text);
}

void TicketDelegate::paintSla(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = SlaState(index.data(TicketTableModel::SlaStateRole).toInt());
    const SlaLook look = slaLook(state);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF pill = QRectF(option.rect).adjusted(2, 3, -2, -3);
    painter->setPen(Qt::NoPen);
    painter->setBrush(look.fill);
    painter->drawRoundedRect(pill, 4, 4);
    qreal icon = 0;
    const QRectF textRect = slaTextRect(option.rect, &icon);
    const QRectF iconRect(pill.left() + 5, pill.center().y() - icon / 2, icon, icon);
    drawShape(painter, state, iconRect, look.ink);
    painter->setPen(look.ink);
    const QFont f = slaFont(option.font, state);
    painter->setFont(f);
    painter->drawText(
        textRect, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(f).elidedText(index.data().toString(), Qt::ElideRight, int(textRect.width())));
    painter->restore();
}

void TicketDelegate::paintHighlighted(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index, const QString &text) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // Mark every occurrence of every term (case-insensitive), then draw the text over the marks.
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(3, 0, -3, 0);
    const QFontMetrics fm(opt.font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, textRect.width());
    painter->save();
    painter->setFont(opt.font);
    for (const QString &term : m_terms) {
        if (term.isEmpty())
            continue;
        for (qsizetype at = shown.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = shown.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            const int x = fm.horizontalAdvance(shown.left(at));
            const int w = fm.horizontalAdvance(shown.mid(at, term.size()));
            painter->fillRect(QRect(textRect.left() + x, textRect.top() + 2, w, textRect.height() - 4),
                              QColor(0xff, 0xe0, 0x66));
        }
    }
    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.highlightedText().color()
                                                       : opt.palette.text().color());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, shown);
    painter->restore();
}

} // namespace pd
