#pragma once

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QString>

#include <cstdio>
#include <optional>

namespace pd::server {

/// @brief sqlite:<AppDataLocation>/parceldesk-server.db — the default database.
inline QString defaultDbUrl()
{
    return QStringLiteral("sqlite:") + QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/parceldesk-server.db");
}

inline void printOut(const QString &s)
{
    std::fprintf(stdout, "%s\n", qPrintable(s));
    std::fflush(stdout);
}

inline void printErr(const QString &s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
    std::fflush(stderr);
}

/// @brief Parses a command's @p arguments: the exit code when the command ends here (2 after the parser's
/// message for bad arguments, 0 after --help), none when it goes on.
inline std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        printErr(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return 0;
    }
    return std::nullopt;
}

} // namespace pd::server
