#include "customercommand.h"

#include "cliutil.h"
#include "customereraser.h"

#include "server/api/apierror.h"
#include "server/api/keyaccountservice.h"
#include "server/storage/database.h"

#include "models/domain/validation.h"

#include <QCommandLineParser>

namespace pd::server {

namespace {
/// `customer key-account`: registers the number (or with @p remove takes it off), re-flags its open tickets.
int keyAccount(Database &db, const QString &phone, const QString &label, bool remove)
{
    DocumentStore docs(db);
    TicketStore tickets(docs);
    SystemClock clock;
    KeyAccountService service(tickets, clock);
    try {
        const Actor actor = Actor::server();
        const QString login = QStringLiteral("cli");
        const auto c = remove ? service.remove(actor, login, phone) : service.set(actor, login, phone, label);
        if (remove && !c.changed)
            printOut(CustomerCommand::tr("%1 was not a key account.").arg(c.phoneMasked));
        else if (remove)
            printOut(CustomerCommand::tr("%1 is no longer a key account (%2 open tickets updated).")
                         .arg(c.phoneMasked)
                         .arg(c.reflagged));
        else
            printOut(CustomerCommand::tr("%1 is a key account (%2 open tickets updated).")
                         .arg(c.phoneMasked)
                         .arg(c.reflagged));
        return 0;
    } catch (const ApiError &e) {
        printErr(CustomerCommand::tr("--%1: %2").arg(e.field(), e.message()));
        return 2;
    }
}
} // namespace

int CustomerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Erase a customer's name, phone number and addresses from every record on the server, or mark a "
           "customer as a key account."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("erase or key-account"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), tr("Database URL (sqlite:PATH or postgresql://…)."),
                                   QStringLiteral("url"), defaultDbUrl());
    const QCommandLineOption phoneOpt(QStringLiteral("phone"), tr("The customer's phone number."),
                                      QStringLiteral("number"));
    const QCommandLineOption labelOpt(QStringLiteral("label"), tr("key-account: a note shown to managers."),
                                      QStringLiteral("text"));
    const QCommandLineOption removeOpt(QStringLiteral("remove"),
                                       tr("key-account: take the customer off the register."));
    const QCommandLineOption attachmentsOpt(
        QStringLiteral("attachments-dir"),
        tr("erase: the server's attachments folder (default: \"attachments\" beside the SQLite file)."),
        QStringLiteral("dir"));
    parser.addOptions({dbOpt, phoneOpt, labelOpt, removeOpt, attachmentsOpt});
    if (const auto exitCode = parseOrExit(parser, arguments))
        return *exitCode;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    if (pos.size() != 1 || !parser.isSet(phoneOpt) ||
        (action != QLatin1StringView("erase") && action != QLatin1StringView("key-account"))) {
        printErr(tr("Usage: parceldesk-server customer erase --phone NUMBER [--db URL]\n"
                    "       parceldesk-server customer key-account --phone NUMBER [--label TEXT] [--remove] "
                    "[--db URL]"));
        return 2;
    }
    const PhoneCheck phone = Validation::checkPhone(parser.value(phoneOpt));
    if (!phone.valid) {
        printErr(tr("--phone: %1").arg(phone.message));
        return 2;
    }
    try {
        auto db = Database::open(parser.value(dbOpt));
        if (action == QLatin1StringView("key-account"))
            return keyAccount(*db, phone.normalized, parser.value(labelOpt), parser.isSet(removeOpt));
        DocumentStore docs(*db);
        SystemClock clock;
        CustomerEraser eraser(docs, clock);
        eraser.setAttachmentFolder(parser.isSet(attachmentsOpt)
                                       ? parser.value(attachmentsOpt)
                                       : AttachmentFolder::defaultFor(parser.value(dbOpt)));
        const CustomerEraser::Counts counts = eraser.eraseByPhone(phone.normalized);
        // The number itself is not printed: terminal logs are kept too.
        printOut(tr("Erased: %1 (%2 records changed).").arg(counts.summary()).arg(counts.total()));
        return 0;
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

} // namespace pd::server
