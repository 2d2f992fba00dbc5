#pragma once

#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/outboxrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace pd::test {

/// 2026-11-23 10:00 in Shanghai (02:00 UTC).
inline constexpr Instant kNow = 1795399200000LL;
inline constexpr Instant kMinute = 60000;

inline User makeUser(const QString &id, Role role, const QString &team, const QString &name)
{
    User u;
    u.id = id;
    u.login = id;
    u.displayName = name;
    u.role = role;
    u.teamId = team;
    u.version = 1;
    return u;
}

/// @brief A real SQLite cache in a temporary directory, filled by hand: users, tickets, parcels.
struct PaneCache
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    ManualClock clock{kNow};
    User agent1 = makeUser(u"u-agent1"_s, Role::Agent, u"team-a"_s, u"张伟"_s);
    User agent2 = makeUser(u"u-agent2"_s, Role::Agent, u"team-a"_s, u"刘洋"_s);
    User agentB = makeUser(u"u-agent9"_s, Role::Agent, u"team-b"_s, u"陈静"_s);
    User supervisor = makeUser(u"u-sup1"_s, Role::Supervisor, u"team-a"_s, u"王强"_s);
    User manager = makeUser(u"u-mgr1"_s, Role::Manager, QString(), u"赵敏"_s);

    PaneCache()
    {
        QString error;
        db = Database::open(dir.filePath(u"cache.sqlite"_s), &error);
        if (!db)
            qFatal("cache: %s", qPrintable(error));
        if (!DirectoryRepository(*db).upsertUsers({agent1, agent2, agentB, supervisor, manager}, &error))
            qFatal("users: %s", qPrintable(error));
    }

    /// @brief A ticket of team-a created 5 minutes ago, not answered yet.
    Ticket ticket(int n, TicketStatus status = TicketStatus::New, const QString &assignee = {})
    {
        Ticket t;
        t.id = u"t-%1"_s.arg(n);
        t.number = u"C2611-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
        t.waybillNo = u"SF1400000000017"_s;
        t.description = u"包裹一直显示运输中，已经延迟三天"_s;
        t.customerName = u"王芳"_s;
        t.customerPhone = u"13812345678"_s;
        t.category = Category::Delay;
        t.priority = Priority::P2;
        t.status = status;
        t.teamId = u"team-a"_s;
        t.assigneeId = assignee;
        t.createdAt = kNow - 5 * kMinute;
        if (status != TicketStatus::New)
            t.firstResponseAt = kNow - 4 * kMinute;
        if (status == TicketStatus::Resolved || status == TicketStatus::Closed) {
            t.resolution = Resolution::Explained;
            t.resolvedAt = kNow - 2 * kMinute;
        }
        if (status == TicketStatus::Closed)
            t.closedAt = kNow - kMinute;
        t.version = 3;
        t.updatedAt = kNow - kMinute;
        return t;
    }

    void put(const Ticket &t)
    {
        QString error;
        if (!TicketRepository(*db).upsert({t}, &error))
            qFatal("ticket: %s", qPrintable(error));
    }

    [[nodiscard]] Ticket stored(const QString &id) const { return TicketRepository(*db).byId(id)->ticket; }
    [[nodiscard]] int outboxCount() const { return OutboxRepository(*db).count(); }
};

/// @brief Types @p text the way a Chinese input method does: one committed string at the cursor.
inline void typeText(QWidget *widget, const QString &text)
{
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(widget, &commit);
}

/// @brief Keeps QSettings of the tests in a temporary directory.
inline void isolateSettings(const QString &dir)
{
    QCoreApplication::setOrganizationName(u"ParcelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_ticketpane"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

} // namespace pd::test
