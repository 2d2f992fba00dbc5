#pragma once

#include "server/storage/documentstore.h"
#include "server/storage/userstore.h"

#include "models/domain/clock.h"

#include <QObject>
#include <QTimer>

namespace pd::server {

/**
 * @brief Periodic clean-up of stored data that must not live for ever: idempotency records (they hold the
 * first response, with customer data) older than the retention, and expired tokens.
 *
 * Runs at start and then every min(1 h, retention / 4). A storage fault skips a round (the next one catches
 * up); it never ends the process.
 */
class Housekeeping final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultIdempotencyRetentionMs = 7LL * 24 * 3600 * 1000;

    Housekeeping(DocumentStore &docs, UserStore &users, const Clock &clock, const Clock &wallClock,
                 qint64 idempotencyRetentionMs, QObject *parent = nullptr);

    void start();
    /// @brief One round; returns how many idempotency records were deleted (-1 after a storage fault).
    int run();

private:
    DocumentStore &m_docs;
    UserStore &m_users;
    const Clock &m_clock;
    const Clock &m_wallClock;
    qint64 m_retentionMs;
    QTimer m_timer;

    Q_DISABLE_COPY_MOVE(Housekeeping)
};

} // namespace pd::server
