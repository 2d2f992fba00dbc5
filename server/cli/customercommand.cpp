#include "customercommand.h"

#include "cliutil.h"
#include "customereraser.h"

#include "server/storage/database.h"

#include "models/domain/validation.h"

#include <QCommandLineParser>

namespace pd::server {

int CustomerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Erase a customer's name, phone number and addresses from every record on the server."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("erase"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), tr("Database URL (sqlite:PATH or postgresql://…)."),
                                   QStringLiteral("url"), defaultDbUrl());
    const QCommandLineOption phoneOpt(QStringLiteral("phone"), tr("The customer's phone number."),
                                      QStringLiteral("number"));
    parser.addOptions({dbOpt, phoneOpt});
    if (const auto exitCode = parseOrExit(parser, arguments))
        return *exitCode;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1 || pos.first() != QLatin1StringView("erase") || !parser.isSet(phoneOpt)) {
        printErr(tr("Usage: parceldesk-server customer erase --phone NUMBER [--db URL]"));
        return 2;
    }
    const PhoneCheck phone = Validation::checkPhone(parser.value(phoneOpt));
    if (!phone.valid) {
        printErr(tr("--phone: %1").arg(phone.message));
        return 2;
    }
    try {
        auto db = Database::open(parser.value(dbOpt));
        DocumentStore docs(*db);
        SystemClock clock;
        const CustomerEraser::Counts counts = CustomerEraser(docs, clock).eraseByPhone(phone.normalized);
        // The number itself is not printed: terminal logs are kept too.
        printOut(tr("Erased: %1 (%2 records changed).").arg(counts.summary()).arg(counts.total()));
        return 0;
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

} // namespace pd::server
