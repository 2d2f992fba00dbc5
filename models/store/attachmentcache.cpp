// AttachmentRepository, part two: the uploader's bookkeeping, the download cache, and the files that go with
// dropped records. (Part one, attachmentrepository.cpp: staging, reads, records of the change feed.)
#include "attachmentfiles.h"
#include "attachmentrecord.h"
#include "attachmentrepository.h"

#include "attachmentrecord.h"
#include "cachecipher.h"
#include "cachefiles.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

using namespace Qt::StringLiterals;

namespace pd {

namespace {

// Uploads the signed-in owner may send: their own (a shared PC's next user never sends them).
constexpr auto kOwnUploads = "created_by = ifnull((SELECT value FROM sync_state WHERE key = 'owner.id'), '')";

bool run(const Database &db, const QString &statement, const QVariantList &binds, QString *error)
{
    QSqlQuery q(db.connection());
    if (!sql::prepare(q, statement, error))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return sql::exec(q, error);
}

bool runEach(const Database &db, const QString &statement, const QStringList &values, QString *error)
{
    if (values.isEmpty())
        return true;
    Transaction tx(db);
    QSqlQuery q(db.connection());
    if (!tx.isActive() || !sql::prepare(q, statement, error))
        return tx.commit(error) && false;
    for (const QString &v : values) {
        q.bindValue(0, v);
        if (!sql::exec(q, error))
            return false;
    }
    return tx.commit(error);
}

} // namespace

QList<PendingUpload> AttachmentRepository::pendingUploads(Instant now, int limit) const
{
    QList<PendingUpload> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // A file waits while its ticket (or the reply it goes with) is still in the outbox: the server must know
    // the ticket first.
    if (!sql::prepare(
            q,
            u"SELECT %2, a.staged_file, a.uploaded, a.attempts, a.next_attempt_at FROM attachments a "
            "WHERE state IN (0, 1) "
            "AND next_attempt_at <= ? AND %1 AND ticket_id NOT IN (SELECT ticket_id FROM outbox "
            "WHERE ticket_id IS NOT NULL) ORDER BY created_at, id LIMIT ?"_s.arg(
                QLatin1StringView(kOwnUploads), QLatin1StringView(kAttachmentRecordColumns)),
            nullptr))
        return out;
    q.addBindValue(now);
    q.addBindValue(limit);
    if (!sql::exec(q, nullptr))
        return out;
    const auto cipher = m_db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    const QDir folder(AttachmentFiles::folder(m_db.path()));
    while (q.next()) {
        PendingUpload p;
        p.attachment = readAttachmentRecord(q, c);
        constexpr int n = kAttachmentRecordColumnCount;
        p.stagedPath = q.value(n).isNull() ? QString() : folder.filePath(q.value(n).toString());
        p.uploaded = q.value(n + 1).toLongLong();
        p.attempts = q.value(n + 2).toInt();
        p.nextAttemptAt = q.value(n + 3).toLongLong();
        out.append(p);
    }
    return out;
}

std::optional<Instant> AttachmentRepository::nextUploadAt() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      u"SELECT min(next_attempt_at) FROM attachments WHERE state IN (0, 1) AND %1"_s.arg(
                          QLatin1StringView(kOwnUploads)),
                      nullptr) ||
        !sql::exec(q, nullptr) || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool AttachmentRepository::retryNow(Instant now, QString *error)
{
    return run(m_db,
               u"UPDATE attachments SET next_attempt_at = ? WHERE state IN (0, 1) AND next_attempt_at > ?"_s,
               {now, now}, error);
}

bool AttachmentRepository::markUploaded(const QString &attachmentId, qint64 bytes, QString *error)
{
    return run(m_db,
               u"UPDATE attachments SET state = 1, uploaded = ?, attempts = 0, next_attempt_at = 0, "
               "last_error = NULL WHERE id = ? AND state IN (0, 1)"_s,
               {bytes, attachmentId}, error);
}

bool AttachmentRepository::markRetry(const QString &attachmentId, const QString &reason,
                                     Instant nextAttemptAt, QString *error)
{
    const auto cipher = m_db.sealer(error);
    return cipher &&
           run(m_db,
               u"UPDATE attachments SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
               "WHERE id = ? AND state IN (0, 1)"_s,
               {nextAttemptAt, cipher->seal(reason, SealedField::AttachmentError), attachmentId}, error);
}

bool AttachmentRepository::markFailed(const QString &attachmentId, const QString &reason, QString *error)
{
    const auto cipher = m_db.sealer(error);
    return cipher &&
           run(m_db, u"UPDATE attachments SET state = 2, last_error = ? WHERE id = ? AND state IN (0, 1)"_s,
               {cipher->seal(reason, SealedField::AttachmentError), attachmentId}, error);
}

QString AttachmentRepository::cachedFile(const QString &attachmentId) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"SELECT file FROM attachment_files WHERE attachment_id = ?"_s, nullptr))
        return {};
    q.addBindValue(attachmentId);
    if (!sql::exec(q, nullptr) || !q.next())
        return {};
    const QString path = QDir(AttachmentFiles::folder(m_db.path())).filePath(q.value(0).toString());
    q.finish();
    (void)run(m_db,
              u"UPDATE attachment_files SET last_used = (SELECT max(last_used) + 1 FROM attachment_files) "
              "WHERE attachment_id = ?"_s,
              {attachmentId}, nullptr);
    return QFile::exists(path) ? path : QString();
}

