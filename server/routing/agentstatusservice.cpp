#include "agentstatusservice.h"

#include "server/api/apierror.h"
#include "server/live/livehub.h"

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QString kOffline = u"offline"_s;
} // namespace

AgentStatusService::AgentStatusService(RoutingStore &store, RoutingPolicySource &policy, const Clock &clock,
                                       const Clock &wallClock, QString instanceId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_policy(policy)
    , m_clock(clock)
    , m_wallClock(wallClock)
    , m_instance(std::move(instanceId))
{
    connect(&m_check, &QTimer::timeout, this, &AgentStatusService::check);
}

void AgentStatusService::start()
{
    m_check.start(kCheckIntervalMs);
}

QString AgentStatusService::refusal(const QString &code)
{
    if (routing::agentStatusFromString(code))
        return {};
    return tr("The status must be one of: %1.").arg(routing::allAgentStatusCodes().join(u", "_s));
}

QJsonObject AgentStatusService::liveEvent(const AgentStatusRow &row, const QString &previous,
                                          const QString &userName, const QString &cause)
{
    return {{u"kind"_s, u"agent_status"_s}, {u"user_id"_s, row.userId}, {u"user_name"_s, userName},
            {u"team_id"_s, row.teamId},     {u"status"_s, row.status},  {u"previous"_s, previous},
            {u"since_ms"_s, row.sinceMs},   {u"cause"_s, cause}};
}

AgentStatusRow AgentStatusService::set(const User &user, const QString &code, bool live)
{
    if (user.role != Role::Agent)
        throw ApiError::forbidden(tr("Only agents have a routing status."));
    if (const QString why = refusal(code); !why.isEmpty())
        throw ApiError(400, u"invalid_status"_s, why, u"status"_s);
    const qint64 now = m_clock.nowMs();
    WriteTx tx(m_store.db());
    AgentStatusRow row =
        m_store.status(user.id).value_or(AgentStatusRow{user.id, user.teamId, kOffline, now, now, 0, 0});
    const QString previous = row.status;
    row.teamId = user.teamId;
    row.updatedMs = now;
    // Told over a live socket (or while one is open here): the agent is connected.
    if (live || m_sockets.value(user.id) > 0)
        row.disconnectedMs = 0;
    const bool changed = previous != code;
    if (changed) {
        row.status = code;
        row.sinceMs = now;
    }
    // A console's status message is always answered (it sends its status again after every reconnect and
    // waits for the acknowledgement); over REST the response is the answer.
    if (changed || live)
        tx.publish(liveEvent(row, previous, user.displayName, u"set"_s));
    m_store.putStatus(tx, row);
    tx.commit();
    if (changed)
        Q_EMIT statusChanged(row.userId, row.teamId, row.status);
    return row;
}

void AgentStatusService::socketOpened(const User &user)
{
    if (user.role != Role::Agent)
        return;
    const int n = ++m_sockets[user.id];
    try {
        m_store.setLinks(user.id, m_instance, n, m_wallClock.nowMs());
        const auto row = m_store.status(user.id);
        if (!row || row->disconnectedMs == 0)
            return;
        WriteTx tx(m_store.db());
        AgentStatusRow fresh = m_store.status(user.id).value_or(*row);
        fresh.disconnectedMs = 0; // back within the grace period: nothing changes for the team
        m_store.putStatus(tx, fresh);
        tx.commit();
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "agent link not stored:" << e.what();
    }
}

void AgentStatusService::socketClosed(const User &user)
{
    if (user.role != Role::Agent || !m_sockets.contains(user.id))
        return;
    const int n = --m_sockets[user.id];
    if (n <= 0)
        m_sockets.remove(user.id);
    try {
        m_store.setLinks(user.id, m_instance, n, m_wallClock.nowMs());
        if (n <= 0)
            wentAway(user.id);
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "agent link not cleared:" << e.what();
    }
}

void AgentStatusService::wentAway(const QString &userId)
{
    // Another instance may still hold a console of this agent.
    if (m_store.linkedUsers(m_wallClock.nowMs() - kLinkStaleMs).contains(userId))
        return;
    WriteTx tx(m_store.db());
    auto row = m_store.status(userId);
    if (!row || row->status == kOffline || row->disconnectedMs != 0)
        return;
    row->disconnectedMs = m_clock.nowMs();
    m_store.putStatus(tx, *row);
    tx.commit();
}

void AgentStatusService::check()
{
    try {
        const qint64 wall = m_wallClock.nowMs();
        if (!m_sockets.isEmpty())
            m_store.touchLinks(m_instance, wall);
        // An instance that stopped without closing its sockets (killed, lost): its agents are gone now.
        const QStringList stale = m_store.dropStaleLinks(wall - kLinkStaleMs);
        for (const QString &userId : stale)
            wentAway(userId);
        const qint64 now = m_clock.nowMs();
        const auto rows = m_store.disconnectedSince(now);
        for (const AgentStatusRow &row : rows) {
            const qint64 grace = qint64(m_policy.policy().forTeam(row.teamId).offlineGraceMinutes) * 60000;
            if (row.disconnectedMs + grace <= now)
                expire(row);
        }
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "agent status check failed:" << e.what();
    }
}

void AgentStatusService::expire(const AgentStatusRow &seen)
{
    if (m_store.linkedUsers(m_wallClock.nowMs() - kLinkStaleMs).contains(seen.userId))
        return;
    WriteTx tx(m_store.db());
    auto row = m_store.status(seen.userId);
    // Checked again under the writer lock: another instance may have done it, or the agent came back.
    if (!row || row->status == kOffline || row->disconnectedMs != seen.disconnectedMs)
        return;
    const QString previous = row->status;
    row->status = kOffline;
    // Offline since the console went away: the engine's grace for re-routing counts from then too.
    row->sinceMs = row->disconnectedMs;
    row->updatedMs = m_clock.nowMs();
    const auto user = m_store.user(row->userId);
    tx.publish(liveEvent(*row, previous, user ? user->displayName : QString(), u"disconnected"_s));
    m_store.putStatus(tx, *row);
    tx.commit();
    Q_EMIT statusChanged(row->userId, row->teamId, row->status);
}

} // namespace pd::server
