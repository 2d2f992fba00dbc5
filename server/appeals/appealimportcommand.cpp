#include "appealimportcommand.h"

#include "appealcsv.h"
#include "appealservice.h"

#include "server/cli/cliutil.h"
#include "server/storage/database.h"

#include <QCommandLineParser>
#include <QFile>

using namespace Qt::StringLiterals;

namespace pd::server {

int AppealImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import the appeals forwarded by the regulator from its CSV export "
                                        "(UTF-8). Nothing is written unless every row is valid; an appeal "
                                        "imported before is left as it is."));
    parser.addHelpOption();
    const QCommandLineOption dbOpt(u"db"_s, tr("Database URL."), u"url"_s, defaultDbUrl());
    const QCommandLineOption dryOpt(u"dry-run"_s, tr("Check only; write nothing."));
    parser.addOptions({dbOpt, dryOpt});
    parser.addPositionalArgument(u"file"_s, tr("The regulator's CSV export."));
    if (const auto exitCode = parseOrExit(parser, arguments))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        printErr(tr("Give one CSV file: parceldesk-server import appeals FILE.csv"));
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return 1;
    }
    QList<AppealCsv::Row> rows;
    QString error;
    if (!AppealCsv::read(file.readAll(), &rows, &error)) {
        printErr(error);
        return 1;
    }
    try {
        auto db = Database::open(parser.value(dbOpt));
        DocumentStore docs(*db);
        TicketStore store(docs);
        SystemClock clock;
        AppealService service(store, clock);
        QList<AppealInput> inputs;
        int rejected = 0;
        for (const AppealCsv::Row &row : std::as_const(rows)) {
            try {
                inputs.append(service.parse(row.appeal));
            } catch (const ApiError &e) {
                printOut(
                    tr("REJECTED %1 line %2 %3: %4").arg(path).arg(row.line).arg(e.field(), e.message()));
                ++rejected;
            }
        }
        if (rejected > 0) {
            printOut(tr("%1 of %2 appeals rejected. Nothing was imported.").arg(rejected).arg(rows.size()));
            return 1;
        }
        if (parser.isSet(dryOpt)) {
            printOut(tr("Checked %1 appeals. Dry run: nothing was written.").arg(inputs.size()));
            return 0;
        }
        int created = 0;
        for (const AppealInput &in : std::as_const(inputs))
            created += service.importAppeal(Actor::server(), in).created ? 1 : 0;
        printOut(tr("Imported %1 appeals (%2 imported before, left as they were).")
                     .arg(created)
                     .arg(inputs.size() - created));
        return 0;
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

} // namespace pd::server
