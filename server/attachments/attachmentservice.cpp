#include "attachmentservice.h"

#include "contentcheck.h"

#include "server/api/requestparsing.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServerAttachments, "pd.server.attachments")

namespace pd::server {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

ApiError withDetail(ApiError e, const QString &key, qint64 value)
{
    e.details.insert(key, value);
    return e;
}

ApiError storageFailed(const QString &what)
{
    qCWarning(lcServerAttachments) << what;
    return ApiError(500, u"storage_error"_s, u"The server could not store the file; try again."_s);
}

bool isImage(const QString &type)
{
    return type.startsWith(u"image/"_s) && type != u"image/gif"_s; // GIF has no Exif
}
} // namespace

AttachmentService::AttachmentService(TicketService &tickets, AttachmentFolder folder, AttachmentLimits limits,
                                     const Clock &clock)
    : m_tickets(tickets)
    , m_store(tickets.store().docs())
    , m_folder(std::move(folder))
    , m_limits(limits)
    , m_clock(clock)
{}

QJsonObject AttachmentService::progress(const QString &id, qint64 received) const
{
    return {{u"id"_s, id}, {u"received"_s, received}, {u"chunk_size"_s, AttachmentLimits::kChunkBytes}};
}

AttachmentUpload AttachmentService::uploadFrom(const Actor &actor, const Ticket &t, const QJsonObject &body)
{
    static const QRegularExpression kSha(u"^[0-9a-fA-F]{64}$"_s);
    AttachmentUpload u;
    u.id = body.value(u"id"_s).toString();
    if (!isUuid(u.id))
        throw ApiError::invalid(u"id"_s,
                                u"id must be the attachment's UUID (8-4-4-4-12 hexadecimal digits)."_s);
    const TextCheck name =
        Validation::checkText(body.value(u"name"_s).toString(), kMaxAttachmentNameLength, true);
    if (!name.valid)
        throw ApiError::invalid(u"name"_s, name.message);
    u.name = name.normalized;
    const QJsonValue size = body.value(u"size"_s);
    if (!size.isDouble() || size.toDouble() < 1 || size.toDouble() != double(size.toInteger()))
        throw ApiError::invalid(u"size"_s,
                                u"size must be the file's size in bytes (a whole number above 0)."_s);
    u.size = size.toInteger();
    u.sha256 = body.value(u"sha256"_s).toString().toLower();
    if (!kSha.match(u.sha256).hasMatch())
        throw ApiError::invalid(u"sha256"_s,
                                u"sha256 must be the SHA-256 of the file in 64 hexadecimal digits."_s);
    const QJsonValue eventId = body.value(u"event_id"_s);
    if (!eventId.isUndefined() && !eventId.isNull() && !isUuid(eventId.toString()))
        throw ApiError::invalid(u"event_id"_s, u"event_id must be the UUID of the reply or note."_s);
    u.eventId = eventId.toString();
    const QJsonValue evidence = body.value(u"evidence"_s);
    if (!evidence.isUndefined() && !evidence.isNull() && !fromCode<EvidenceKind>(evidence.toString()))
        throw ApiError::invalid(u"evidence"_s, u"evidence must be outer_box, goods, label, "
                                               "value_declaration or other."_s);
    u.evidence = evidence.toString();
    u.ticketId = t.id;
    u.userId = actor.userId;
    u.createdMs = u.updatedMs = m_clock.nowMs();
    return u;
}

void AttachmentService::checkLimits(const AttachmentUpload &u)
{
    // "20 MB" as the settings say it (MB of 1,048,576 bytes), with the exact figures beside it.
    const auto mb = [](qint64 bytes) -> QString {
        return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1)
                   .remove(QRegularExpression(u"\\.0$"_s)) +
               u" MB"_s;
    };
    if (u.size > m_limits.maxFileBytes)
        throw withDetail(ApiError(413, u"too_large"_s,
                                  u"The file is too large (%1 bytes); a file may have at most %2 (%3 bytes). "
                                  "Send a smaller photo or split the document."_s.arg(u.size)
                                      .arg(mb(m_limits.maxFileBytes))
                                      .arg(m_limits.maxFileBytes),
                                  u"size"_s),
                         u"limit"_s, m_limits.maxFileBytes);
    const qint64 held = m_store.ticketBytes(u.ticketId);
    if (held + u.size > m_limits.maxTicketBytes)
        throw withDetail(
            ApiError(413, u"ticket_quota"_s,
                     u"This ticket holds %1 bytes of files; with this one (%2 bytes) it would pass "
                     "the limit of %3 a ticket (%4 bytes)."_s.arg(held)
                         .arg(u.size)
                         .arg(mb(m_limits.maxTicketBytes))
                         .arg(m_limits.maxTicketBytes),
                     u"size"_s),
            u"limit"_s, m_limits.maxTicketBytes);
}

