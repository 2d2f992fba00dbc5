// Weekly report benchmark (issue "Weekly reports for managers"): one ISO week of 200,000 tickets (env
// PD_BENCH_REPORT_ROWS) written to XLSX and to PDF. Each export runs in a child process so its peak memory
// (VmHWM) is its own; prints the median of PD_BENCH_RUNS runs (default 3) next to the goal. Figures only.
#include "../common/ticketgen.h"
#include "models/store/database.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "reports/reportexporter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pd;

namespace {

const QTimeZone &zone()
{
    static const QTimeZone z("Asia/Shanghai");
    return z;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

/// Peak resident memory of this process in MB (Linux /proc/self/status VmHWM).
double peakMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

void fill(const QString &path, int rows, const IsoWeek &week)
{
    QString error;
    auto db = Database::open(path, &error);
    if (!db)
        qFatal("cache: %s", qPrintable(error));
    const KpiPeriod p = week.period(zone());
    const qint64 step = (p.to - p.from) / rows;
    bench::TicketGenerator gen;
    TicketRepository repo(*db);
    ParcelRepository parcels(*db);
    constexpr int kBatch = 20000;
    for (int first = 0; first < rows; first += kBatch) {
        QList<Ticket> batch = gen.batch(first, std::min(kBatch, rows - first));
        QList<Parcel> ps;
        for (int i = 0; i < batch.size(); ++i) {
            Ticket &t = batch[i];
            const qint64 offset = t.firstResponseAt ? *t.firstResponseAt - t.createdAt : 0;
            t.createdAt = p.from + qint64(first + i) * step;
            if (t.firstResponseAt)
                t.firstResponseAt = t.createdAt + offset;
            t.resolvedAt.reset();
            t.closedAt.reset();
            t.updatedAt = t.createdAt + offset;
            Parcel parcel;
            parcel.waybillNo = t.waybillNo;
            parcel.status = ParcelStatus::Delivered;
            parcel.deliveredAt = t.createdAt;
            parcel.stationId = QStringLiteral("st-%1").arg((first + i) % 300);
            parcel.courierId = QStringLiteral("co-%1").arg((first + i) % 4000);
            parcel.version = 1;
            ps.append(parcel);
        }
        if (!repo.upsert(batch, &error) || !parcels.upsert(ps, &error))
            qFatal("upsert: %s", qPrintable(error));
    }
}

/// Child: one export; prints "<seconds> <peak MB>".
int exportOnce(const QString &cache, const QString &format, const QString &out)
{
    QString error;
    auto db = Database::open(cache, &error);
    if (!db)
        return 1;
    const IsoWeek week = *IsoWeek::of(2026, 47);
    QElapsedTimer timer;
    timer.start();
    const WeeklyReportBuilder builder(*db, zone());
    const auto report = builder.build(week, {}, week.period(zone()).to + 3600 * 1000);
    if (!report)
        return 1;
    const qint64 buildMs = timer.elapsed();
    ReportExporter exporter(builder, *report);
    const ExportResult r = format == u"pdf"
                               ? exporter.writePdf(QDir(out).filePath(QStringLiteral("r.pdf")))
                               : exporter.writeXlsx(QDir(out).filePath(QStringLiteral("r.xlsx")));
    if (!r.ok)
        return 1;
    std::printf("%.3f %.1f %.3f\n", double(timer.elapsed()) / 1000.0, peakMb(), double(buildMs) / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args[1] == u"--export")
        return exportOnce(args[2], args[3], args[4]);

    const int rows = envInt("PD_BENCH_REPORT_ROWS", 200000);
    const int runs = envInt("PD_BENCH_RUNS", 3);
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    QElapsedTimer timer;
    timer.start();
    fill(cache, rows, *IsoWeek::of(2026, 47));
    std::printf("cache: %d tickets in 2026-W47 written in %.1f s\n", rows, double(timer.elapsed()) / 1000.0);
    std::fflush(stdout);
    std::fflush(stdout);

    struct Goal
    {
        const char *format;
        double seconds;
        double mb;
    };
    for (const Goal &g : {Goal{"xlsx", 30, 300}, Goal{"pdf", 5, 0}}) {
        std::vector<double> secs, mbs, builds;
        for (int i = 0; i < runs; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--export"), cache, QString::fromLatin1(g.format), dir.path()});
            if (!child.waitForFinished(600000) || child.exitCode() != 0)
                qFatal("export %s failed: %s", g.format, child.readAllStandardError().constData());
            const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
            secs.push_back(parts.value(0).toDouble());
            mbs.push_back(parts.value(1).toDouble());
            builds.push_back(parts.value(2).toDouble());
        }
        std::fflush(stdout);
        const QString file = dir.filePath(QStringLiteral("r.") + QString::fromLatin1(g.format));
        std::printf("%-4s %d tickets: median %.2f s (goal < %.0f s; reading the cache %.2f s of it), peak "
                    "memory median "
                    "%.0f MB%s, file %.1f MB\n",
                    g.format, rows, median(secs), g.seconds, median(builds), median(mbs),
                    g.mb > 0 ? qPrintable(QStringLiteral(" (goal < %1 MB)").arg(g.mb)) : "",
                    double(QFileInfo(file).size()) / 1048576.0);
    }
    return 0;
}
