#pragma once

#include "actor.h"
#include "server/storage/accesslog.h"
#include "server/storage/keyaccountstore.h"
#include "server/storage/ticketstore.h"

#include "models/domain/clock.h"

#include <QCoreApplication>

namespace pd::server {

/**
 * @brief Changes to the register of key-account customers (KeyAccountStore), for the API and the command
 * line: each change, the re-flagging of that customer's open tickets (key_account, version + 1, a live hint
 * each) and its access-log entry (kind "key_account") commit in one transaction.
 */
class KeyAccountService final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::KeyAccountService)
public:
    /// @brief What a change did.
    struct Change
    {
        bool changed = false; ///< added (set) or removed (remove); false: it was so already
        int reflagged = 0;    ///< open tickets whose key_account changed
        QString phoneMasked;
    };

    KeyAccountService(TicketStore &tickets, const Clock &clock)
        : m_tickets(tickets)
        , m_keys(tickets.docs().db())
        , m_log(tickets.docs().db())
        , m_clock(clock)
    {}

    /// @brief Registers @p phone (or changes its label). ApiError 400 for an invalid number or label.
    Change set(const Actor &actor, const QString &login, const QString &phone, const QString &label);
    /// @brief Removes @p phone from the register. ApiError 400 for an invalid number.
    Change remove(const Actor &actor, const QString &login, const QString &phone);
    [[nodiscard]] QList<KeyAccount> list() { return m_keys.list(); }

private:
    /// @brief Sets key_account to @p flag on the open tickets of @p phone (normalized); returns how many
    /// changed.
    int reflag(WriteTx &tx, const QString &phone, bool flag);
    void log(WriteTx &tx, const Actor &actor, const QString &login, const QString &phone, const Change &c,
             const QString &what);

    TicketStore &m_tickets;
    KeyAccountStore m_keys;
    AccessLog m_log;
    const Clock &m_clock;
};

} // namespace pd::server
