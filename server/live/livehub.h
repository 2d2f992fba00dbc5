#pragma once

#include "livemessage.h"
#include "server/auth/authservice.h"

#include "models/domain/clock.h"
#include "models/domain/entities.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

class QWebSocket;

Q_DECLARE_LOGGING_CATEGORY(lcServerLive)

namespace pd::server {

/**
 * @brief The WebSocket live feed: numbered events to every client that may see them.
 *
 * On connect (GET /api/v1/live?access_token=…[&since=N&instance=ID]) a client gets "hello", then either the
 * events it missed (when since is still in the ring buffer of this instance) or a "snapshot" (positions,
 * presence, the change cursor) to start from. Every event carries seq, consecutive per instance; a gap or a
 * snapshot with resync=true tells the client to pull /changes. A WebSocket ping and a "keepalive" message go
 * out every keepalive interval; a client silent for three intervals is dropped. Ticket events reach agents of
 * the ticket's team only; an event with "audience":"supervisors" (the reveal alert) only the supervisors of
 * its team_id (of every team when it has none).
 *
 * Every socket is re-checked: at its access token's expiry, on a revocation from the live bus (sign-out,
 * disabled account, new password, team or role change, from any instance) and by a sweep of the token store
 * every few seconds (changes made by the command line). A socket that may not continue gets an "error"
 * message with the reason's code and is closed.
 *
 * Limits (docs/server.md, "Limits and overload"): a client whose unsent backlog grows past the send limit
 * (it does not read) is dropped with close reason "send_backlog", so one stuck reader cannot grow the server;
 * presence messages are throttled per client (kPresencePerSecond with a burst of kPresenceBurst; excess and
 * repeats are ignored) and kept in a ring of their own, so a presence storm never pushes record events out of
 * the resume ring.
 */
class LiveHub final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRingSize = 20000;
    static constexpr int kPresenceRingSize = 2000;
    /// Courier positions are latest state: a small ring of their own (≈ 8 KB a message), so a steady stream
    /// of them neither grows the server nor pushes record events out of the resume ring. Older ones are not
    /// replayed; each courier's next report brings a resumed client up to date.
    static constexpr int kPositionsRingSize = 200;
    /// A client whose backlog passed the send limit is looked at again this much later, and dropped if it is
    /// still past the limit and took nothing meanwhile: a burst queued in one turn (three 5,000-position
    /// posts) drains into a reading client's socket, however slowly a loaded machine lets it read.
    static constexpr int kBacklogGraceMs = 500;
    /// Beyond this multiple of the send limit a client is dropped at once, grace or not.
    static constexpr int kBacklogHardFactor = 8;
    static constexpr int kCheckIntervalMs = 1000; ///< expiry check; the token store sweep runs every 3rd
    static constexpr qint64 kDefaultSendLimit = 1024 * 1024;
    static constexpr double kPresencePerSecond = 5;
    static constexpr double kPresenceBurst = 10;
    static constexpr int kMaxPresenceTickets = 20; ///< tickets one client may view or edit at once
    /// Clients a broadcast is handed to in one turn of the event loop; the rest follow in later turns.
    static constexpr std::size_t kSendsPerTurn = 32;

    /// @brief Answers one client's status message with a refusal (code, message).
    using StatusRefusal = std::function<void(const QString &, const QString &)>;

    /// @brief What the hub counted since start (GET /health shows them).
    struct Stats
    {
        quint64 droppedBacklog = 0;  ///< clients dropped because they did not read
        quint64 ignoredPresence = 0; ///< presence messages over the rate or repeated
        quint64 ignoredMessages = 0; ///< messages that were not valid (or too large)
    };

    LiveHub(AuthService &auth, const Clock &clock, QObject *parent = nullptr);
    ~LiveHub() override;

    /// @brief Positions, presence and change cursor (in the user's scope) for a snapshot.
    void setSnapshotProvider(std::function<QJsonObject(const User &)> provider)
    {
        m_snapshot = std::move(provider);
    }
    void setKeepaliveInterval(int ms);
    /// @brief Unsent bytes a client may hold before it is dropped (default 1 MiB).
    void setSendLimit(qint64 bytes) { m_sendLimit = bytes; }
    [[nodiscard]] const Stats &stats() const { return m_stats; }

    void accept(std::unique_ptr<QWebSocket> socket);
    /// @brief Numbers an event and sends it to every client allowed to see it.
    void broadcast(QJsonObject event);
    /**
     * @brief Closes the sockets a revocation concerns: {"reason","user_id"[,"family"]} — with a family only
     * that session's sockets, otherwise every socket of the user.
     */
    void revoke(const QJsonObject &revocation);