WriteResult AttachmentService::create(const Actor &actor, const QString &ticketId, const QJsonObject &body)
{
    const Ticket t = m_tickets.readable(actor, ticketId);
    if (!canWrite(actor, t.teamId))
        throw ApiError::forbidden(u"Your role may not change tickets of this team."_s);
    AttachmentUpload u = uploadFrom(actor, t, body);
    if (t.isMerged())
        u.ticketId = t.mergedInto; // a file for a merged ticket belongs with its conversation, on the target
    // A console that staged the file before its ticket was merged still names the merged ticket: the file
    // moved to the target with the merge (TicketService::merge), and that is the same file.
    const auto sameTicket = [&t](const QString &ticketId) {
        return ticketId == t.id || ticketId == t.mergedInto;
    };
    if (const auto stored = m_store.attachment(u.id)) {
        if (!sameTicket(stored->ticketId))
            throw ApiError::conflict(u"An attachment with this id exists already."_s, u"id"_s);
        return {200, compact({{u"id"_s, u.id}, {u"attachment"_s, stored->toJson()}})};
    }
    if (m_store.known(u.id))
        throw ApiError::conflict(u"An attachment with this id was deleted; add the file with a new id."_s,
                                 u"id"_s);
    if (const auto existing = m_store.upload(u.id)) {
        if (!sameTicket(existing->ticketId) || existing->size != u.size || existing->sha256 != u.sha256)
            throw ApiError::conflict(u"Another upload with this id is under way (another ticket, size or "
                                     "checksum)."_s,
                                     u"id"_s);
        return {200, compact(progress(u.id, m_folder.partSize(u.id)))};
    }
    checkLimits(u);
    WriteTx tx(m_tickets.store().docs().db());
    m_store.insertUpload(tx, u);
    tx.commit();
    if (!m_folder.createPart(u.id)) {
        dropUpload(u.id);
        throw storageFailed(u"cannot create "_s + m_folder.partPath(u.id));
    }
    return {201, compact(progress(u.id, 0))};
}

AttachmentUpload AttachmentService::writableUpload(const Actor &actor, const QString &id)
{
    auto u = m_store.upload(id);
    if (!u) {
        if (const auto a = m_store.attachment(id)) {
            (void)m_tickets.readable(actor, a->ticketId);
            throw ApiError(409, u"upload_complete"_s, u"This attachment is stored already."_s);
        }
        throw ApiError::notFound(u"No upload with id %1 (it may have been idle for 7 days and removed: "
                                 "start it again)."_s.arg(id.left(100)));
    }
    const Ticket t = m_tickets.readable(actor, u->ticketId);
    if (!canWrite(actor, t.teamId))
        throw ApiError::forbidden(u"Your role may not change tickets of this team."_s);
    return *u;
}

QJsonObject AttachmentService::putChunk(const Actor &actor, const QString &id, qint64 offset,
                                        const QByteArray &bytes)
{
    const AttachmentUpload u = writableUpload(actor, id);
    const qint64 received = m_folder.partSize(id);
    if (offset != received)
        throw withDetail(
            ApiError(409, u"offset_mismatch"_s,
                     u"The server holds %1 bytes of this upload; go on from there."_s.arg(received),
                     u"offset"_s),
            u"received"_s, received);
    if (received + bytes.size() > u.size)
        throw ApiError::invalid(u"size"_s,
                                u"These bytes go beyond the declared size of %1 bytes."_s.arg(u.size));
    if (!m_folder.writePart(id, offset, bytes))
        throw storageFailed(u"cannot write "_s + m_folder.partPath(id));
    m_store.touchUpload(id, m_clock.nowMs());
    return {{u"received"_s, received + bytes.size()}};
}

