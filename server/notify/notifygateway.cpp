#include "notifygateway.h"

#include "filegateway.h"
#include "webhookgateway.h"

#include "server/attachments/attachmentfolder.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServerNotify, "pd.server.notify")

namespace pd::server {

namespace {

/// @brief The webhook's HMAC key from @p path; false with a message naming the file when it has none.
bool readSecret(const QString &path, QByteArray *secret, QString *error)
{
    if (path.isEmpty()) {
        *error = u"--notify-gateway webhook:… needs --notify-secret-file (the HMAC key that signs each "
                 u"request)"_s;
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"--notify-secret-file: cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    *secret = file.readAll().trimmed();
    if (secret->isEmpty()) {
        *error = u"--notify-secret-file: %1 is empty; it must hold the webhook's HMAC key"_s.arg(path);
        return false;
    }
    return true;
}

/// @brief "webhook:<url>": an absolute http or https URL with a host.
bool parseWebhook(const QString &rest, const QString &secretFile, GatewayConfig *out, QString *error)
{
    const QUrl url(rest, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https") {
        *error =
            scheme.isEmpty()
                ? u"--notify-gateway webhook: needs an http:// or https:// URL"_s
                : u"--notify-gateway webhook: the URL must be http:// or https://, not %1://"_s.arg(scheme);
        return false;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        // The URL is never echoed: its query may hold the provider's token.
        *error = u"--notify-gateway webhook: the URL is not valid or has no host"_s;
        return false;
    }
    if (!readSecret(secretFile, &out->secret, error))
        return false;
    out->kind = u"webhook"_s;
    out->url = url;
    return true;
}

} // namespace

bool GatewayConfig::parse(const QString &spec, const QString &secretFile, GatewayConfig *out, QString *error)
{
    QString ignored;
    QString *message = error ? error : &ignored;
    GatewayConfig config;
    if (spec.trimmed().isEmpty()) {
        *out = config;
        return true;
    }
    const qsizetype colon = spec.indexOf(u':');
    const QString kind = colon < 0 ? spec : spec.left(colon);
    const QString rest = colon < 0 ? QString() : spec.mid(colon + 1);
    if (kind == u"file") {
        if (rest.isEmpty()) {
            *message = u"--notify-gateway file: needs a path, e.g. file:/var/lib/parceldesk/notices.jsonl"_s;
            return false;
        }
        if (QFileInfo(rest).isDir()) {
            *message = u"--notify-gateway file: %1 is a folder; give the file's path"_s.arg(rest);
            return false;
        }
        config.kind = u"file"_s;
        config.filePath = QFileInfo(rest).absoluteFilePath();
    } else if (kind == u"webhook") {
        if (!parseWebhook(rest.trimmed(), secretFile, &config, message))
            return false;
    } else if (kind == u"http" || kind == u"https") {
        *message = u"--notify-gateway: write a webhook as webhook:%1://host/path"_s.arg(kind);
        return false;
    } else {
        *message =
            u"--notify-gateway: unknown gateway “%1”: use file:PATH or webhook:URL (http or https)"_s.arg(
                kind.left(20));
        return false;
    }
    *out = config;
    return true;
}

std::unique_ptr<NotifyGateway> makeGateway(const GatewayConfig &config, QObject *parent)
{
    if (config.kind == u"file")
        return std::make_unique<FileGateway>(config.filePath, parent);
    if (config.kind != u"webhook")
        return nullptr;
    const QString host = config.url.host();
    if (config.url.scheme() == u"http" && host != u"localhost" && !QHostAddress(host).isLoopback())
        qCWarning(lcServerNotify) << "the notification webhook on" << host
                                  << "is plain http: phone numbers and texts cross the network unencrypted";
    return std::make_unique<WebhookGateway>(config.url, config.secret, config.timeoutMs, parent);
}

QString defaultNoticeFile(const QString &dbUrl)
{
    return QFileInfo(AttachmentFolder::defaultFor(dbUrl)).absolutePath() + u"/notices.jsonl"_s;
}

QString isoUtcMs(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject noticeFields(const NoticeMessage &message, const QString &to)
{
    QJsonObject o{{u"id"_s, message.id},
                  {u"channel"_s, message.channel},
                  {u"to"_s, to},
                  {u"language"_s, message.language},
                  {u"text"_s, message.text},
                  {u"waybill_no"_s, message.waybillNo},
                  {u"cause"_s, message.cause},
                  {u"urgent"_s, message.urgent},
                  {u"created_at"_s, isoUtcMs(message.createdMs)},
                  {u"attempt"_s, message.attempt}};
    if (!message.incidentId.isEmpty())
        o.insert(u"incident_id"_s, message.incidentId);
    return o;
}

} // namespace pd::server
