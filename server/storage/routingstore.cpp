#include "routingstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd::server {

QStringList RoutingStore::openStatuses()
{
    return {toCode(TicketStatus::New), toCode(TicketStatus::Open), toCode(TicketStatus::Pending),
            toCode(TicketStatus::Reopened)};
}

namespace {
AgentStatusRow readStatus(const QSqlQuery &q)
{
    return AgentStatusRow{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                          q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                          q.value(6).toLongLong()};
}

const QString kStatusColumns =
    u"user_id, team_id, status, since_ms, updated_ms, disconnected_ms, last_assigned_ms"_s;
} // namespace

std::optional<AgentStatusRow> RoutingStore::status(const QString &userId)
{
    QSqlQuery q =
        m_db.run(u"SELECT "_s + kStatusColumns + u" FROM agent_status WHERE user_id = ?"_s, {userId});
    if (!q.next())
        return std::nullopt;
    return readStatus(q);
}

QHash<QString, AgentStatusRow> RoutingStore::statuses()
{
    QHash<QString, AgentStatusRow> out;
    QSqlQuery q = m_db.run(u"SELECT "_s + kStatusColumns + u" FROM agent_status"_s);
    while (q.next()) {
        AgentStatusRow r = readStatus(q);
        out.insert(r.userId, r);
    }
    return out;
}

void RoutingStore::putStatus(WriteTx &tx, const AgentStatusRow &row)
{
    tx.db().run(u"INSERT INTO agent_status(user_id, team_id, status, since_ms, updated_ms, disconnected_ms, "
                "last_assigned_ms) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                "team_id = excluded.team_id, status = excluded.status, since_ms = excluded.since_ms, "
                "updated_ms = excluded.updated_ms, disconnected_ms = excluded.disconnected_ms"_s,
                {row.userId, row.teamId, row.status, row.sinceMs, row.updatedMs, row.disconnectedMs,
                 row.lastAssignedMs});
}

void RoutingStore::noteAssigned(WriteTx &tx, const QString &userId, const QString &teamId, qint64 nowMs)
{
    tx.db().run(u"INSERT INTO agent_status(user_id, team_id, status, since_ms, updated_ms, last_assigned_ms) "
                "VALUES(?, ?, 'offline', ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                "last_assigned_ms = excluded.last_assigned_ms"_s,
                {userId, teamId, nowMs, nowMs, nowMs});
}

QList<AgentStatusRow> RoutingStore::disconnectedSince(qint64 beforeMs)
{
    QList<AgentStatusRow> out;
    QSqlQuery q = m_db.run(u"SELECT "_s + kStatusColumns +
                               u" FROM agent_status WHERE status <> 'offline' AND disconnected_ms > 0 "
                               "AND disconnected_ms <= ?"_s,
                           {beforeMs});
    while (q.next())
        out.append(readStatus(q));
    return out;
}

QStringList RoutingStore::dropStaleLinks(qint64 aliveAfterWallMs)
{
    QStringList users;
    QSqlQuery q =
        m_db.run(u"SELECT DISTINCT user_id FROM agent_links WHERE seen_ms <= ?"_s, {aliveAfterWallMs});
    while (q.next())
        users.append(q.value(0).toString());
    q.finish();
    if (!users.isEmpty())
        m_db.run(u"DELETE FROM agent_links WHERE seen_ms <= ?"_s, {aliveAfterWallMs});
    return users;
}

void RoutingStore::setLinks(const QString &userId, const QString &instanceId, int sockets, qint64 wallMs)
{
    if (sockets <= 0) {
        m_db.run(u"DELETE FROM agent_links WHERE user_id = ? AND instance_id = ?"_s, {userId, instanceId});
        return;
    }
    m_db.run(u"INSERT INTO agent_links(user_id, instance_id, sockets, seen_ms) VALUES(?, ?, ?, ?) "
             "ON CONFLICT(user_id, instance_id) DO UPDATE SET sockets = excluded.sockets, "
             "seen_ms = excluded.seen_ms"_s,
             {userId, instanceId, sockets, wallMs});
}

void RoutingStore::touchLinks(const QString &instanceId, qint64 wallMs)
{
    m_db.run(u"UPDATE agent_links SET seen_ms = ? WHERE instance_id = ?"_s, {wallMs, instanceId});
}

