#pragma once

#include "models/domain/entities.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

class QSqlQuery;

namespace pd {

class Database;

/// The outcome code of an inbound call that chases an open ticket (催单): counted on that ticket instead of a
/// new complaint (docs/ticketpane.md, "Repeats").
inline const QString kChaseUpOutcome = QStringLiteral("chase_up");

/// @brief One earlier (or open) ticket of the same customer, as the pane and the new-ticket dialog list it.
struct CustomerTicket
{
    QString id;
    QString number;
    QString waybillNo;
    QString teamId;
    Category category = Category::Other;
    TicketStatus status = TicketStatus::New;
    Instant createdAt = 0;
    std::optional<int> csat;
    bool samePhone = false;   ///< found through the customer's phone
    bool sameWaybill = false; ///< found through the waybill
    bool keyAccount = false;
    bool merged = false; ///< merged into another ticket (closed; counted there)
};

/// @brief What the cache knows of a customer around one ticket (docs/ticketpane.md, "Customer history").
struct CustomerHistory
{
    QList<CustomerTicket> tickets; ///< the other tickets, newest first, at most the limit asked for
    int total = 0;                 ///< all other tickets found, beyond the limit too
    int last30Days = 0; ///< complaints created in the last 30 days, this ticket included, merged ones not
    int last90Days = 0; ///< the same for 90 days
    std::optional<int> lastCsat; ///< the newest satisfaction score among them (this ticket included)
    bool keyAccount = false;     ///< the customer is a key account (大客户) on any of them
};

/**
 * @brief A customer's tickets in the cache: the same phone number or the same waybill.
 *
 * Phones are sealed in the cache, so tickets of a phone are found through its keyed token in `customer_fts`
 * (CustomerTokens::forPhone; a locked cache finds them by waybill only), waybills through `tickets_waybill`.
 * Only tickets @p reader may read count (TicketRules::canRead, as a condition on the team). Runs on the GUI
 * thread when a ticket is opened or a waybill or phone is typed: two index lookups and one read of a few
 * columns per ticket found, no decryption (bench/store: a phone with 1,000 tickets in a cache of 1,000,000).
 */
class CustomerHistoryRepository final
{
public:
    explicit CustomerHistoryRepository(const Database &db);

    /// @brief The customer history around @p ticket at @p now; @p ticket itself is not among the tickets.
    [[nodiscard]] CustomerHistory forTicket(const Ticket &ticket, const User &reader, Instant now,
                                            int limit = 50) const;
    /// @brief The open tickets (not resolved, not closed) on @p waybillNo or for @p phone, newest first: what
    /// a new complaint may be a repeat of. Either may be empty.
    [[nodiscard]] QList<CustomerTicket> openTickets(const QString &waybillNo, const QString &phone,
                                                    const User &reader, int limit = 5) const;

private:
    /// Runs SELECT @p columns over the customer's tickets the reader may read, then @p tail (order, limit).
    bool select(QSqlQuery &q, const QString &waybillNo, const QString &phone, const User &reader,
                const QString &columns, const QString &tail, const QVariantList &tailBinds = {}) const;
    [[nodiscard]] QList<CustomerTicket> find(const QString &waybillNo, const QString &phone,
                                             const User &reader, const QString &tail,
                                             const QVariantList &tailBinds = {}) const;

    const Database &m_db;
};

} // namespace pd
