// Drill: storage faults under write load (docs/server.md, "Storage faults"). Eight console-like writers post
// notes through their outboxes (a note is sent again with the same Idempotency-Key every 250 ms until it is
// acknowledged), a reader polls GET /changes and a ticket every 100 ms, a live socket stays open and /health
// is probed every 250 ms, while, each against a server of its own:
// (a) another process holds BEGIN EXCLUSIVE on the server's SQLite file (full form 30 s, short form 3 s);
// (b) the disk is full: the server runs with PD_SQLITE_MAX_PAGE_COUNT a few pages above its file, the writers
//     fill them, and after 30 s (short: 3 s) a ballast table made before the start is deleted (space freed);
// (c) PostgreSQL is stopped under the load and started again 20 s later (short: 3 s), through
//     scripts/test-postgres.sh: it starts a throwaway cluster and exports PD_TEST_POSTGRES_CTL to stop and
//     start it; without PostgreSQL this part prints why it did not run.
// Goal, per fault: the server stays up (health answers 200 throughout), writes meeting the fault are answered
// 503 with Retry-After (counted; none without it, no other error status, none unanswered), reads are served
// where the design says so (SQLite: always; PostgreSQL: 200 or 503 with Retry-After), the open live socket
// stays open, writes are acknowledged again within 10 s of the fault's end, and every acknowledged note is on
// the server exactly once (0 lost, 0 twice). One figure line per fault.
#include "drillcommon.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QWebSocket>

using namespace pd::drill;

