#pragma once

#include <QString>
#include <QStringList>

namespace pd {

/**
 * @brief The files of one local cache and who may read them.
 *
 * The cache holds customers' names, phones and conversations, and the PC may be shared: on Linux and macOS
 * its folder is made 0700 and its files 0600, explicitly (whatever the umask), when they are created and
 * again whenever the cache is opened, so a cache made by an older ParcelDesk is tightened too. Elsewhere
 * these functions do nothing (Windows keeps a user's AppData private by its ACLs).
 */
class CacheFiles final
{
public:
    /// @brief The files that travel with the cache at @p databasePath: SQLite's -wal and -shm, and the
    /// dashboard's facts (DashboardWorker::factsFile, docs/kpi.md).
    [[nodiscard]] static QStringList companions(const QString &databasePath);
    /// @brief The dashboard's facts file next to the cache.
    [[nodiscard]] static QString factsFile(const QString &databasePath);

    /// @brief Creates @p folder when missing and makes it 0700. A folder shared on purpose (the home folder,
    /// the root, one with the sticky bit such as /tmp) or one of another user is left as it is.
    static bool prepareFolder(const QString &folder, QString *error);
    /// @brief Creates the empty file @p path 0600 when missing (SQLite takes an empty file as a new database
    /// and gives its -wal and -shm the database file's mode); makes an existing one 0600.
    static bool prepareFile(const QString &path, QString *error);
    /// @brief Makes @p path 0600 if it exists.
    static bool restrictFile(const QString &path);
    /// @brief The cache and its companions 0600 (those that exist).
    static void restrictCache(const QString &databasePath);
};

} // namespace pd
