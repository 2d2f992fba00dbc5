// Drill: kill -9 of the server at random moments while clients write (short form: 3 kills under 10 writers;
// full form: 20 kills under 50). Every writer posts notes one at a time, each with its own UUID as
// Idempotency-Key, and sends a note again with the same key until the server acknowledges it — as the
// console's outbox does — across the kills and restarts (same SQLite database, new port). Goal: every note a
// writer saw acknowledged is on the server after the last restart, none is there twice, and SQLite's
// integrity check is ok.
#include "drillcommon.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <csignal>
#include <random>

#include <signal.h>
#include <sys/types.h>

using namespace pd::drill;

namespace {

constexpr int kTickets = 10;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = fullForm();
    const int kills = full ? 20 : 3;
    const int writers = full ? 50 : 10;
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("kill.db"));
    const QString dbUrl = QStringLiteral("sqlite:") + dbPath;
    if (!addUser(dbUrl, QStringLiteral("writer"), QStringLiteral("supervisor"), QStringLiteral("team-a")))
        return report(false, QStringLiteral("drill_kill: could not add the user"));

    std::unique_ptr<DrillServer> server;
    const auto startServer = [&] {
        server = std::make_unique<DrillServer>();
        return server->start({}, dbUrl);
    };
    if (!startServer())
        return report(false, QStringLiteral("drill_kill: the server did not start"));
    // The writers follow the server to its new port after every restart.
    const auto url = [&](const QString &path) { return server->url(path); };

    QNetworkAccessManager nam;
    const QByteArray token = signIn(nam, *server, QStringLiteral("writer"));
    if (token.isEmpty())
        return report(false, QStringLiteral("drill_kill: sign-in failed"));
    const QStringList tickets = createTickets(nam, *server, token, kTickets);
    if (tickets.size() != kTickets)
        return report(false, QStringLiteral("drill_kill: could not create the tickets"));

    // No answer (killed), or 503 while it restarts: the same key again 200 ms later.
    NoteWriters notes(url, {&nam}, {token}, tickets, writers, 200);
    notes.start();

    std::mt19937 rng(16);
    int killed = 0;
    std::function<void()> killSoon = [&] {
        QTimer::singleShot(int(300 + rng() % 1200), &app, [&] {
            ::kill(pid_t(server->processId()), SIGKILL);
            server->waitKilled();
            ++killed;
            if (!startServer()) {
                app.exit(1);
                return;
            }
            if (killed < kills)
                killSoon();
            else
                QTimer::singleShot(1500, &app, [&] { app.quit(); }); // writes go on against the last start
        });
    };
    killSoon();
    if (app.exec() != 0)
        return report(false,
                      QStringLiteral("drill_kill: the server did not start again after kill %1").arg(killed));
    notes.stop();
    // Writes still in flight may or may not land; only acknowledged ones are promised.
    notes.drain(3000);

    const NoteCount count = countNotes(nam, url, token, tickets, notes.acknowledged());
    server.reset(); // stopped cleanly before the check
    QString integrity;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                integrity = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    const bool ok = killed == kills && !notes.acknowledged().isEmpty() && count.lost == 0 &&
                    count.duplicated == 0 && count.readFailures == 0 && integrity == QStringLiteral("ok");
    return report(ok,
                  QStringLiteral("drill_kill: %1 kill -9 under %2 writers: %3 notes acknowledged (%4 sends), "
                                 "%5 lost, %6 on the server twice, integrity %7 (goal: 0 lost, 0 twice, ok)")
                      .arg(killed)
                      .arg(writers)
                      .arg(notes.acknowledged().size())
                      .arg(notes.counts().sends)
                      .arg(count.lost)
                      .arg(count.duplicated)
                      .arg(integrity.isEmpty() ? QStringLiteral("unreadable") : integrity));
}
