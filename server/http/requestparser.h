#pragma once

#include "httptypes.h"

#include <QByteArray>

#include <memory>

namespace pd::server {

/**
 * @brief Incremental HTTP/1.1 request parser with limits (Boost.Beast's request parser behind a plain API).
 *
 * The caller keeps the unread bytes of its connection (the socket's own buffer) and calls feed() with all of
 * them, from the first byte not consumed yet; feed() says how many it consumed, the rest must be offered
 * again, with whatever arrived since. Nothing is copied until the header is complete, so a header costs at
 * most headerLimit bytes; a body is stored only up to bodyLimit: a larger Content-Length fails as soon as the
 * header is read, and chunked bodies fail at the chunk that crosses the limit.
 *
 * One parser reads one request: after Complete (or to start over) call reset(). The status stops once at
 * HeaderReady, before any body byte is consumed, so that a WebSocket upgrade can be handed over untouched
 * and a too-large Content-Length refused; startBody() goes on.
 */
class RequestParser final
{
public:
    enum class Status
    {
        NeedHeader,  ///< the header is not complete yet
        HeaderReady, ///< request line and header fields are in request(); call startBody()
        NeedBody,    ///< reading the body
        Complete,    ///< request() holds the whole request
        Failed       ///< errorStatus() says why (400, 413, 431)
    };

    RequestParser(qint64 headerLimit, qint64 bodyLimit);
    ~RequestParser();
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    /// @brief Parses from the start of @p data; returns the bytes consumed (the rest must be given again).
    qsizetype feed(const char *data, qsizetype size);
    void startBody();
    /// @brief At HeaderReady: this request's body may have at most @p bytes (a route's own limit, at most the
    /// bodyLimit the parser was made with); a chunked body fails at the chunk that crosses it.
    void limitBody(qint64 bytes);
    void reset();

    [[nodiscard]] Status status() const { return m_status; }
    /// @brief 400 (malformed), 413 (body over the limit) or 431 (header over the limit) once Failed.
    [[nodiscard]] int errorStatus() const { return m_errorStatus; }
    [[nodiscard]] const QByteArray &errorText() const { return m_errorText; }
    /// @brief Method, path, query and headers from HeaderReady on; the body once Complete.
    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    [[nodiscard]] HttpRequest takeRequest() { return std::move(m_request); }
    /// @brief The connection stays open after this request (HTTP/1.1 without "Connection: close", …).
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    /// @brief A GET with "Connection: upgrade" and "Upgrade: websocket".
    [[nodiscard]] bool isWebSocketUpgrade() const { return m_webSocketUpgrade; }
    /// @brief The client waits for "100 Continue" before it sends the body.
    [[nodiscard]] bool expectsContinue() const { return m_expectContinue; }

    /// @brief The reason phrase of a status code ("Payload Too Large"); empty for unknown codes.
    [[nodiscard]] static QByteArray reasonPhrase(int status);

private:
    struct Impl;
    void fail(int status, const QByteArray &text);
    void takeHeader();

    std::unique_ptr<Impl> m_impl;
    qint64 m_headerLimit;
    qint64 m_bodyLimit;
    qint64 m_requestBodyLimit = 0; ///< this request's (limitBody), else m_bodyLimit
    Status m_status = Status::NeedHeader;
    int m_errorStatus = 0;
    QByteArray m_errorText;
    HttpRequest m_request;
    bool m_keepAlive = true;
    bool m_webSocketUpgrade = false;
    bool m_expectContinue = false;
};

} // namespace pd::server
