#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

/**
 * @file
 * @brief Plain request and response values, free of any HTTP server library.
 *
 * The controllers, the router and the fuzz target only see these; HttpConnection fills them from the
 * request parser and writes them to the socket.
 */

namespace pd::server {

/// @brief One request as the router sees it. Header names are lower case.
struct HttpRequest
{
    QByteArray method; ///< upper case: GET, POST, PATCH, PUT, DELETE, …
    QString path;      ///< decoded path, e.g. "/api/v1/tickets/abc"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QString remoteAddress;

    [[nodiscard]] QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse;
/// @brief The last step of an answer that was deferred: builds the response on the connection's thread.
using HttpFinish = std::function<HttpResponse()>;
/// @brief Given to a deferred answer by its connection: call it once, on the connection's thread.
using HttpResume = std::function<void(HttpFinish)>;

/// @brief One response; the router adds Date, X-Server-Time-Ms and Content-Length.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /**
     * @brief Set when the answer is not ready yet (work running on another thread, e.g. password hashing):
     * the connection stops reading, calls it with an HttpResume and answers when that is called. The other
     * fields are then unused.
     */
    std::function<void(HttpResume)> later;
};

} // namespace pd::server
