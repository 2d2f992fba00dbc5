#include "attachmentstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QString kUploadColumns =
    u"id, ticket_id, user_id, name, size, sha256, event_id, evidence, created_ms, updated_ms"_s;

AttachmentUpload readUpload(const QSqlQuery &q)
{
    return AttachmentUpload{q.value(0).toString(),  q.value(1).toString(),   q.value(2).toString(),
                            q.value(3).toString(),  q.value(4).toLongLong(), q.value(5).toString(),
                            q.value(6).toString(),  q.value(7).toString(),   q.value(8).toLongLong(),
                            q.value(9).toLongLong()};
}

std::optional<Attachment> parse(const Doc &d)
{
    return Attachment::fromJson(QJsonDocument::fromJson(d.data).object());
}
} // namespace

std::optional<AttachmentUpload> AttachmentStore::upload(const QString &id)
{
    QSqlQuery q =
        m_docs.db().run(u"SELECT "_s + kUploadColumns + u" FROM attachment_uploads WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return readUpload(q);
}

void AttachmentStore::insertUpload(WriteTx &tx, const AttachmentUpload &u)
{
    tx.db().run(u"INSERT INTO attachment_uploads("_s + kUploadColumns +
                    u") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {u.id, u.ticketId, u.userId, u.name, u.size, u.sha256, u.eventId, u.evidence, u.createdMs,
                 u.updatedMs});
}

void AttachmentStore::touchUpload(const QString &id, qint64 nowMs)
{
    m_docs.db().run(u"UPDATE attachment_uploads SET updated_ms = ? WHERE id = ?"_s, {nowMs, id});
}

void AttachmentStore::removeUpload(WriteTx &tx, const QString &id)
{
    tx.db().run(u"DELETE FROM attachment_uploads WHERE id = ?"_s, {id});
}

QStringList AttachmentStore::staleUploads(qint64 beforeMs)
{
    QSqlQuery q = m_docs.db().run(u"SELECT id FROM attachment_uploads WHERE updated_ms < ?"_s, {beforeMs});
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

std::optional<Attachment> AttachmentStore::attachment(const QString &id, bool withDeleted)
{
    const auto d = m_docs.get(DocType::Attachment, id);
    if (!d || (d->deleted && !withDeleted))
        return std::nullopt;
    return parse(*d);
}

QList<Attachment> AttachmentStore::ofTicket(const QString &ticketId)
{
    QList<Attachment> out;
    const QList<Doc> docs = m_docs.byParent(DocType::Attachment, ticketId);
    for (const Doc &d : docs) {
        if (auto a = parse(d))
            out.append(*a);
    }
    return out;
}

Doc AttachmentStore::toDoc(const Attachment &a, const QString &teamId)
{
    Doc d;
    d.type = DocType::Attachment;
    d.id = a.id;
    d.version = a.version;
    d.teamId = teamId;
    d.parent = a.ticketId;
    d.status = a.sha256;
    d.updatedMs = a.createdAt;
    d.data = QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact);
    return d;
}

void AttachmentStore::put(WriteTx &tx, const Attachment &a, const QString &teamId)
{
    Doc d = toDoc(a, teamId);
    m_docs.put(tx, d);
}

qint64 AttachmentStore::ticketBytes(const QString &ticketId)
{
    qint64 total = 0;
    const QList<Attachment> stored = ofTicket(ticketId);
    for (const Attachment &a : stored)
        total += a.size;
    QSqlQuery q = m_docs.db().run(
        u"SELECT COALESCE(SUM(size), 0) FROM attachment_uploads WHERE ticket_id = ?"_s, {ticketId});
    if (q.next())
        total += q.value(0).toLongLong();
    return total;
}

bool AttachmentStore::referenced(const QString &sha256)
{
    QSqlQuery q = m_docs.db().run(
        u"SELECT 1 FROM docs WHERE type = 'attachment' AND status = ? AND deleted = 0 LIMIT 1"_s, {sha256});
    return q.next();
}

int AttachmentStore::moveToTicket(WriteTx &tx, const QString &fromId, const Ticket &to)
{
    const QList<Attachment> stored = ofTicket(fromId);
    for (Attachment a : stored) {
        a.ticketId = to.id;
        a.version += 1;
        put(tx, a, to.teamId);
    }
    m_docs.db().run(u"UPDATE attachment_uploads SET ticket_id = ? WHERE ticket_id = ?"_s, {to.id, fromId});
    return int(stored.size());
}

int AttachmentStore::removeOfTicket(WriteTx &tx, const QString &ticketId, QSet<QString> *shas)
{
    const QList<Doc> docs = m_docs.byParent(DocType::Attachment, ticketId);
    for (Doc d : docs) {
        shas->insert(d.status);
        d.version += 1;
        d.deleted = true;
        // What the record said (the file's name may name the customer) goes with it; the content's hash
        // stays in the status column until the file is gone.
        d.data = QJsonDocument(QJsonObject{{u"id"_s, d.id}, {u"ticket_id"_s, ticketId}})
                     .toJson(QJsonDocument::Compact);
        m_docs.put(tx, d);
    }
    QSqlQuery q = tx.db().run(u"SELECT id FROM attachment_uploads WHERE ticket_id = ?"_s, {ticketId});
    QStringList uploads;
    while (q.next())
        uploads.append(q.value(0).toString());
    q.finish();
    for (const QString &id : std::as_const(uploads))
        removeUpload(tx, id);
    return int(docs.size());
}

void AttachmentStore::dropUnreferenced(const AttachmentFolder &folder, const QSet<QString> &shas)
{
    if (shas.isEmpty())
        return;
    try {
        WriteTx tx(m_docs.db());
        for (const QString &sha : shas) {
            if (!sha.isEmpty() && !referenced(sha))
                folder.removeBlob(sha);
        }
        tx.commit();
    } catch (const std::exception &e) {
        qWarning("attachments: unreferenced files kept for the housekeeping: %s", e.what());
    }
}

QSet<QString> AttachmentStore::contentsOfTicket(const QString &ticketId)
{
    QSet<QString> out;
    const QList<Doc> docs = m_docs.children(DocType::Attachment, ticketId);
    for (const Doc &d : docs)
        out.insert(d.status);
    return out;
}

} // namespace pd::server
