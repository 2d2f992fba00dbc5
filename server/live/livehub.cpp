#include "livehub.h"

#include "livemessage.h"

#include "server/api/requestparsing.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcServerLive, "pd.server.live")

namespace pd::server {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

LiveHub::LiveHub(AuthService &auth, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_clock(clock)
    , m_instance(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    connect(&m_keepalive, &QTimer::timeout, this, &LiveHub::keepalive);
    m_keepalive.start(20000);
    connect(&m_check, &QTimer::timeout, this, &LiveHub::checkSessions);
    m_check.start(kCheckIntervalMs);
}

LiveHub::~LiveHub()
{
    for (auto &[socket, client] : m_clients)
        client.socket->disconnect(this);
}

void LiveHub::setKeepaliveInterval(int ms)
{
    m_keepalive.start(ms);
}

bool LiveHub::visibleTo(const User &u, const QString &teamId)
{
    return teamId.isEmpty() || u.role != Role::Agent || u.teamId == teamId;
}

bool LiveHub::reaches(const User &u, const Stored &s)
{
    if (s.supervisorsOnly)
        return u.role == Role::Supervisor && (s.teamId.isEmpty() || u.teamId == s.teamId);
    return visibleTo(u, s.teamId);
}

void LiveHub::send(Client &c, const QByteArray &text)
{
    send(c, QString::fromUtf8(text));
}

void LiveHub::send(Client &c, const QString &text)
{
    if (c.overflowing)
        return;
    c.socket->sendTextMessage(text);
    // A client that does not read: what it has not taken stays in this process. Right after queuing, the
    // backlog also holds what this turn queued and the socket has not written yet, so past the limit a client
    // gets kBacklogGraceMs to take it; past kBacklogHardFactor times the limit it is dropped at once (after
    // the current call, which may be iterating over the clients).
    const qint64 backlog = c.socket->bytesToWrite();
    if (backlog > kBacklogHardFactor * m_sendLimit) {
        c.overflowing = true;
        if (!m_dropScheduled) {
            m_dropScheduled = true;
            QMetaObject::invokeMethod(this, &LiveHub::dropOverflowing, Qt::QueuedConnection);
        }
    } else if (backlog > m_sendLimit && !m_backlogCheckScheduled) {
        m_backlogCheckScheduled = true;
        QTimer::singleShot(kBacklogGraceMs, this, &LiveHub::checkBacklogs);
    }
}

void LiveHub::checkBacklogs()
{
    m_backlogCheckScheduled = false;
    bool lookAgain = false;
    for (auto &[socket, client] : m_clients) {
        if (socket->bytesToWrite() <= m_sendLimit) {
            client.writtenAtCheck = -1;
        } else if (client.written == client.writtenAtCheck) {
            client.overflowing = true; // past the limit and took nothing for a whole grace period
        } else {
            client.writtenAtCheck = client.written; // reading, slowly: look again after another grace period
            lookAgain = true;
        }
    }
    if (lookAgain) {
        m_backlogCheckScheduled = true;
        QTimer::singleShot(kBacklogGraceMs, this, &LiveHub::checkBacklogs);
    }
    dropOverflowing();
}

void LiveHub::dropOverflowing()
{
    m_dropScheduled = false;
    QList<QWebSocket *> slow;
    for (const auto &[socket, client] : m_clients) {
        if (client.overflowing)
            slow.append(socket);
    }
    for (QWebSocket *s : std::as_const(slow)) {
        ++m_stats.droppedBacklog;
        qCInfo(lcServerLive).nospace() << "dropping a live client that does not read (" << s->bytesToWrite()
                                       << " bytes unsent, limit " << m_sendLimit << ")";
        // The close frame queues behind what the client did not read: abort soon, whatever it does.
        forget(s, QStringLiteral("send_backlog"), 1000);
    }
}

void LiveHub::refuse(std::unique_ptr<QWebSocket> socket, const QString &code, const QString &message)
{
    socket->sendTextMessage(QString::fromUtf8(
        compact({{QStringLiteral("kind"), QStringLiteral("error")},
                 {QStringLiteral("error"),
                  QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}})));
    QWebSocket *raw = socket.release();
    connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
    QTimer::singleShot(5000, raw, [raw] {
        raw->abort();
        raw->deleteLater();
    });
    raw->close(QWebSocketProtocol::CloseCodePolicyViolated, code);
}

void LiveHub::accept(std::unique_ptr<QWebSocket> socket)
{
    const QUrlQuery query(socket->requestUrl());
    QByteArray token = query.queryItemValue(QStringLiteral("access_token")).toLatin1();
    if (token.isEmpty())
        token = bearerToken(socket->request().rawHeader("Authorization"));
    bool okSince = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&okSince);
    const bool sameInstance = query.queryItemValue(QStringLiteral("instance")) == m_instance;
    // Resumable when no record event after `since` has left the ring (presence events have a ring of their
    // own and may be gone: they are not worth a resync).
    const bool resumable = okSince && sameInstance && since <= m_seq && since >= m_evictedUpTo;
    std::optional<Principal> principal;
    QJsonObject snap;
    try {
        principal = m_auth.authenticate(token);
        if (principal && !resumable && m_snapshot)
            snap = m_snapshot(principal->user);
    } catch (const std::exception &e) {
        // The token store cannot be read (storage fault): the client reconnects later, the server lives on.
        qCWarning(lcServerLive) << "live connection refused, storage unavailable:" << e.what();
        refuse(std::move(socket), QStringLiteral("storage_unavailable"),
               QStringLiteral("The server cannot read its database right now; reconnect later."));
        return;
    }
    if (!principal) {
        refuse(std::move(socket), QStringLiteral("unauthorized"),
               QStringLiteral("Sign in first: access_token is missing or expired."));
        return;
    }
    QWebSocket *raw = socket.get();
    Client &c = m_clients[raw];
    c.id = ++m_lastClientId;
    c.socket = std::move(socket);
    c.user = principal->user;
    c.family = principal->family;
    c.tokenHash = principal->tokenHash;
    c.expiresMs = principal->expiresMs;
    c.lastActivityMs = wallMs();
    connect(raw, &QWebSocket::textMessageReceived, this, [this, raw](const QString &t) { onText(raw, t); });
    connect(raw, &QWebSocket::pong, this, [this, raw] {
        if (auto it = m_clients.find(raw); it != m_clients.end())
            it->second.lastActivityMs = wallMs();
    });
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
    connect(raw, &QWebSocket::bytesWritten, this, [this, raw](qint64 bytes) {
        if (auto it = m_clients.find(raw); it != m_clients.end())
            it->second.written += bytes;
    });

    Q_EMIT socketOpened(c.user);
    send(c, compact({{QStringLiteral("kind"), QStringLiteral("hello")},
                     {QStringLiteral("instance"), m_instance},
                     {QStringLiteral("last_seq"), m_seq},
                     {QStringLiteral("resumed"), resumable},
                     {QStringLiteral("user_id"), c.user.id},
                     {QStringLiteral("keepalive_ms"), m_keepalive.interval()},
                     {QStringLiteral("server_time_ms"), m_clock.nowMs()}}));
    if (resumable) {
        replay(c, since);
        return;
    }
    snap.insert(QStringLiteral("kind"), QStringLiteral("snapshot"));
    snap.insert(QStringLiteral("seq"), m_seq);
    snap.insert(QStringLiteral("resync"), okSince);
    QJsonArray presence;
    for (const QJsonObject &p : std::as_const(m_presence)) {
        if (visibleTo(c.user, p.value(QStringLiteral("team_id")).toString()))
            presence.append(p);
    }
    snap.insert(QStringLiteral("presence"), presence);
    send(c, compact(snap));
}

void LiveHub::broadcast(QJsonObject event)
{
    const QString teamId = event.value(QStringLiteral("team_id")).toString();
    if (event.value(QStringLiteral("kind")).toString() == QLatin1StringView("presence")) {
        const QString key = event.value(QStringLiteral("ticket_id")).toString() + QLatin1Char('|') +
                            event.value(QStringLiteral("user_id")).toString();
        if (event.value(QStringLiteral("mode")).toString() == QLatin1StringView("leave"))
            m_presence.remove(key);
        else
            m_presence.insert(key, event);
    }
    event.insert(QStringLiteral("seq"), ++m_seq);
    Stored s{m_seq, teamId, compact(event),
             event.value(QStringLiteral("audience")).toString() == QLatin1StringView("supervisors")};
    Fanout out{QString::fromUtf8(s.text), {}, 0, {}, {}}; // one conversion for all clients
    bool anyViewport = false;
    for (auto &[socket, client] : m_clients) {
        if (reaches(client.user, s)) {
            out.to.emplace_back(socket, client.id);
            anyViewport = anyViewport || client.area.area != LiveClientMessage::Area::All;
        }
    }
    if (anyViewport && event.value(QStringLiteral("kind")).toString() == QLatin1StringView("positions")) {
        // Consoles that sent a viewport get the couriers inside it only: each item serialized once.
        auto items = std::make_shared<std::vector<std::pair<GeoPoint, QByteArray>>>();
        for (const QJsonValue &v : event.value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            items->emplace_back(GeoPoint{o.value(QStringLiteral("lat")).toDouble(),
                                         o.value(QStringLiteral("lon")).toDouble()},
                                compact(o));
        }
        QJsonObject head = event;
        head.remove(QStringLiteral("items"));
        out.items = std::move(items);
        out.head = compact(head);
    }
    if (!out.to.empty()) {
        m_fanout.push_back(std::move(out));
        if (m_fanout.size() == 1 && m_fanout.front().to.size() <= kSendsPerTurn)
            pumpFanout(); // small and nothing queued before it: now
        else if (!m_pumpScheduled) {
            m_pumpScheduled = true;
            QMetaObject::invokeMethod(this, &LiveHub::pumpFanout, Qt::QueuedConnection);
        }
    }
    const QString kind = event.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1StringView("presence") || kind == QLatin1StringView("positions")) {
        // Latest-state messages: rings of their own, never counted as a record event that left the ring.
        const bool presence = kind == QLatin1StringView("presence");
        std::deque<Stored> &ring = presence ? m_presenceRing : m_positionsRing;
        ring.push_back(std::move(s));
        while (ring.size() > std::size_t(presence ? kPresenceRingSize : kPositionsRingSize))
            ring.pop_front();
        return;
    }
    m_ring.push_back(std::move(s));
    while (m_ring.size() > kRingSize) {
        m_evictedUpTo = m_ring.front().seq;
        m_ring.pop_front();
    }
}

