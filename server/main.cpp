// parceldesk-server: the reference backend. Only the command line lives here; serving is in server/cli.
#include "cli/cliutil.h"
#include "cli/customercommand.h"
#include "cli/importcommand.h"
#include "cli/servercore.h"
#include "cli/usercommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

namespace {

/// @brief The options of serving (parceldesk-server without a command).
struct ServeFlags
{
    const QCommandLineOption listenOpt{
        QStringLiteral("listen"),
        QCoreApplication::translate("server", "Address to listen on (port 0 = any free port)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8470")};
    const QCommandLineOption dbOpt{
        QStringLiteral("db"),
        QCoreApplication::translate("server", "sqlite:PATH or postgresql://user@host:port/db."),
        QStringLiteral("url"), pd::server::defaultDbUrl()};
    const QCommandLineOption demoOpt{
        QStringLiteral("demo"),
        QCoreApplication::translate("server", "Seed demo data (if empty) and run the simulator.")};
    const QCommandLineOption speedOpt{
        QStringLiteral("speed"),
        QCoreApplication::translate("server", "Server time runs N times faster (demo, tests)."),
        QStringLiteral("N"), QStringLiteral("1")};
    const QCommandLineOption seedOpt{
        QStringLiteral("seed"),
        QCoreApplication::translate("server", "Random seed of the demo data and simulator."),
        QStringLiteral("N"), QStringLiteral("2611")};
    const QCommandLineOption certOpt{
        QStringLiteral("tls-cert"),
        QCoreApplication::translate("server", "PEM certificate: serve HTTPS/WSS."), QStringLiteral("file")};
    const QCommandLineOption keyOpt{QStringLiteral("tls-key"),
                                    QCoreApplication::translate("server", "PEM private key."),
                                    QStringLiteral("file")};
    const QCommandLineOption keepaliveOpt{
        QStringLiteral("keepalive-ms"),
        QCoreApplication::translate("server", "Live feed keepalive interval."), QStringLiteral("ms"),
        QStringLiteral("20000")};
    const QCommandLineOption bodyOpt{QStringLiteral("body-limit"),
                                     QCoreApplication::translate("server", "Largest request body in bytes."),
                                     QStringLiteral("bytes"), QStringLiteral("1048576")};
    const QCommandLineOption proxyOpt{
        QStringLiteral("trusted-proxy"),
        QCoreApplication::translate("server", "Address of a reverse proxy in front of this server (repeat or "
                                              "separate with commas): the client address comes from its "
                                              "X-Forwarded-For header."),
        QStringLiteral("address")};
    const QCommandLineOption accessTtlOpt{
        QStringLiteral("access-token-ttl"),
        QCoreApplication::translate("server", "Access token lifetime in seconds (default 900; tests)."),
        QStringLiteral("seconds")};
    const QCommandLineOption maxConnOpt{
        QStringLiteral("max-connections"),
        QCoreApplication::translate("server", "Open connections (HTTP and WebSocket); beyond it: 503."),
        QStringLiteral("n"), QStringLiteral("1000")};
    const QCommandLineOption headerTimeoutOpt{
        QStringLiteral("header-timeout-ms"),
        QCoreApplication::translate("server", "Time for a request header to arrive; beyond it: 408."),
        QStringLiteral("ms"), QStringLiteral("10000")};
    const QCommandLineOption idleTimeoutOpt{
        QStringLiteral("idle-timeout-ms"),
        QCoreApplication::translate("server", "Keep-alive idle time; longest pause inside a request body."),
        QStringLiteral("ms"), QStringLiteral("60000")};
    const QCommandLineOption wsLimitOpt{
        QStringLiteral("ws-message-limit"),
        QCoreApplication::translate("server", "Largest incoming WebSocket message in bytes."),
        QStringLiteral("bytes"), QStringLiteral("65536")};
    const QCommandLineOption demoVolumeOpt{
        QStringLiteral("demo-volume"),
        QCoreApplication::translate("server", "Volume figures of a new demo: city (the city's parcel volume, "
                                              "default) or parcels (only the detailed parcels; tests)."),
        QStringLiteral("kind"), QStringLiteral("city")};
    const QCommandLineOption demoNoticeEffectOpt{
        QStringLiteral("demo-notice-effect"),
        QCoreApplication::translate("server", "Demo simulator: the share of complaints about parcels with an "
                                              "exception that a notice sent first prevents, from 0 to 1 (a "
                                              "parameter of the simulation, not a measurement)."),
        QStringLiteral("F"), QStringLiteral("0.4")};
    const QCommandLineOption demoPublicOpt{
        QStringLiteral("demo-force-public"),
        QCoreApplication::translate("server", "Allow --demo on an address beyond loopback (its users' "
                                              "password is \"demo\").")};
    const QCommandLineOption wsSendOpt{
        QStringLiteral("ws-send-limit"),
        QCoreApplication::translate("server",
                                    "Unsent bytes a live client may hold; beyond it it is dropped."),
        QStringLiteral("bytes"), QStringLiteral("1048576")};
    const QCommandLineOption retentionOpt{
        QStringLiteral("idempotency-retention"),
        QCoreApplication::translate("server", "Seconds stored first responses (Idempotency-Key) are kept."),
        QStringLiteral("seconds"), QStringLiteral("604800")};
    const QCommandLineOption hashThreadsOpt{
        QStringLiteral("hash-threads"),
        QCoreApplication::translate("server", "Threads that check passwords (default: cores minus one)."),
        QStringLiteral("n")};
    const QCommandLineOption loginQueueOpt{
        QStringLiteral("login-queue"),
        QCoreApplication::translate("server", "Sign-ins waiting for a password check; beyond it: 503."),
        QStringLiteral("n"), QString::number(pd::server::HashingQueue::kDefaultCapacity)};
    const QCommandLineOption attachmentsDirOpt{
        QStringLiteral("attachments-dir"),
        QCoreApplication::translate("server", "Folder of the attachments' files (default: \"attachments\" "
                                              "beside the SQLite file); back it up with the database."),
        QStringLiteral("dir")};
    const QCommandLineOption attachmentFileOpt{
        QStringLiteral("attachments-max-file-bytes"),
        QCoreApplication::translate("server", "Largest attachment (setting attachments/max_file_bytes)."),
        QStringLiteral("bytes"), QString::number(pd::kDefaultMaxAttachmentBytes)};
    const QCommandLineOption attachmentTicketOpt{
        QStringLiteral("attachments-max-ticket-bytes"),
        QCoreApplication::translate(
            "server", "Largest total of one ticket's attachments (attachments/max_ticket_bytes)."),
        QStringLiteral("bytes"), QString::number(pd::kDefaultMaxTicketAttachmentBytes)};
    const QCommandLineOption notifyGatewayOpt{
        QStringLiteral("notify-gateway"),
        QCoreApplication::translate("server", "Where proactive notices go: file:PATH or webhook:URL; without "
                                              "it they stay queued (--demo: notices.jsonl beside the SQLite "
                                              "file)."),
        QStringLiteral("spec")};
    const QCommandLineOption notifySecretOpt{
        QStringLiteral("notify-secret-file"),
        QCoreApplication::translate("server", "File holding the webhook's HMAC key."),
        QStringLiteral("file")};
    const QCommandLineOption notifyRetryOpt{
        QStringLiteral("notify-retry-ms"),
        QCoreApplication::translate("server", "Delay before a notice's first retry; doubled per attempt."),
        QStringLiteral("ms"), QStringLiteral("30000")};
};

/// @brief The attachments' folder and limits; false (printed) on a bad value.
bool readAttachments(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    bool fileOk = false;
    bool ticketOk = false;
    o.attachmentsDir = parser.value(f.attachmentsDirOpt);
    o.attachmentMaxFileBytes = parser.value(f.attachmentFileOpt).toLongLong(&fileOk);
    o.attachmentMaxTicketBytes = parser.value(f.attachmentTicketOpt).toLongLong(&ticketOk);
    if (!fileOk || !ticketOk || o.attachmentMaxFileBytes < 1 || o.attachmentMaxTicketBytes < 1) {
        printErr(QCoreApplication::translate(
            "server", "--attachments-max-file-bytes and --attachments-max-ticket-bytes need a number."));
        return false;
    }
    return true;
}

/// @brief --notify-gateway and --notify-secret-file, after the demo options (a demo without a gateway writes
/// the demo's notice file); false (printed) on a bad value.
bool readNotify(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    QString spec = parser.value(f.notifyGatewayOpt);
    if (spec.isEmpty() && o.demo)
        spec = QStringLiteral("file:") + defaultNoticeFile(o.dbUrl);
    QString error;
    if (!GatewayConfig::parse(spec, parser.value(f.notifySecretOpt), &o.notify, &error)) {
        printErr(error);
        return false;
    }
    bool retryOk = false;
    o.notifyRetryMs = parser.value(f.notifyRetryOpt).toLongLong(&retryOk);
    if (!retryOk || o.notifyRetryMs < 10) {
        printErr(QCoreApplication::translate("server", "--notify-retry-ms needs a number of at least 10."));
        return false;
    }
    return true;
}

/// @brief --listen, --db and the demo options; false (printed) on a bad value.
bool readAddressAndDemo(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    const QString listen = parser.value(f.listenOpt);
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    o.host = QHostAddress(colon > 0 ? listen.left(colon) : QString());
    if (!portOk || port > 65535 || o.host.isNull()) {
        printErr(QCoreApplication::translate("server", "--listen needs HOST:PORT, e.g. 127.0.0.1:8470."));
        return false;
    }
    o.port = quint16(port);
    o.dbUrl = parser.value(f.dbOpt);
    o.demo = parser.isSet(f.demoOpt);
    o.demoForcePublic = parser.isSet(f.demoPublicOpt);
    const QString demoVolume = parser.value(f.demoVolumeOpt);
    if (demoVolume != u"city" && demoVolume != u"parcels") {
        printErr(QCoreApplication::translate("server", "--demo-volume is city or parcels."));
        return false;
    }
    o.demoCityVolume = demoVolume == u"city";
    bool effectOk = false;
    o.demoNoticeEffect = parser.value(f.demoNoticeEffectOpt).toDouble(&effectOk);
    if (!effectOk || !(o.demoNoticeEffect >= 0.0 && o.demoNoticeEffect <= 1.0)) {
        printErr(QCoreApplication::translate("server",
                                             "--demo-notice-effect needs a number from 0 to 1 (0.4: a "
                                             "notice prevents 40 % of the complaints), not \"%1\".")
                     .arg(parser.value(f.demoNoticeEffectOpt)));
        return false;
    }
    if (o.demo && !o.host.isLoopback() && !o.demoForcePublic) {
        printErr(QCoreApplication::translate(
                     "server", "--demo listens on loopback only (its users' password is \"demo\"); %1 is not "
                               "a loopback address. Add --demo-force-public to serve the demo beyond this "
                               "machine.")
                     .arg(o.host.toString()));
        return false;
    }
    return true;
}

/// @brief --speed, --seed and TLS; false (printed) on a bad value.
bool readSpeedAndTls(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    bool ok = false;
    o.speed = parser.value(f.speedOpt).toDouble(&ok);
    if (!ok || o.speed <= 0 || o.speed > 100000) {
        printErr(QCoreApplication::translate("server", "--speed needs a number above 0."));
        return false;
    }
    o.seed = parser.value(f.seedOpt).toUInt(&ok);
    o.tlsCert = parser.value(f.certOpt);
    o.tlsKey = parser.value(f.keyOpt);
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty()) {
        printErr(QCoreApplication::translate("server", "--tls-cert and --tls-key go together."));
        return false;
    }
    return true;
}

