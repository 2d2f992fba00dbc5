#include "apiclient.h"

#include "serverclock.h"

#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "pd.sync.api", QtInfoMsg)

namespace pd {

void ApiReply::finish(ApiResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_result = std::move(result);
    Q_EMIT finished(m_result);
    deleteLater();
}

struct ApiClient::Call
{
    QByteArray method;
    QString path;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    bool rawAnswer = false; // a 2xx body is kept as bytes (downloads)
    QList<QPair<QByteArray, QByteArray>> headers;
    bool authenticated = true;
    QPointer<ApiReply> reply;
    QByteArray tokenUsed;
    bool replayedAfterRefresh = false;
    int retryAfterCount = 0;
    qint64 sentLocalMs = 0;
};

namespace {

qint64 parseRetryAfter(const QByteArray &value, qint64 serverNowMs)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok)
        return qMax<qint64>(0, seconds * 1000);
    if (const auto at = ServerClock::parseHttpDate(value))
        return qMax<qint64>(0, *at - serverNowMs);
    return -1;
}

} // namespace

ApiClient::ApiClient(QUrl baseUrl, ServerClock *clock, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient()
{
    qDeleteAll(m_waitingForRefresh);
}

void ApiClient::setTokens(const QByteArray &accessToken, const QByteArray &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
}

void ApiClient::clearTokens()
{
    m_accessToken.clear();
    m_refreshToken.clear();
}

QUrl ApiClient::webSocketUrl(const QString &path) const
{
    QUrl url = m_baseUrl.resolved(QUrl(path));
    url.setScheme(m_baseUrl.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    return url;
}

ApiReply *ApiClient::send(const QByteArray &method, const QString &path, const QJsonDocument &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers, bool authenticated)
{
    auto *call = new Call;
    call->method = method;
    call->path = path;
    call->body = body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact);
    call->headers = headers;
    call->authenticated = authenticated;
    call->reply = new ApiReply(this);
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

ApiReply *ApiClient::sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QByteArray &contentType)
{
    auto *call = new Call;
    call->method = method;
    call->path = path;
    call->body = body;
    call->contentType = contentType;
    call->reply = new ApiReply(this);
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

ApiReply *ApiClient::download(const QString &path)
{
    auto *call = new Call;
    call->method = "GET";
    call->path = path;
    call->rawAnswer = true;
    call->reply = new ApiReply(this);
    ApiReply *reply = call->reply;
    start(call);
    return reply;
}

void ApiClient::start(Call *call)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(call->path)));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ParcelDesk/" PD_VERSION));
    if (!call->body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
    if (call->authenticated && !m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken);
    for (const auto &[name, value] : std::as_const(call->headers))
        request.setRawHeader(name, value);
    request.setTransferTimeout(kTimeoutMs);
    call->tokenUsed = m_accessToken;
    call->sentLocalMs = m_clock->localNowMs();

    QNetworkReply *reply = call->body.isEmpty() && call->method == "GET"
                               ? m_network->get(request)
                               : m_network->sendCustomRequest(request, call->method, call->body);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the request fails and the person sees why (sign-in dialog, status bar).
        Q_EMIT sslErrors(errors);
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onFinished(call, reply); });
}

