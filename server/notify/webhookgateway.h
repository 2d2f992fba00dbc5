#pragma once

#include "notifygateway.h"

#include <QNetworkAccessManager>

class QNetworkReply;

namespace pd::server {

/**
 * @brief Posts each notice as signed JSON to a provider's HTTPS endpoint (docs/notify-webhook.md).
 *
 * One POST per send(), no retries of its own and no redirects followed. The request carries the notice's id
 * as Idempotency-Key and an HMAC-SHA256 of "<timestamp>.<body>" so the provider can check it came from us.
 * The answer's status decides the outcome: 2xx and 409 Delivered, 408/425/429/5xx and network failures
 * Retry, other 3xx/4xx Rejected. Errors never carry the phone number, the text or the body.
 */
class WebhookGateway final : public NotifyGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookGateway)

public:
    using NowMs = std::function<qint64()>;

    /// @brief @p nowMs gives the signature's timestamp (UTC ms; default: the system clock).
    WebhookGateway(QUrl url, QByteArray secret, int timeoutMs, QObject *parent = nullptr, NowMs nowMs = {});
    ~WebhookGateway() override;

    void send(const NoticeMessage &message, Done done) override;
    [[nodiscard]] QString kind() const override { return QStringLiteral("webhook"); }

    /// @brief The outcome of an HTTP answer with @p status and body @p answer (the provider's id from it).
    [[nodiscard]] static GatewayResult classify(int status, const QByteArray &answer);
    /// @brief "sha256=<hex HMAC-SHA256(secret, "<seconds>.<body>")>", the X-ParcelDesk-Signature header.
    [[nodiscard]] static QByteArray signature(const QByteArray &secret, qint64 seconds,
                                              const QByteArray &body);

private:
    [[nodiscard]] GatewayResult resultOf(QNetworkReply *reply) const;

    QUrl m_url;
    QByteArray m_secret;
    int m_timeoutMs;
    NowMs m_nowMs;
    QNetworkAccessManager m_network;
};

} // namespace pd::server
