#include "cachefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace pd {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

#ifdef Q_OS_UNIX
/// A folder others are meant to use, or not ours to change.
bool sharedOnPurpose(const QString &folder)
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (canonical == QDir::rootPath() || canonical == QFileInfo(QDir::homePath()).canonicalFilePath())
        return true;
    struct stat st = {};
    if (::stat(QFile::encodeName(canonical).constData(), &st) != 0)
        return true;
    return (st.st_mode & S_ISVTX) != 0 || st.st_uid != ::geteuid();
}
#endif

} // namespace

QString CacheFiles::factsFile(const QString &databasePath)
{
    return databasePath + QStringLiteral(".kpifacts");
}

QStringList CacheFiles::companions(const QString &databasePath)
{
    return {databasePath + QStringLiteral("-wal"), databasePath + QStringLiteral("-shm"),
            factsFile(databasePath)};
}

bool CacheFiles::prepareFolder(const QString &folder, QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
#ifdef Q_OS_UNIX
    if (!sharedOnPurpose(folder) && !QFile::setPermissions(folder, kOwnerFolder)) {
        if (error)
            *error = QStringLiteral("cannot make %1 private").arg(QDir::toNativeSeparators(folder));
        return false;
    }
#endif
    return true;
}

bool CacheFiles::prepareFile(const QString &path, QString *error)
{
#ifdef Q_OS_UNIX
    if (!QFileInfo::exists(path)) {
        // O_CREAT with 0600 from the start: the file is never readable by others, not even for a moment.
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
        else if (!QFileInfo::exists(path)) { // lost a race with another opener: that one is fine
            if (error)
                *error = QString::fromLocal8Bit(::strerror(errno));
            return false;
        }
    }
    if (!restrictFile(path)) {
        if (error)
            *error = QStringLiteral("cannot make %1 private").arg(QDir::toNativeSeparators(path));
        return false;
    }
#else
    Q_UNUSED(path)
    Q_UNUSED(error)
#endif
    return true;
}

bool CacheFiles::restrictFile(const QString &path)
{
#ifdef Q_OS_UNIX
    if (!QFileInfo::exists(path))
        return true;
    return QFile::setPermissions(path, kOwnerFile);
#else
    Q_UNUSED(path)
    return true;
#endif
}

void CacheFiles::restrictCache(const QString &databasePath)
{
    restrictFile(databasePath);
    for (const QString &file : companions(databasePath))
        restrictFile(file);
}

} // namespace pd
