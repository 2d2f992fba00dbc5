// KPI dashboard benchmark (issue "The supervisor KPI dashboard"): every dashboard query for a 30-day period
// over a cache of 1,000,000 tickets, run on a worker thread with its own connection as the dashboard does.
// The dashboard's refresh keeps the facts in memory (KpiFactCache) and re-reads only changed tickets; the
// read-everything path is printed next to it. Prints figures only (medians of several runs).
#include "../common/ticketgen.h"
#include "models/kpi/kpifactcache.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiqueries.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::bench::TicketGenerator;

namespace {

constexpr qint64 kMin = 60LL * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kGenStart = 1790000000000LL; // TicketGenerator: created = start + n * 6 s

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QString();
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

/// Turns a generated ticket into one with a believable life up to @p now: older tickets mostly resolved or
/// closed with scores and follow-ups, a few unanswered, a few reopened.
void shape(Ticket &t, QRandomGenerator &rng, qint64 now)
{
    const qint64 age = now - t.createdAt;
    // First response: most within 30 min, a tail up to 3 h, 2% never (while open).
    const int r = int(rng.bounded(100));
    t.firstResponseAt =
        t.createdAt + (r < 85 ? qint64(rng.bounded(1800)) * 1000 : qint64(1800 + rng.bounded(9000)) * 1000);
    if (*t.firstResponseAt > now)
        t.firstResponseAt.reset();
    const qint64 resolveAfter = qint64(1 + rng.bounded(47)) * kHour + qint64(rng.bounded(3600)) * 1000;
    if (age > resolveAfter && rng.bounded(100) < 97) {
        if (!t.firstResponseAt)
            t.firstResponseAt = t.createdAt + kMin;
        t.resolvedAt = t.createdAt + resolveAfter;
        t.resolution = Resolution(rng.bounded(7));
        t.status = TicketStatus::Resolved;
        if (age > resolveAfter + 72 * kHour) {
            t.status = TicketStatus::Closed;
            t.closedAt = *t.resolvedAt + 72 * kHour;
        }
        if (rng.bounded(100) < 2)
            t.status = TicketStatus::Reopened;
        if (rng.bounded(100) < 40)
            t.csat = 1 + int(rng.bounded(100) < 80 ? 3 + rng.bounded(2) : rng.bounded(3));
        if (rng.bounded(100) < 30)
            t.nps = int(rng.bounded(100) < 60 ? 9 + rng.bounded(2) : rng.bounded(9));
        if (rng.bounded(100) < 85)
            t.followUpDoneAt = *t.resolvedAt + 24 * kHour;
    } else {
        t.status = rng.bounded(100) < 20 ? TicketStatus::Pending : TicketStatus::Open;
        if (rng.bounded(100) < 2 && age > 30 * kMin)
            t.firstResponseAt.reset();
        if (!t.firstResponseAt)
            t.status = TicketStatus::New;
    }
    t.updatedAt = t.resolvedAt.value_or(t.firstResponseAt.value_or(t.createdAt));
}

QString buildCache(const QString &path, int rows, int eventsEvery, qint64 now)
{
    QString error;
    auto db = Database::open(path, &error);
    if (!db)
        qFatal("open: %s", qPrintable(error));
    TicketRepository repo(*db);
    if (repo.totalCount() == rows) {
        std::printf("cache: reusing %s (%d tickets)\n", qPrintable(path), rows);
        return path;
    }
    TicketGenerator gen;
    QRandomGenerator rng(7);
    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 20000;
    for (int first = 0; first < rows; first += kBatch) {
        QList<Ticket> batch = gen.batch(first, qMin(kBatch, rows - first));
        QList<TicketEvent> events;
        for (Ticket &t : batch) {
            shape(t, rng, now);
            const int n = t.id.mid(6).toInt();
            if (eventsEvery > 0 && n % eventsEvery == 0 && t.firstResponseAt) {
                TicketEvent e;
                e.ticketId = t.id;
                e.version = 1;
                e.id = t.id + QStringLiteral("-r");
                e.kind = EventKind::Reply;
                e.at = *t.firstResponseAt;
                e.text = QStringLiteral("您好，我们已联系网点加急处理。");
                events.append(e);
                if (t.resolvedAt) {
                    e.id = t.id + QStringLiteral("-s");
                    e.kind = EventKind::StatusChange;
                    e.at = *t.resolvedAt;
                    e.text.clear();
                    e.data = QJsonObject{{QStringLiteral("from"), QStringLiteral("open")},
                                         {QStringLiteral("to"), QStringLiteral("resolved")}};
                    events.append(e);
                }
            }
        }
        if (!repo.upsert(batch, &error) || !repo.upsertEvents(events, &error))
            qFatal("upsert: %s", qPrintable(error));
    }
    // Parcels: 40 per ticket would be realistic; 400,000 delivered over the same span keep the build short.
    const qint64 span = now - kGenStart;
    ParcelRepository parcels(*db);
    for (int first = 0; first < 400000; first += kBatch) {
        QList<Parcel> batch;
        for (int i = first; i < first + kBatch; ++i) {
            Parcel p;
            p.waybillNo = QStringLiteral("JD%1").arg(i, 12, 10, QLatin1Char('0'));
            p.status = ParcelStatus::Delivered;
            p.deliveredAt = kGenStart + qint64(rng.bounded(quint32(span / 1000))) * 1000;
            p.promisedAt =
                *p.deliveredAt + (rng.bounded(100) < 85 ? 1 : -1) * qint64(rng.bounded(86400)) * 1000;
            p.version = 1;
            batch.append(p);
        }
        if (!parcels.upsert(batch, &error))
            qFatal("parcels: %s", qPrintable(error));
    }
    QList<User> users;
    for (int i = 0; i < 40; ++i) {
        User u;
        u.id = QStringLiteral("u-agent%1").arg(i);
        u.login = u.id;
        u.displayName = QStringLiteral("坐席 %1").arg(i);
        users.append(u);
    }
    if (!DirectoryRepository(*db).upsertUsers(users, &error))
        qFatal("users: %s", qPrintable(error));
    std::printf("cache: %d tickets (events on every %d-th), 400000 parcels built in %.1f s\n", rows,
                eventsEvery, double(timer.elapsed()) / 1000.0);
    return path;
}

struct Timing
{
    const char *name;
    std::function<void()> run;
    std::vector<double> ms;
    std::vector<double> cpuMs;
};

/// CPU time of the calling thread: on a shared machine the wall time also counts other processes' turns.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

struct FactCacheFigures
{
    double coldMs = 0, coldCpuMs = 0, openedMs = 0, openedCpuMs = 0, refreshMs = 0, refreshCpuMs = 0,
           teamMs = 0, teamCpuMs = 0;
    std::size_t changed = 0;
};

/// One minute of a busy centre, written through a second connection as the sync would; returns what puts
/// the cache back as it was (a kept bench cache stays the same from run to run).
std::function<void()> writeMinuteOfChanges(Database &writer, int round, qint64 now)
{
    TicketRepository repo(writer);
    QList<TicketRow> rows = repo.byPks([&] {
        QList<qint64> pks;
        for (int i = 0; i < 100; ++i)
            pks.append(900000 - round * 1000 - i * 7);
        return pks;
    }());
    QList<Ticket> tickets;
    QList<Ticket> originals;
    QList<TicketEvent> events;
    for (TicketRow &row : rows) {
        originals.append(row.ticket);
        Ticket &t = row.ticket;
        if (!t.firstResponseAt)
            t.firstResponseAt = now;
        else if (!t.resolvedAt) {
            t.status = TicketStatus::Resolved;
            t.resolvedAt = now;
            t.resolution = Resolution::Explained;
        } else {
            t.csat = 5;
        }
        ++t.version;
        tickets.append(t);
    }
    TicketGenerator gen;
    QList<Ticket> fresh = gen.batch(2000000 + round * 50, 50);
    for (Ticket &t : fresh) {
        t.createdAt = now - 30000;
        t.updatedAt = t.createdAt;
        TicketEvent e;
        e.ticketId = t.id;
        e.version = 1;
        e.id = t.id + QStringLiteral("-r");
        e.kind = EventKind::Reply;
        e.at = now;
        e.text = QStringLiteral("您好，已为您催件。");
        events.append(e);
    }
    tickets.append(fresh);
    QString error;
    if (!repo.upsert(tickets, &error) || !repo.upsertEvents(events, &error))
        qFatal("changes: %s", qPrintable(error));
    QStringList freshIds;
    for (const Ticket &t : fresh)
        freshIds.append(t.id);
    return [&writer, originals, freshIds]() mutable {
        for (Ticket &t : originals)
            t.version += 2;
        QString error;
        TicketRepository repo(writer);
        if (!repo.upsert(originals, &error) || !repo.remove(freshIds, &error))
            qFatal("undo: %s", qPrintable(error));
    };
}

FactCacheFigures measureFactCache(const QString &path, const KpiFilter &filter, qint64 now, int rounds)
{
    QString error;
    auto writer = Database::open(path, &error);
    if (!writer)
        qFatal("writer open: %s", qPrintable(error));
    // A connection of its own, set up as DashboardWorker's (no mmap: see KpiFactCache).
    auto reader = Database::open(path, &error);
    if (!reader)
        qFatal("reader open: %s", qPrintable(error));
    const KpiQueries q(*reader, QTimeZone("Asia/Shanghai"));
    std::vector<double> cold, coldCpu, opened, openedCpu, refresh, refreshCpu, team, teamCpu;
    FactCacheFigures out;
    for (int r = 0; r < rounds; ++r) {
        KpiFactCache cache;
        QElapsedTimer timer;
        double cpu0 = threadCpuMs();
        timer.start();
        (void)q.dashboard(filter, now, cache);
        cold.push_back(double(timer.nsecsElapsed()) / 1e6);
        coldCpu.push_back(threadCpuMs() - cpu0);

        const QString keptFile = path + u".bench-kpifacts"_s;
        if (!cache.save(keptFile, &error))
            qFatal("save: %s", qPrintable(error));
        const std::function<void()> undo = writeMinuteOfChanges(*writer, r, now);

        // The next session's first read: the facts kept at the last close, then what changed since.
        cpu0 = threadCpuMs();
        timer.start();
        KpiFactCache kept;
        if (!kept.load(keptFile, &error))
            qFatal("load: %s", qPrintable(error));
        (void)q.dashboard(filter, now, kept);
        opened.push_back(double(timer.nsecsElapsed()) / 1e6);
        openedCpu.push_back(threadCpuMs() - cpu0);
        if (kept.lastUpdate().fullRead)
            qFatal("the kept facts were not used");
        QFile::remove(keptFile);

        cpu0 = threadCpuMs();
        timer.start();
        (void)q.dashboard(filter, now, cache);
        refresh.push_back(double(timer.nsecsElapsed()) / 1e6);
        refreshCpu.push_back(threadCpuMs() - cpu0);
        if (cache.lastUpdate().fullRead)
            qFatal("the refresh read everything again");
        out.changed = cache.lastUpdate().changedTickets;

        KpiFilter oneTeam = filter;
        oneTeam.teamId = u"team-1"_s;
        cpu0 = threadCpuMs();
        timer.start();
        (void)q.dashboard(oneTeam, now, cache);
        team.push_back(double(timer.nsecsElapsed()) / 1e6);
        teamCpu.push_back(threadCpuMs() - cpu0);
        undo();
    }
    if (!q.lastError().isEmpty())
        qFatal("query: %s", qPrintable(q.lastError()));
    out.coldMs = bench::percentile(cold, 0.5);
    out.coldCpuMs = bench::percentile(coldCpu, 0.5);
    out.openedMs = bench::percentile(opened, 0.5);
    out.openedCpuMs = bench::percentile(openedCpu, 0.5);
    out.refreshMs = bench::percentile(refresh, 0.5);
    out.refreshCpuMs = bench::percentile(refreshCpu, 0.5);
    out.teamMs = bench::percentile(team, 0.5);
    out.teamCpuMs = bench::percentile(teamCpu, 0.5);
    return out;
}

void runAll(const QString &path, qint64 now, int rounds)
{
    QString error;
    auto db = Database::open(path, &error); // the worker's own connection
    if (!db)
        qFatal("worker open: %s", qPrintable(error));
    // As the dashboard's worker does (DashboardWorker::run); PD_BENCH_KPI_MMAP=0 measures without it.
    if (qEnvironmentVariable("PD_BENCH_KPI_MMAP") != u"0")
        execSql(db->handle(), "PRAGMA mmap_size = 1073741824", nullptr);
    const QTimeZone zone("Asia/Shanghai");
    const KpiQueries q(*db, zone);
    const KpiPeriod p = KpiPeriods::period(PeriodKind::Last30Days, now, zone);
    const KpiPeriod prev = KpiPeriods::previous(p, zone);
    const KpiFilter filter{p.from, p.to, {}, {}};
    const KpiFilter prevFilter{prev.from, prev.to, {}, {}};
    const QDate today = KpiPeriods::localDate(now, zone);

    QSqlQuery plan(db->connection());
    plan.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'"));
    QStringList indexes;
    while (plan.next())
        indexes.append(plan.value(0).toString());
    std::printf("schema %d, ticket indexes: %s\n", db->schemaVersion(), qPrintable(indexes.join(u", ")));

    DashboardData last;
    std::vector<Timing> timings{
        {"summary (period)", [&] { (void)q.summary(filter, now); }, {}, {}},
        {"summary (previous period)", [&] { (void)q.summary(prevFilter, now); }, {}, {}},
        {"byCategory", [&] { (void)q.byCategory(filter); }, {}, {}},
        {"hourlyIntake (today)", [&] { (void)q.hourlyIntake(today, filter); }, {}, {}},
        {"dailyCompliance (30 days)", [&] { (void)q.dailyCompliance(filter, now); }, {}, {}},
        {"backlogByAge (now)", [&] { (void)q.backlogByAge(filter, now); }, {}, {}},
        {"agents", [&] { (void)q.agents(filter, now); }, {}, {}},
        {"breaches (now)", [&] { (void)q.breaches(filter, now); }, {}, {}},
        {"dashboard() one read, all of the above", [&] { last = q.dashboard(filter, now); }, {}, {}},
        {"dashboard() filtered to one team",
         [&] {
             (void)q.dashboard({p.from, p.to, u"team-1"_s, {}}, now);
         },
         {},
         {}},
    };
    for (int r = 0; r < rounds; ++r) {
        for (Timing &t : timings) {
            QElapsedTimer timer;
            const double cpu0 = threadCpuMs();
            timer.start();
            t.run();
            t.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            t.cpuMs.push_back(threadCpuMs() - cpu0);
        }
    }
    if (!q.lastError().isEmpty())
        qFatal("query: %s", qPrintable(q.lastError()));
    std::printf("\n== 30-day period %s..%s, %d rounds, medians (worker thread) ==\n",
                qPrintable(p.firstDay.toString(Qt::ISODate)), qPrintable(p.lastDay.toString(Qt::ISODate)),
                rounds);
    double separate = 0;
    double separateCpu = 0;
    std::printf("%-42s %11s %11s\n", "query", "wall", "thread CPU");
    for (std::size_t i = 0; i < timings.size(); ++i) {
        const double m = bench::percentile(timings[i].ms, 0.5);
        const double c = bench::percentile(timings[i].cpuMs, 0.5);
        if (i < 8) {
            separate += m;
            separateCpu += c;
        }
        std::printf("%-42s %8.1f ms %8.1f ms\n", timings[i].name, m, c);
    }
    std::printf("%-42s %8.1f ms %8.1f ms\n", "sum of the 8 separate queries", separate, separateCpu);

    // What the dashboard does (DashboardWorker): the facts stay in memory between refreshes and only the
    // tickets the change log names are read again. Between rounds another connection writes what a busy
    // minute brings: 100 tickets answered or resolved, 50 new ones, 50 replies (not timed).
    const FactCacheFigures cached = measureFactCache(path, filter, now, rounds);
    std::printf("%-42s %8.1f ms %8.1f ms\n", "first read into the fact cache (cold)", cached.coldMs,
                cached.coldCpuMs);
    std::printf("%-42s %8.1f ms %8.1f ms\n", "first read from the facts kept at last close", cached.openedMs,
                cached.openedCpuMs);
    std::printf("%-42s %8.1f ms %8.1f ms   (%zu tickets re-read)\n", "refresh after a minute of changes",
                cached.refreshMs, cached.refreshCpuMs, cached.changed);
    std::printf("%-42s %8.1f ms %8.1f ms\n", "refresh, one team (facts held)", cached.teamMs,
                cached.teamCpuMs);
    std::printf("read-everything dashboard() for comparison  %8.1f ms %8.1f ms\n",
                bench::percentile(timings[8].ms, 0.5), bench::percentile(timings[8].cpuMs, 0.5));
    std::printf(
        "TOTAL dashboard refresh (fact cache)       %8.1f ms %8.1f ms   (goal < 300 ms)  %.1fx faster\n",
        cached.refreshMs, cached.refreshCpuMs, bench::percentile(timings[8].ms, 0.5) / cached.refreshMs);
    std::printf("load average at the end: %s\n", qPrintable(loadAverage()));
    std::printf(
        "\nfigures: created %lld, FR compliance %.3f, median FR %.1f min, backlog %lld, breaches %lld, "
        "agents %lld\n",
        last.current.created, last.current.firstResponseCompliance.value().value_or(-1),
        last.current.firstResponse.medianMs.value_or(-1) / 60000.0, last.current.backlog,
        qint64(last.breaches.size()), qint64(last.agents.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int rows = envInt("PD_BENCH_KPI_ROWS", 1000000);
    const int rounds = envInt("PD_BENCH_ROUNDS", 5);
    const int eventsEvery = envInt("PD_BENCH_EVENTS_EVERY", 10);
    const qint64 now = kGenStart + qint64(rows) * 6000 + 10 * kMin; // just after the last ticket
    // PD_BENCH_KPI_CACHE=<file> keeps the cache between runs (built when it does not hold `rows` tickets).
    QTemporaryDir dir;
    const QString keep = qEnvironmentVariable("PD_BENCH_KPI_CACHE");
    const QString path = buildCache(keep.isEmpty() ? dir.filePath(QStringLiteral("kpi.sqlite")) : keep, rows,
                                    eventsEvery, now);
    QThread *worker = QThread::create([&] { runAll(path, now, rounds); });
    worker->start();
    worker->wait();
    delete worker;
    return 0;
}
