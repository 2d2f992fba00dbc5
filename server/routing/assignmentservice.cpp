#include "assignmentservice.h"

#include "routinginputs.h"

#include "server/live/livehub.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd::server {

AssignmentService::AssignmentService(TicketService &tickets, RoutingStore &store, RoutingPolicySource &policy,
                                     std::function<SlaPolicy()> slaPolicy, const Clock &clock,
                                     QObject *parent)
    : QObject(parent)
    , m_tickets(tickets)
    , m_store(store)
    , m_policy(policy)
    , m_slaPolicy(std::move(slaPolicy))
    , m_clock(clock)
{
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &AssignmentService::flush);
    connect(&m_check, &QTimer::timeout, this, [this] { (void)check(); });
}

void AssignmentService::start()
{
    m_check.start(kCheckIntervalMs);
}

void AssignmentService::ticketChanged(const QString &ticketId)
{
    m_queuedTickets.insert(ticketId);
    if (!m_flush.isActive())
        m_flush.start(0);
}

void AssignmentService::teamChanged(const QString &teamId)
{
    m_queuedTeams.insert(teamId);
    if (!m_flush.isActive())
        m_flush.start(0);
}

void AssignmentService::policyChanged()
{
    m_waiting.clear(); // deadlines depend on the SLA policy
    try {
        for (const QString &team : m_store.teamsWaiting())
            teamChanged(team);
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "routing: waiting teams not read:" << e.what();
    }
}

void AssignmentService::opened(const QString &ticketId, const QString &userId)
{
    try {
        (void)m_store.acceptOffer(ticketId, userId, m_clock.nowMs());
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "routing: acceptance not stored:" << e.what();
    }
}

void AssignmentService::flush()
{
    const QSet<QString> tickets = std::exchange(m_queuedTickets, {});
    const QSet<QString> teams = std::exchange(m_queuedTeams, {});
    try {
        for (const QString &id : tickets) {
            const auto t = m_tickets.store().ticket(id);
            if (!t)
                continue;
            // A held ticket resolved or closed frees capacity in its team.
            if (!t->assigneeId.isEmpty() && !RoutingStore::openStatuses().contains(toCode(t->status)))
                m_queuedTeams.insert(t->teamId);
            else if (t->assigneeId.isEmpty())
                (void)push(id);
        }
        (void)pushTeams(teams.values() + m_queuedTeams.values());
        m_queuedTeams.clear();
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "routing: push failed, the periodic check tries again:" << e.what();
    }
}

routing::RoutableTicket AssignmentService::routable(const Ticket &t)
{
    const QHash<QString, QString> stations = RoutingInputs::stations(m_tickets.store().docs(), {t});
    return RoutingInputs::routable(t, m_slaPolicy(), stations.value(t.waybillNo), m_store.offer(t.id));
}

bool AssignmentService::push(const QString &ticketId)
{
    const routing::RoutingEngine &engine = m_policy.engine();
    // Looked at without the writer lock first: most changes are not waiting tickets of a push team.
    const auto seen = m_tickets.store().ticket(ticketId);
    if (!seen || !seen->assigneeId.isEmpty() ||
        !RoutingStore::openStatuses().contains(toCode(seen->status)) ||
        engine.policy().forTeam(seen->teamId).strategy == routing::Strategy::PullOnly)
        return false;
    WriteTx tx(m_store.db());
    auto t = m_tickets.store().ticket(ticketId);
    if (!t || !t->assigneeId.isEmpty() || t->version != seen->version)
        return false;
    const qint64 now = m_clock.nowMs();
    const QList<routing::AgentState> agents = RoutingInputs::agents(m_store, {t->teamId});
    routing::RoundRobinCursor cursor;
    cursor.lastByTeam.insert(t->teamId, m_store.cursor(t->teamId));
    const auto d = engine.assign(routable(*t), agents, now, cursor);
    if (!d || !m_store.claim(tx, t->id, t->version, {}, d->agentId))
        return false;
    if (d->strategy == routing::Strategy::RoundRobin)
        m_store.setCursor(tx, t->teamId, cursor.lastByTeam.value(t->teamId, d->agentId));
    write(tx, *t, *d, true);
    return true;
}

