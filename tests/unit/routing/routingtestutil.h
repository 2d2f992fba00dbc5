#pragma once

#include "models/routing/routingengine.h"
#include "tests/common/isoinstant.h"

#include <QByteArray>
#include <QTest>

// Shared fixtures of the routing tests: agents, tickets and instants with explicit offsets, so no expected
// value depends on the process time zone.

namespace pd::test {

inline constexpr qint64 kMin = 60 * 1000;

inline routing::AgentState agent(const QString &id, int open = 0, const QString &team = QStringLiteral("t1"))
{
    routing::AgentState a;
    a.userId = id;
    a.teamId = team;
    a.status = routing::AgentStatus::Online;
    a.open = open;
    a.openByPriority[routing::priorityIndex(Priority::P3)] = open;
    return a;
}

inline routing::RoutableTicket ticket(const QString &id, Instant deadline = 0,
                                      const QString &team = QStringLiteral("t1"))
{
    routing::RoutableTicket t;
    t.id = id;
    t.teamId = team;
    t.category = Category::Delay;
    t.channel = Channel::Phone;
    t.priority = Priority::P3;
    t.deadline = deadline;
    return t;
}

/// Every day 22:00–24:00 and 00:00–06:00 Asia/Shanghai: a night shift across midnight.
inline BusinessCalendar nightShift()
{
    BusinessCalendar c(QByteArrayLiteral("Asia/Shanghai"));
    c.setName(QStringLiteral("night"));
    for (int d = 1; d <= 7; ++d)
        c.setWeekdayHours(d, {{0, 6 * 60}, {22 * 60, 24 * 60}});
    return c;
}

/// Monday–Friday 09:00–18:00 Asia/Shanghai.
inline BusinessCalendar dayShift()
{
    BusinessCalendar c(QByteArrayLiteral("Asia/Shanghai"));
    c.setName(QStringLiteral("day"));
    for (int d = 1; d <= 5; ++d)
        c.setWeekdayHours(d, {{9 * 60, 18 * 60}});
    return c;
}

} // namespace pd::test
