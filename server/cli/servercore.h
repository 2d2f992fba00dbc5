#pragma once

#include "housekeeping.h"
#include "serveroptions.h"

#include "server/api/router.h"
#include "server/api/ticketservice.h"
#include "server/http/httpadapter.h"
#include "server/live/livebus.h"
#include "server/live/livehub.h"
#include "server/live/positionservice.h"
#include "server/routing/agentboard.h"
#include "server/routing/agentstatusservice.h"
#include "server/routing/assignmentservice.h"
#include "server/routing/routingpolicysource.h"
#include "server/sla/slaservice.h"
#include "server/storage/database.h"
#include "server/storage/routingstore.h"
#include "server/storage/ticketstore.h"
#include "server/storage/userstore.h"

#include <QObject>

#include <memory>

namespace pd::server {

class Simulator;
class CustomerDataModule;
class AttachmentService;
class ProactiveStore;
class ProactiveService;
class NoticeOutbox;
class TrendService;

/**
 * @brief The composition root of a serving process: storage, services, controllers, live feed, HTTP.
 */
class ServerCore final : public QObject
{
    Q_OBJECT
public:
    explicit ServerCore(QObject *parent = nullptr);
    ~ServerCore() override;

    /// @brief Opens the database, seeds the demo if asked, and listens; false with a message on failure.
    static constexpr int kBusyTimeoutMs = 2000; ///< SQLite: how long a write waits for another process

    bool start(const ServerOptions &options, QString *error);
    [[nodiscard]] quint16 port() const { return m_port; }

private:
    bool openServices(const ServerOptions &options, QString *error);
    bool seedDemo(const ServerOptions &options, QString *error);
    void connectServices(const ServerOptions &options);
    bool listen(const ServerOptions &options, QString *error);
    void registerRoutes();
    void onLive(const QJsonObject &event);
    void onBusReconnected();
    void onPresence(const User &user, const QString &ticketId, const QString &mode);
    void openRouting();
    bool openAttachments(const ServerOptions &options, QString *error);
    void connectRouting();
    void openProactive(const ServerOptions &options);
    void observeTracking(const QList<Parcel> &parcels, const QList<TrackingEvent> &events);

    ServerOptions m_options;
    SystemClock m_wallClock;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DocumentStore> m_docs;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<TicketStore> m_ticketStore;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<TicketService> m_tickets;
    std::unique_ptr<LiveBus> m_bus;
    std::unique_ptr<LiveHub> m_hub;
    std::unique_ptr<PositionService> m_positions;
    std::unique_ptr<SlaService> m_sla;
    std::unique_ptr<RoutingStore> m_routingStore;
    std::unique_ptr<RoutingPolicySource> m_routingPolicy;
    std::unique_ptr<AgentStatusService> m_agentStatus;
    std::unique_ptr<AssignmentService> m_assignment;
    std::unique_ptr<AgentBoard> m_agentBoard;
    std::unique_ptr<HashingQueue> m_hashing;
    /// POST /tracking batches are read and checked here while the event loop writes the one before.
    std::unique_ptr<HashingQueue> m_trackingChecks;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpAdapter> m_http;
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<Housekeeping> m_housekeeping;
    std::unique_ptr<CustomerDataModule> m_customerData;
    std::unique_ptr<AttachmentService> m_attachments;
    std::unique_ptr<ProactiveStore> m_proactiveStore;
    std::unique_ptr<ProactiveService> m_proactive;
    std::unique_ptr<NoticeOutbox> m_outbox;
    std::unique_ptr<TrendService> m_trends;
    struct Controllers;
    std::unique_ptr<Controllers> m_controllers;
    quint16 m_port = 0;

    Q_DISABLE_COPY_MOVE(ServerCore)
};

} // namespace pd::server
