#include "refusededits.h"

#include "conflictbanner.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

RefusedEdits::RefusedEdits(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_rows(new QVBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"pd--RefusedEdits { background-color: #fff4e0; }"_s);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    hide();
}

QString RefusedEdits::describe(const OutboxItem &item)
{
    const QJsonObject &p = item.payload;
    if (item.method == u"PATCH"_s) {
        QStringList parts;
        for (auto it = p.begin(); it != p.end(); ++it)
            parts.append(tr("%1: %2").arg(ConflictBanner::fieldLabel(it.key()),
                                          ConflictBanner::valueText(it.key(), it.value())));
        return parts.join(u"\n"_s);
    }
    if (item.path == u"/api/v1/tickets"_s)
        return tr("New ticket: %1").arg(p.value(u"description"_s).toString());
    const auto kind = fromCode<EventKind>(p.value(u"kind"_s).toString());
    const QString text = p.value(u"text"_s).toString();
    const QString name = kind ? displayName(*kind) : p.value(u"kind"_s).toString();
    return text.isEmpty() ? name : tr("%1: %2").arg(name, text);
}

void RefusedEdits::showRefused(const QList<OutboxItem> &items)
{
    m_items = items;
    rebuild();
}

void RefusedEdits::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    setVisible(!m_items.isEmpty());
    m_title->setText(tr("The server refused %n of your changes to this ticket. The ticket shows the "
                        "server's copy; what you typed is kept here until you discard it.",
                        nullptr, int(m_items.size())));
    for (const OutboxItem &item : std::as_const(m_items)) {
        auto *row = new QWidget(this);
        auto *text = new QLabel(row);
        text->setTextFormat(Qt::PlainText); // typed text is never interpreted
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setText(tr("%1\nReason: %2").arg(describe(item), item.lastError));
        auto *copy = new QPushButton(tr("Copy text"), row);
        auto *discard = new QPushButton(tr("Discard"), row);
        copy->setObjectName(u"copyRefused"_s);
        discard->setObjectName(u"discardRefused"_s);
        const QString copied = describe(item);
        connect(copy, &QPushButton::clicked, this, [copied] { QApplication::clipboard()->setText(copied); });
        connect(discard, &QPushButton::clicked, this,
                [this, seq = item.seq] { Q_EMIT discardRequested(seq); });
        auto *line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        line->addWidget(text, 1);
        line->addWidget(copy);
        line->addWidget(discard);
        m_rows->addWidget(row);
    }
}

void RefusedEdits::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QFrame::changeEvent(event);
}

} // namespace pd
