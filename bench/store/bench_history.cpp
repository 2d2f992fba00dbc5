// Customer history (models/store/customerhistoryrepository.h) in a large cache: the ticket pane asks for it
// on the GUI thread whenever a ticket is opened. Goal (issue 22): a phone with 1,000 tickets in a
// 1,000,000-ticket cache < 20 ms. The cache is encrypted as in production (phones found through their keyed
// tokens).
#include "bench/common/stats.h"
#include "bench/common/ticketgen.h"
#include "models/store/customerhistoryrepository.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pd;
using pd::bench::TicketGenerator;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

const QString kFrequentPhone = u"13900001234"_s;

/// One ticket in every rows / frequent carries kFrequentPhone: the customer who called 1,000 times.
std::unique_ptr<Database> buildCache(const QString &path, int rows, int frequent, Ticket &sample,
                                     Ticket &ordinary)
{
    QString error;
    auto db = Database::open(path, &error);
    if (!db)
        qFatal("open: %s", qPrintable(error));
    TicketRepository repo(*db);
    TicketGenerator gen;
    const int every = rows / frequent;
    QElapsedTimer build;
    build.start();
    for (int start = 0; start < rows; start += 50000) {
        QList<Ticket> batch = gen.batch(start, qMin(50000, rows - start));
        for (int k = 0; k < batch.size(); ++k) {
            if ((start + k) % every == 0) {
                batch[k].customerPhone = kFrequentPhone;
                sample = batch[k];
            } else if (start + k == rows / 2 + 1) {
                ordinary = batch[k];
            }
        }
        if (!repo.upsert(batch, &error))
            qFatal("upsert: %s", qPrintable(error));
    }
    std::printf("cache built in %.1f s (%d tickets, %.0f MiB, encrypted)\n", double(build.elapsed()) / 1000.0,
                repo.totalCount(), double(QFileInfo(db->path()).size()) / 1048576.0);
    return db;
}

void timeHistory(const Database &db, const Ticket &ticket, const User &reader, int queries, const char *label)
{
    const CustomerHistoryRepository history(db);
    std::vector<double> ms;
    int found = 0;
    for (int i = 0; i < queries; ++i) {
        QElapsedTimer t;
        t.start();
        const CustomerHistory h = history.forTicket(ticket, reader, ticket.createdAt + 1000);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        found = h.total;
    }
    std::printf("%-34s %5d other tickets: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (goal < 20 ms)\n", label,
                found, bench::percentile(ms, 0.5), bench::percentile(ms, 0.99), bench::percentile(ms, 1.0));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = envInt("PD_BENCH_HISTORY_ROWS", 1000000);
    const int frequent = envInt("PD_BENCH_HISTORY_FREQUENT", 1000);
    const int queries = envInt("PD_BENCH_QUERIES", 200);
    std::printf("== customer history over %d tickets, one phone on %d of them, %d look-ups each ==\n", rows,
                frequent, queries);
    QTemporaryDir dir;
    Ticket sample, ordinary;
    const auto db = buildCache(dir.filePath(u"history.sqlite"_s), rows, frequent, sample, ordinary);
    const User supervisor{u"u-lead"_s, u"lead1"_s, u"主管"_s, Role::Supervisor, u"team-a"_s, false, 1};
    timeHistory(*db, sample, supervisor, queries, "phone with many tickets:");
    timeHistory(*db, ordinary, supervisor, queries, "an ordinary customer:");
    return 0;
}