void LiveHub::pumpFanout()
{
    m_pumpScheduled = false;
    std::size_t budget = kSendsPerTurn;
    while (!m_fanout.empty() && budget > 0) {
        Fanout &f = m_fanout.front();
        for (; f.next < f.to.size() && budget > 0; ++f.next, --budget) {
            const auto &[socket, id] = f.to[f.next];
            const auto found = m_clients.find(socket);
            if (found != m_clients.end() && found->second.id == id)
                send(found->second, f.items ? positionsFor(found->second, f) : f.text);
        }
        if (f.next == f.to.size())
            m_fanout.pop_front();
    }
    if (!m_fanout.empty() && !m_pumpScheduled) {
        m_pumpScheduled = true;
        QMetaObject::invokeMethod(this, &LiveHub::pumpFanout, Qt::QueuedConnection);
    }
}

QString LiveHub::positionsFor(const Client &c, const Fanout &f)
{
    const LiveClientMessage &a = c.area;
    if (a.area == LiveClientMessage::Area::All)
        return f.text;
    QByteArray text = f.head.chopped(1) + ",\"items\":[";
    bool first = true;
    if (a.area == LiveClientMessage::Area::Box) {
        for (const auto &[p, json] : *f.items) {
            if (p.lat < a.south || p.lat > a.north || p.lon < a.west || p.lon > a.east)
                continue;
            if (!first)
                text += ',';
            text += json;
            first = false;
        }
    }
    // Sent even when empty: the seq stays consecutive, so the client sees no gap.
    text += "]}";
    return QString::fromUtf8(text);
}

