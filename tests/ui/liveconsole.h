#pragma once

// The console as app/main.cpp puts it together — a private settings folder, a cache file, the server clock,
// the main window and a Session — against the real parceldesk-server, for the end-to-end UI tests.
#include "../../app/session.h"
#include "../integration/serverfixture.h"
#include "models/store/database.h"
#include "sync/cachekeychain.h"
#include "sync/serverclock.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace pd::test {

struct LiveConsole
{
    ServerFixture m_server;
    QTemporaryDir m_home;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SystemClock> m_local;
    std::unique_ptr<ServerClock> m_clock;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Session> m_session;

    /// @brief Starts the server (with @p serverArgs), opens the window with no login remembered and returns
    /// the sign-in dialog the session opens (nullptr, with a warning, when a step fails).
    SignInDialog *openConsole(const QString &organization, const QStringList &serverArgs = {})
    {
        if (!m_home.isValid())
            return failed("no temporary folder");
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
        QApplication::setOrganizationName(organization);
        if (!m_server.prepare() || m_server.start(serverArgs) < 0)
            return failed("the server did not start");
        QString error;
        const QString cache = m_home.filePath(u"cache.sqlite"_s);
        m_db = Database::open(cache, &error);
        if (!m_db)
            return failed(qPrintable(error));
        m_local = std::make_unique<SystemClock>();
        m_clock = std::make_unique<ServerClock>(m_local.get());
        m_window = std::make_unique<MainWindow>(*m_db, *m_clock, QTimeZone("Asia/Shanghai"));
        m_window->resize(1600, 1000);
        m_window->show();
        m_session = std::make_unique<Session>(cache, m_server.url({}), QString(), m_window.get(),
                                              m_clock.get(), std::make_shared<pd::MemoryCacheKeys>());
        m_session->begin();
        SignInDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<SignInDialog *>()) != nullptr; },
                             5000))
            return failed("no sign-in dialog");
        return dialog;
    }

    /// @brief Closes the session, the window and the cache, in that order.
    void closeConsole()
    {
        m_session.reset();
        m_window.reset();
        m_db.reset();
    }

    /// @brief Creates a ticket on the server as lead1 (what a colleague's console would do); its id.
    QString createOnServer(const QJsonObject &body)
    {
        const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(u"lead1"_s), body,
                                         {{"Idempotency-Key", uuid().toLatin1()}});
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json().value(u"id"_s).toString();
    }

private:
    static SignInDialog *failed(const char *why)
    {
        qWarning("openConsole: %s", why);
        return nullptr;
    }
};

} // namespace pd::test
