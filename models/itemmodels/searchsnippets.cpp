#include "searchsnippets.h"

#include <QRegularExpression>

#include <algorithm>

namespace pd {

QString SearchSnippets::excerpt(const QString &text, const QStringList &terms, int context)
{
    qsizetype at = -1;
    qsizetype length = 0;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        const qsizetype i = text.indexOf(term, 0, Qt::CaseInsensitive);
        if (i >= 0 && (at < 0 || i < at)) {
            at = i;
            length = term.size();
        }
    }
    if (at < 0)
        return {};
    const qsizetype start = std::max<qsizetype>(0, at - context);
    const qsizetype end = std::min<qsizetype>(text.size(), at + length + context);
    static const QRegularExpression breaks(QStringLiteral("[\\r\\n\\t]+"));
    QString out = text.mid(start, end - start).replace(breaks, QStringLiteral(" ")).trimmed();
    if (start > 0)
        out.prepend(QChar(0x2026));
    if (end < text.size())
        out.append(QChar(0x2026));
    return out;
}

QString SearchSnippets::describe(const SearchHit &hit, const TicketRow &row, const QList<TicketEvent> &events,
                                 const QStringList &terms)
{
    const Ticket &t = row.ticket;
    switch (hit.field) {
    case SearchHit::Field::Number:
        return tr("Ticket number");
    case SearchHit::Field::Waybill:
        return tr("Waybill number");
    case SearchHit::Field::Phone:
        return tr("Customer phone number");
    case SearchHit::Field::PhoneTail:
        return tr("Last four digits of the customer's phone");
    case SearchHit::Field::Text: {
        if (const QString e = excerpt(t.description, terms); !e.isEmpty())
            return tr("Complaint: %1").arg(e);
        // The name is matched through keyed tokens and shown in its own column.
        if (!excerpt(t.customerName, terms).isEmpty() || t.description.isEmpty())
            return tr("Customer name");
        // Words matched apart from each other (the index is by words, not by the phrase): the complaint's
        // start.
        return tr("Complaint: %1").arg(excerpt(t.description, {t.description.left(1)}, 36));
    }
    case SearchHit::Field::Conversation:
        for (auto it = events.crbegin(); it != events.crend(); ++it) { // newest first, as the index answers
            if (const QString e = excerpt(it->text, terms); !e.isEmpty())
                return tr("%1: %2", "event kind, excerpt").arg(displayName(it->kind), e);
        }
        return tr("Conversation");
    }
    return {};
}

} // namespace pd
