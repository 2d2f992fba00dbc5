#pragma once

#include "cachecipher.h"
#include "models/domain/attachment.h"

#include <QSqlQuery>

namespace pd {

/// The columns of an attachment's record in the cache (table alias `a`), in the order readAttachmentRecord()
/// reads them; the repository's queries add their own columns after these.
inline constexpr auto kAttachmentRecordColumns =
    "a.id, a.ticket_id, a.event_id, a.name, a.content_type, a.size, "
    "a.sha256, a.evidence, a.created_by, a.created_at, a.version";
inline constexpr int kAttachmentRecordColumnCount = 11;

/// @brief The record of the current row of a query that selected kAttachmentRecordColumns first; the name is
/// sealed in the cache and opened with @p c.
inline Attachment readAttachmentRecord(const QSqlQuery &q, const CacheCipher &c)
{
    Attachment a;
    a.id = q.value(0).toString();
    a.ticketId = q.value(1).toString();
    a.eventId = q.value(2).toString();
    a.name = c.open(q.value(3), SealedField::AttachmentName);
    a.contentType = q.value(4).toString();
    a.size = q.value(5).toLongLong();
    a.sha256 = q.value(6).toString();
    if (!q.value(7).isNull())
        a.evidence = fromCode<EvidenceKind>(q.value(7).toString());
    a.createdBy = q.value(8).toString();
    a.createdAt = q.value(9).toLongLong();
    a.version = q.value(10).toLongLong();
    return a;
}

} // namespace pd
