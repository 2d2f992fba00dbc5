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
 * tickets closed longer ago than the customer retention (CustomerEraser; server time), and, when a parcel
 * retention is set, parcels no ticket names that have not changed for that long (ParcelRetention: a sweep
 * at start and then once a day of server time, in steps of 2,000 parcels 50 ms apart).
 *
 * Runs at start and then every min(1 h, retention / 4). A storage fault skips a round (the next one catches
 * up); it never ends the process.
 */
class Housekeeping final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultIdempotencyRetentionMs = 7LL * 24 * 3600 * 1000;
    /// A parcel retention sweep starts at most this often (server time).
    static constexpr qint64 kSweepEveryMs = 24LL * 3600 * 1000;
    /// Between two steps of a sweep: requests go first.
    static constexpr int kSweepStepGapMs = 50;

    Housekeeping(DocumentStore &docs, UserStore &users, const Clock &clock, const Clock &wallClock,
                 qint64 idempotencyRetentionMs, QObject *parent = nullptr);

    /// @brief Blank customer fields this long (server time) after a ticket closes; 0 = never (the default
    /// until set).
    void setCustomerRetentionMs(qint64 ms) { m_customerRetentionMs = ms; }
    /// @brief Run every round: removes stale attachment uploads and unreferenced files; returns how many
    /// uploads it removed.
    void setAttachmentCleanup(std::function<int()> cleanup) { m_attachmentCleanup = std::move(cleanup); }
    /// @brief Delete parcels no ticket names this long (server time) after their record last changed; 0 =
    /// keep them (the default).
    void setParcelRetentionMs(qint64 ms) { m_parcelRetentionMs = ms; }

    void start();
    /// @brief One round; returns how many idempotency records were deleted (-1 after a storage fault).
    int run();
    /// @brief One batch of customer data retention; schedules the next batch soon when more are due.
    void applyCustomerRetention();
    /// @brief One step of the parcel retention's sweep; schedules the next step while the sweep goes on.
    void sweepParcels();

private:
    DocumentStore &m_docs;
    UserStore &m_users;
    const Clock &m_clock;
    const Clock &m_wallClock;
    qint64 m_retentionMs;
    qint64 m_customerRetentionMs = 0;
    std::function<int()> m_attachmentCleanup;
    qint64 m_parcelRetentionMs = 0;
    qint64 m_sweepStartedMs = 0; ///< server time the current (or last) sweep started; 0: none yet
    bool m_sweeping = false;
    QString m_sweepCursor;
    qint64 m_sweepDeleted = 0;
    QTimer m_timer;

    Q_DISABLE_COPY_MOVE(Housekeeping)
};

} // namespace pd::server
