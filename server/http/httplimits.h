#pragma once

#include <QtGlobal>

namespace pd::server {

/**
 * @brief What one client may make the HTTP layer hold, and for how long (docs/server.md, "Limits and
 * overload"). Every limit is enforced before the bytes behind it are stored.
 */
struct HttpLimits
{
    qint64 bodyLimit = 1024 * 1024; ///< request body bytes (Content-Length or decoded chunks) → 413
    qint64 headerLimit = 16 * 1024; ///< request line + header fields → 431
    int headerTimeoutMs =
        10000; ///< from the first byte of a request (or the connection) to its blank line → 408
    int idleTimeoutMs = 60000; ///< keep-alive idle time; also the longest silence inside a body → 408
    int maxConnections = 1000; ///< open TCP connections (HTTP and WebSocket); beyond it → 503
    qint64 webSocketMessageLimit =
        64 * 1024;       ///< one incoming WebSocket message or frame; beyond it the socket closes
    int lingerMs = 2000; ///< after a refusal, what the client still sends is discarded this long
    qint64 outputHighWater = 256 * 1024; ///< unsent response bytes above which pipelined requests wait
};

} // namespace pd::server
