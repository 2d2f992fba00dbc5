#pragma once

#include <QString>
#include <QStringView>

namespace pd::server {

/**
 * @brief One message a live client sent, parsed from untrusted text (fuzzed by tests/fuzz).
 *
 * Clients send {"kind":"presence","ticket_id":"…","mode":"view"|"edit"|"leave"} and {"kind":"ping"}; anything
 * else, and any text longer than kMaxBytes, is Invalid and ignored. The WebSocket layer refuses larger
 * messages before they are buffered (HttpLimits::webSocketMessageLimit); this is the second fence.
 */
struct LiveClientMessage
{
    static constexpr qsizetype kMaxBytes = 4096;

    enum class Kind
    {
        Invalid,
        Presence,
        Ping
    };
    Kind kind = Kind::Invalid;
    QString ticketId; ///< presence: a valid record id
    QString mode;     ///< presence: "view", "edit" or "leave"

    [[nodiscard]] static LiveClientMessage parse(QStringView text);
};

} // namespace pd::server
