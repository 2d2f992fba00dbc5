#pragma once

#include "privacyoptions.h"

#include "server/http/httplimits.h"
#include "server/notify/notifygateway.h"

#include "models/domain/attachment.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace pd::server {

/// @brief What the command line decided for a serving process.
struct ServerOptions
{
    QString dbUrl;
    /// Reveal alert, customer data retention (and the test clock offset).
    PrivacyOptions privacy;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8470;
    QString tlsCert;
    QString tlsKey;
    bool demo = false;
    bool demoForcePublic = false; ///< --demo beyond loopback (the demo users' password is "demo")
    bool demoCityVolume = true; ///< --demo-volume city (default) or parcels (aggregates of the parcels only)
    /// --demo-notice-effect: the share of its complaints the demo's simulator lets a notice sent first
    /// prevent (ExceptionCustomers::noticeEffect; a parameter of the simulation, not a measurement).
    double demoNoticeEffect = 0.4;
    double speed = 1.0;
    quint32 seed = 2611;
    int keepaliveMs = 20000;
    qsizetype bodyLimit = 1024 * 1024;
    int accessTokenTtlSeconds = 0;      ///< 0 = the default (15 minutes)
    QList<QHostAddress> trustedProxies; ///< reverse proxies whose X-Forwarded-For is believed
    HttpLimits http; ///< connections, header size and time, WebSocket messages (bodyLimit above wins)
    qint64 wsSendLimit = 1024 * 1024; ///< unsent bytes a live client may hold before it is dropped
    qint64 idempotencyRetentionMs = 7LL * 24 * 3600 * 1000; ///< stored first responses are deleted after
    int hashThreads = 1; ///< password checks run on these threads, off the event loop
    int loginQueue = 32; ///< sign-ins waiting for a password check; beyond it 503 busy
    /// Attachments (docs/attachments.md): their folder (empty: "attachments" beside the SQLite file) and the
    /// settings attachments/max_file_bytes and attachments/max_ticket_bytes.
    QString attachmentsDir;
    qint64 attachmentMaxFileBytes = kDefaultMaxAttachmentBytes;
    qint64 attachmentMaxTicketBytes = kDefaultMaxTicketAttachmentBytes;
    /// Where proactive notices go (--notify-gateway, --notify-secret-file); kind "" keeps them queued. With
    /// --demo and no --notify-gateway: the file gateway on notices.jsonl beside the SQLite file.
    GatewayConfig notify;
    /// The outbox's first retry delay in ms (--notify-retry-ms; 0 = the default of 30 s); doubled per
    /// attempt.
    qint64 notifyRetryMs = 0;
};

} // namespace pd::server
