#pragma once

#include <QString>
#include <QStringView>

namespace pd::server {

/**
 * @brief One message a live client sent, parsed from untrusted text (fuzzed by tests/fuzz).
 *
 * Clients send {"kind":"presence","ticket_id":"…","mode":"view"|"edit"|"leave"}, {"kind":"ping"},
 * {"kind":"status","status":"online"|"busy"|"break"|"away"|"offline"} (an agent's routing status; a status
 * text of up to 32 characters is passed on and checked by the server, which answers an unknown one) and
 * {"kind":"viewport","bbox":[west,south,east,north]} (degrees; [] for no area: the map is not shown, null for
 * every courier as before the message existed); anything else, and any text longer than kMaxBytes, is Invalid
 * and ignored. The WebSocket layer refuses larger
 * messages before they are buffered (HttpLimits::webSocketMessageLimit); this is the second fence.
 */
struct LiveClientMessage
{
    static constexpr qsizetype kMaxBytes = 4096;

    enum class Kind
    {
        Invalid,
        Presence,
        Ping,
        Viewport,
        Status
    };
    /// @brief viewport: which couriers' positions the client wants live.
    enum class Area
    {
        All,  ///< every courier (the default, and "bbox":null)
        None, ///< none ("bbox":[])
        Box   ///< those inside west, south, east, north
    };
    Kind kind = Kind::Invalid;
    QString ticketId; ///< presence: a valid record id
    QString mode;     ///< presence: "view", "edit" or "leave"
    QString status;   ///< status: the status code as sent (at most 32 characters)
    Area area = Area::All;
    double west = 0, south = 0, east = 0, north = 0; ///< viewport: the box (Area::Box)

    [[nodiscard]] static LiveClientMessage parse(QStringView text);
};

} // namespace pd::server
