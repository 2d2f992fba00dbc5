#pragma once

#include "models/domain/entities.h"

#include <QJsonObject>
#include <QList>

namespace pd {

class Database;

/// @brief A local edit the server refused with 412, kept beside the server's copy until a person decides.
struct TicketConflict
{
    QString ticketId;
    QJsonObject localFields; ///< the fields the person changed, as they typed them
    qint64 baseVersion = 0;  ///< the version the edit was made on
    Ticket serverCopy;       ///< the server's current copy
    Instant detectedAt = 0;
};

/**
 * @brief The ticket_conflicts table. Both sides name the customer, so both are sealed (CacheCipher).
 *
 * LocalEdits records and settles conflicts; the change applier keeps the server's side current.
 */
class TicketConflicts final
{
public:
    explicit TicketConflicts(const Database &db);

    bool put(const TicketConflict &conflict, QString *error = nullptr);
    bool remove(const QString &ticketId, QString *error = nullptr);
    [[nodiscard]] QList<TicketConflict> all() const;
    /// @brief A newer server copy of a ticket in conflict replaces the copy shown beside the person's edit.
    bool refreshServerCopies(const QList<Ticket> &tickets, QString *error = nullptr);

private:
    const Database &m_db;
};

} // namespace pd