/// @brief Limits, privacy and password checking; false (printed) on a bad value.
bool readLimits(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    o.keepaliveMs = std::max(100, parser.value(f.keepaliveOpt).toInt());
    o.bodyLimit = std::max<qsizetype>(1024, parser.value(f.bodyOpt).toLongLong());
    o.http.maxConnections = std::max(1, parser.value(f.maxConnOpt).toInt());
    o.http.headerTimeoutMs = std::max(100, parser.value(f.headerTimeoutOpt).toInt());
    o.http.idleTimeoutMs = std::max(100, parser.value(f.idleTimeoutOpt).toInt());
    o.http.webSocketMessageLimit = std::max<qint64>(1024, parser.value(f.wsLimitOpt).toLongLong());
    o.wsSendLimit = std::max<qint64>(16 * 1024, parser.value(f.wsSendOpt).toLongLong());
    o.idempotencyRetentionMs = std::max<qint64>(1, parser.value(f.retentionOpt).toLongLong()) * 1000;
    if (QString privacyError; !readPrivacyOptions(parser, &o.privacy, &privacyError)) {
        printErr(privacyError);
        return false;
    }
    o.hashThreads = parser.isSet(f.hashThreadsOpt)
                        ? std::clamp(parser.value(f.hashThreadsOpt).toInt(), 1, 256)
                        : HashingQueue::defaultThreads();
    o.loginQueue = std::clamp(parser.value(f.loginQueueOpt).toInt(), 1, 100000);
    return true;
}

