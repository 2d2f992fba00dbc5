#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

/**
 * @file
 * @brief Plain request and response values, free of any HTTP server library.
 *
 * The controllers, the router and the fuzz target only see these; HttpAdapter converts from and to
 * Qt HTTP Server types, whose API changes after Qt 6.4.
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

/// @brief One response; the router adds Date, X-Server-Time-Ms and Content-Length.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

} // namespace pd::server
