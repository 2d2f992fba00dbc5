#include "importcommand.h"

#include "cliutil.h"

#include "server/importer/csvimport.h"
#include "server/storage/database.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace pd::server {

int ImportCommand::run(const QStringList &arguments)
{
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
    const QCommandLineOption dryOpt(QStringLiteral("dry-run"), tr("Check only; write nothing."));
    parser.addOptions({dbOpt, ticketsOpt, parcelsOpt, dryOpt});
    if (!parser.parse(arguments)) {
        printErr(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return 0;
    }
    if (!parser.isSet(ticketsOpt) && !parser.isSet(parcelsOpt)) {
        printErr(tr("Give --tickets FILE.csv and/or --parcels FILE.csv."));
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
            printOut(tr("Dry run: nothing was written."));
            return 0;
        }
        const qsizetype n = import.commit(QDateTime::currentMSecsSinceEpoch());
        printOut(tr("Imported %1 rows.").arg(n));
        return 0;
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

} // namespace pd::server
