#include "importcommand.h"

#include "cliutil.h"

#include "server/appeals/appealimportcommand.h"

#include "server/importer/csvimport.h"
#include "server/importer/trackingcsv.h"
#include "server/importer/trackingingest.h"
#include "server/storage/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>

#include <cstdio>

namespace pd::server {

namespace {
constexpr qsizetype kChunk = TrackingIngest::kMaxItems;

/// @brief The rows of @p csv that are malformed or name an unknown waybill, printed; how many.
int checkTracking(DocumentStore &docs, TrackingCsv &csv, const QString &name)
{
    int rejected = 0;
    QList<TrackingCsv::Line> lines;
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (csv.next(kChunk, &lines, &error)) {
        TrackingIngest check(docs, now);
        QHash<QString, int> lineOf;
        for (const TrackingCsv::Line &l : std::as_const(lines)) {
            JsonError e;
            if (!check.addEvent(l.event, QStringLiteral("row"), &e)) {
                printOut(ImportCommand::tr("REJECTED %1 line %2 %3: %4")
                             .arg(name)
                             .arg(l.line)
                             .arg(e.field.mid(4), e.message));
                ++rejected;
            } else {
                lineOf.insert(l.event.value(QStringLiteral("waybill_no")).toString(), l.line);
            }
        }
        const QStringList waybills = lineOf.keys();
        const QHash<QString, Doc> known = docs.getMany(DocType::Parcel, waybills);
        for (const QString &w : waybills) {
            if (!known.contains(w) || known.value(w).deleted) {
                printOut(ImportCommand::tr("REJECTED %1 line %2 waybill_no: no parcel with waybill %3")
                             .arg(name)
                             .arg(lineOf.value(w))
                             .arg(w));
                ++rejected;
            }
        }
    }
    if (!error.isEmpty()) {
        printErr(error);
        ++rejected;
    }
    return rejected;
}

/// @brief Writes the scans of @p csv, one transaction per chunk; false (printed) on the first bad chunk.
bool writeTracking(DocumentStore &docs, TrackingCsv &csv, IngestResult *total)
{
    QList<TrackingCsv::Line> lines;
    QString error;
    while (csv.next(kChunk, &lines, &error)) {
        TrackingIngest batch(docs, QDateTime::currentMSecsSinceEpoch());
        JsonError e;
        bool good = true;
        for (const TrackingCsv::Line &l : std::as_const(lines)) {
            // The path of a scan is its line, so a message names it.
            if (!batch.addEvent(l.event, QString::number(l.line), &e)) {
                good = false;
                break;
            }
        }
        WriteTx tx(docs.db());
        IngestResult r;
        if (good)
            good = batch.write(tx, &r, &e);
        if (!good) {
            printErr(ImportCommand::tr("REJECTED line %1 %2: %3")
                         .arg(e.field.section(QLatin1Char('.'), 0, 0), e.field.section(QLatin1Char('.'), 1),
                              e.message));
            return false;
        }
        tx.commit();
        total->events += r.events;
        total->duplicates += r.duplicates;
        std::fprintf(stderr, "%s\n", qPrintable(ImportCommand::tr("… %1 scans written").arg(total->events)));
    }
    if (!error.isEmpty()) {
        printErr(error);
        return false;
    }
    return true;
}
} // namespace

bool ImportCommand::checkTrackingFile(DocumentStore &docs, const QString &path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        printErr(tr("Cannot read %1: %2").arg(path, in.errorString()));
        return false;
    }
    TrackingCsv csv(in);
    if (const int rejected = checkTracking(docs, csv, path); rejected > 0) {
        printOut(tr("%1 tracking rows rejected.").arg(rejected));
        return false;
    }
    return true;
}