QJsonObject AttachmentService::uploadState(const Actor &actor, const QString &id)
{
    if (const auto a = m_store.attachment(id)) {
        (void)m_tickets.readable(actor, a->ticketId);
        return {{u"received"_s, a->size}, {u"size"_s, a->size}, {u"attachment"_s, a->toJson()}};
    }
    const AttachmentUpload u = writableUpload(actor, id);
    return {{u"received"_s, m_folder.partSize(id)},
            {u"size"_s, u.size},
            {u"chunk_size"_s, AttachmentLimits::kChunkBytes}};
}

void AttachmentService::dropUpload(const QString &id)
{
    WriteTx tx(m_tickets.store().docs().db());
    m_store.removeUpload(tx, id);
    tx.commit();
    m_folder.removePart(id);
}

QByteArray AttachmentService::checkedContent(const AttachmentUpload &u, QString *type)
{
    const qint64 received = m_folder.partSize(u.id);
    if (received != u.size)
        throw withDetail(
            ApiError(409, u"upload_incomplete"_s,
                     u"The server holds %1 of %2 bytes; send the rest first."_s.arg(received).arg(u.size)),
            u"received"_s, received);
    auto bytes = m_folder.readPart(u.id);
    if (!bytes)
        throw storageFailed(u"cannot read "_s + m_folder.partPath(u.id));
    if (sha256Hex(*bytes) != u.sha256) {
        m_folder.truncatePart(u.id);
        throw withDetail(ApiError(422, u"checksum_mismatch"_s,
                                  u"The bytes received do not match the SHA-256 sent; send the file again "
                                  "from offset 0."_s,
                                  u"sha256"_s),
                         u"received"_s, 0);
    }
    *type = ContentCheck::mimeType(*bytes);
    if (!ContentCheck::allowedTypes().contains(*type)) {
        dropUpload(u.id);
        throw ApiError(415, u"unsupported_type"_s,
                       u"The file is %1; attach photos (JPEG, PNG, GIF, WebP, HEIC), PDF documents or videos "
                       "(MP4, QuickTime)."_s.arg(*type));
    }
    if (isImage(*type)) {
        ContentCheck::Stripped stripped = ContentCheck::removeLocation(*bytes);
        if (stripped.failed) {
            dropUpload(u.id);
            throw ApiError(422, u"location_data"_s,
                           u"This photo holds location data the server cannot remove; send it as JPEG."_s);
        }
        *bytes = std::move(stripped.bytes);
    }
    return std::move(*bytes);
}

WriteResult AttachmentService::complete(const Actor &actor, const QString &id)
{
    if (const auto a = m_store.attachment(id)) {
        (void)m_tickets.readable(actor, a->ticketId);
        return {200, compact(a->toJson())};
    }
    const AttachmentUpload u = writableUpload(actor, id);
    QString type;
    const QByteArray bytes = checkedContent(u, &type);
    Attachment a;
    a.id = id;
    a.ticketId = u.ticketId;
    a.eventId = u.eventId;
    a.name = u.name;
    a.contentType = type;
    a.size = bytes.size();
    a.sha256 = sha256Hex(bytes);
    a.evidence = fromCode<EvidenceKind>(u.evidence);
    a.createdBy = u.userId;
    a.createdAt = m_clock.nowMs();
    a.version = 1;
    const QString staged = m_folder.stageBlob(a.sha256, bytes);
    if (staged.isEmpty())
        throw storageFailed(u"cannot write to "_s + m_folder.root());
    const auto dropStaged = qScopeGuard([&staged] { QFile::remove(staged); }); // gone once renamed
    WriteTx tx(m_tickets.store().docs().db());
    const Ticket t = m_tickets.readable(actor, u.ticketId);
    if (!m_folder.commitBlob(staged, a.sha256))
        throw storageFailed(u"cannot rename "_s + staged);
    m_store.put(tx, a, t.teamId);
    m_store.removeUpload(tx, id);
    m_tickets.store().docs().audit(tx, a.createdAt, actor.userId, u"attachment.add"_s, DocType::Attachment,
                                   a.id, u"%1, %2 bytes"_s.arg(type).arg(a.size));
    tx.publish({{u"kind"_s, u"changed"_s},
                {u"type"_s, DocType::Attachment},
                {u"id"_s, a.id},
                {u"ticket_id"_s, t.id},
                {u"team_id"_s, t.teamId},
                {u"version"_s, a.version},
                {u"change_seq"_s, tx.lastSeq()}});
    tx.commit();
    m_folder.removePart(id);
    return {201, compact(a.toJson())};
}

