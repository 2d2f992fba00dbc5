#pragma once

#include "server/storage/documentstore.h"
#include "server/storage/userstore.h"

#include "models/domain/clock.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace pd::server {

/**
 * @brief Periodic clean-up of stored data that must not live for ever: idempotency records (they hold the
 * first response, with customer data) older than the retention, expired tokens, and the customer data of
 * tickets closed longer ago than the customer retention (CustomerEraser; server time).
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

    /// @brief Blank customer fields this long (server time) after a ticket closes; 0 = never (the default
    /// until set).
    void setCustomerRetentionMs(qint64 ms) { m_customerRetentionMs = ms; }
    /// @brief Run every round: removes stale attachment uploads and unreferenced files; returns how many
    /// uploads it removed.
    void setAttachmentCleanup(std::function<int()> cleanup) { m_attachmentCleanup = std::move(cleanup); }

    void start();
    /// @brief One round; returns how many idempotency records were deleted (-1 after a storage fault).
    int run();
    /// @brief One batch of customer data retention; schedules the next batch soon when more are due.
    void applyCustomerRetention();

private:
    DocumentStore &m_docs;
    UserStore &m_users;
    const Clock &m_clock;
    const Clock &m_wallClock;
    qint64 m_retentionMs;
    qint64 m_customerRetentionMs = 0;
    std::function<int()> m_attachmentCleanup;
    QTimer m_timer;

    Q_DISABLE_COPY_MOVE(Housekeeping)
};

} // namespace pd::server
