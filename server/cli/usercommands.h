#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace pd::server {

/**
 * @brief `parceldesk-server user add|passwd|disable|enable …`: manage accounts from the shell.
 *
 * The password is read from standard input (one line), never from an argument, so it does not show in the
 * process list or the shell history.
 */
class UserCommands final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::UserCommands)
public:
    /// @brief Runs the command; returns the process exit code (0 ok, 1 failure, 2 usage).
    static int run(const QStringList &arguments);

private:
    struct Accounts;
    static int addUser(Accounts &a, const QCommandLineParser &parser, const QString &login);
    static int changeUser(Accounts &a, const QString &action, const QString &login);
};

} // namespace pd::server