void LiveHub::replay(Client &c, qint64 since)
{
    // The three rings are each in seq order: merge what came after since.
    std::vector<const Stored *> missed;
    for (const std::deque<Stored> *ring : {&m_ring, &m_presenceRing, &m_positionsRing}) {
        auto from = std::lower_bound(ring->cbegin(), ring->cend(), since + 1,
                                     [](const Stored &s, qint64 seq) { return s.seq < seq; });
        for (; from != ring->cend(); ++from)
            missed.push_back(&*from);
    }
    std::sort(missed.begin(), missed.end(), [](const Stored *a, const Stored *b) { return a->seq < b->seq; });
    for (const Stored *s : missed) {
        if (reaches(c.user, *s))
            send(c, s->text);
    }
}

QJsonArray LiveHub::presence() const
{
    QJsonArray out;
    for (const QJsonObject &p : m_presence)
        out.append(p);
    return out;
}

void LiveHub::onText(QWebSocket *socket, const QString &text)
{
    auto found = m_clients.find(socket);
    if (found == m_clients.end())
        return;
    Client &c = found->second;
    c.lastActivityMs = wallMs();
    const LiveClientMessage m = LiveClientMessage::parse(text);
    switch (m.kind) {
    case LiveClientMessage::Kind::Invalid:
        ++m_stats.ignoredMessages;
        break;
    case LiveClientMessage::Kind::Ping:
        send(c, compact({{QStringLiteral("kind"), QStringLiteral("pong")},
                         {QStringLiteral("server_time_ms"), m_clock.nowMs()}}));
        break;
    case LiveClientMessage::Kind::Presence:
        onPresence(c, m.ticketId, m.mode);
        break;
    case LiveClientMessage::Kind::Viewport:
        c.area = m;
        break;
    case LiveClientMessage::Kind::Status:
        onStatus(socket, m.status);
        break;
    }
}

