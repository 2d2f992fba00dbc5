#pragma once

// A console signed in without a dialog, as app/main.cpp puts it together — its cache, clocks, main window and
// Session — against the real parceldesk-server; several can run in one test process (an agent's and a
// supervisor's). The local clock is a ManualClock that runs, so a test can move it.
#include "../../app/session.h"
#include "../integration/serverfixture.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "sync/cachekeychain.h"
#include "sync/serverclock.h"
#include "ui/mainwindow.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace pd::test {

/// One console signed in as @p login with the password (no dialog).
struct SignedInConsole
{
    QTemporaryDir home;
    std::unique_ptr<Database> db;
    std::unique_ptr<ManualClock> local;
    std::unique_ptr<ServerClock> clock;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<Session> session;

    bool open(ServerFixture &server, const QString &login)
    {
        QString error;
        const QString cache = home.filePath(QStringLiteral("cache.sqlite"));
        db = Database::open(cache, &error);
        if (!db)
            return false;
        local = std::make_unique<ManualClock>(QDateTime::currentMSecsSinceEpoch());
        local->setRunning(true);
        clock = std::make_unique<ServerClock>(local.get());
        window = std::make_unique<MainWindow>(*db, *clock, QTimeZone("Asia/Shanghai"));
        window->resize(1400, 900);
        window->show();
        session = std::make_unique<Session>(cache, server.url({}), login, window.get(), clock.get(),
                                            std::make_shared<MemoryCacheKeys>());
        session->begin(ServerFixture::kPassword);
        return QTest::qWaitFor([&] { return window->currentUser().login == login; }, 20000);
    }
    void close()
    {
        session.reset();
        window.reset();
        db.reset();
    }
};

} // namespace pd::test