QSet<QString> RoutingStore::linkedUsers(qint64 aliveAfterWallMs)
{
    QSet<QString> out;
    QSqlQuery q = m_db.run(u"SELECT DISTINCT user_id FROM agent_links WHERE seen_ms > ? AND sockets > 0"_s,
                           {aliveAfterWallMs});
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

std::optional<StoredRoutingPolicy> RoutingStore::policy()
{
    QSqlQuery q = m_db.run(u"SELECT data, version, updated_ms, updated_by FROM routing_policy WHERE id = ?"_s,
                           {u"default"_s});
    if (!q.next())
        return std::nullopt;
    return StoredRoutingPolicy{q.value(0).toString().toUtf8(), q.value(1).toLongLong(),
                               q.value(2).toLongLong(), q.value(3).toString()};
}

qint64 RoutingStore::policyVersion()
{
    QSqlQuery q = m_db.run(u"SELECT version FROM routing_policy WHERE id = ?"_s, {u"default"_s});
    return q.next() ? q.value(0).toLongLong() : 0;
}

void RoutingStore::putPolicy(WriteTx &tx, const StoredRoutingPolicy &p)
{
    tx.db().run(
        u"INSERT INTO routing_policy(id, version, data, updated_ms, updated_by) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET version = excluded.version, data = excluded.data, "
        "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by"_s,
        {u"default"_s, p.version, QString::fromUtf8(p.json), p.updatedMs, p.updatedBy});
}

QString RoutingStore::cursor(const QString &teamId)
{
    QSqlQuery q = m_db.run(u"SELECT last_agent FROM routing_cursor WHERE team_id = ?"_s, {teamId});
    return q.next() ? q.value(0).toString() : QString();
}

void RoutingStore::setCursor(WriteTx &tx, const QString &teamId, const QString &agentId)
{
    tx.db().run(u"INSERT INTO routing_cursor(team_id, last_agent) VALUES(?, ?) "
                "ON CONFLICT(team_id) DO UPDATE SET last_agent = excluded.last_agent"_s,
                {teamId, agentId});
}

namespace {
RoutingOffer readOffer(const QSqlQuery &q)
{
    return RoutingOffer{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toLongLong()};
}
} // namespace

std::optional<RoutingOffer> RoutingStore::offer(const QString &ticketId)
{
    QSqlQuery q = m_db.run(
        u"SELECT ticket_id, agent_id, offered_ms, accepted_ms FROM routing_offers WHERE ticket_id = ?"_s,
        {ticketId});
    if (!q.next())
        return std::nullopt;
    return readOffer(q);
}

QList<RoutingOffer> RoutingStore::openOffers()
{
    QList<RoutingOffer> out;
    QSqlQuery q = m_db.run(u"SELECT ticket_id, agent_id, offered_ms, accepted_ms FROM routing_offers "
                           "WHERE accepted_ms = ? ORDER BY offered_ms"_s,
                           {0});
    while (q.next())
        out.append(readOffer(q));
    return out;
}

void RoutingStore::putOffer(WriteTx &tx, const RoutingOffer &o)
{
    tx.db().run(u"INSERT INTO routing_offers(ticket_id, agent_id, offered_ms, accepted_ms) "
                "VALUES(?, ?, ?, ?) ON CONFLICT(ticket_id) DO UPDATE SET agent_id = excluded.agent_id, "
                "offered_ms = excluded.offered_ms, accepted_ms = excluded.accepted_ms"_s,
                {o.ticketId, o.agentId, o.offeredMs, o.acceptedMs});
}

void RoutingStore::removeOffer(WriteTx &tx, const QString &ticketId)
{
    tx.db().run(u"DELETE FROM routing_offers WHERE ticket_id = ?"_s, {ticketId});
}

int RoutingStore::pruneOffers()
{
    // Read first: with SQLite even a DELETE that matches nothing takes the write lock.
    if (!m_db.run(u"SELECT 1 FROM routing_offers LIMIT 1"_s).next())
        return 0;
    const QStringList open = openStatuses();
    QSqlQuery q = m_db.run(u"DELETE FROM routing_offers WHERE NOT EXISTS (SELECT 1 FROM docs t WHERE "
                           "t.type = 'ticket' AND t.id = routing_offers.ticket_id AND t.deleted = 0 AND "
                           "t.holder = routing_offers.agent_id AND t.status IN (?, ?, ?, ?))"_s,
                           {open.at(0), open.at(1), open.at(2), open.at(3)});
    return q.numRowsAffected();
}

bool RoutingStore::acceptOffer(const QString &ticketId, const QString &agentId, qint64 nowMs)
{
    // Most presence messages are about tickets nobody pushed: no write for them.
    const auto pending = offer(ticketId);
    if (!pending || pending->agentId != agentId || pending->acceptedMs != 0)
        return false;
    QSqlQuery q = m_db.run(
        u"UPDATE routing_offers SET accepted_ms = ? WHERE ticket_id = ? AND agent_id = ? AND accepted_ms = 0"_s,
        {nowMs, ticketId, agentId});
    return q.numRowsAffected() == 1;
}

bool RoutingStore::claim(WriteTx &tx, const QString &ticketId, qint64 version, const QString &from,
                         const QString &to)
{
    QSqlQuery q = tx.db().run(u"UPDATE docs SET holder = ? WHERE type = 'ticket' AND id = ? AND version = ? "
                              "AND holder = ? AND deleted = 0"_s,
                              {to, ticketId, version, from});
    return q.numRowsAffected() == 1;
}

QList<Ticket> RoutingStore::tickets(const QString &sql, const QVariantList &front, const QStringList &values)
{
    QList<Ticket> out;
    m_db.runIn(sql, front, values, [&out](const QSqlQuery &q) {
        if (auto t = Ticket::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()))
            out.append(*t);
    });
    return out;
}

