#pragma once

#include "models/domain/entities.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace pd {

class Database;
class ServerLink;

/**
 * @brief A parcel by waybill from the local cache, or from the server when the cache does not hold it (a
 * console holds only the parcels of its tickets, docs/architecture.md "What a console holds"); what the
 * server sends is kept in the cache, so the ticket pane and the map show it too. Used by the new-ticket
 * dialog and by the workbench's search.
 */
class ParcelLookup final
{
public:
    enum class Outcome
    {
        Cached,      ///< in the local cache
        FromServer,  ///< not cached; the server sent it (now cached)
        Unknown,     ///< the server does not know the waybill
        Unreachable, ///< not cached, and no session or no answer from the server
    };
    using Done = std::function<void(Outcome, const std::optional<Parcel> &)>;

    /// @brief The cached parcel, if any (no server call).
    [[nodiscard]] static std::optional<Parcel> cached(const Database &db, const QString &waybill);

    /**
     * @brief Asks the server for @p waybill (normalized) through @p link (may be null: offline); @p done runs
     * on the GUI thread while @p context exists. Does not look in the cache first: see cached().
     */
    static void fromServer(const Database &db, ServerLink *link, const QString &waybill, QObject *context,
                           Done done);
};

} // namespace pd