namespace {

constexpr int kWriters = 8;
constexpr int kTickets = 10;
constexpr int kRetryMs = 250;
constexpr int kBallastPages = 2000; ///< freed at the end of the disk-full fault (≈ 8 MB)
constexpr int kHeadroomPages = 40;  ///< what the writers may add before the disk is full

/// @brief A fault: made and ended from outside the server.
struct Fault
{
    QString name;
    std::function<QString()> begin; ///< empty string: done; otherwise why it could not be made
    std::function<QString()> end;
    int holdMs = 0;             ///< from begin() (or the first 503, madeByWriters) to end()
    bool readsServed = true;    ///< the design serves reads during this fault (SQLite WAL)
    bool madeByWriters = false; ///< begin() only prepares it: the fault starts with the first 503
};

/// @brief Answers of one kind of request, during the fault and over the whole run.
struct Tally
{
    int ok = 0;
    int unavailable = 0; ///< 503 with Retry-After
    int other = 0;       ///< anything else, unanswered included
    int lastOther = 0;
    [[nodiscard]] int total() const { return ok + unavailable + other; }
};

/// @brief A second SQLite connection (in this process, not the server's) on the server's file.
class SqliteSide
{
public:
    explicit SqliteSide(const QString &path)
        : m_name(QStringLiteral("side-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db.open();
    }
    ~SqliteSide()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen()) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    /// @brief Runs @p sql; empty string on success, else the error.
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    [[nodiscard]] qint64 value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

private:
    QString m_name;
};

/// @brief Runs the load against @p server, makes @p fault, and returns the figure line (ok or not).
std::pair<bool, QString> drill(DrillServer &server, const Fault &fault, bool full)
{
    const QString tag = QStringLiteral("drill_storage (%1)").arg(fault.name);
    QNetworkAccessManager nam;
    const QByteArray token = signIn(nam, server, QStringLiteral("console"));
    const QStringList tickets = token.isEmpty() ? QStringList() : createTickets(nam, server, token, kTickets);
    if (tickets.size() != kTickets)
        return {false, tag + QStringLiteral(": set-up failed (sign-in, tickets)")};
    const auto url = [&](const QString &path) { return server.url(path); };

    // The load: writers with an outbox each (a connection each), a reader, a health probe, a live socket.
    std::vector<std::unique_ptr<QNetworkAccessManager>> consoleNams;
    std::vector<QNetworkAccessManager *> nams;
    for (int i = 0; i < kWriters; ++i) {
        consoleNams.push_back(std::make_unique<QNetworkAccessManager>());
        nams.push_back(consoleNams.back().get());
    }
    NoteWriters writers(url, nams, {token}, tickets, kWriters, kRetryMs, 0, 10000);
    QWebSocket live;
    bool liveClosed = false;
    bool resyncHint = false;
    QObject::connect(&live, &QWebSocket::disconnected, &live, [&] { liveClosed = true; });
    QObject::connect(&live, &QWebSocket::textMessageReceived, &live, [&](const QString &text) {
        resyncHint = resyncHint || text.contains(QLatin1StringView(R"("type":"resync")"));
    });
    live.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live?access_token=%2")
                       .arg(server.port())
                       .arg(QString::fromLatin1(token))));

    enum class Phase
    {
        Before,
        Fault,
        After
    };
    Phase phase = Phase::Before;
    Tally readsInFault, readsOutside, healthTally;
    qint64 healthMaxMs = 0;
    bool unavailableSeen = false;
    QNetworkAccessManager readerNam;
    QNetworkAccessManager probeNam;
    int readerTurn = 0;
    const auto count = [](Tally &t, QNetworkReply *r) {
        const int status = statusOf(r);
        if (status == 200)
            ++t.ok;
        else if (status == 503 && r->hasRawHeader("Retry-After"))
            ++t.unavailable;
        else {
            ++t.other;
            t.lastOther = status;
        }
    };
    QTimer reader;
    QObject::connect(&reader, &QTimer::timeout, &reader, [&] {
        const QString path = (readerTurn++ % 2) ? QStringLiteral("/api/v1/changes?limit=50")
                                                : QStringLiteral("/api/v1/tickets/") + tickets.first();
        const Phase sentIn = phase;
        QNetworkReply *r = readerNam.get(jsonRequest(server.url(path), token, 10000));
        QObject::connect(r, &QNetworkReply::finished, r, [&, r, sentIn] {
            r->deleteLater();
            count(sentIn == Phase::Fault && phase == Phase::Fault ? readsInFault : readsOutside, r);
        });
    });
    QTimer probe;
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        auto sentAt = std::make_shared<QElapsedTimer>();
        sentAt->start();
        QNetworkReply *r = probeNam.get(jsonRequest(server.url(QStringLiteral("/api/v1/health")), {}, 10000));
        QObject::connect(r, &QNetworkReply::finished, r, [&, r, sentAt] {
            r->deleteLater();
            healthMaxMs = std::max(healthMaxMs, sentAt->elapsed());
            count(healthTally, r);
            if (phase == Phase::Fault && !QJsonDocument::fromJson(r->readAll())
                                              .object()
                                              .value(QStringLiteral("storage_available"))
                                              .toBool(true))
                unavailableSeen = true;
        });
    });

    const auto runFor = [](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    };
    writers.start(200);
    reader.start(100);
    probe.start(250);
    if (!fault.madeByWriters)
        runFor(1000); // normal load first

    const NoteWriters::Counts before = writers.counts();
    phase = Phase::Fault;
    if (const QString why = fault.begin(); !why.isEmpty())
        return {false, tag + QStringLiteral(": could not make the fault: ") + why};
    QElapsedTimer inEffect;
    inEffect.start();
    while (fault.madeByWriters && writers.counts().unavailable == 0 && inEffect.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    inEffect.start();
    runFor(fault.holdMs);
    const bool faultSeen = writers.counts().unavailable > before.unavailable;
    if (const QString why = fault.end(); !why.isEmpty())
        return {false, tag + QStringLiteral(": could not end the fault: ") + why};
    const qint64 endedAt = QDateTime::currentMSecsSinceEpoch();
    const qint64 faultMs = inEffect.elapsed();
    const NoteWriters::Counts during = writers.counts();
    phase = Phase::After;
    // Recovery: writes acknowledged again (the writers retry every 250 ms), then normal load for a while.
    QElapsedTimer recovery;
    recovery.start();
    while (writers.lastAcknowledgedMs() <= endedAt && recovery.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const qint64 recoveredMs =
        writers.lastAcknowledgedMs() > endedAt ? writers.lastAcknowledgedMs() - endedAt : -1;
    runFor(full ? 5000 : 1500);
    writers.stop();
    reader.stop();
    probe.stop();
    writers.drain(12000);
    runFor(300); // the last reads and probes answer

    const NoteWriters::Counts &all = writers.counts();
    const NoteCount notes = countNotes(nam, url, token, tickets, writers.acknowledged());
    const bool liveOpen = !liveClosed && live.state() == QAbstractSocket::ConnectedState;
    live.close();
    const bool readsOk = fault.readsServed ? readsInFault.ok == readsInFault.total() && readsInFault.ok > 0
                                           : readsInFault.other == 0;
    const bool ok = server.running() && faultSeen && all.unavailableNoRetryAfter == 0 && all.other == 0 &&
                    all.noAnswer == 0 && readsOk && readsOutside.other == 0 &&
                    healthTally.ok == healthTally.total() && liveOpen && recoveredMs >= 0 &&
                    notes.lost == 0 && notes.duplicated == 0 && notes.readFailures == 0 &&
                    !writers.acknowledged().isEmpty();
    QString line =
        tag +
        QStringLiteral(": %1 writers, %2 sends; during the %3 s fault %4 writes answered 503 with "
                       "Retry-After, %5 without it, %6 acknowledged; over the run %7 other statuses, %8 "
                       "unanswered; reads during the fault %9 served, %10 answered 503 with Retry-After, "
                       "%11 other; health %12 of %13 answered 200 (slowest %14 ms), storage_available "
                       "false %15; the live socket %16%17; writes acknowledged again %18 after the fault; "
                       "%19 notes acknowledged, %20 lost, %21 twice (goal: 503 with Retry-After, reads %22, "
                       "server up, 0 lost, 0 twice)")
            .arg(kWriters)
            .arg(all.sends)
            .arg(double(faultMs) / 1000, 0, 'f', 1)
            .arg(during.unavailable - before.unavailable)
            .arg(during.unavailableNoRetryAfter - before.unavailableNoRetryAfter)
            .arg(during.acknowledged - before.acknowledged)
            .arg(all.other)
            .arg(all.noAnswer)
            .arg(readsInFault.ok)
            .arg(readsInFault.unavailable)
            .arg(readsInFault.other)
            .arg(healthTally.ok)
            .arg(healthTally.total())
            .arg(healthMaxMs)
            .arg(unavailableSeen ? QStringLiteral("seen") : QStringLiteral("not seen"))
            .arg(liveOpen ? QStringLiteral("stayed open") : QStringLiteral("was closed"))
            .arg(resyncHint ? QStringLiteral(" (resync hint received)") : QString())
            .arg(recoveredMs >= 0 ? QStringLiteral("%1 s").arg(double(recoveredMs) / 1000, 0, 'f', 1)
                                  : QStringLiteral("never"))
            .arg(writers.acknowledged().size())
            .arg(notes.lost)
            .arg(notes.duplicated)
            .arg(fault.readsServed ? QStringLiteral("served") : QStringLiteral("200 or 503"));
    if (all.other > 0)
        line += QStringLiteral(" [last other status %1]").arg(all.lastOtherStatus);
    if (!ok) // what the server said last, to tell a defect from a drill problem
        line += QStringLiteral("\n%1 server %2; the end of its log:\n%3")
                    .arg(tag, server.running() ? QStringLiteral("running") : QStringLiteral("ENDED"),
                         server.logTail(12));
    return {ok, line};
}

/// @brief (a) SQLite locked by another process's BEGIN EXCLUSIVE.
std::pair<bool, QString> sqliteLocked(bool full)
{
    DrillServer server;
    server.setQuiet(true);
    if (!addUser(QStringLiteral("sqlite:") + server.dbPath(), QStringLiteral("console"),
                 QStringLiteral("supervisor"), QStringLiteral("team-a")) ||
        !server.start())
        return {false, QStringLiteral("drill_storage (SQLite locked): the server did not start")};
    std::unique_ptr<SqliteSide> lock;
    const int holdS = full ? 30 : 3;
    Fault fault{QStringLiteral("SQLite locked %1 s by another process's BEGIN EXCLUSIVE").arg(holdS),
                [&] {
                    lock = std::make_unique<SqliteSide>(server.dbPath());
                    return lock->exec(QStringLiteral("BEGIN EXCLUSIVE"));
                },
                [&] {
                    const QString why = lock->exec(QStringLiteral("ROLLBACK"));
                    lock.reset();
                    return why;
                },
                holdS * 1000, true};
    return drill(server, fault, full);
}

/// @brief (b) Disk full (the server's page limit), then space freed by deleting a ballast table.
std::pair<bool, QString> diskFull(bool full)
{
    DrillServer server;
    server.setQuiet(true);
    const QString title = QStringLiteral("drill_storage (disk full)");
    if (!addUser(QStringLiteral("sqlite:") + server.dbPath(), QStringLiteral("console"),
                 QStringLiteral("supervisor"), QStringLiteral("team-a")))
        return {false, title + QStringLiteral(": could not add the user")};
    qint64 pages = -1;
    {
        SqliteSide side(server.dbPath());
        QString why = side.exec(QStringLiteral("CREATE TABLE drill_ballast(b BLOB)"));
        if (why.isEmpty())
            why = side.exec(QStringLiteral("INSERT INTO drill_ballast SELECT zeroblob(4000) FROM "
                                           "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                           "WHERE i < %1) SELECT i FROM n)")
                                .arg(kBallastPages));
        if (why.isEmpty())
            why = side.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        pages = side.value(QStringLiteral("PRAGMA page_count"));
        if (!why.isEmpty() || pages <= kBallastPages)
            return {false, title + QStringLiteral(": could not add the ballast: ") + why};
    }
    // Signing in and the tickets also take space: they are made before the disk is full, by the limit.
    if (!server.start(
            {}, {}, {{QStringLiteral("PD_SQLITE_MAX_PAGE_COUNT"), QString::number(pages + kHeadroomPages)}}))
        return {false, title + QStringLiteral(": the server did not start")};
    const int holdS = full ? 30 : 3;
    Fault fault{QStringLiteral("disk full %1 s, then %2 pages freed").arg(holdS).arg(kBallastPages),
                [] { return QString(); }, // the writers fill the last pages
                [&] {
                    SqliteSide side(server.dbPath());
                    return side.exec(QStringLiteral("DELETE FROM drill_ballast"));
                },
                holdS * 1000,
                true,
                true};
    return drill(server, fault, full);
}

