#pragma once

#include "apireply.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace pd {

class ServerClock;

/**
 * @brief HTTP transport to parceldesk-server: bearer tokens, one refresh on 401, Retry-After, clock offset.
 *
 * The resource classes (AuthApi, ChangesApi, TicketsApi, ParcelsApi) build requests and read results; this
 * class sends them. A request that fails with 401 waits for one token refresh (shared by all requests failing
 * meanwhile) and is replayed once; if the refresh fails, signInRequired() is emitted and the requests fail
 * with 401. 429 and 503 are retried after Retry-After (at most kMaxRetryAfterRetries times, each wait at most
 * kMaxRetryAfterMs); the caller sees the last response otherwise. Every response updates the ServerClock.
 * TLS errors are never ignored: the request fails with code "tls" and sslErrors() carries the details.
 */
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRetryAfterRetries = 2;
    static constexpr qint64 kMaxRetryAfterMs = 30000;
    static constexpr int kTimeoutMs = 30000;

    ApiClient(QUrl baseUrl, ServerClock *clock, QObject *parent = nullptr);
    ~ApiClient() override;

    [[nodiscard]] const QUrl &baseUrl() const { return m_baseUrl; }
    [[nodiscard]] ServerClock *clock() const { return m_clock; }

    void setTokens(const QByteArray &accessToken, const QByteArray &refreshToken);
    [[nodiscard]] QByteArray refreshToken() const { return m_refreshToken; }
    [[nodiscard]] QByteArray accessToken() const { return m_accessToken; }
    [[nodiscard]] bool hasAccessToken() const { return !m_accessToken.isEmpty(); }
    void clearTokens();

    /// @brief Sends a request to @p path (e.g. "/api/v1/changes?cursor=…") with an optional JSON body.
    /// @brief @p s percent-encoded as one segment of a path ("/api/v1/tickets/" + pathSegment(id)).
    [[nodiscard]] static QString pathSegment(const QString &s);
    ApiReply *send(const QByteArray &method, const QString &path, const QJsonDocument &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool authenticated = true);

    /// @brief Sends raw @p body bytes as @p contentType (an upload's chunk); JSON answers are read as by
    /// send().
    ApiReply *sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &contentType = QByteArrayLiteral("application/octet-stream"));
    /// @brief GET whose successful answer is kept as bytes in ApiResult::raw (an attachment's content).
    ApiReply *download(const QString &path);

    /// @brief A WebSocket URL on the same server (ws:// or wss://) for @p path.
    [[nodiscard]] QUrl webSocketUrl(const QString &path) const;

Q_SIGNALS:
    /// @brief New tokens after a refresh: the refresh token must be stored again (it rotates).
    void tokensRefreshed(const QByteArray &accessToken, const QByteArray &refreshToken);
    /// @brief The refresh token was refused: a person must sign in again.
    void signInRequired(const QString &reason);
    void sslErrors(const QList<QSslError> &errors);
    /// @brief Any response arrived (the server is reachable), or a request failed without one.
    void reachabilityChanged(bool reachable);

private:
    struct Call;
    void start(Call *call);
    void onFinished(Call *call, QNetworkReply *reply);
    void refreshTokens();
    void completeRefresh(bool ok, const QString &reason);

    QUrl m_baseUrl;
    ServerClock *m_clock;
    QNetworkAccessManager *m_network;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    bool m_refreshing = false;
    QList<Call *> m_waitingForRefresh;
    bool m_reachable = false;
};

} // namespace pd
