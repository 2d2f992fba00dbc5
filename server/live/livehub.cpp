#include "livehub.h"

#include "server/api/requestparsing.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

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

void LiveHub::send(Client &c, const QByteArray &text)
{
    c.socket->sendTextMessage(QString::fromUtf8(text));
}

void LiveHub::accept(std::unique_ptr<QWebSocket> socket)
{
    const QUrlQuery query(socket->requestUrl());
    QByteArray token = query.queryItemValue(QStringLiteral("access_token")).toLatin1();
    if (token.isEmpty())
        token = bearerToken(socket->request().rawHeader("Authorization"));
    const auto principal = m_auth.authenticate(token);
    if (!principal) {
        socket->sendTextMessage(QString::fromUtf8(compact(
            {{QStringLiteral("kind"), QStringLiteral("error")},
             {QStringLiteral("error"),
              QJsonObject{{QStringLiteral("code"), QStringLiteral("unauthorized")},
                          {QStringLiteral("message"),
                           QStringLiteral("Sign in first: access_token is missing or expired.")}}}})));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        QWebSocket *raw = socket.release();
        connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
        return;
    }
    QWebSocket *raw = socket.get();
    Client &c = m_clients[raw];
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

    bool okSince = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&okSince);
    const bool sameInstance = query.queryItemValue(QStringLiteral("instance")) == m_instance;
    const qint64 oldest = m_ring.empty() ? m_seq + 1 : m_ring.front().seq;
    const bool resumable = okSince && sameInstance && since <= m_seq && since >= oldest - 1;
    send(c, compact({{QStringLiteral("kind"), QStringLiteral("hello")},
                     {QStringLiteral("instance"), m_instance},
                     {QStringLiteral("last_seq"), m_seq},
                     {QStringLiteral("resumed"), resumable},
                     {QStringLiteral("user_id"), c.user.id},
                     {QStringLiteral("keepalive_ms"), m_keepalive.interval()},
                     {QStringLiteral("server_time_ms"), m_clock.nowMs()}}));
    if (resumable) {
        for (const Stored &s : m_ring) {
            if (s.seq > since && visibleTo(c.user, s.teamId))
                send(c, s.text);
        }
        return;
    }
    QJsonObject snap = m_snapshot ? m_snapshot(c.user) : QJsonObject();
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
    Stored s{m_seq, teamId, compact(event)};
    for (auto &[socket, client] : m_clients) {
        if (visibleTo(client.user, teamId))
            send(client, s.text);
    }
    m_ring.push_back(std::move(s));
    while (m_ring.size() > kRingSize)
        m_ring.pop_front();
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
    Client *it = &found->second;
    it->lastActivityMs = wallMs();
    if (text.size() > 4096)
        return;
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString kind = msg.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1StringView("presence")) {
        const QString ticketId = msg.value(QStringLiteral("ticket_id")).toString();
        const QString mode = msg.value(QStringLiteral("mode")).toString();
        if (!isValidId(ticketId) || (mode != QLatin1StringView("view") && mode != QLatin1StringView("edit") &&
                                     mode != QLatin1StringView("leave")))
            return;
        if (mode == QLatin1StringView("leave"))
            it->viewing.remove(ticketId);
        else
            it->viewing.insert(ticketId);
        const User user = it->user;
        Q_EMIT presenceReported(user, ticketId, mode);
    } else if (kind == QLatin1StringView("ping")) {
        send(*it, compact({{QStringLiteral("kind"), QStringLiteral("pong")},
                           {QStringLiteral("server_time_ms"), m_clock.nowMs()}}));
    }
}

void LiveHub::drop(QWebSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    const User user = it->second.user;
    const QSet<QString> viewing = it->second.viewing;
    std::unique_ptr<QWebSocket> owned = std::move(it->second.socket);
    m_clients.erase(it);
    owned->disconnect(this);
    owned.release()->deleteLater();
    for (const QString &ticketId : viewing)
        Q_EMIT presenceReported(user, ticketId, QStringLiteral("leave"));
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
    // Forget the client first (no more events, presence "leave"), then close; the socket deletes itself
    // once the peer has answered the close, or after a grace period.
    const User user = it->second.user;
    const QSet<QString> viewing = it->second.viewing;
    QWebSocket *raw = it->second.socket.release();
    m_clients.erase(it);
    raw->disconnect(this);
    connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
    QTimer::singleShot(5000, raw, [raw] {
        raw->abort();
        raw->deleteLater();
    });
    raw->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    for (const QString &ticketId : viewing)
        Q_EMIT presenceReported(user, ticketId, QStringLiteral("leave"));
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
