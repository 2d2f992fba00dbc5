#pragma once

#include "livebus.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"
#include "models/domain/entities.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace pd::server {

/**
 * @brief Live courier positions: kept in memory, published at once, written to the store in batches.
 *
 * Couriers report often (the simulator every second, real devices every few seconds), so positions do not
 * take a database transaction each: they go out on the live bus immediately and the courier records are
 * rewritten every kFlushMs in one transaction (which also puts them in the change feed). Only the instance
 * that received a position writes it. A failed write (storage fault) keeps the positions in memory and dirty;
 * the next tick tries again, so nothing is lost and nothing ends the process.
 */
class PositionService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFlushMs = 5000;
    static constexpr int kChunk = 50; ///< positions per live message (NOTIFY payload limit)

    PositionService(DocumentStore &docs, LiveBus &bus, const Clock &clock, QObject *parent = nullptr);

    /// @brief Loads the last stored positions.
    void load();
    /// @brief New positions reported to this instance.
    void report(const QList<CourierPosition> &positions);
    /// @brief Applies a "positions" live event (from any instance).
    void apply(const QJsonObject &event);
    /// @brief Writes the dirty couriers now; throws StorageError (they stay dirty).
    void flush();
    /// @brief flush() for timers: a storage error is logged and the positions are written at the next
    /// tick; false when it failed.
    bool flushNow();
    [[nodiscard]] int pendingCount() const { return int(m_dirty.size()); }

    [[nodiscard]] QJsonArray positionsJson() const;
    [[nodiscard]] bool knows(const QString &courierId) const { return m_positions.contains(courierId); }
    [[nodiscard]] std::optional<CourierPosition> position(const QString &courierId) const;

private:
    DocumentStore &m_docs;
    LiveBus &m_bus;
    const Clock &m_clock;
    QHash<QString, CourierPosition> m_positions;
    QSet<QString> m_dirty;
    QTimer m_flushTimer;
    int m_failedFlushes = 0;

    Q_DISABLE_COPY_MOVE(PositionService)
};

} // namespace pd::server
