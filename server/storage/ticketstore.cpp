#include "ticketstore.h"

#include <QJsonDocument>

#include <algorithm>

namespace pd::server {

std::optional<Ticket> TicketStore::ticket(const QString &id)
{
    const auto d = m_docs.get(DocType::Ticket, id);
    if (!d || d->deleted)
        return std::nullopt;
    return Ticket::fromJson(QJsonDocument::fromJson(d->data).object());
}

std::optional<TicketEvent> TicketStore::event(const QString &id)
{
    const auto d = m_docs.get(DocType::TicketEvent, id);
    if (!d || d->deleted)
        return std::nullopt;
    return TicketEvent::fromJson(QJsonDocument::fromJson(d->data).object());
}

QList<TicketEvent> TicketStore::events(const QString &ticketId)
{
    QList<TicketEvent> out;
    const auto docs = m_docs.byParent(DocType::TicketEvent, ticketId);
    for (const Doc &d : docs) {
        if (auto e = TicketEvent::fromJson(QJsonDocument::fromJson(d.data).object()))
            out.append(*e);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TicketEvent &a, const TicketEvent &b) { return a.at < b.at; });
    return out;
}

Doc TicketStore::ticketDoc(const Ticket &t)
{
    Doc d;
    d.type = DocType::Ticket;
    d.id = t.id;
    d.version = t.version;
    d.teamId = t.teamId;
    d.parent = t.waybillNo;
    d.status = toCode(t.status);
    d.updatedMs = t.updatedAt;
    d.data = QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact);
    return d;
}

Doc TicketStore::eventDoc(const TicketEvent &e, const QString &teamId)
{
    Doc d;
    d.type = DocType::TicketEvent;
    d.id = e.id;
    d.version = e.version;
    d.teamId = teamId;
    d.parent = e.ticketId;
    d.status = toCode(e.kind);
    d.updatedMs = e.at;
    d.data = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
    return d;
}

void TicketStore::putTicket(WriteTx &tx, const Ticket &t)
{
    Doc d = ticketDoc(t);
    m_docs.put(tx, d);
}

void TicketStore::putEvent(WriteTx &tx, const TicketEvent &e, const QString &teamId)
{
    Doc d = eventDoc(e, teamId);
    m_docs.put(tx, d);
}

std::optional<Ticket> TicketStore::openTicketOfWaybill(const QString &waybill, const QString &exceptId)
{
    if (waybill.isEmpty())
        return std::nullopt;
    std::optional<Ticket> first;
    const QList<Doc> docs = m_docs.byParent(DocType::Ticket, waybill, 1000);
    for (const Doc &d : docs) {
        if (d.id == exceptId || d.status == toCode(TicketStatus::Closed))
            continue;
        auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (t && !t->isMerged() && (!first || t->createdAt < first->createdAt))
            first = std::move(t);
    }
    return first;
}

void TicketStore::flagDuplicate(Ticket &t)
{
    const auto open = openTicketOfWaybill(t.waybillNo, t.id);
    t.duplicateOf = open ? open->id : QString();
    t.duplicateOfNumber = open ? open->number : QString();
}

} // namespace pd::server