void LiveHub::onStatus(QWebSocket *socket, const QString &status)
{
    const User user = m_clients.at(socket).user;
    const quint64 id = m_clients.at(socket).id;
    // The answer goes to this client only, if it is still connected when the server has decided.
    Q_EMIT statusReported(
        user, status, [this, socket, id, status](const QString &code, const QString &message) {
            const auto it = m_clients.find(socket);
            if (it == m_clients.end() || it->second.id != id)
                return;
            send(it->second,
                 compact({{QStringLiteral("kind"), QStringLiteral("status_refused")},
                          {QStringLiteral("status"), status},
                          {QStringLiteral("error"),
                           QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}},
                          {QStringLiteral("server_time_ms"), m_clock.nowMs()}}));
        });
}

bool LiveHub::takePresenceToken(Client &c, qint64 nowMs)
{
    if (c.presenceRefillMs > 0)
        c.presenceTokens = std::min(kPresenceBurst, c.presenceTokens + double(nowMs - c.presenceRefillMs) *
                                                                           kPresencePerSecond / 1000.0);
    c.presenceRefillMs = nowMs;
    if (c.presenceTokens < 1)
        return false;
    c.presenceTokens -= 1;
    return true;
}

void LiveHub::onPresence(Client &c, const QString &ticketId, const QString &mode)
{
    const bool leave = mode == QLatin1StringView("leave");
    const auto current = c.viewing.constFind(ticketId);
    const bool known = current != c.viewing.cend();
    // Nothing changes: not broadcast, not counted against the rate.
    if (leave ? !known : (known && *current == mode)) {
        ++m_stats.ignoredPresence;
        return;
    }
    // Leaving shrinks the state and is always taken; a new view or edit needs a token and room.
    if (!leave && ((!known && c.viewing.size() >= kMaxPresenceTickets) || !takePresenceToken(c, wallMs()))) {
        ++m_stats.ignoredPresence;
        return;
    }
    if (leave)
        c.viewing.remove(ticketId);
    else
        c.viewing.insert(ticketId, mode);
    const User user = c.user;
    Q_EMIT presenceReported(user, ticketId, mode);
}

