#pragma once

#include "../integration/serverfixture.h"
#include "models/store/database.h"
#include "sync/syncengine.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace pd::test {

/// @brief One console: a SyncEngine on its own cache file, signed in to the server under test.
struct Console
{
    Console(const QString &cachePath, const QUrl &server, const Clock *localClock = nullptr)
        : engine(cachePath, server, localClock)
    {
        engine.start();
    }

    bool signIn(const QString &login, const QString &password = ServerFixture::kPassword)
    {
        QSignalSpy in(&engine, &SyncEngine::signedIn);
        QSignalSpy failed(&engine, &SyncEngine::signInFailed);
        engine.signIn(login, password);
        return QTest::qWaitFor([&] { return !in.isEmpty() || !failed.isEmpty(); }, 10000) && !in.isEmpty();
    }

    /// @brief A full pull, then the push of the outbox; true when the pull succeeded and the push went idle.
    bool sync(int timeoutMs = 60000)
    {
        QSignalSpy pulled(&engine, &SyncEngine::pullFinished);
        QSignalSpy idle(&engine, &SyncEngine::pushIdle);
        // A round is a pull and then the push that follows it: a push timer that fires while a long pull is
        // still running (a full sync after another user) also says "idle", and that one does not count.
        qsizetype idleAfterPull = 0;
        QObject guard;
        QObject::connect(&engine, &SyncEngine::pushIdle, &guard, [&] {
            if (!pulled.isEmpty() && pulled.last().at(0).toBool())
                ++idleAfterPull;
        });
        engine.syncNow();
        const bool done = QTest::qWaitFor(
            [&] { return idleAfterPull > 0 || (!pulled.isEmpty() && !pulled.last().at(0).toBool()); },
            timeoutMs);
        const bool ok = done && !pulled.isEmpty() && pulled.last().at(0).toBool();
        if (!ok)
            qWarning("sync: %s (pulls %lld, push idle %lld, status: %s)",
                     done ? "the pull failed" : "timed out", qlonglong(pulled.size()), qlonglong(idle.size()),
                     qPrintable(engine.status().message));
        return ok;
    }

    SyncEngine engine;
};

/// @brief The body of a new ticket for POST /api/v1/tickets.
inline QJsonObject ticketBody(const QString &team, int n)
{
    return QJsonObject{{u"waybill_no"_s, u"SF14000000%1"_s.arg(n, 5, 10, QLatin1Char('0'))},
                       {u"description"_s, u"第%1单：包裹延迟三天，客户很着急"_s.arg(n)},
                       {u"customer_name"_s, u"王芳"_s},
                       {u"customer_phone"_s, u"1381234%1"_s.arg(n % 10000, 4, 10, QLatin1Char('0'))},
                       {u"category"_s, u"delay"_s},
                       {u"team_id"_s, team}};
}

} // namespace pd::test
