#pragma once

#include <QMetaType>
#include <QString>

namespace pd {

/// @brief What the status bar shows about the sync: connection, last success, queued edits, conflicts.
struct SyncStatus
{
    enum class State
    {
        Offline,
        Online,
        Syncing,
        SignInNeeded
    };
    State state = State::Offline;
    qint64 lastSyncAt = 0;    ///< UTC ms of the last complete pull, 0 if none
    int pending = 0;          ///< edits waiting in the outbox (parked ones included)
    int conflicts = 0;        ///< edits refused with 412, waiting for keep-mine / take-theirs
    int rejected = 0;         ///< edits the server refused for good, kept with the reason
    qint64 done = 0;          ///< items applied in the running pull
    qint64 total = -1;        ///< estimated items of the running pull, -1 if unknown
    QString message;          ///< the last problem, translated; empty when all is well
    qint64 clockOffsetMs = 0; ///< server time minus this PC's time

    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

} // namespace pd

Q_DECLARE_METATYPE(pd::SyncStatus)
