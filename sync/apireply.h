#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace pd {

/// @brief The outcome of one API call: HTTP status, JSON body and, on failure, the server's error object.
struct ApiResult
{
    int status = 0;           ///< HTTP status; 0 when no response arrived (network, TLS, timeout)
    QJsonDocument body;       ///< parsed JSON (empty when the body was not JSON)
    QString errorCode;        ///< error.code from the server, or "network", "tls", "timeout", "bad_json"
    QString errorMessage;     ///< error.message, or a translated description of a local failure
    QString errorField;       ///< error.field for 422
    qint64 retryAfterMs = -1; ///< from Retry-After on 429/503, else -1
    QByteArray etag;          ///< ETag (the record's version) when sent
    QByteArray raw;           ///< the body of a non-JSON answer (text/csv), as sent; empty otherwise

    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
    [[nodiscard]] QJsonObject object() const { return body.object(); }
};

/**
 * @brief A pending API call. Emits finished() exactly once, then deletes itself later.
 *
 * The client may replay the underlying request (after a token refresh, or after Retry-After); the reply
 * object stays the same, so callers connect once.
 */
class ApiReply final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    [[nodiscard]] const ApiResult &result() const { return m_result; }
    void finish(ApiResult result);

Q_SIGNALS:
    void finished(const pd::ApiResult &result);

private:
    Q_DISABLE_COPY_MOVE(ApiReply)
    ApiResult m_result;
    bool m_done = false;
};

} // namespace pd

Q_DECLARE_METATYPE(pd::ApiResult)
