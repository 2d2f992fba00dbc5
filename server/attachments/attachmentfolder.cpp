#include "attachmentfolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
/// @brief The file's bytes on the disk before it is renamed into place (a stored file is never rewritten).
bool syncToDisk(QFile &f)
{
#ifdef Q_OS_UNIX
    return ::fsync(f.handle()) == 0;
#else
    Q_UNUSED(f);
    return true;
#endif
}

bool isSha256(const QString &s)
{
    static const QRegularExpression re(u"^[0-9a-f]{64}$"_s);
    return re.match(s).hasMatch();
}
} // namespace

AttachmentFolder::AttachmentFolder(QString root)
    : m_root(std::move(root))
{}

QString AttachmentFolder::defaultFor(const QString &dbUrl)
{
    if (dbUrl.startsWith(u"postgres"_s))
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/attachments"_s;
    const QString path = dbUrl.startsWith(u"sqlite:"_s) ? dbUrl.mid(7) : dbUrl;
    return QFileInfo(path).absolutePath() + u"/attachments"_s;
}

bool AttachmentFolder::prepare(QString *error) const
{
    if (QDir().mkpath(m_root + u"/uploads"_s))
        return true;
    if (error)
        *error = u"cannot create the attachments folder %1"_s.arg(m_root);
    return false;
}

QString AttachmentFolder::blobPath(const QString &sha256) const
{
    return m_root + u'/' + sha256.left(2) + u'/' + sha256;
}

QString AttachmentFolder::partPath(const QString &uploadId) const
{
    return m_root + u"/uploads/"_s + uploadId + u".part"_s;
}

bool AttachmentFolder::hasBlob(const QString &sha256) const
{
    return QFileInfo::exists(blobPath(sha256));
}

qint64 AttachmentFolder::partSize(const QString &uploadId) const
{
    const QFileInfo info(partPath(uploadId));
    return info.exists() ? info.size() : 0;
}

bool AttachmentFolder::createPart(const QString &uploadId) const
{
    QFile f(partPath(uploadId));
    return f.open(QIODevice::WriteOnly | QIODevice::Append);
}

bool AttachmentFolder::writePart(const QString &uploadId, qint64 offset, const QByteArray &bytes) const
{
    QFile f(partPath(uploadId));
    if (!f.open(QIODevice::ReadWrite))
        return false;
    if (f.size() != offset && !f.resize(offset))
        return false;
    if (!f.seek(offset) || f.write(bytes) != bytes.size())
        return false;
    return f.flush();
}

std::optional<QByteArray> AttachmentFolder::readPart(const QString &uploadId) const
{
    QFile f(partPath(uploadId));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

void AttachmentFolder::truncatePart(const QString &uploadId) const
{
    QFile f(partPath(uploadId));
    if (f.exists())
        f.resize(0);
}

void AttachmentFolder::removePart(const QString &uploadId) const
{
    QFile::remove(partPath(uploadId));
}

QString AttachmentFolder::stageBlob(const QString &sha256, const QByteArray &bytes) const
{
    const QString dir = m_root + u'/' + sha256.left(2);
    if (!QDir().mkpath(dir))
        return {};
    // The rename happens later, under the writer lock (commitBlob), so a plain temporary file with a unique
    // name is written here.
    const QString staged = dir + u"/.staged-"_s + sha256 + u'-' + QUuid::createUuid().toString(QUuid::Id128);
    QFile f(staged);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush() ||
        !syncToDisk(f)) {
        f.remove();
        return {};
    }
    return staged;
}

bool AttachmentFolder::commitBlob(const QString &staged, const QString &sha256) const
{
    const QString target = blobPath(sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(staged);
        return true;
    }
    return QFile::rename(staged, target);
}

void AttachmentFolder::removeBlob(const QString &sha256) const
{
    if (isSha256(sha256))
        QFile::remove(blobPath(sha256));
}

std::optional<QByteArray> AttachmentFolder::readBlob(const QString &sha256) const
{
    QFile f(blobPath(sha256));
    if (!isSha256(sha256) || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

QStringList AttachmentFolder::partIds() const
{
    QStringList out;
    const QStringList files = QDir(m_root + u"/uploads"_s).entryList({u"*.part"_s}, QDir::Files);
    for (const QString &f : files)
        out.append(f.chopped(5));
    return out;
}

QStringList AttachmentFolder::blobs() const
{
    QStringList out;
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (isSha256(info.fileName()) && info.dir().dirName() == info.fileName().left(2))
            out.append(info.fileName());
    }
    return out;
}

} // namespace pd::server
