#include "webhookgateway.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

/// @brief A provider's answer is read for its message id only; anything longer is cut here.
constexpr qint64 kMaxAnswerBytes = 64 * 1024;

/// @brief The provider's message id from a JSON answer ("id" or "message_id", string or number).
QString providerIdOf(const QByteArray &answer)
{
    const QJsonObject o = QJsonDocument::fromJson(answer).object();
    for (const QString &key : {u"id"_s, u"message_id"_s}) {
        const QJsonValue v = o.value(key);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString().left(200);
        if (v.isDouble())
            return QString::number(v.toInteger());
    }
    return {};
}

/// @brief Short English text of a failure without an HTTP answer. Never QNetworkReply::errorString(): it
/// may quote the URL (and with it a token in its query).
QString networkError(QNetworkReply::NetworkError code, int timeoutMs)
{
    switch (code) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply (Qt 6.4)
        return u"timeout after %1 ms"_s.arg(timeoutMs);
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused"_s;
    case QNetworkReply::RemoteHostClosedError:
        return u"connection closed by the provider before it answered"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake failed (certificate not trusted or no common protocol)"_s;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"network unavailable"_s;
    default:
        break;
    }
    const char *name = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(code);
    return u"network error: %1"_s.arg(name ? QString::fromLatin1(name) : QString::number(int(code)));
}

/// @brief Failures below HTTP (connection, TLS, proxy, timeout): they win over a status already received.
bool isTransportError(QNetworkReply::NetworkError code)
{
    return (code > QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied) ||
           code == QNetworkReply::ProtocolFailure;
}

} // namespace

WebhookGateway::WebhookGateway(QUrl url, QByteArray secret, int timeoutMs, QObject *parent, NowMs nowMs)
    : NotifyGateway(parent)
    , m_url(std::move(url))
    , m_secret(std::move(secret))
    , m_timeoutMs(timeoutMs)
    , m_nowMs(nowMs ? std::move(nowMs) : NowMs([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

WebhookGateway::~WebhookGateway()
{
    // Replies in flight die with the network manager; their done must not run on a gateway half destroyed.
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QByteArray WebhookGateway::signature(const QByteArray &secret, qint64 seconds, const QByteArray &body)
{
    const QByteArray signedBytes = QByteArray::number(seconds) + '.' + body;
    return "sha256=" +
           QMessageAuthenticationCode::hash(signedBytes, secret, QCryptographicHash::Sha256).toHex();
}

void WebhookGateway::send(const NoticeMessage &message, Done done)
{
    const QByteArray body =
        QJsonDocument(noticeFields(message, message.recipientPhone)).toJson(QJsonDocument::Compact);
    const qint64 seconds = m_nowMs() / 1000;

    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_timeoutMs);
    // A redirect would carry the phone number to an address nobody configured: the answer is final.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), message.id.toUtf8());
    request.setRawHeader(QByteArrayLiteral("X-ParcelDesk-Timestamp"), QByteArray::number(seconds));
    request.setRawHeader(QByteArrayLiteral("X-ParcelDesk-Signature"), signature(m_secret, seconds, body));

    QNetworkReply *reply = m_network.post(request, body);
    const QString id = message.id;
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, done = std::move(done)] {
        reply->deleteLater();
        const GatewayResult result = resultOf(reply);
        if (result.outcome != GatewayResult::Outcome::Delivered)
            qCInfo(lcServerNotify) << "webhook: notice" << id << "not delivered:" << result.error;
        done(result);
    });
}

GatewayResult WebhookGateway::resultOf(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    if (status == 0 || isTransportError(code)) {
        GatewayResult result;
        result.outcome = GatewayResult::Outcome::Retry;
        result.httpStatus = status;
        result.error = code == QNetworkReply::NoError ? u"no HTTP answer"_s : networkError(code, m_timeoutMs);
        return result;
    }
    return classify(status, reply->read(kMaxAnswerBytes));
}

GatewayResult WebhookGateway::classify(int status, const QByteArray &answer)
{
    GatewayResult result;
    result.httpStatus = status;
    if ((status >= 200 && status < 300) || status == 409) {
        // 409 Conflict: the provider already holds this Idempotency-Key, so the message went out (or is
        // going out) from an earlier attempt whose answer we lost.
        result.outcome = GatewayResult::Outcome::Delivered;
        result.providerId = providerIdOf(answer);
        return result;
    }
    result.error = u"HTTP %1"_s.arg(status);
    if (status >= 300 && status < 400) {
        result.outcome = GatewayResult::Outcome::Rejected;
        result.error += u": redirects are not followed"_s;
    } else if (status == 408 || status == 425 || status == 429 || status >= 500) {
        result.outcome = GatewayResult::Outcome::Retry;
    } else if (status >= 400) {
        result.outcome = GatewayResult::Outcome::Rejected;
    } else { // 1xx as a final answer: nothing the provider meant
        result.outcome = GatewayResult::Outcome::Retry;
    }
    return result;
}

} // namespace pd::server
