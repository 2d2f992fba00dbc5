#pragma once

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSplitterHandle>
#include <QStringList>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

/// @brief Layout checks of issue 24 over a tree of visible widgets: text cut without elision, visible
/// siblings that overlap. Each finding is one line naming the widget, its text and the widths.
namespace pd::test::layout {

inline QString nameOf(const QWidget *w)
{
    QString path;
    for (const QWidget *p = w; p && !p->isWindow(); p = p->parentWidget())
        path.prepend(u"/"_s + QString::fromLatin1(p->metaObject()->className()) +
                     (p->objectName().isEmpty() ? QString() : u"#"_s + p->objectName()));
    return path;
}

inline int widestLine(const QFontMetrics &fm, QString text)
{
    text.remove(QLatin1Char('&'));
    int widest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, fm.horizontalAdvance(line));
    return widest;
}

/// Texts wider than their widget and not elided: labels, buttons, tabs, header sections.
inline QStringList clippedTexts(const QWidget *root)
{
    QStringList out;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->width() <= 0 || qobject_cast<const QMenu *>(w))
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(w)) {
            const QString text = label->text();
            if (text.isEmpty() || label->wordWrap() || Qt::mightBeRichText(text) ||
                text.contains(QChar(0x2026)))
                continue;
            const int need =
                widestLine(label->fontMetrics(), text) + 2 * label->margin() + std::max(0, label->indent());
            if (need > label->contentsRect().width() + 1)
                out << u"%1 \"%2\": text %3 px in %4 px"_s.arg(nameOf(w), text)
                           .arg(need)
                           .arg(label->contentsRect().width());
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            if (button->text().isEmpty() || qobject_cast<const QTabBar *>(w->parentWidget()))
                continue;
            if (button->sizeHint().width() > button->width() + 1)
                out << u"%1 \"%2\": needs %3 px, has %4 px"_s.arg(nameOf(w), button->text())
                           .arg(button->sizeHint().width())
                           .arg(button->width());
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i))
                    continue;
                const int need = widestLine(tabs->fontMetrics(), tabs->tabText(i));
                const int room =
                    tabs->tabRect(i).width() -
                    2 * tabs->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, tabs) / 2;
                if (need > room)
                    out << u"%1 tab \"%2\": text %3 px in %4 px"_s.arg(nameOf(w), tabs->tabText(i))
                               .arg(need)
                               .arg(room);
            }
        } else if (const auto *header = qobject_cast<const QHeaderView *>(w)) {
            if (!header->model() || header->orientation() != Qt::Horizontal)
                continue;
            const int margin = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            for (int s = 0; s < header->count(); ++s) {
                if (header->isSectionHidden(s) || header->sectionViewportPosition(s) >= header->width())
                    continue;
                const QString title = header->model()->headerData(s, Qt::Horizontal).toString();
                const int need = widestLine(header->fontMetrics(), title) + margin;
                if (!title.isEmpty() && need > header->sectionSize(s))
                    out << u"%1 section \"%2\": text %3 px in %4 px"_s.arg(nameOf(w), title)
                               .arg(need)
                               .arg(header->sectionSize(s));
            }
        }
    }
    return out;
}

/// Visible siblings (not windows, not scroll bars or splitter handles) whose rectangles intersect.
inline QStringList overlaps(const QWidget *root)
{
    QStringList out;
    QList<const QWidget *> parents{root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        if (w->isVisibleTo(root))
            parents << w;
    for (const QWidget *parent : parents) {
        if (qobject_cast<const QAbstractScrollArea *>(parent))
            continue; // viewport and scroll bars are laid out by the area
        QList<const QWidget *> kids;
        for (QObject *o : parent->children()) {
            const auto *k = qobject_cast<const QWidget *>(o);
            if (k && !k->isWindow() && k->isVisibleTo(root) && k->width() > 0 && k->height() > 0 &&
                !qobject_cast<const QScrollBar *>(k) && !qobject_cast<const QSplitterHandle *>(k) &&
                !k->testAttribute(Qt::WA_TransparentForMouseEvents))
                kids << k;
        }
        for (int i = 0; i < kids.size(); ++i)
            for (int j = i + 1; j < kids.size(); ++j) {
                const QRect both = kids[i]->geometry().intersected(kids[j]->geometry());
                if (both.width() > 1 && both.height() > 1)
                    out << u"%1 overlaps %2 by %3x%4"_s.arg(nameOf(kids[i]), nameOf(kids[j]))
                               .arg(both.width())
                               .arg(both.height());
            }
    }
    return out;
}

} // namespace pd::test::layout
