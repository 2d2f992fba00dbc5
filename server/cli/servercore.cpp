#include "servercore.h"

#include "customerdatamodule.h"

#include "server/api/authcontroller.h"
#include "server/api/changescontroller.h"
#include "server/api/directorycontroller.h"
#include "server/api/keyaccountscontroller.h"
#include "server/api/parcelscontroller.h"
#include "server/api/requestparsing.h"
#include "server/api/slapolicycontroller.h"
#include "server/api/ticketscontroller.h"
#include "server/appeals/appealscontroller.h"
#include "server/attachments/attachmentscontroller.h"
#include "server/compensation/compensationcontroller.h"
#include "server/proactive/noticeoutbox.h"
#include "server/proactive/proactivecontroller.h"
#include "server/proactive/proactiveservice.h"
#include "server/proactive/proactivestore.h"
#include "server/proactive/trendservice.h"
#include "server/routing/routingcontroller.h"
#include "server/simulator/demoincidents.h"
#include "server/simulator/demoseeder.h"
#include "server/simulator/scaledclock.h"
#include "server/simulator/simulator.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QWebSocket>

namespace pd::server {

struct ServerCore::Controllers
{
    std::unique_ptr<AuthController> auth;
    std::unique_ptr<ChangesController> changes;
    std::unique_ptr<TicketsController> tickets;
    std::unique_ptr<ParcelsController> parcels;
    std::unique_ptr<DirectoryController> directory;
    std::unique_ptr<SlaPolicyController> sla;
    std::unique_ptr<RoutingController> routing;
    std::unique_ptr<KeyAccountService> keyAccountService;
    std::unique_ptr<KeyAccountsController> keyAccounts;
    std::unique_ptr<AppealService> appeals;
    std::unique_ptr<AppealsController> appealRoutes;
    std::unique_ptr<CompensationStore> compensationStore;
    std::unique_ptr<CompensationService> compensation;
    std::unique_ptr<CompensationController> compensationRoutes;
    std::unique_ptr<AttachmentsController> attachments;
    std::unique_ptr<ProactiveController> proactive;
};

ServerCore::ServerCore(QObject *parent)
    : QObject(parent)
{}

ServerCore::~ServerCore()
{
    if (m_positions) {
        try {
            m_positions->flush();
        } catch (const std::exception &) {
            // Shutting down: the positions are only a cache of the live feed.
        }
    }
}

bool ServerCore::start(const ServerOptions &options, QString *error)
{
    m_options = options;
    try {
        if (!openServices(options, error))
            return false;
        if (options.demo && !seedDemo(options, error))
            return false;
        connectServices(options);
        if (!listen(options, error))
            return false;
        if (options.demo) {
            m_simulator =
                std::make_unique<Simulator>(*m_docs, *m_tickets, *m_positions, *m_clock, options.seed);
            m_simulator->setExceptionCustomers({.noticeEffect = options.demoNoticeEffect});
            m_simulator->setObserver(
                [this](const QList<Parcel> &p, const QList<TrackingEvent> &e) { observeTracking(p, e); });
            m_simulator->start();
        }
    } catch (const StorageError &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

// The clock, the database and the services over it, in the order each needs the one before.
bool ServerCore::openServices(const ServerOptions &options, QString *error)
{
    if (options.speed != 1.0 || options.demo || options.privacy.clockOffsetMs != 0)
        m_clock =
            std::make_unique<ScaledClock>(m_wallClock.nowMs() + options.privacy.clockOffsetMs, options.speed);
    else
        m_clock = std::make_unique<SystemClock>();
    m_db = Database::open(options.dbUrl);
    m_db->checkpointInBackground();
    // A lock held by another process stalls the event loop at most this long, once per fault.
    m_db->setBusyTimeoutMs(kBusyTimeoutMs);
    m_docs = std::make_unique<DocumentStore>(*m_db);
    m_users = std::make_unique<UserStore>(*m_docs);
    m_ticketStore = std::make_unique<TicketStore>(*m_docs);
    // Parcels stored before the volume aggregates existed (schema 5) get their share counted once.
    if (const int counted = m_docs->volume().backfillIfNeeded(m_clock->nowMs()); counted > 0)
        qCInfo(lcServerStore) << "volume aggregates: counted" << counted << "stored parcels";
    m_auth = std::make_unique<AuthService>(*m_users, m_wallClock);
    if (options.accessTokenTtlSeconds > 0)
        m_auth->setAccessTtlMs(qint64(options.accessTokenTtlSeconds) * 1000);
    m_tickets = std::make_unique<TicketService>(*m_ticketStore, *m_clock);
    m_bus = std::make_unique<LiveBus>(*m_db);
    if (!m_bus->start(error))
        return false;
    m_hub = std::make_unique<LiveHub>(*m_auth, *m_clock);
    m_hub->setKeepaliveInterval(options.keepaliveMs);
    m_hub->setSendLimit(options.wsSendLimit);
    m_positions = std::make_unique<PositionService>(*m_docs, *m_bus, *m_clock);
    m_sla = std::make_unique<SlaService>(*m_tickets, *m_clock);
    openRouting();
    return openAttachments(options, error);
}

// Attachments (docs/attachments.md): the folder of their bytes, and their removal with a deleted ticket.
bool ServerCore::openAttachments(const ServerOptions &options, QString *error)
{
    AttachmentFolder folder(options.attachmentsDir.isEmpty() ? AttachmentFolder::defaultFor(options.dbUrl)
                                                             : options.attachmentsDir);
    if (!folder.prepare(error))
        return false;
    const AttachmentLimits limits{options.attachmentMaxFileBytes, options.attachmentMaxTicketBytes};
    m_attachments = std::make_unique<AttachmentService>(*m_tickets, folder, limits, *m_clock);
    m_tickets->setRemovalHooks(
        [this](WriteTx &tx, const QString &ticketId) { m_attachments->ticketRemoved(tx, ticketId); },
        [this](const QString &ticketId) { m_attachments->ticketRemovalCommitted(ticketId); });
    m_tickets->setMergeHook([this](WriteTx &tx, const QString &fromId, const Ticket &to) {
        return m_attachments->ticketMerged(tx, fromId, to);
    });
    return true;
}

// Agent status, the routing policy and the assignment service (docs/server.md, "Routing").
void ServerCore::openRouting()
{
    m_routingStore = std::make_unique<RoutingStore>(*m_db);
    m_routingPolicy = std::make_unique<RoutingPolicySource>(*m_routingStore);
    m_agentStatus = std::make_unique<AgentStatusService>(*m_routingStore, *m_routingPolicy, *m_clock,
                                                         m_wallClock, m_hub->instanceId());
    m_assignment = std::make_unique<AssignmentService>(
        *m_tickets, *m_routingStore, *m_routingPolicy, [this] { return m_sla->policy(); }, *m_clock);
    m_agentBoard = std::make_unique<AgentBoard>(*m_routingStore, *m_routingPolicy, m_wallClock);
}

void ServerCore::connectRouting()
{
    connect(m_hub.get(), &LiveHub::socketOpened, m_agentStatus.get(), &AgentStatusService::socketOpened);
    connect(m_hub.get(), &LiveHub::socketClosed, m_agentStatus.get(), &AgentStatusService::socketClosed);
    connect(m_hub.get(), &LiveHub::statusReported, this,
            [this](const User &user, const QString &status, const LiveHub::StatusRefusal &refuse) {
                try {
                    (void)m_agentStatus->set(user, status, true);
                } catch (const ApiError &e) {
                    refuse(e.code(), e.message());
                } catch (const std::exception &e) {
                    qCWarning(lcServerLive) << "agent status not stored:" << e.what();
                    refuse(QStringLiteral("storage_unavailable"),
                           QStringLiteral("The server cannot store your status right now; send it again."));
                }
            });
    // An agent who comes online (or back from a break) gets the team's waiting tickets pushed.
    connect(m_agentStatus.get(), &AgentStatusService::statusChanged, this,
            [this](const QString &, const QString &teamId, const QString &status) {
                if (status != QLatin1StringView("offline"))
                    m_assignment->teamChanged(teamId);
            });
    m_agentStatus->start();
    m_assignment->start();
}

// Proactive service (docs/proactive.md, "On the server"): detection over the tracking as it is written, the
// incidents, and the outbox with the gateway of --notify-gateway.
void ServerCore::openProactive(const ServerOptions &options)
{
    m_proactiveStore = std::make_unique<ProactiveStore>(*m_db);
    m_proactive = std::make_unique<ProactiveService>(*m_docs, *m_proactiveStore, *m_clock);
    m_proactive->load();
    m_outbox = std::make_unique<NoticeOutbox>(*m_docs, *m_proactiveStore, *m_clock);
    m_outbox->setPolicy(m_proactive->policy());
    if (options.notifyRetryMs > 0)
        m_outbox->setRetryBaseMs(options.notifyRetryMs);
    m_outbox->setGateway(makeGateway(options.notify));
    m_tickets->setIncidentLookup([this](const QString &waybill) {
        try {
            return m_proactive->openIncidentOf(waybill);
        } catch (const std::exception &e) {
            qCWarning(lcServerStore) << "incident of a new ticket not looked up:" << e.what();
            return QString();
        }
    });
    m_proactive->start();
    m_outbox->start();
    m_trends = std::make_unique<TrendService>(*m_docs, *m_clock, [this] { return m_proactive->policy(); });
    m_trends->load();
    m_trends->start();
}

void ServerCore::observeTracking(const QList<Parcel> &parcels, const QList<TrackingEvent> &events)
{
    try {
        m_proactive->observe(parcels, events);
    } catch (const std::exception &e) {
        // The tracking is stored; a restart's load() finds what this missed.
        qCWarning(lcServerStore) << "proactive detection not stored:" << e.what();
    }
}

// A demo database: seeded when empty, refused when it holds other data; the demo users' banner either way.
bool ServerCore::seedDemo(const ServerOptions &options, QString *error)
{
    DemoSeeder seeder(*m_docs, *m_users, *m_auth, options.seed);
    const DemoSeeder::Fit fit = seeder.check();
    if (fit == DemoSeeder::Fit::Foreign) {
        *error = DemoSeeder::refusal(m_db->displayUrl());
        return false;
    }
    if (fit == DemoSeeder::Fit::Empty) {
        seeder.setCityVolume(options.demoCityVolume);
        const auto stats = seeder.seed(m_clock->nowMs());
        std::fprintf(stdout, "%s\n", qPrintable(stats));
        // Two incidents for the Proactive page: found by the proactive service when it starts.
        (void)plantDemoIncidents(*m_docs, m_clock->nowMs());
    }
    std::fprintf(stdout, "%s\n", qPrintable(DemoSeeder::credentialsBanner()));
    std::fflush(stdout);
    return true;
}

// The live feed, housekeeping and the hub's hooks: what the services tell each other once they all exist.
void ServerCore::connectServices(const ServerOptions &options)
{
    m_positions->load();
    m_sla->load();

    connect(m_bus.get(), &LiveBus::delivered, this, &ServerCore::onLive);
    connect(m_bus.get(), &LiveBus::reconnected, this, &ServerCore::onBusReconnected);
    m_housekeeping = std::make_unique<Housekeeping>(*m_docs, *m_users, *m_clock, m_wallClock,
                                                    options.idempotencyRetentionMs);
    m_housekeeping->setCustomerRetentionMs(options.privacy.customerRetentionMs());
    m_housekeeping->setParcelRetentionMs(options.privacy.parcelRetentionMs());
    m_housekeeping->setAttachmentCleanup([this] { return m_attachments->removeStale(); });
    m_housekeeping->start();
    // Revocations travel like live events (NOTIFY with PostgreSQL) so every instance closes its sockets.
    m_auth->setRevocationSink([this](const QJsonObject &e) {
        try {
            m_bus->publish(e);
        } catch (const std::exception &ex) {
            qCWarning(lcServerLive) << "revocation not published:" << ex.what();
        }
    });
    connect(m_hub.get(), &LiveHub::presenceReported, this, &ServerCore::onPresence);
    connectRouting();
    openProactive(options);
    m_hub->setSnapshotProvider([this](const User &user) {
        return QJsonObject{{QStringLiteral("positions"), m_positions->positionsJson()},
                           {QStringLiteral("change_cursor"),
                            formatCursor(m_docs->maxSeq(), ChangesController::scopeOf(user).code())},
                           {QStringLiteral("server_time_ms"), m_clock->nowMs()}};
    });
}

// Routes and the HTTP front: limits, trusted proxies, TLS, the port.
bool ServerCore::listen(const ServerOptions &options, QString *error)
{
    m_hashing = std::make_unique<HashingQueue>(options.hashThreads, options.loginQueue);
    // Up to 8 batches (5,000 items each) wait to be checked; more are answered 503 with Retry-After.
    m_trackingChecks = std::make_unique<HashingQueue>(HashingQueue::defaultThreads(), 8);
    m_router = std::make_unique<Router>(*m_auth, *m_clock);
    m_router->setBodyLimit(options.bodyLimit);
    registerRoutes();
    m_http = std::make_unique<HttpAdapter>(
        [this](const HttpRequest &r) { return m_router->handle(r); }, QStringLiteral("/api/v1/live"),
        [this](std::unique_ptr<QWebSocket> s) { m_hub->accept(std::move(s)); });
    m_http->setTrustedProxies(options.trustedProxies);
    HttpLimits limits = options.http;
    // The parser lets through the largest body of any route (an attachment chunk); each route's own limit
    // is checked as soon as the header is read.
    limits.bodyLimit = std::max<qint64>(options.bodyLimit, m_router->largestBodyLimit());
    m_http->setLimits(limits);
    m_http->setBodyLimitFor([this](const HttpRequest &r) { return qint64(m_router->bodyLimitFor(r)); });
    if (!options.tlsCert.isEmpty() && !m_http->enableTls(options.tlsCert, options.tlsKey, error))
        return false;
    m_port = m_http->listenOn(options.host, options.port);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(options.host.toString()).arg(options.port);
        return false;
    }
    return true;
}

void ServerCore::registerRoutes()
{
    m_controllers = std::make_unique<Controllers>();
    m_router->add("GET", QStringLiteral("/api/v1/health"), Access::publicRoute(), [this](RequestContext &) {
        return jsonResponse(
            200,
            QJsonObject{
                {QStringLiteral("status"), QStringLiteral("ok")},
                {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                {QStringLiteral("schema_version"), m_db->schemaVersion()},
                {QStringLiteral("storage"),
                 m_db->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                {QStringLiteral("instance"), m_hub->instanceId()},
                {QStringLiteral("demo"), m_options.demo},
                {QStringLiteral("storage_available"), m_db->available()},
                {QStringLiteral("live"),
                 QJsonObject{{QStringLiteral("clients"), m_hub->clientCount()},
                             {QStringLiteral("dropped_backlog"), qint64(m_hub->stats().droppedBacklog)},
                             {QStringLiteral("ignored_presence"), qint64(m_hub->stats().ignoredPresence)}}},
                {QStringLiteral("password_checks"),
                 QJsonObject{{QStringLiteral("threads"), m_hashing->threads()},
                             {QStringLiteral("pending"), m_hashing->pending()},
                             {QStringLiteral("capacity"), m_hashing->capacity()}}},
                {QStringLiteral("server_time"), instantToIso(m_clock->nowMs())}});
    });
    m_controllers->auth = std::make_unique<AuthController>(*m_auth, *m_hashing);
    m_controllers->changes = std::make_unique<ChangesController>(*m_docs);
    m_controllers->tickets = std::make_unique<TicketsController>(*m_tickets);
    m_controllers->parcels = std::make_unique<ParcelsController>(*m_docs, *m_clock, *m_trackingChecks);
    m_controllers->parcels->setObserver(
        [this](const QList<Parcel> &p, const QList<TrackingEvent> &e) { observeTracking(p, e); });
    m_controllers->directory =
        std::make_unique<DirectoryController>(*m_docs, *m_users, *m_auth, *m_positions, *m_hashing);
    m_controllers->sla = std::make_unique<SlaPolicyController>(*m_docs);
    m_controllers->auth->registerRoutes(*m_router);
    m_controllers->changes->registerRoutes(*m_router);
    m_controllers->tickets->registerRoutes(*m_router);
    m_controllers->parcels->registerRoutes(*m_router);
    m_controllers->directory->registerRoutes(*m_router);
    m_controllers->sla->registerRoutes(*m_router);
    m_controllers->routing = std::make_unique<RoutingController>(RoutingController::Services{
        *m_docs, *m_routingStore, *m_routingPolicy, *m_agentStatus, *m_assignment, *m_agentBoard,
        [this] { return m_sla->policy(); }, [this] { return m_hub->presence(); }});
    m_controllers->routing->registerRoutes(*m_router);
    m_controllers->keyAccountService = std::make_unique<KeyAccountService>(*m_ticketStore, *m_clock);
    m_controllers->keyAccounts = std::make_unique<KeyAccountsController>(*m_controllers->keyAccountService);
    m_controllers->keyAccounts->registerRoutes(*m_router);
    // Compensation (docs/compensation.md): requests, approvals and the ledger; its limits guard the ticket
    // paths.
    auto &k = *m_controllers;
    k.compensationStore = std::make_unique<CompensationStore>(*m_db);
    k.compensation = std::make_unique<CompensationService>(*k.compensationStore, *m_tickets, *m_clock);
    m_tickets->setCompensationGuard(
        [c = k.compensation.get()](const Actor &a, const Ticket &before, const Ticket &after) {
            c->guard(a, before, after);
        });
    k.compensationRoutes =
        std::make_unique<CompensationController>(*m_docs, *k.compensationStore, *k.compensation);
    k.compensationRoutes->registerRoutes(*m_router);
    // Regulator appeals (docs/appeals.md): import, answer, rejection.
    m_controllers->appeals = std::make_unique<AppealService>(*m_ticketStore, *m_clock);
    m_controllers->appealRoutes = std::make_unique<AppealsController>(*m_controllers->appeals);
    m_controllers->appealRoutes->registerRoutes(*m_router);
    m_customerData = std::make_unique<CustomerDataModule>(*m_docs, *m_tickets, m_options.privacy);
    m_customerData->registerRoutes(*m_router);
    m_controllers->attachments = std::make_unique<AttachmentsController>(*m_attachments);
    m_controllers->attachments->registerRoutes(*m_router);
    m_controllers->proactive = std::make_unique<ProactiveController>(*m_docs, *m_proactiveStore, *m_proactive,
                                                                     *m_outbox, *m_tickets);
    m_controllers->proactive->registerRoutes(*m_router);
    // The WebSocket upgrade never reaches the router; a plain GET gets a clear answer.
    m_router->add(
        "GET", QStringLiteral("/api/v1/live"), Access::signedIn(), [](RequestContext &) -> HttpResponse {
            throw ApiError(426, QStringLiteral("upgrade_required"),
                           QStringLiteral("Open /api/v1/live as a WebSocket (Upgrade: websocket)."));
        });
}

void ServerCore::onLive(const QJsonObject &event)
{
    const QString kind = event.value(QStringLiteral("kind")).toString();
    const QString type = event.value(QStringLiteral("type")).toString();
    if (kind == QLatin1StringView("revoke")) {
        m_hub->revoke(event); // never sent to clients
        return;
    }
    try {
        if (kind == QLatin1StringView("positions")) {
            m_positions->apply(event);
        } else if (kind == QLatin1StringView("changed") && type == DocType::Ticket) {
            m_sla->ticketChanged(event.value(QStringLiteral("id")).toString());
            m_assignment->ticketChanged(event.value(QStringLiteral("id")).toString());
            if (m_trends)
                m_trends->ticketChanged();
        } else if (kind == QLatin1StringView("changed") && type == DocType::SlaPolicy) {
            m_sla->setPolicy(SlaService::storedPolicy(*m_docs).value_or(SlaPolicy()));
            m_assignment->policyChanged();
        } else if (kind == QLatin1StringView("routing_policy")) {
            m_assignment->policyChanged();
        }
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "live event not applied:" << e.what();
    }
    m_hub->broadcast(event);
}

void ServerCore::onBusReconnected()
{
    // Notifications of other instances may have been lost while PostgreSQL was away: the SLA monitor reads
    // the tickets again and every console is told to pull the change feed.
    try {
        m_sla->load();
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "SLA tickets not reloaded:" << e.what();
    }
    m_hub->broadcast(QJsonObject{{QStringLiteral("kind"), QStringLiteral("changed")},
                                 {QStringLiteral("type"), QStringLiteral("resync")}});
}

void ServerCore::onPresence(const User &user, const QString &ticketId, const QString &mode)
{
    if (mode != QLatin1StringView("leave"))
        m_assignment->opened(ticketId, user.id);
    try {
        const auto t = m_ticketStore->ticket(ticketId);
        if (!t || !canRead(Actor::of(user), t->teamId))
            return;
        m_bus->publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("presence")},
                                   {QStringLiteral("ticket_id"), ticketId},
                                   {QStringLiteral("user_id"), user.id},
                                   {QStringLiteral("user_name"), user.displayName},
                                   {QStringLiteral("mode"), mode},
                                   {QStringLiteral("team_id"), t->teamId}});
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "presence not published:" << e.what();
    }
}

} // namespace pd::server
