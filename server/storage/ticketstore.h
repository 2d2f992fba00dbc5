#pragma once

#include "documentstore.h"

#include "models/domain/entities.h"

namespace pd::server {

/// @brief Tickets and their timeline events on top of the document store.
class TicketStore final
{
public:
    explicit TicketStore(DocumentStore &docs)
        : m_docs(docs)
    {}

    [[nodiscard]] std::optional<Ticket> ticket(const QString &id);
    [[nodiscard]] std::optional<TicketEvent> event(const QString &id);
    /// @brief The timeline of a ticket, oldest first.
    [[nodiscard]] QList<TicketEvent> events(const QString &ticketId);
    /// @brief Writes the ticket as it is (version and updated_at are the caller's).
    void putTicket(WriteTx &tx, const Ticket &t);
    void putEvent(WriteTx &tx, const TicketEvent &e, const QString &teamId);
    /**
     * @brief The earliest created ticket about @p waybill that is still open and not merged, other than
     * @p exceptId: the ticket a new one about the same parcel likely duplicates (through the waybill index).
     */
    [[nodiscard]] std::optional<Ticket> openTicketOfWaybill(const QString &waybill, const QString &exceptId);
    /// @brief Sets t.duplicateOf (and its number) from openTicketOfWaybill; clears them when there is none.
    void flagDuplicate(Ticket &t);

    [[nodiscard]] DocumentStore &docs() { return m_docs; }

    [[nodiscard]] static Doc ticketDoc(const Ticket &t);
    [[nodiscard]] static Doc eventDoc(const TicketEvent &e, const QString &teamId);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