QList<Ticket> RoutingStore::unassigned(const QStringList &teams)
{
    const QStringList open = openStatuses();
    return tickets(u"SELECT data FROM docs WHERE type = 'ticket' AND status IN (?, ?, ?, ?) AND deleted = 0 "
                   "AND holder = '' AND team_id IN (%IN%)"_s,
                   {open.at(0), open.at(1), open.at(2), open.at(3)}, teams);
}

QList<Ticket> RoutingStore::heldBy(const QStringList &agents, QStringList statuses)
{
    if (statuses.isEmpty())
        statuses = openStatuses();
    while (statuses.size() < 4)
        statuses.append(statuses.constFirst()); // the statement has four places
    return tickets(u"SELECT data FROM docs WHERE type = 'ticket' AND status IN (?, ?, ?, ?) AND deleted = 0 "
                   "AND holder IN (%IN%)"_s,
                   {statuses.at(0), statuses.at(1), statuses.at(2), statuses.at(3)}, agents);
}

QList<QPair<QString, qint64>> RoutingStore::unassignedIds(const QStringList &teams)
{
    const QStringList open = openStatuses();
    QList<QPair<QString, qint64>> out;
    m_db.runIn(
        u"SELECT id, version FROM docs WHERE type = 'ticket' AND status IN (?, ?, ?, ?) AND deleted = 0 "
        "AND holder = '' AND team_id IN (%IN%)"_s,
        {open.at(0), open.at(1), open.at(2), open.at(3)}, teams, [&out](const QSqlQuery &q) {
            out.append({q.value(0).toString(), q.value(1).toLongLong()});
        });
    return out;
}

QStringList RoutingStore::teamsWaiting()
{
    const QStringList open = openStatuses();
    QStringList out;
    QSqlQuery q =
        m_db.run(u"SELECT DISTINCT team_id FROM docs WHERE type = 'ticket' AND status IN (?, ?, ?, ?) "
                 "AND deleted = 0 AND holder = ''"_s,
                 {open.at(0), open.at(1), open.at(2), open.at(3)});
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

std::optional<User> RoutingStore::user(const QString &id)
{
    QSqlQuery q = m_db.run(u"SELECT data FROM docs WHERE type = 'user' AND id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return User::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

QList<User> RoutingStore::users(const QStringList &teams)
{
    QList<User> out;
    QSqlQuery q = m_db.run(u"SELECT data FROM docs WHERE type = 'user' AND deleted = ?"_s, {0});
    while (q.next()) {
        const auto u = User::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        if (u && !u->disabled && (teams.isEmpty() || teams.contains(u->teamId)))
            out.append(*u);
    }
    return out;
}

} // namespace pd::server
