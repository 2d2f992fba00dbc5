#include "queues.h"

#include <QDateTime>

namespace pd {

namespace {

const QList<TicketStatus> &openStatuses()
{
    static const QList<TicketStatus> s{TicketStatus::New, TicketStatus::Open, TicketStatus::Pending,
                                       TicketStatus::Reopened};
    return s;
}

void applyFilter(TicketQuery &q, const QueueFilter &f)
{
    if (f.category)
        q.category = f.category;
    if (f.priority)
        q.priority = f.priority;
    if (f.channel)
        q.channel = f.channel;
    q.evidenceIncomplete = f.evidenceIncomplete;
    if (!f.assigneeId.isEmpty() && !q.unassignedOnly)
        q.assigneeId = f.assigneeId;
    if (f.status) {
        if (!q.statuses.isEmpty() && !q.statuses.contains(*f.status))
            q.createdTo = std::numeric_limits<qint64>::min(); // the queue holds no ticket of that status
        q.statuses = {*f.status};
    }
}

} // namespace

QList<Queue> Queues::all()
{
    return {Queue::Mine,    Queue::Unassigned,    Queue::AtRisk, Queue::Breached,
            Queue::Pending, Queue::ResolvedToday, Queue::All,    Queue::Appeals};
}

QString Queues::title(Queue queue)
{
    switch (queue) {
    case Queue::Mine:
        return tr("My tickets");
    case Queue::Unassigned:
        return tr("Unassigned");
    case Queue::AtRisk:
        return tr("At risk");
    case Queue::Breached:
        return tr("Breached");
    case Queue::Pending:
        return tr("Pending");
    case Queue::ResolvedToday:
        return tr("Resolved today");
    case Queue::All:
        return tr("All");
    case Queue::Appeals:
        return tr("Appeals"); // regulator appeals (12305); short: the queue list stays narrow
    }
    return {};
}

Instant Queues::startOfDay(Instant now, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toTimeZone(zone);
    return QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch();
}

TicketQuery Queues::query(Queue queue, const User &user, Instant now, const QTimeZone &zone,
                          const QueueFilter &filter)
{
    TicketQuery q;
    q.order = TicketQuery::Order::SlaUrgency;
    switch (queue) {
    case Queue::Mine:
        q.assigneeId = user.id;
        q.statuses = openStatuses();
        break;
    case Queue::Unassigned:
        q.unassignedOnly = true;
        q.teamId = user.teamId;
        q.statuses = {TicketStatus::New, TicketStatus::Open, TicketStatus::Reopened};
        break;
    case Queue::AtRisk:
        q.atRiskAt = now;
        break;
    case Queue::Breached:
        q.slaDueBefore = now + 1;
        break;
    case Queue::Pending:
        q.statuses = {TicketStatus::Pending};
        if (user.role == Role::Agent)
            q.assigneeId = user.id;
        break;
    case Queue::ResolvedToday:
        q.statuses = {TicketStatus::Resolved, TicketStatus::Closed};
        q.resolvedFrom = startOfDay(now, zone);
        q.order = TicketQuery::Order::UpdatedDesc;
        break;
    case Queue::All:
        break;
    case Queue::Appeals:
        q.source = TicketSource::RegulatorAppeal;
        q.statuses = openStatuses();
        break;
    }
    applyFilter(q, filter);
    return q;
}

} // namespace pd