int AssignmentService::pushTeams(const QStringList &teams)
{
    int written = 0;
    const routing::RoutingEngine &engine = m_policy.engine();
    for (const QString &team : teams) {
        if (engine.policy().forTeam(team).strategy == routing::Strategy::PullOnly)
            continue;
        // Nobody of the team can take a push now (offline, busy, on a break or full): the queue is not
        // walked, which costs a ticket read and a write transaction a waiting ticket, every few seconds.
        const QList<routing::AgentState> agents = RoutingInputs::agents(m_store, {team});
        if (std::none_of(agents.cbegin(), agents.cend(),
                         [&engine](const routing::AgentState &a) { return engine.mayReceivePush(a); }))
            continue;
        QList<routing::RoutableTicket> queue = waiting({team});
        const bool first = engine.policy().forTeam(team).keyAccountsFirst;
        std::sort(queue.begin(), queue.end(), [first](const auto &a, const auto &b) {
            return routing::RoutingEngine::moreUrgent(a, b, first);
        });
        for (const routing::RoutableTicket &r : std::as_const(queue)) {
            if (written >= kPushesPerPass)
                return written;
            written += push(r.id) ? 1 : 0;
        }
    }
    return written;
}

void AssignmentService::write(WriteTx &tx, Ticket &t, const routing::Decision &d, bool pushed,
                              TicketEvent *event)
{
    const qint64 now = m_clock.nowMs();
    if (pushed)
        m_store.putOffer(tx, RoutingOffer{t.id, d.agentId, now, 0});
    else
        m_store.removeOffer(tx, t.id);
    m_store.noteAssigned(tx, d.agentId, t.teamId, now);
    m_waiting.remove(t.id);
    m_tickets.recordRouting(tx, t, d.agentId, d.reason(), d.toJson(), event);
}

QList<routing::RoutableTicket> AssignmentService::waiting(const QStringList &teams)
{
    const QList<QPair<QString, qint64>> ids = m_store.unassignedIds(teams);
    QStringList missing;
    QSet<QString> present;
    for (const auto &[id, version] : ids) {
        present.insert(id);
        const auto it = m_waiting.constFind(id);
        if (it == m_waiting.cend() || it->version != version)
            missing.append(id);
    }
    if (!missing.isEmpty()) {
        QList<Ticket> fresh;
        const QHash<QString, Doc> docs = m_tickets.store().docs().getMany(DocType::Ticket, missing);
        for (const Doc &d : docs) {
            if (auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object()))
                fresh.append(*t);
        }
        const QHash<QString, QString> stations = RoutingInputs::stations(m_tickets.store().docs(), fresh);
        const SlaPolicy sla = m_slaPolicy();
        for (const Ticket &t : std::as_const(fresh))
            m_waiting.insert(t.id,
                             Cached{t.version, RoutingInputs::routable(t, sla, stations.value(t.waybillNo))});
    }
    QList<routing::RoutableTicket> out;
    out.reserve(ids.size());
    for (const auto &[id, version] : ids) {
        const auto it = m_waiting.constFind(id);
        if (it != m_waiting.cend() && it->version == version)
            out.append(it->ticket);
    }
    // Tickets of these teams no longer waiting leave the cache.
    m_waiting.removeIf([&](const auto &it) {
        return teams.contains(it.value().ticket.teamId) && !present.contains(it.key());
    });
    return out;
}

int AssignmentService::check()
{
    int written = 0;
    try {
        written += reroute();
        // Now and then every push team's queue, in case a hint was missed (another instance's, a fault), and
        // the offers that no longer matter.
        if (++m_checks % 5 == 0) {
            written += pushTeams(m_store.teamsWaiting());
            (void)m_store.pruneOffers();
        }
    } catch (const std::exception &e) {
        qCWarning(lcServerLive) << "routing check failed:" << e.what();
    }
    return written;
}

} // namespace pd::server
