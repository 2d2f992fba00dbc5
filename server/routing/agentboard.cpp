#include "agentboard.h"

#include "agentstatusservice.h"

#include "models/sla/deadlines.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
/// @brief The ticket the user edits, else views, according to the live presence.
QString presentOn(const AgentBoard::Presence &presence, const QString &userId)
{
    QString viewing;
    for (const QJsonValue &v : presence) {
        const QJsonObject p = v.toObject();
        if (p.value(u"user_id"_s).toString() != userId)
            continue;
        if (p.value(u"mode"_s).toString() == u"edit"_s)
            return p.value(u"ticket_id"_s).toString();
        viewing = p.value(u"ticket_id"_s).toString();
    }
    return viewing;
}
} // namespace

QJsonArray AgentBoard::rows(QList<User> agents, const SlaPolicy &sla, const Presence &presence, qint64 nowMs)
{
    std::sort(agents.begin(), agents.end(), [](const User &a, const User &b) {
        return std::tie(a.teamId, a.displayName, a.id) < std::tie(b.teamId, b.displayName, b.id);
    });
    QStringList ids;
    for (const User &u : std::as_const(agents))
        ids.append(u.id);
    const QList<Ticket> held = ids.isEmpty() ? QList<Ticket>() : m_store.heldBy(ids);
    const QHash<QString, AgentStatusRow> statuses = m_store.statuses();
    const QSet<QString> linked = m_store.linkedUsers(m_wallClock.nowMs() - AgentStatusService::kLinkStaleMs);
    const routing::RoutingPolicy &policy = m_policy.policy();
    QJsonArray out;
    for (const User &u : std::as_const(agents)) {
        const AgentStatusRow row = statuses.value(u.id, AgentStatusRow{u.id, u.teamId, u"offline"_s});
        int open = 0, atRisk = 0, breached = 0;
        const Ticket *urgent = nullptr;
        qint64 urgentDue = 0;
        for (const Ticket &t : held) {
            if (t.assigneeId != u.id)
                continue;
            ++open;
            const SlaQueueTimes q = slaQueueTimes(sla, t);
            if (q.due && *q.due <= nowMs)
                ++breached;
            else if (q.warnAt && *q.warnAt <= nowMs)
                ++atRisk;
            if (q.due && (!urgent || *q.due < urgentDue)) {
                urgent = &t;
                urgentDue = *q.due;
            }
        }
        QString current = presentOn(presence, u.id);
        if (current.isEmpty() && urgent)
            current = urgent->id;
        QString number;
        for (const Ticket &t : held) {
            if (t.id == current)
                number = t.number;
        }
        out.append(
            QJsonObject{{u"user_id"_s, u.id},
                        {u"login"_s, u.login},
                        {u"name"_s, u.displayName},
                        {u"team_id"_s, u.teamId},
                        {u"status"_s, row.status},
                        {u"since_ms"_s, row.sinceMs},
                        {u"connected"_s, linked.contains(u.id)},
                        {u"open"_s, open},
                        {u"capacity"_s, policy.forTeam(u.teamId).maxOpen},
                        {u"idle_away_minutes"_s, policy.forTeam(u.teamId).idleAwayMinutes},
                        {u"at_risk"_s, atRisk},
                        {u"breached"_s, breached},
                        {u"current_ticket_id"_s, current.isEmpty() ? QJsonValue() : QJsonValue(current)},
                        {u"current_ticket_number"_s, number.isEmpty() ? QJsonValue() : QJsonValue(number)}});
    }
    return out;
}

} // namespace pd::server
