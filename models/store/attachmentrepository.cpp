#include "attachmentrepository.h"

#include "attachmentrecord.h"

#include "attachmentfiles.h"
#include "cachecipher.h"
#include "cachefiles.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

// The record, then the upload's state and where a readable copy is.
const QString kColumns = QLatin1StringView(kAttachmentRecordColumns) +
                         u", a.state, a.uploaded, a.last_error, a.staged_file, f.file"_s;

AttachmentView readView(const QSqlQuery &q, const CacheCipher &c, const QString &folder)
{
    AttachmentView v;
    v.attachment = readAttachmentRecord(q, c);
    v.state = AttachmentState(qBound(0, q.value(11).toInt(), 3));
    v.uploaded = q.value(12).toLongLong();
    if (v.state == AttachmentState::Failed)
        v.error = c.open(q.value(13), SealedField::AttachmentError);
    const QString file = !q.value(14).isNull() ? q.value(14).toString() : q.value(15).toString();
    if (!file.isEmpty())
        v.localPath = QDir(folder).filePath(file);
    return v;
}

QString refusal(const QString &name, qint64 maxBytes)
{
    return AttachmentRepository::tr("%1 is larger than %2 MB and cannot be attached.")
        .arg(name)
        .arg(double(maxBytes) / (1024.0 * 1024.0), 0, 'f', maxBytes % (1024 * 1024) ? 1 : 0);
}

} // namespace

AttachmentRepository::AttachmentRepository(const Database &db)
    : m_db(db)
{}

std::optional<Attachment> AttachmentRepository::stage(const QString &ticketId, const QString &sourcePath,
                                                      const QString &authorId, Instant now,
                                                      std::optional<EvidenceKind> evidence,
                                                      const QString &eventId, QString *error, qint64 maxBytes)
{
    const QFileInfo info(sourcePath);
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!info.isFile() || !info.isReadable())
        return fail(tr("%1 cannot be read.").arg(info.fileName()));
    if (info.size() > maxBytes)
        return fail(refusal(info.fileName(), maxBytes));
    if (info.size() == 0)
        return fail(tr("%1 is empty.").arg(info.fileName()));
    QFile in(sourcePath);
    if (!in.open(QIODevice::ReadOnly))
        return fail(tr("%1 cannot be read: %2").arg(info.fileName(), in.errorString()));
    // Read it whole (at most the limit): the file may grow while it is copied, and what is hashed is what is
    // kept.
    const QByteArray bytes = in.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return fail(refusal(info.fileName(), maxBytes));
    return stageBytes(ticketId, bytes, info.fileName(), authorId, now, evidence, eventId, error, maxBytes);
}

std::optional<Attachment> AttachmentRepository::stageBytes(const QString &ticketId, const QByteArray &bytes,
                                                           const QString &name, const QString &authorId,
                                                           Instant now, std::optional<EvidenceKind> evidence,
                                                           const QString &eventId, QString *error,
                                                           qint64 maxBytes)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (bytes.size() > maxBytes)
        return fail(refusal(name, maxBytes));
    if (bytes.isEmpty())
        return fail(tr("%1 is empty.").arg(name));
    QString why;
    const auto cipher = m_db.sealer(&why); // a locked cache keeps no customer data, sealed or not
    if (!cipher)
        return fail(why);
    Attachment a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.ticketId = ticketId;
    a.eventId = eventId;
    a.name = name.left(kMaxAttachmentNameLength);
    a.size = bytes.size();
    a.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    a.evidence = evidence;
    a.createdBy = authorId;
    a.createdAt = now;

    const QString folder = AttachmentFiles::folder(m_db.path());
    const QString file = a.id + u".staged"_s;
    const QString path = QDir(folder).filePath(file);
    const QString key = AttachmentFiles::newKey();
    if (!CacheFiles::prepareFolder(folder, &why) || !AttachmentFiles::writeAll(path, key, bytes, &why))
        return fail(tr("%1 could not be kept on this PC: %2").arg(name, why));

    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    const bool written =
        tx.isActive() &&
        sql::prepare(
            q,
            u"INSERT INTO attachments(id, ticket_id, event_id, name, size, sha256, evidence, created_by, "
            "created_at, state, staged_file, staged_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"_s,
            &why);
    if (written) {
        q.addBindValue(a.id);
        q.addBindValue(a.ticketId);
        q.addBindValue(sql::text(a.eventId));
        q.addBindValue(cipher->seal(a.name, SealedField::AttachmentName));
        q.addBindValue(a.size);
        q.addBindValue(a.sha256);
        q.addBindValue(evidence ? QVariant(toCode(*evidence)) : QVariant());
        q.addBindValue(sql::text(a.createdBy));
        q.addBindValue(a.createdAt);
        q.addBindValue(file);
        q.addBindValue(cipher->seal(key, SealedField::AttachmentKey));
    }
    if (!written || !sql::exec(q, &why) || !tx.commit(&why)) {
        QFile::remove(path);
        return fail(tr("%1 could not be kept on this PC: %2").arg(name, why.isEmpty() ? tx.error() : why));
    }
    return a;
}