    [[nodiscard]] qint64 seq() const { return m_seq; }
    [[nodiscard]] const QString &instanceId() const { return m_instance; }
    [[nodiscard]] int clientCount() const { return int(m_clients.size()); }
    /// @brief Who views or edits which ticket: [{ticket_id, user_id, user_name, mode, team_id}].
    [[nodiscard]] QJsonArray presence() const;

Q_SIGNALS:
    /// @brief A client said it views, edits or left a ticket ("view", "edit", "leave").
    void presenceReported(const pd::User &user, const QString &ticketId, const QString &mode);
    /// @brief An agent's console sent its status ({"kind":"status","status":…}); @p refuse answers that
    /// client with a "status_refused" message (an unknown code, or a user who is not an agent).
    void statusReported(const pd::User &user, const QString &status,
                        const pd::server::LiveHub::StatusRefusal &refuse);
    /// @brief A signed-in live socket opened, or closed (by either side, or dropped), on this instance.
    void socketOpened(const pd::User &user);
    void socketClosed(const pd::User &user);

private:
    struct Client
    {
        std::unique_ptr<QWebSocket> socket;
        User user;
        QString family;
        QByteArray tokenHash;
        qint64 expiresMs = 0;
        qint64 lastActivityMs = 0;
        QHash<QString, QString> viewing; ///< ticket → mode (view, edit)
        double presenceTokens = kPresenceBurst;
        qint64 presenceRefillMs = 0;
        bool overflowing = false;   ///< dropped at the next turn of the event loop
        qint64 written = 0;         ///< bytes the socket wrote to the peer, in all
        qint64 writtenAtCheck = -1; ///< `written` at the last backlog check that found it past the limit
        quint64 id = 0;             ///< unique for the hub's life (a socket's address may be reused)
        LiveClientMessage area;     ///< whose positions it wants live (the last "viewport" message)
    };
    /// @brief A broadcast still being handed to its recipients (see pumpFanout).
    struct Fanout
    {
        QString text;
        std::vector<std::pair<QWebSocket *, quint64>> to;
        std::size_t next = 0;
        /// Positions only: their items, each as compact JSON with its point, for clients with a viewport.
        std::shared_ptr<const std::vector<std::pair<GeoPoint, QByteArray>>> items;
        QByteArray head; ///< the message without its items: {"kind":"positions","seq":…}
    };
    struct Stored
    {
        qint64 seq;
        QString teamId;
        QByteArray text;
        bool supervisorsOnly = false; ///< "audience":"supervisors": only the team's supervisors get it
    };

    void onText(QWebSocket *socket, const QString &text);
    void onPresence(Client &c, const QString &ticketId, const QString &mode);
    void onStatus(QWebSocket *socket, const QString &status);
    [[nodiscard]] static bool takePresenceToken(Client &c, qint64 nowMs);
    void drop(QWebSocket *socket);
    void dropOverflowing();
    /// @brief After the grace time: marks the clients still past the send limit and drops them.
    void checkBacklogs();
    void refuse(std::unique_ptr<QWebSocket> socket, const QString &code, const QString &message);
    void replay(Client &c, qint64 since);
    void keepalive();
    void checkSessions();
    /// @brief Sends {"kind":"error","error":{"code":reason,…}}, closes the socket and forgets the client.
    void endSession(QWebSocket *socket, const QString &reason);
    /// @brief Forgets the client and closes its socket with @p reason; aborted after @p graceMs.
    void forget(QWebSocket *socket, const QString &reason, int graceMs);
    static bool visibleTo(const User &u, const QString &teamId);
    static bool reaches(const User &u, const Stored &s);
    void send(Client &c, const QByteArray &text);
    /// @brief A positions broadcast as @p c gets it: all of it, or (a viewport set) only the couriers inside.
    [[nodiscard]] static QString positionsFor(const Client &c, const Fanout &f);
    void send(Client &c, const QString &text);
    /// @brief Hands queued broadcasts to up to kSendsPerTurn clients, then lets the event loop serve
    /// requests before the next turn (a 1,000-position broadcast to 200 consoles no longer holds the server
    /// for one long turn). Order per client is kept: broadcasts go out in seq order.
    void pumpFanout();

    AuthService &m_auth;
    const Clock &m_clock;
    std::function<QJsonObject(const User &)> m_snapshot;
    std::unordered_map<QWebSocket *, Client> m_clients;
    std::deque<Stored> m_ring;
    std::deque<Stored> m_presenceRing;
    std::deque<Stored> m_positionsRing;
    qint64 m_seq = 0;
    qint64 m_evictedUpTo = 0; ///< seq of the newest record event that left the ring
    QString m_instance;
    QTimer m_keepalive;
    QTimer m_check;
    int m_checkTicks = 0;
    QHash<QString, QJsonObject> m_presence; ///< "ticket|user" → presence entry
    qint64 m_sendLimit = kDefaultSendLimit;
    bool m_dropScheduled = false;
    bool m_backlogCheckScheduled = false;
    std::deque<Fanout> m_fanout;
    bool m_pumpScheduled = false;
    quint64 m_lastClientId = 0;
    Stats m_stats;

    Q_DISABLE_COPY_MOVE(LiveHub)
};

} // namespace pd::server