AttachmentService::Content AttachmentService::content(const Actor &actor, const QString &id)
{
    const auto a = m_store.attachment(id);
    if (!a)
        throw ApiError::notFound(u"No attachment with id %1."_s.arg(id.left(100)));
    (void)m_tickets.readable(actor, a->ticketId);
    auto bytes = m_folder.readBlob(a->sha256);
    if (!bytes) {
        qCWarning(lcServerAttachments)
            << "the file of attachment" << a->id << "is missing:" << m_folder.blobPath(a->sha256);
        throw ApiError(
            404, u"content_missing"_s,
            u"The file of this attachment is missing on the server (restored from an older backup?); "
            "ask the administrator or add it again."_s);
    }
    return {*a, std::move(*bytes)};
}

QJsonArray AttachmentService::list(const Actor &actor, const QString &ticketId)
{
    const Ticket t = m_tickets.readable(actor, ticketId);
    QJsonArray items;
    const QList<Attachment> all = m_store.ofTicket(t.id);
    for (const Attachment &a : all)
        items.append(a.toJson());
    return items;
}

WriteResult AttachmentService::setEvidence(const Actor &actor, const QString &id, const QJsonObject &body)
{
    WriteTx tx(m_tickets.store().docs().db());
    auto a = m_store.attachment(id);
    if (!a)
        throw ApiError::notFound(u"No attachment with id %1."_s.arg(id.left(100)));
    const Ticket t = m_tickets.readable(actor, a->ticketId);
    if (!canWrite(actor, t.teamId))
        throw ApiError::forbidden(u"Your role may not change tickets of this team."_s);
    const QJsonValue value = body.value(u"evidence"_s);
    std::optional<EvidenceKind> evidence;
    if (!value.isNull()) {
        evidence = value.isString() ? fromCode<EvidenceKind>(value.toString()) : std::nullopt;
        if (!evidence)
            throw ApiError::invalid(u"evidence"_s, u"evidence must be outer_box, goods, label, "
                                                   "value_declaration, other or null."_s);
    }
    if (a->evidence == evidence)
        return {200, compact(a->toJson())};
    a->evidence = evidence;
    a->version += 1;
    m_store.put(tx, *a, t.teamId);
    m_tickets.store().docs().audit(tx, m_clock.nowMs(), actor.userId, u"attachment.evidence"_s,
                                   DocType::Attachment, a->id, evidence ? toCode(*evidence) : u"none"_s);
    tx.publish({{u"kind"_s, u"changed"_s},
                {u"type"_s, DocType::Attachment},
                {u"id"_s, a->id},
                {u"ticket_id"_s, t.id},
                {u"team_id"_s, t.teamId},
                {u"version"_s, a->version},
                {u"change_seq"_s, tx.lastSeq()}});
    tx.commit();
    return {200, compact(a->toJson())};
}

void AttachmentService::ticketRemoved(WriteTx &tx, const QString &ticketId)
{
    QSet<QString> shas;
    m_store.removeOfTicket(tx, ticketId, &shas);
}

void AttachmentService::ticketRemovalCommitted(const QString &ticketId)
{
    dropUnreferenced(m_store.contentsOfTicket(ticketId));
}

void AttachmentService::dropUnreferenced(const QSet<QString> &shas)
{
    m_store.dropUnreferenced(m_folder, shas);
}

int AttachmentService::removeStale()
{
    const QStringList stale = m_store.staleUploads(m_clock.nowMs() - AttachmentLimits::kStaleUploadMs);
    for (const QString &id : stale)
        dropUpload(id);
    // .part files whose upload is gone (its ticket deleted, or a crash between the two).
    const QStringList parts = m_folder.partIds();
    for (const QString &id : parts) {
        if (!m_store.upload(id))
            m_folder.removePart(id);
    }
    // Files no record names (a completion whose transaction failed, an erasure run from the command line
    // while the folder was elsewhere): kept an hour, so that a completion under way is never raced.
    QSet<QString> orphans;
    const QStringList blobs = m_folder.blobs();
    const QDateTime hourAgo = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() - 3600 * 1000);
    for (const QString &sha : blobs) {
        if (!m_store.referenced(sha) && QFileInfo(m_folder.blobPath(sha)).lastModified() < hourAgo)
            orphans.insert(sha);
    }
    dropUnreferenced(orphans);
    return int(stale.size());
}

} // namespace pd::server