QList<AttachmentView> AttachmentRepository::forTicket(const QString &ticketId) const
{
    QList<AttachmentView> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      u"SELECT %1 FROM attachments a LEFT JOIN attachment_files f ON f.attachment_id = a.id "
                      "WHERE a.ticket_id = ? ORDER BY a.created_at, a.id"_s.arg(kColumns),
                      nullptr))
        return out;
    q.addBindValue(ticketId);
    if (!sql::exec(q, nullptr))
        return out;
    const auto cipher = m_db.cipher();
    const QString folder = AttachmentFiles::folder(m_db.path());
    while (q.next())
        out.append(readView(q, cipher ? *cipher : *CacheCipher::plain(), folder));
    return out;
}

std::optional<AttachmentView> AttachmentRepository::view(const QString &attachmentId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      u"SELECT %1 FROM attachments a LEFT JOIN attachment_files f ON f.attachment_id = a.id "
                      "WHERE a.id = ?"_s.arg(kColumns),
                      nullptr))
        return std::nullopt;
    q.addBindValue(attachmentId);
    if (!sql::exec(q, nullptr) || !q.next())
        return std::nullopt;
    const auto cipher = m_db.cipher();
    return readView(q, cipher ? *cipher : *CacheCipher::plain(), AttachmentFiles::folder(m_db.path()));
}

QList<EvidenceKind> AttachmentRepository::evidenceOf(const QString &ticketId) const
{
    QList<EvidenceKind> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(
            q,
            u"SELECT DISTINCT evidence FROM attachments WHERE ticket_id = ? AND evidence IS NOT NULL "
            "AND state <> 2"_s,
            nullptr))
        return out;
    q.addBindValue(ticketId);
    if (!sql::exec(q, nullptr))
        return out;
    while (q.next()) {
        if (const auto kind = fromCode<EvidenceKind>(q.value(0).toString()))
            out.append(*kind);
    }
    return out;
}