bool AttachmentRepository::addDownloaded(const QString &attachmentId, const QString &path, qint64 capBytes,
                                         QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray bytes = f.readAll();
    f.close();
    const bool ok = storeDownloaded(attachmentId, bytes, capBytes, error);
    if (ok)
        QFile::remove(path); // the clear copy does not stay
    return ok;
}

bool AttachmentRepository::storeDownloaded(const QString &attachmentId, QByteArrayView bytes, qint64 capBytes,
                                           QString *error)
{
    const auto cipher = m_db.sealer(error);
    if (!cipher)
        return false;
    const QString folder = AttachmentFiles::folder(m_db.path());
    const QString file = attachmentId + u".bin"_s;
    const QString path = QDir(folder).filePath(file);
    const QString key = AttachmentFiles::newKey();
    if (!CacheFiles::prepareFolder(folder, error) || !AttachmentFiles::writeAll(path, key, bytes, error))
        return false;
    Transaction tx(m_db);
    const bool ok =
        tx.isActive() &&
        run(m_db,
            u"INSERT INTO attachment_files(attachment_id, file, file_key, size, last_used) VALUES (?, ?, ?, "
            u"?, "
            "(SELECT ifnull(max(last_used), 0) + 1 FROM attachment_files)) ON CONFLICT(attachment_id) DO "
            "UPDATE SET file = excluded.file, file_key = excluded.file_key, size = excluded.size, last_used "
            "= "
            "excluded.last_used"_s,
            {attachmentId, file, cipher->seal(key, SealedField::AttachmentKey), qint64(bytes.size())},
            error) &&
        run(m_db, // oldest first, beyond the cap; the newest copy always stays
            u"DELETE FROM attachment_files WHERE attachment_id IN (SELECT attachment_id FROM (SELECT "
            "attachment_id, sum(size) OVER (ORDER BY last_used DESC) AS running FROM attachment_files) "
            "WHERE running > ? AND attachment_id <> ?)"_s,
            {capBytes, attachmentId}, error) &&
        tx.commit(error);
    if (!ok) {
        QFile::remove(path);
        return false;
    }
    purgeFiles();
    return true;
}

QByteArray AttachmentRepository::content(const QString &attachmentId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      u"SELECT f.file, f.file_key, a.staged_file, a.staged_key FROM attachments a LEFT JOIN "
                      "attachment_files f ON f.attachment_id = a.id WHERE a.id = ?"_s,
                      error))
        return {};
    q.addBindValue(attachmentId);
    if (!sql::exec(q, error))
        return {};
    if (!q.next() || (q.value(0).isNull() && q.value(2).isNull())) {
        if (error)
            *error = tr("This file is not on this PC yet.");
        return {};
    }
    const bool downloaded = !q.value(0).isNull();
    const auto cipher = m_db.cipher();
    bool opened = false;
    const QString key =
        cipher ? cipher->open(q.value(downloaded ? 1 : 3), SealedField::AttachmentKey, &opened) : QString();
    const QString path =
        QDir(AttachmentFiles::folder(m_db.path())).filePath(q.value(downloaded ? 0 : 2).toString());
    q.finish();
    if (!opened || key.isEmpty()) {
        if (error)
            *error = tr("The local copy of this file cannot be read.");
        return {};
    }
    if (downloaded)
        (void)cachedFile(attachmentId); // touch
    return AttachmentFiles::readAll(path, key, error);
}

bool AttachmentRepository::exportTo(const QString &attachmentId, const QString &destination,
                                    QString *error) const
{
    const QByteArray bytes = content(attachmentId, error);
    if (bytes.isEmpty())
        return false;
    QFile out(destination);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(destination, out.errorString());
        return false;
    }
    return true;
}

qint64 AttachmentRepository::downloadCacheBytes() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, u"SELECT ifnull(sum(size), 0) FROM attachment_files"_s, nullptr) ||
        !sql::exec(q, nullptr) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool AttachmentRepository::remove(const QStringList &attachmentIds, QString *error)
{
    return runEach(m_db, u"DELETE FROM attachments WHERE id = ?"_s, attachmentIds, error);
}

bool AttachmentRepository::dropForTickets(const QStringList &ticketIds, QString *error)
{
    return runEach(m_db, u"DELETE FROM attachments WHERE ticket_id = ?"_s, ticketIds, error);
}

bool AttachmentRepository::dropOrphans(QString *error)
{
    return run(m_db,
               u"DELETE FROM attachments WHERE state = 3 AND ticket_id NOT IN (SELECT id FROM tickets)"_s, {},
               error);
}

int AttachmentRepository::purgeFiles() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q, u"SELECT file FROM attachment_trash"_s, nullptr) || !sql::exec(q, nullptr))
        return 0;
    QStringList files;
    while (q.next())
        files.append(q.value(0).toString());
    q.finish();
    const QDir folder(AttachmentFiles::folder(m_db.path()));
    QStringList gone;
    for (const QString &file : std::as_const(files)) {
        const QString path = folder.filePath(file);
        if (!QFile::exists(path) || QFile::remove(path))
            gone.append(file);
        else
            qCWarning(lcStore) << "an attachment's file could not be deleted; tried again later";
    }
    if (!runEach(m_db, u"DELETE FROM attachment_trash WHERE file = ?"_s, gone, nullptr))
        return 0;
    return int(gone.size());
}

} // namespace pd
