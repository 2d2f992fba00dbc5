// Drill: kill -9 of the server at random moments while clients write (short form: 3 kills under 10 writers;
// full form: 20 kills under 50). Every writer posts notes one at a time, each with its own UUID as
// Idempotency-Key, and sends a note again with the same key until the server acknowledges it — as the
// console's outbox does — across the kills and restarts (same SQLite database, new port). Goal: every note a
// writer saw acknowledged is on the server after the last restart, none is there twice, and SQLite's
// integrity check is ok.
#include "drillcommon.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <random>

#include <signal.h>
#include <sys/types.h>

using namespace pd::drill;

namespace {

constexpr int kTickets = 10;

struct Write
{
    QString key;  ///< event id and Idempotency-Key
    QString text; ///< unique, to count copies on the server
    QString ticket;
};

/// @brief Runs a CLI command of the server (user add) with @p input on standard input.
int serverCli(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    const QString other = qEnvironmentVariable("PD_TEST_SERVER_BIN");
    p.start(other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitCode();
}

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
    if (serverCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("writer"),
                   QStringLiteral("--db"), dbUrl, QStringLiteral("--role"), QStringLiteral("supervisor"),
                   QStringLiteral("--team"), QStringLiteral("team-a")},
                  "drill-password-1\n") != 0)
        return report(false, QStringLiteral("drill_kill: could not add the user"));

    std::unique_ptr<DrillServer> server;
    QString base;
    const auto startServer = [&] {
        server = std::make_unique<DrillServer>();
        if (!server->start({}, dbUrl))
            return false;
        base = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(server->port());
        return true;
    };
    if (!startServer())
        return report(false, QStringLiteral("drill_kill: the server did not start"));

    QNetworkAccessManager nam;
    const auto request = [&](const QString &path, const QByteArray &token) {
        QNetworkRequest r(QUrl(base + path));
        r.setRawHeader("Content-Type", "application/json");
        if (!token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + token);
        r.setTransferTimeout(5000);
        return r;
    };
    const auto wait = [&](QNetworkReply *r) {
        QObject::connect(r, &QNetworkReply::finished, &app, &QCoreApplication::quit);
        app.exec();
        r->deleteLater();
        return QJsonDocument::fromJson(r->readAll()).object();
    };
    QNetworkReply *login = nam.post(request(QStringLiteral("/auth/login"), {}),
                                    R"({"login":"writer","password":"drill-password-1"})");
    const QByteArray token = wait(login).value(QStringLiteral("access_token")).toString().toLatin1();
    if (token.isEmpty())
        return report(false, QStringLiteral("drill_kill: sign-in failed"));
    QStringList tickets;
    for (int i = 0; i < kTickets; ++i) {
        const QJsonObject body{
            {QStringLiteral("description"), QStringLiteral("包裹延迟，客户第%1次来电").arg(i)},
            {QStringLiteral("customer_name"), QStringLiteral("王芳")},
            {QStringLiteral("category"), QStringLiteral("delay")},
            {QStringLiteral("team_id"), QStringLiteral("team-a")}};
        QNetworkRequest r = request(QStringLiteral("/tickets"), token);
        r.setRawHeader("Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
        const QString id = wait(nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)))
                               .value(QStringLiteral("id"))
                               .toString();
        if (id.isEmpty())
            return report(false, QStringLiteral("drill_kill: could not create the tickets"));
        tickets.append(id);
    }

    std::mt19937 rng(16);
    QHash<QString, Write> acknowledged; // key → write
    std::vector<Write> current(static_cast<std::size_t>(writers));
    qint64 attempts = 0;
    bool stopping = false;
    int inFlight = 0;
    std::function<void(int)> send;
    const auto next = [&](int w) {
        Write &c = current[std::size_t(w)];
        c.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.text = QStringLiteral("drill %1").arg(c.key);
        c.ticket = tickets.at(int(rng() % kTickets));
    };
    send = [&](int w) {
        if (stopping)
            return;
        const Write c = current[std::size_t(w)];
        QNetworkRequest r = request(QStringLiteral("/tickets/%1/events").arg(c.ticket), token);
        r.setRawHeader("Idempotency-Key", c.key.toLatin1());
        const QJsonObject body{{QStringLiteral("id"), c.key},
                               {QStringLiteral("kind"), QStringLiteral("note")},
                               {QStringLiteral("text"), c.text}};
        ++attempts;
        ++inFlight;
        QNetworkReply *reply = nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, w, c] {
            --inFlight;
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 201) { // acknowledged: it must survive whatever happens next
                acknowledged.insert(c.key, c);
                next(w);
                QTimer::singleShot(0, &app, [&, w] { send(w); });
            } else {
                // No answer (killed), or 503 while it restarts: the same key again a little later.
                QTimer::singleShot(200, &app, [&, w] { send(w); });
            }
        });
    };
    for (int w = 0; w < writers; ++w) {
        next(w);
        send(w);
    }

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
    stopping = true;
    // Writes still in flight may or may not land; only acknowledged ones are promised.
    QTimer::singleShot(3000, &app, &QCoreApplication::quit);
    app.exec();

    // Count every note on the server, ticket by ticket, through the API.
    QHash<QString, int> copies;
    for (const QString &t : std::as_const(tickets)) {
        const QJsonObject events = wait(nam.get(request(QStringLiteral("/tickets/%1/events").arg(t), token)));
        for (const QJsonValue &v : events.value(QStringLiteral("items")).toArray()) {
            const QString text = v.toObject().value(QStringLiteral("text")).toString();
            if (text.startsWith(QStringLiteral("drill ")))
                ++copies[text];
        }
    }
    int lost = 0, duplicated = 0;
    for (const Write &w : std::as_const(acknowledged))
        lost += copies.value(w.text) == 0;
    for (auto it = copies.constBegin(); it != copies.constEnd(); ++it)
        duplicated += it.value() > 1;
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
    const bool ok = killed == kills && !acknowledged.isEmpty() && lost == 0 && duplicated == 0 &&
                    integrity == QStringLiteral("ok");
    return report(ok,
                  QStringLiteral("drill_kill: %1 kill -9 under %2 writers: %3 notes acknowledged (%4 sends), "
                                 "%5 lost, %6 on the server twice, integrity %7 (goal: 0 lost, 0 twice, ok)")
                      .arg(killed)
                      .arg(writers)
                      .arg(acknowledged.size())
                      .arg(attempts)
                      .arg(lost)
                      .arg(duplicated)
                      .arg(integrity.isEmpty() ? QStringLiteral("unreadable") : integrity));
}
