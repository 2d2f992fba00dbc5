#pragma once

#include <QDir>
#include <QStandardPaths>
#include <QString>

#include <cstdio>

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

} // namespace pd::server
