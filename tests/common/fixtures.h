#pragma once

#include "models/domain/entities.h"

#include <QString>

namespace pd::test {

/// @brief A valid ticket with every field set, distinct per @p n (ids, numbers, phones, waybills).
inline Ticket makeTicket(int n,
                         const QString &description = QStringLiteral("包裹一直显示运输中，已经延迟三天"))
{
    Ticket t;
    t.id = QStringLiteral("t-%1").arg(n, 7, 10, QLatin1Char('0'));
    t.number = QStringLiteral("C2611-%1").arg(n, 6, 10, QLatin1Char('0'));
    t.waybillNo = QStringLiteral("SF%1").arg(1000000000000LL + n);
    t.description = description;
    t.customerName = n % 2 ? QStringLiteral("王芳") : QStringLiteral("李娜");
    t.customerPhone = QStringLiteral("138%1").arg(n % 100000000, 8, 10, QLatin1Char('0'));
    t.channel = Channel::Phone;
    t.category = Category::Delay;
    t.priority = Priority::P2;
    t.status = TicketStatus::Open;
    t.teamId = n % 2 ? QStringLiteral("team-a") : QStringLiteral("team-b");
    t.assigneeId = n % 3 ? QStringLiteral("u-agent%1").arg(n % 3) : QString();
    t.createdAt = 1795000000000LL + qint64(n) * 60000;
    t.firstResponseAt = t.createdAt + 600000;
    t.version = 1;
    t.updatedAt = t.createdAt + 600000;
    return t;
}

} // namespace pd::test