/// @brief --access-token-ttl and --trusted-proxy; false (printed) on a bad value.
bool readTokensAndProxies(const QCommandLineParser &parser, const ServeFlags &f, pd::server::ServerOptions &o)
{
    using namespace pd::server;
    bool ok = false;
    if (parser.isSet(f.accessTtlOpt)) {
        o.accessTokenTtlSeconds = parser.value(f.accessTtlOpt).toInt(&ok);
        if (!ok || o.accessTokenTtlSeconds < 1 || o.accessTokenTtlSeconds > 24 * 3600) {
            printErr(QCoreApplication::translate(
                "server", "--access-token-ttl needs a number of seconds (1 to 86400)."));
            return false;
        }
    }
    for (const QString &value : parser.values(f.proxyOpt)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QHostAddress proxy(part.trimmed());
            if (proxy.isNull()) {
                printErr(QCoreApplication::translate("server", "--trusted-proxy: “%1” is not an IP address.")
                             .arg(part.trimmed()));
                return false;
            }
            o.trustedProxies.append(proxy);
        }
    }

    return true;
}

int serve(QCoreApplication &app)
{
    using namespace pd::server;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "server",
        "ParcelDesk reference backend.\n\nOther commands:\n"
        "  parceldesk-server import --db URL [--tickets FILE.csv] [--parcels FILE.csv] [--tracking "
        "FILE.csv|-] "
        "[--dry-run]\n"
        "  parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] [--team ID]\n"
        "  parceldesk-server customer erase --phone NUMBER [--db URL]"));
    parser.addHelpOption();
    parser.addVersionOption();
    const ServeFlags f;
    parser.addOptions({f.listenOpt,
                       f.dbOpt,
                       f.demoOpt,
                       f.speedOpt,
                       f.seedOpt,
                       f.certOpt,
                       f.keyOpt,
                       f.keepaliveOpt,
                       f.bodyOpt,
                       f.proxyOpt,
                       f.accessTtlOpt,
                       f.maxConnOpt,
                       f.headerTimeoutOpt,
                       f.idleTimeoutOpt,
                       f.wsLimitOpt,
                       f.demoPublicOpt,
                       f.wsSendOpt,
                       f.retentionOpt,
                       f.hashThreadsOpt,
                       f.loginQueueOpt,
                       f.demoVolumeOpt,
                       f.demoNoticeEffectOpt,
                       f.attachmentsDirOpt,
                       f.attachmentFileOpt,
                       f.attachmentTicketOpt,
                       f.notifyGatewayOpt,
                       f.notifySecretOpt,
                       f.notifyRetryOpt});
    addPrivacyOptions(parser);
    parser.process(app);

    ServerOptions o;
    if (!readAddressAndDemo(parser, f, o) || !readSpeedAndTls(parser, f, o) || !readLimits(parser, f, o) ||
        !readTokensAndProxies(parser, f, o) || !readAttachments(parser, f, o) || !readNotify(parser, f, o))
        return 2;

    ServerCore core;
    QString error;
    if (!core.start(o, &error)) {
        printErr(QCoreApplication::translate("server", "parceldesk-server could not start: %1").arg(error));
        return 1;
    }
    // Scripts and tests wait for this line (or poll GET /api/v1/health).
    printOut(
        QStringLiteral("parceldesk-server listening on %1://%2:%3")
            .arg(o.tlsCert.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"), o.host.toString())
            .arg(core.port()));
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parceldesk-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("ParcelDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PD_VERSION));
    QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && args.at(1) == QLatin1StringView("user")) {
        args.removeAt(1);
        return pd::server::UserCommands::run(args);
    }
    if (args.size() > 1 && args.at(1) == QLatin1StringView("import")) {
        args.removeAt(1);
        return pd::server::ImportCommand::run(args);
    }
    if (args.size() > 1 && args.at(1) == QLatin1StringView("customer")) {
        args.removeAt(1);
        return pd::server::CustomerCommand::run(args);
    }
    return serve(app);
}