void ApiClient::onFinished(Call *call, QNetworkReply *reply)
{
    reply->deleteLater();
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    if (result.status > 0) {
        m_clock->observe(call->sentLocalMs, m_clock->localNowMs(), reply->rawHeader("Date"),
                         reply->rawHeader("X-Server-Time-Ms"));
        if (!m_reachable) {
            m_reachable = true;
            Q_EMIT reachabilityChanged(true);
        }
        result.etag = reply->rawHeader("ETag");
        const bool csv = result.status >= 200 && result.status < 300 &&
                         (call->rawAnswer || reply->rawHeader("Content-Type").startsWith("text/csv"));
        if (csv) {
            result.raw = data; // an export (GET /audit?format=csv): saved as it came
        } else if (!data.isEmpty()) {
            QJsonParseError parseError{};
            result.body = QJsonDocument::fromJson(data, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                result.errorCode = u"bad_json"_s;
                result.errorMessage =
                    tr("The server sent a response that is not JSON (HTTP %1).").arg(result.status);
            }
        }
        const QJsonObject error = result.body.object().value(u"error"_s).toObject();
        if (const QJsonValue code = result.body.object().value(u"error"_s); code.isString()) {
            // The attachment routes answer {"error":"too_large","message":…} (docs/attachments.md).
            result.errorCode = code.toString();
            result.errorMessage = result.body.object().value(u"message"_s).toString();
        } else if (!error.isEmpty()) {
            result.errorCode = error.value(u"code"_s).toString();
            result.errorMessage = error.value(u"message"_s).toString();
            result.errorField = error.value(u"field"_s).toString();
        }
        if (result.status == 429 || result.status == 503)
            result.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"), m_clock->nowMs());
    } else {
        const auto code = reply->error();
        if (code == QNetworkReply::SslHandshakeFailedError) {
            result.errorCode = u"tls"_s;
            result.errorMessage = tr("The server's certificate is not trusted: %1").arg(reply->errorString());
        } else if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError) {
            result.errorCode = u"timeout"_s;
            result.errorMessage = tr("The server did not answer in time.");
        } else {
            result.errorCode = u"network"_s;
            result.errorMessage = tr("Cannot reach the server: %1").arg(reply->errorString());
        }
        if (m_reachable) {
            m_reachable = false;
            Q_EMIT reachabilityChanged(false);
        }
    }

    if (result.status == 401 && call->authenticated && !call->replayedAfterRefresh &&
        !m_refreshToken.isEmpty()) {
        call->replayedAfterRefresh = true;
        if (call->tokenUsed != m_accessToken && !m_accessToken.isEmpty()) {
            start(call); // refreshed while this request was on its way: replay with the new token
            return;
        }
        m_waitingForRefresh.append(call);
        refreshTokens();
        return;
    }
    if ((result.status == 429 || result.status == 503) && result.retryAfterMs >= 0 &&
        result.retryAfterMs <= kMaxRetryAfterMs && call->retryAfterCount < kMaxRetryAfterRetries) {
        ++call->retryAfterCount;
        qCInfo(lcApi) << "HTTP" << result.status << "- retrying" << call->path.section(u'?', 0, 0) << "in"
                      << result.retryAfterMs << "ms";
        QTimer::singleShot(result.retryAfterMs, this, [this, call] { start(call); });
        return;
    }
    if (call->reply)
        call->reply->finish(result);
    delete call;
}

void ApiClient::refreshTokens()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    const QJsonDocument body(QJsonObject{{u"refresh_token"_s, QString::fromLatin1(m_refreshToken)}});
    ApiReply *reply = send("POST", u"/api/v1/auth/refresh"_s, body, {}, false);
    connect(reply, &ApiReply::finished, this, [this](const ApiResult &r) {
        if (r.ok()) {
            const QJsonObject o = r.object();
            setTokens(o.value(u"access_token"_s).toString().toLatin1(),
                      o.value(u"refresh_token"_s).toString().toLatin1());
            Q_EMIT tokensRefreshed(m_accessToken, m_refreshToken);
            completeRefresh(true, {});
        } else {
            completeRefresh(false, r.errorMessage.isEmpty()
                                       ? tr("Your session has ended. Please sign in again.")
                                       : r.errorMessage);
        }
    });
}

void ApiClient::completeRefresh(bool ok, const QString &reason)
{
    m_refreshing = false;
    const QList<Call *> waiting = std::exchange(m_waitingForRefresh, {});
    if (!ok) {
        clearTokens();
        Q_EMIT signInRequired(reason);
    }
    for (Call *call : waiting) {
        if (ok) {
            start(call);
            continue;
        }
        ApiResult result;
        result.status = 401;
        result.errorCode = u"unauthorized"_s;
        result.errorMessage = reason;
        if (call->reply)
            call->reply->finish(result);
        delete call;
    }
}

QString ApiClient::pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace pd