void LiveHub::drop(QWebSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    const User user = it->second.user;
    const QStringList viewing = it->second.viewing.keys();
    std::unique_ptr<QWebSocket> owned = std::move(it->second.socket);
    m_clients.erase(it);
    owned->disconnect(this);
    owned.release()->deleteLater();
    for (const QString &ticketId : viewing)
        Q_EMIT presenceReported(user, ticketId, QStringLiteral("leave"));
    Q_EMIT socketClosed(user);
}

void LiveHub::revoke(const QJsonObject &revocation)
{
    const QString reason = revocation.value(QStringLiteral("reason")).toString();
    const QString userId = revocation.value(QStringLiteral("user_id")).toString();
    const QString family = revocation.value(QStringLiteral("family")).toString();
    if (reason.isEmpty() || userId.isEmpty())
        return;
    QList<QWebSocket *> ended;
    for (const auto &[socket, client] : m_clients) {
        if (client.user.id == userId && (family.isEmpty() || client.family == family))
            ended.append(socket);
    }
    for (QWebSocket *s : std::as_const(ended))
        endSession(s, reason);
}

void LiveHub::checkSessions()
{
    const qint64 now = wallMs();
    const bool sweep = ++m_checkTicks % 3 == 0;
    QList<QPair<QWebSocket *, QString>> ended;
    for (const auto &[socket, client] : m_clients) {
        if (client.expiresMs > 0 && client.expiresMs < now) {
            ended.append({socket, SessionEnd::TokenExpired});
        } else if (sweep) {
            // Changes that did not come over the bus (the `user` command, a lost notification).
            try {
                const QString problem = m_auth.sessionProblem(client.tokenHash, client.user);
                if (!problem.isEmpty())
                    ended.append({socket, problem});
            } catch (const std::exception &e) {
                qCWarning(lcServerLive) << "live session check failed:" << e.what();
                break;
            }
        }
    }
    for (const auto &[socket, reason] : std::as_const(ended))
        endSession(socket, reason);
}

void LiveHub::endSession(QWebSocket *socket, const QString &reason)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    static const QHash<QString, QString> messages{
        {SessionEnd::TokenExpired, QStringLiteral("The access token expired: refresh it and reconnect.")},
        {SessionEnd::SignedOut, QStringLiteral("This session was signed out.")},
        {SessionEnd::Disabled, QStringLiteral("This account is disabled.")},
        {SessionEnd::ScopeChanged,
         QStringLiteral("Your team or role changed: pull /changes and reconnect.")}};
    send(it->second, compact({{QStringLiteral("kind"), QStringLiteral("error")},
                              {QStringLiteral("error"),
                               QJsonObject{{QStringLiteral("code"), reason},
                                           {QStringLiteral("message"), messages.value(reason, reason)}}}}));
    forget(socket, reason, 5000);
}

void LiveHub::forget(QWebSocket *socket, const QString &reason, int graceMs)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    // Forget the client first (no more events, presence "leave"), then close; the socket deletes itself
    // once the peer has answered the close, or after the grace period.
    const User user = it->second.user;
    const QStringList viewing = it->second.viewing.keys();
    QWebSocket *raw = it->second.socket.release();
    m_clients.erase(it);
    raw->disconnect(this);
    connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
    QTimer::singleShot(graceMs, raw, [raw] {
        raw->abort();
        raw->deleteLater();
    });
    raw->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    for (const QString &ticketId : viewing)
        Q_EMIT presenceReported(user, ticketId, QStringLiteral("leave"));
    Q_EMIT socketClosed(user);
}

void LiveHub::keepalive()
{
    const qint64 now = wallMs();
    const QByteArray msg = compact({{QStringLiteral("kind"), QStringLiteral("keepalive")},
                                    {QStringLiteral("last_seq"), m_seq},
                                    {QStringLiteral("server_time_ms"), m_clock.nowMs()}});
    QList<QWebSocket *> dead;
    for (auto &[socket, client] : m_clients) {
        if (now - client.lastActivityMs > 3LL * m_keepalive.interval() + 1000) {
            dead.append(socket);
            continue;
        }
        client.socket->ping();
        send(client, msg);
    }
    for (QWebSocket *s : dead) {
        qCInfo(lcServerLive) << "dropping a silent live client";
        s->abort();
        drop(s);
    }
}

} // namespace pd::server
