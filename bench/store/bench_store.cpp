// Local cache benchmarks (issue "Foundation"): bulk upsert through the repository against the raw sqlite3
// C API into the same schema with the same statement, and search latency over a cache of 1,000,000 tickets,
// with customer data encryption off (as before issue 17) and on, in one run. The raw side binds values in
// clear (the SQLite floor); the repository seals customer fields and free text.
// Prints figures only; nothing here passes or fails.
#include "../common/ticketgen.h"
#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/searchindex.h"
#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::bench::TicketGenerator;

namespace {

int kBatch = 10000; // PD_BENCH_BATCH overrides

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

void bindText(sqlite3_stmt *st, int i, const QString &s, bool nullWhenEmpty = false)
{
    if (nullWhenEmpty && s.isEmpty()) {
        sqlite3_bind_null(st, i);
        return;
    }
    const QByteArray u = s.toUtf8();
    sqlite3_bind_text(st, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
}

template<typename T>
void bindOpt(sqlite3_stmt *st, int i, const std::optional<T> &v)
{
    if (v)
        sqlite3_bind_int64(st, i, *v);
    else
        sqlite3_bind_null(st, i);
}

// The same rows, the same statement, the same schema and tokenizer, with nothing between us and SQLite.
double rawInsert(const QString &path, const QList<Ticket> &rows)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    QString error;
    if (!Database::prepareRawConnection(db, &error))
        qFatal("raw connection: %s", qPrintable(error));
    sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, TicketRepository::upsertStatement(), -1, &st, nullptr) != SQLITE_OK)
        qFatal("prepare: %s", sqlite3_errmsg(db));
    QElapsedTimer timer;
    timer.start();
    for (qsizetype start = 0; start < rows.size(); start += kBatch) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (qsizetype r = start; r < qMin(rows.size(), start + kBatch); ++r) {
            const Ticket &t = rows.at(r);
            int i = 1;
            bindText(st, i++, t.id);
            bindText(st, i++, t.number);
            bindText(st, i++, t.waybillNo);
            bindText(st, i++, t.description);
            bindText(st, i++, t.customerName);
            bindText(st, i++, t.customerPhone);
            bindText(st, i++, Validation::phoneTail(t.customerPhone));
            bindText(st, i++, toCode(t.channel));
            bindText(st, i++, toCode(t.category));
            bindText(st, i++, toCode(t.priority));
            bindText(st, i++, toCode(t.status));
            bindText(st, i++, t.teamId, true);
            bindText(st, i++, t.assigneeId, true);
            sqlite3_bind_int64(st, i++, t.createdAt);
            bindOpt(st, i++, t.firstResponseAt);
            bindOpt(st, i++, t.resolvedAt);
            bindOpt(st, i++, t.closedAt);
            if (t.resolution)
                bindText(st, i++, toCode(*t.resolution));
            else
                sqlite3_bind_null(st, i++);
            bindOpt(st, i++, t.compensationFen);
            bindOpt(st, i++, t.csat);
            bindOpt(st, i++, t.nps);
            bindOpt(st, i++, t.followUpAt);
            bindOpt(st, i++, t.followUpDoneAt);
            sqlite3_bind_int64(st, i++, t.version);
            sqlite3_bind_int64(st, i++, t.updatedAt);
            sqlite3_bind_int(st, i++, 0);
            if (sqlite3_step(st) != SQLITE_DONE)
                qFatal("step: %s", sqlite3_errmsg(db));
            sqlite3_reset(st);
        }
        if (!SearchIndex::flush(db, &error)) // the same schema includes the same index maintenance
            qFatal("flush: %s", qPrintable(error));
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ms;
}

double repositoryInsert(const QString &path, const QList<Ticket> &rows)
{
    QString error;
    auto db = Database::open(path, &error);
    if (!db)
        qFatal("open: %s", qPrintable(error));
    TicketRepository repo(*db);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype start = 0; start < rows.size(); start += kBatch) {
        if (!repo.upsert(rows.mid(start, kBatch), &error))
            qFatal("upsert: %s", qPrintable(error));
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

QString freshSchema(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QString error;
    if (!Database::open(path, &error)) // creates the schema, then closes
        qFatal("schema: %s", qPrintable(error));
    return path;
}

void benchUpsert(int rows, int rounds)
{
    std::printf("== bulk upsert: %d tickets, %d rounds, batches of %d in one transaction each ==\n", rows,
                rounds, kBatch);
    TicketGenerator gen;
    const QList<Ticket> data = gen.batch(0, rows);
    std::vector<double> repoRates, rawRates, ratios;
    for (int r = 0; r < rounds; ++r) {
        QTemporaryDir dir;
        // Alternate the order so neither side always runs on a warmer page cache.
        double repoMs = 0, rawMs = 0;
        if (r % 2 == 0) {
            repoMs = repositoryInsert(freshSchema(dir, u"repo.sqlite"_s), data);
            rawMs = rawInsert(freshSchema(dir, u"raw.sqlite"_s), data);
        } else {
            rawMs = rawInsert(freshSchema(dir, u"raw.sqlite"_s), data);
            repoMs = repositoryInsert(freshSchema(dir, u"repo.sqlite"_s), data);
        }
        const double repoRate = rows / (repoMs / 1000.0);
        const double rawRate = rows / (rawMs / 1000.0);
        repoRates.push_back(repoRate);
        rawRates.push_back(rawRate);
        ratios.push_back(repoRate / rawRate);
        std::printf(
            "round %d: repository %.0f rows/s (%.0f ms), raw sqlite3 %.0f rows/s (%.0f ms), ratio %.2f\n",
            r + 1, repoRate, repoMs, rawRate, rawMs, repoRate / rawRate);
    }
    std::printf(
        "upsert median: repository %.0f rows/s, raw sqlite3 %.0f rows/s, ratio %.2f (goal >= 0.50)\n\n",
        bench::percentile(repoRates, 0.5), bench::percentile(rawRates, 0.5), bench::percentile(ratios, 0.5));
}

struct SearchFigures
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    double meanHits = 0;
};