bool AttachmentRepository::upsert(const QList<Attachment> &attachments, QString *error)
{
    if (attachments.isEmpty())
        return true;
    const auto cipher = m_db.sealer(error);
    if (!cipher)
        return false;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error);
    // A staged copy whose bytes are the stored ones becomes the download cache's; one that differs (the
    // server removed a photo's location data) goes.
    QSqlQuery keep(m_db.connection()), trash(m_db.connection()), q(m_db.connection());
    if (!sql::prepare(
            keep,
            u"INSERT OR IGNORE INTO attachment_files(attachment_id, file, file_key, size, last_used) "
            "SELECT id, staged_file, staged_key, size, (SELECT ifnull(max(last_used), 0) + 1 FROM "
            "attachment_files) FROM attachments WHERE id = ?1 AND staged_file IS NOT NULL "
            "AND sha256 = ?2 AND size = ?3"_s,
            error) ||
        !sql::prepare(trash,
                      u"INSERT OR IGNORE INTO attachment_trash(file) SELECT staged_file FROM attachments a "
                      "WHERE id = ?1 AND staged_file IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                      "attachment_files f WHERE f.attachment_id = a.id AND f.file = a.staged_file)"_s,
                      error) ||
        !sql::prepare(
            q,
            u"INSERT INTO attachments(id, ticket_id, event_id, name, content_type, size, sha256, "
            "evidence, created_by, created_at, version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, 3) ON CONFLICT(id) DO UPDATE SET ticket_id = excluded.ticket_id, event_id = "
            "excluded.event_id, name = excluded.name, content_type = excluded.content_type, size = "
            "excluded.size, sha256 = excluded.sha256, evidence = excluded.evidence, created_by = "
            "excluded.created_by, created_at = excluded.created_at, version = excluded.version, "
            "state = 3, staged_file = NULL, staged_key = NULL, uploaded = excluded.size, "
            "attempts = 0, next_attempt_at = 0, last_error = NULL WHERE excluded.version >= "
            "attachments.version"_s,
            error))
        return false;
    for (const Attachment &a : attachments) {
        keep.bindValue(0, a.id);
        keep.bindValue(1, a.sha256);
        keep.bindValue(2, a.size);
        trash.bindValue(0, a.id);
        if (!sql::exec(keep, error) || !sql::exec(trash, error))
            return false;
        q.bindValue(0, a.id);
        q.bindValue(1, a.ticketId);
        q.bindValue(2, sql::text(a.eventId));
        q.bindValue(3, cipher->seal(a.name, SealedField::AttachmentName));
        q.bindValue(4, sql::text(a.contentType));
        q.bindValue(5, a.size);
        q.bindValue(6, sql::text(a.sha256));
        q.bindValue(7, a.evidence ? QVariant(toCode(*a.evidence)) : QVariant());
        q.bindValue(8, sql::text(a.createdBy));
        q.bindValue(9, a.createdAt);
        q.bindValue(10, a.version);
        if (!sql::exec(q, error))
            return false;
    }
    return tx.commit(error);
}

bool AttachmentRepository::setEvidence(const QString &attachmentId, std::optional<EvidenceKind> evidence,
                                       QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    QString why;
    if (!tx.isActive() || !sql::prepare(q, u"SELECT state FROM attachments WHERE id = ?"_s, &why))
        return fail(tr("The evidence tag could not be changed: %1").arg(why.isEmpty() ? tx.error() : why));
    q.addBindValue(attachmentId);
    if (!sql::exec(q, &why))
        return fail(tr("The evidence tag could not be changed: %1").arg(why));
    if (!q.next())
        return fail(tr("This file is no longer on the ticket."));
    if (AttachmentState(q.value(0).toInt()) == AttachmentState::Stored) {
        // The server's record: the change goes through the server (PATCH /attachments/{id}) and its
        // answer comes back with upsert(); a local-only change would be lost with the next version.
        return fail(tr("The file is on the server already: its evidence tag is changed there."));
    }
    q.finish();
    QSqlQuery update(m_db.connection());
    if (!sql::prepare(update, u"UPDATE attachments SET evidence = ? WHERE id = ? AND state <> 3"_s, &why))
        return fail(tr("The evidence tag could not be changed: %1").arg(why));
    update.addBindValue(evidence ? QVariant(toCode(*evidence)) : QVariant());
    update.addBindValue(attachmentId);
    if (!sql::exec(update, &why) || !tx.commit(&why))
        return fail(tr("The evidence tag could not be changed: %1").arg(why.isEmpty() ? tx.error() : why));
    return true;
}

bool AttachmentRepository::markStored(const Attachment &stored, QString *error)
{
    return upsert({stored}, error);
}

} // namespace pd
