#include "usercommands.h"

#include "cliutil.h"

#include "server/auth/authservice.h"
#include "server/storage/database.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>
#include <QUuid>

#include <cstdio>

namespace pd::server {

/// The stores a user command works on, over one database.
struct UserCommands::Accounts
{
    explicit Accounts(Database &database)
        : db(database)
        , docs(database)
        , users(docs)
        , auth(users, clock)
    {}

    Database &db;
    DocumentStore docs;
    UserStore users;
    SystemClock clock;
    AuthService auth;
};

namespace {

QString readPassword()
{
    QTextStream in(stdin);
    return in.readLine();
}

/// A user's team that does not exist yet is created with its id as its name.
void ensureTeam(WriteTx &tx, DocumentStore &docs, const QString &teamId, qint64 now)
{
    if (teamId.isEmpty() || docs.get(DocType::Team, teamId))
        return;
    Team t{teamId, teamId, 1};
    Doc d{DocType::Team,
          t.id,
          0,
          1,
          false,
          {},
          {},
          {},
          now,
          QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact)};
    docs.put(tx, d);
}

} // namespace

int UserCommands::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Manage user accounts. The password is read from standard input (one line)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("add, passwd, disable or enable"));
    parser.addPositionalArgument(QStringLiteral("login"), tr("the user's login"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), tr("Database URL (sqlite:PATH or postgresql://…)."),
                                   QStringLiteral("url"), defaultDbUrl());
    const QCommandLineOption roleOpt(QStringLiteral("role"), tr("agent, supervisor, manager or admin."),
                                     QStringLiteral("role"), QStringLiteral("agent"));
    const QCommandLineOption teamOpt(QStringLiteral("team"), tr("Team id (created if missing)."),
                                     QStringLiteral("id"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), tr("Display name."), QStringLiteral("name"));
    parser.addOptions({dbOpt, roleOpt, teamOpt, nameOpt});
    if (const auto exitCode = parseOrExit(parser, arguments))
        return *exitCode;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        printErr(tr("Usage: parceldesk-server user add|passwd|disable|enable LOGIN [--db URL] [--role R] "
                    "[--team ID]"));
        return 2;
    }
    const QString action = pos.at(0);
    const QString login = pos.at(1);
    try {
        auto db = Database::open(parser.value(dbOpt));
        Accounts accounts(*db);
        if (action == QLatin1StringView("add"))
            return addUser(accounts, parser, login);
        return changeUser(accounts, action, login);
    } catch (const StorageError &e) {
        printErr(tr("Database error: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}

int UserCommands::addUser(Accounts &a, const QCommandLineParser &parser, const QString &login)
{
    const auto role = fromCode<Role>(parser.value(QStringLiteral("role")));
    if (!role) {
        printErr(tr("Unknown role. Use agent, supervisor, manager or admin."));
        return 2;
    }
    if (a.users.credentials(login)) {
        printErr(tr("The login %1 exists already.").arg(login));
        return 1;
    }
    const QString password = readPassword();
    if (password.size() < 8) {
        printErr(tr("A password has at least 8 characters."));
        return 1;
    }
    WriteTx tx(a.db);
    User u;
    u.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    u.login = login;
    u.displayName = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : login;
    u.role = *role;
    u.teamId = parser.value(QStringLiteral("team"));
    ensureTeam(tx, a.docs, u.teamId, a.clock.nowMs());
    a.users.putUser(tx, u, a.clock.nowMs());
    a.auth.setPassword(tx, u, password);
    a.docs.audit(tx, a.clock.nowMs(), QStringLiteral("cli"), QStringLiteral("user.create"), DocType::User,
                 u.id, login);
    tx.commit();
    printOut(tr("User %1 added (%2).").arg(login, toCode(*role)));
    return 0;
}

int UserCommands::changeUser(Accounts &a, const QString &action, const QString &login)
{
    auto user = a.users.userByLogin(login);
    if (!user) {
        printErr(tr("No user with login %1.").arg(login));
        return 1;
    }
    WriteTx tx(a.db);
    if (action == QLatin1StringView("passwd")) {
        const QString password = readPassword();
        if (password.size() < 8) {
            printErr(tr("A password has at least 8 characters."));
            return 1;
        }
        a.auth.setPassword(tx, *user, password);
    } else if (action == QLatin1StringView("disable") || action == QLatin1StringView("enable")) {
        user->disabled = action == QLatin1StringView("disable");
        a.users.putUser(tx, *user, a.clock.nowMs());
        a.users.setDisabled(tx, user->id, user->disabled);
    } else {
        printErr(tr("Unknown action %1: use add, passwd, disable or enable.").arg(action));
        return 2;
    }
    a.docs.audit(tx, a.clock.nowMs(), QStringLiteral("cli"), QStringLiteral("user.") + action, DocType::User,
                 user->id, login);
    tx.commit();
    if (action != QLatin1StringView("enable"))
        a.users.deleteUserTokens(user->id);
    printOut(tr("Done: %1 %2.").arg(action, login));
    return 0;
}

} // namespace pd::server
