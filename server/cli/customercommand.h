#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace pd::server {

/**
 * @brief `parceldesk-server customer erase --phone NUMBER [--db URL]`: removes one person's name, phone and
 * addresses from every record on the server (PIPL Art. 47), logs it, prints how many records changed.
 *
 * Safe beside a running server (it waits for the write lock like `user`); consoles blank their copies at
 * their next pull (with PostgreSQL the running servers also send a live hint at once).
 *
 * `parceldesk-server customer key-account --phone NUMBER [--label TEXT] [--remove] [--db URL]`: puts the
 * customer on the register of key accounts (or takes them off) and re-flags their open tickets
 * (KeyAccountService), as PUT and DELETE /api/v1/key-accounts do.
 */
class CustomerCommand final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::CustomerCommand)
public:
    /// @brief Runs the command; returns the process exit code (0 ok, 1 failure, 2 usage).
    static int run(const QStringList &arguments);
};

} // namespace pd::server
