#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

/**
 * @file
 * @brief Proactive notices (issue 19): the gateway a notice goes out through to the customer's SMS or WeChat
 * provider, and how the command line chooses one. The outbox (server/proactive) owns retries, back-off and
 * quiet hours; a gateway makes one attempt per send() and says how it went.
 */

Q_DECLARE_LOGGING_CATEGORY(lcServerNotify)

namespace pd::server {

/// @brief One notice to one customer, as the outbox hands it to a gateway.
struct NoticeMessage
{
    QString id; ///< the notice's id, also its idempotency key: the same on every retry
    QString waybillNo;
    QString recipientPhone; ///< the full number (the gateway needs it); never logged, never in errors
    QString channel = QStringLiteral("sms"); ///< "sms" or "wechat"
    QString language;                        ///< "zh_CN", "zh_TW" or "en"
    QString text;                            ///< the rendered message
    QString incidentId;                      ///< may be empty
    QString cause;                           ///< e.g. "station_delay" or an exception kind code
    bool urgent = false;
    qint64 createdMs = 0; ///< UTC ms
    int attempt = 1;      ///< 1 for the first try
};

/// @brief How one attempt went.
struct GatewayResult
{
    /**
     * Delivered: the provider has the message (also when it already had it: HTTP 409). Retry: try again
     * later, the provider may or may not have it (the same id dedupes). Rejected: the provider refused this
     * message for good (another attempt would be refused too).
     */
    enum class Outcome
    {
        Delivered,
        Retry,
        Rejected
    };
    Outcome outcome = Outcome::Retry;
    int httpStatus = 0; ///< 0 when there was no HTTP answer
    QString
        providerId; ///< the provider's message id when it answers one ("id" or "message_id" in a JSON body)
    /// short, English, no customer data (e.g. "HTTP 500", "timeout after 10000 ms", "connection refused")
    QString error;
};

/**
 * @brief Where a notice goes out: the webhook of an SMS/WeChat provider (docs/notify-webhook.md) or, for the
 * demo, a file.
 *
 * A gateway only sends; it never retries on its own. Destroying a gateway drops the answers of the sends in
 * flight: their done is not called (the outbox that owns the gateway is going away too, and sends again
 * what was not answered after a restart).
 */
class NotifyGateway : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotifyGateway)

public:
    using Done = std::function<void(const GatewayResult &)>;

    explicit NotifyGateway(QObject *parent = nullptr)
        : QObject(parent)
    {}

    /// Sends one message; calls done exactly once, later from the event loop (never synchronously inside
    /// send).
    virtual void send(const NoticeMessage &message, Done done) = 0;
    [[nodiscard]] virtual QString kind() const = 0; ///< "webhook", "file"
};

/// @brief What --notify-gateway and --notify-secret-file chose.
struct GatewayConfig
{
    QString kind;      ///< "" (none: notices stay queued), "file", "webhook"
    QString filePath;  ///< file gateway
    QUrl url;          ///< webhook
    QByteArray secret; ///< webhook HMAC key (read from a file; never logged)
    int timeoutMs = 10000;
    /// Parses "--notify-gateway" ("file:/path/to/notices.jsonl" or "webhook:https://host/path") and the
    /// secret file's path; false with a clear English message (used as CLI error) when invalid: unknown kind,
    /// a URL that is not http/https, a webhook without a secret file, an unreadable or empty secret file.
    /// An empty spec is kind "" (no gateway). The secret is the file's bytes without surrounding whitespace
    /// (a trailing newline of `echo` is not part of the key); it is read for a webhook only.
    static bool parse(const QString &spec, const QString &secretFile, GatewayConfig *out, QString *error);
};

/**
 * @brief The gateway of @p config: nullptr for kind "" ; never fails for a parsed config.
 *
 * The caller owns the result. @p parent only puts it in a QObject tree; the caller must then release or
 * reset the pointer before the parent is deleted, or the gateway would be deleted twice.
 */
std::unique_ptr<NotifyGateway> makeGateway(const GatewayConfig &config, QObject *parent = nullptr);

/// @brief The demo's notice file: "notices.jsonl" beside the SQLite database (the folder of
/// AttachmentFolder::defaultFor for PostgreSQL).
[[nodiscard]] QString defaultNoticeFile(const QString &dbUrl);

/**
 * @brief The fields of a notice as the webhook body and the file's lines carry them (docs/notify-webhook.md),
 * with @p to as the recipient (the full number for the provider, the masked one in the demo's file).
 */
[[nodiscard]] QJsonObject noticeFields(const NoticeMessage &message, const QString &to);

/// @brief UTC milliseconds as ISO 8601 with milliseconds and "Z": 2024-05-01T08:30:00.000Z.
[[nodiscard]] QString isoUtcMs(qint64 utcMs);

} // namespace pd::server