int ImportCommand::importTracking(DocumentStore &docs, const QString &path)
{
    const bool stream = path == QLatin1String("-");
    QFile in;
    const auto open = [&] {
        in.close();
        return stream ? in.open(stdin, QIODevice::ReadOnly)
                      : (in.setFileName(path), in.open(QIODevice::ReadOnly));
    };
    if (!open()) {
        printErr(tr("Cannot read %1: %2").arg(path, in.errorString()));
        return 1;
    }
    if (!stream) {
        // A file is checked whole first: nothing is written unless every row is valid.
        TrackingCsv check(in);
        if (const int rejected = checkTracking(docs, check, path); rejected > 0) {
            printOut(tr("%1 tracking rows rejected. Nothing was imported.").arg(rejected));
            return 1;
        }
        if (!open()) {
            printErr(tr("Cannot read %1: %2").arg(path, in.errorString()));
            return 1;
        }
    }
    QElapsedTimer timer;
    timer.start();
    TrackingCsv csv(in);
    IngestResult total;
    const bool ok = writeTracking(docs, csv, &total);
    const double seconds = std::max<qint64>(1, timer.elapsed()) / 1000.0;
    printOut(tr("Imported %1 scans (%2 already stored) in %3 s: %4 scans/s.")
                 .arg(total.events)
                 .arg(total.duplicates)
                 .arg(seconds, 0, 'f', 1)
                 .arg(qRound64(double(total.events) / seconds)));
    if (!ok && stream)
        printOut(tr("The stream stopped at the rejected row; the scans before its chunk were imported."));
    return ok ? 0 : 1;
}

int ImportCommand::run(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1StringView("appeals")) // docs/appeals.md
        return AppealImportCommand::run(QStringList(arguments).mid(0, 1) + arguments.mid(2));
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import historical tickets and parcels from CSV (UTF-8). Nothing is "
                                        "written unless every row is valid."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), tr("Database URL."), QStringLiteral("url"),
                                   defaultDbUrl());
    const QCommandLineOption ticketsOpt(QStringLiteral("tickets"), tr("Tickets CSV file."),
                                        QStringLiteral("file"));
    const QCommandLineOption parcelsOpt(QStringLiteral("parcels"), tr("Parcels CSV file."),
                                        QStringLiteral("file"));
    const QCommandLineOption trackingOpt(
        QStringLiteral("tracking"),
        tr("Tracking events (scans) CSV file, after the parcels; - reads a stream from standard input."),
        QStringLiteral("file"));
    const QCommandLineOption dryOpt(QStringLiteral("dry-run"), tr("Check only; write nothing."));
    parser.addOptions({dbOpt, ticketsOpt, parcelsOpt, trackingOpt, dryOpt});
    if (const auto exitCode = parseOrExit(parser, arguments))
        return *exitCode;
    if (!parser.isSet(ticketsOpt) && !parser.isSet(parcelsOpt) && !parser.isSet(trackingOpt)) {
        printErr(tr("Give --tickets FILE.csv, --parcels FILE.csv and/or --tracking FILE.csv."));
        return 2;
    }
    try {
        auto db = Database::open(parser.value(dbOpt));
        DocumentStore docs(*db);
        CsvImport import(docs);
        QString error;
        // Parcels first: tickets may name them.
        if (parser.isSet(parcelsOpt) && !import.loadParcels(parser.value(parcelsOpt), &error)) {
            printErr(error);
            return 1;
        }
        if (parser.isSet(ticketsOpt) && !import.loadTickets(parser.value(ticketsOpt), &error)) {
            printErr(error);
            return 1;
        }
        for (const RejectedRow &r : import.rejected())
            printOut(tr("REJECTED %1 line %2 %3: %4").arg(r.file).arg(r.line).arg(r.field, r.message));
        printOut(tr("Checked %1 tickets and %2 parcels: %3 rows rejected.")
                     .arg(import.ticketCount())
                     .arg(import.parcelCount())
                     .arg(import.rejected().size()));
        if (!import.rejected().isEmpty()) {
            printOut(tr("Nothing was imported."));
            return 1;
        }
        if (parser.isSet(dryOpt)) {
            if (parser.isSet(trackingOpt) && parser.value(trackingOpt) != QLatin1String("-") &&
                !checkTrackingFile(docs, parser.value(trackingOpt)))
                return 1;
            printOut(tr("Dry run: nothing was written."));
            return 0;
        }
        if (import.ticketCount() + import.parcelCount() > 0) {
            const qsizetype n = import.commit(QDateTime::currentMSecsSinceEpoch());
            printOut(tr("Imported %1 rows.").arg(n));
        }
        if (parser.isSet(trackingOpt))
            return importTracking(docs, parser.value(trackingOpt));
        return 0;
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

} // namespace pd::server