/// Builds a cache of @p rows tickets (encrypted or with encryption turned off) and times the searches.
std::vector<SearchFigures> searchCache(int rows, int queriesPerKind, bool encrypted, const QStringList &words,
                                       QStringList &names, QStringList &phones)
{
    CacheKeys::setEncryptionDisabled(!encrypted);
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(encrypted ? u"sealed.sqlite"_s : u"plain.sqlite"_s), &error);
    if (!db)
        qFatal("open: %s", qPrintable(error));
    TicketRepository repo(*db);
    TicketGenerator gen;
    QElapsedTimer build;
    build.start();
    const bool collect = names.isEmpty();
    for (int start = 0; start < rows; start += 50000) {
        const QList<Ticket> batch = gen.batch(start, qMin(50000, rows - start));
        for (int k = 0; collect && k < batch.size(); k += 997) {
            // Two-character names (王芳), the hardest for a full-text index; the most common in the data.
            for (int j = k; j < batch.size(); ++j) {
                if (batch[j].customerName.size() == 2) {
                    names.append(batch[j].customerName);
                    break;
                }
            }
            phones.append(batch[k].customerPhone.right(4));
        }
        if (!repo.upsert(batch, &error))
            qFatal("upsert: %s", qPrintable(error));
    }
    std::printf("%s: cache built in %.1f s (%d tickets, %.0f MiB)\n",
                encrypted ? "encryption on " : "encryption off", double(build.elapsed()) / 1000.0,
                repo.totalCount(), double(QFileInfo(db->path()).size()) / 1048576.0);

    TicketSearch search(*db);
    QRandomGenerator rng(7);
    const std::vector<std::function<QString(int)>> kinds{
        [&](int) { return TicketGenerator::waybill(int(rng.bounded(rows))); },
        [&](int i) { return phones.at(i % phones.size()); },
        [&](int i) { return words.at(i % words.size()); },
        [&](int i) { return names.at(i % names.size()); },
    };
    std::vector<SearchFigures> out;
    for (const auto &query : kinds) {
        std::vector<double> ms;
        qint64 hitsTotal = 0;
        for (int i = 0; i < queriesPerKind; ++i) {
            const QString q = query(i);
            QElapsedTimer t;
            t.start();
            const auto hits = search.search(q, 200);
            QList<qint64> pks;
            for (int k = 0; k < qMin(50, int(hits.size())); ++k)
                pks.append(hits[k].pk);
            const auto loaded = repo.byPks(pks);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            hitsTotal += hits.size();
            if (loaded.size() != pks.size() ||
                (!pks.isEmpty() && loaded.first().ticket.customerName.isEmpty()))
                qFatal("rows missing or unreadable for %s", qPrintable(q));
        }
        out.push_back({bench::percentile(ms, 0.5), bench::percentile(ms, 0.95), bench::percentile(ms, 1.0),
                       double(hitsTotal) / queriesPerKind});
    }
    CacheKeys::setEncryptionDisabled(false);
    return out;
}

void benchSearch(int rows, int queriesPerKind)
{
    std::printf("== search over %d tickets, %d queries per kind (search + loading and opening the first 50 "
                "rows), encryption off (as before) and on ==\n",
                rows, queriesPerKind);
    const QStringList words =
        QString::fromUtf8("延迟 破损 丢件 态度 签收 爆仓 受潮 冒领").split(QLatin1Char(' '));
    QStringList names, phones;
    const auto plain = searchCache(rows, queriesPerKind, false, words, names, phones);
    const auto sealed = searchCache(rows, queriesPerKind, true, words, names, phones);
    const char *labels[] = {"waybill", "phone tail", "chinese 2-char word", "2-char customer name"};
    for (std::size_t k = 0; k < plain.size(); ++k) {
        std::printf("%-20s off: p50 %6.2f ms  p95 %6.2f ms | on: p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  "
                    "(mean hits %.1f / %.1f; goal p95 <= 50 ms)\n",
                    labels[k], plain[k].p50, plain[k].p95, sealed[k].p50, sealed[k].p95, sealed[k].max,
                    plain[k].meanHits, sealed[k].meanHits);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    kBatch = envInt("PD_BENCH_BATCH", kBatch);
    kBatch = envInt("PD_BENCH_BATCH", kBatch);
    const int upsertRows = envInt("PD_BENCH_UPSERT_ROWS", 200000);
    const int searchRows = envInt("PD_BENCH_SEARCH_ROWS", 1000000);
    benchUpsert(upsertRows, envInt("PD_BENCH_ROUNDS", 3));
    benchSearch(searchRows, envInt("PD_BENCH_QUERIES", 200));
    return 0;
}