/// @brief Runs a command of the wrapper's cluster control script (start, stop); empty string on success.
QString pgCtl(const QString &ctl, const QString &action)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(ctl, {action});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 failed: %3")
            .arg(ctl, action, QString::fromUtf8(p.readAll()).simplified());
    return {};
}

/// @brief (c) PostgreSQL stopped under load, started again.
std::pair<bool, QString> postgresStopped(bool full, bool *skipped)
{
    const QString title = QStringLiteral("drill_storage (PostgreSQL stopped)");
    const QString skip = qEnvironmentVariable("PD_TEST_POSTGRES_SKIP");
    const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
    const QString ctl = qEnvironmentVariable("PD_TEST_POSTGRES_CTL");
    *skipped = true;
    if (!skip.isEmpty())
        return {true, title + QStringLiteral(": skipped, PostgreSQL could not be started: ") + skip};
    if (url.isEmpty() || ctl.isEmpty())
        return {true, title + QStringLiteral(": skipped, PD_TEST_POSTGRES_URL or PD_TEST_POSTGRES_CTL is not "
                                             "set: run it through scripts/test-postgres.sh (ctest does)")};
    *skipped = false;
    if (!addUser(url, QStringLiteral("console"), QStringLiteral("supervisor"), QStringLiteral("team-a")))
        return {false, title + QStringLiteral(": could not add the user")};
    DrillServer server;
    server.setQuiet(true);
    if (!server.start({}, url))
        return {false, title + QStringLiteral(": the server did not start")};
    const int holdS = full ? 20 : 3;
    Fault fault{QStringLiteral("PostgreSQL stopped %1 s").arg(holdS),
                [&] { return pgCtl(ctl, QStringLiteral("stop")); },
                [&] { return pgCtl(ctl, QStringLiteral("start")); }, holdS * 1000, false};
    return drill(server, fault, full);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = fullForm();
    bool allOk = true;
    const auto line = [&](const std::pair<bool, QString> &r) {
        allOk = allOk && r.first;
        std::printf("%s\n", qPrintable(r.second));
        std::fflush(stdout);
    };
    line(sqliteLocked(full));
    line(diskFull(full));
    bool skipped = false;
    line(postgresStopped(full, &skipped));
    return allOk ? 0 : 1;
}
