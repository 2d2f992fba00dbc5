#pragma once

#include "attachmentfolder.h"
#include "attachmentstore.h"

#include "server/api/actor.h"
#include "server/api/ticketservice.h"

#include "models/domain/clock.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServerAttachments)

namespace pd::server {

/// @brief The limits of docs/attachments.md ("Limits"); the command line may change the first two.
struct AttachmentLimits
{
    qint64 maxFileBytes = kDefaultMaxAttachmentBytes;                ///< attachments/max_file_bytes
    qint64 maxTicketBytes = kDefaultMaxTicketAttachmentBytes;        ///< attachments/max_ticket_bytes
    static constexpr qint64 kChunkBytes = 1024 * 1024;               ///< one PUT …/upload at most
    static constexpr qint64 kStaleUploadMs = 7LL * 24 * 3600 * 1000; ///< an upload idle this long is dropped
};

/**
 * @brief Ticket attachments (docs/attachments.md): resumable chunked uploads, the checks at completion
 * (size, SHA-256, type from the bytes, location data removed from photos), storage once per content, and
 * downloads under the ticket's read rule.
 *
 * Who may add and upload is the ticket write rule of its events (canWrite: agents of its team,
 * supervisors); who may download is the ticket read rule (team scope for agents). A stored file is renamed
 * into place under the writer lock (WriteTx) in the transaction that writes its record, and a file is
 * deleted under the same lock after checking no live record names it, so the two never race, also across
 * instances on PostgreSQL.
 */
class AttachmentService final
{
public:
    AttachmentService(TicketService &tickets, AttachmentFolder folder, AttachmentLimits limits,
                      const Clock &clock);

    /// @brief POST /tickets/{id}/attachments: a new upload (201), its state (200), or the stored record.
    [[nodiscard]] WriteResult create(const Actor &actor, const QString &ticketId, const QJsonObject &body);
    /// @brief PUT /attachments/{id}/upload?offset=N: {"received": N + bytes}.
    [[nodiscard]] QJsonObject putChunk(const Actor &actor, const QString &id, qint64 offset,
                                       const QByteArray &bytes);
    /// @brief GET /attachments/{id}/upload: {"received", "size"} (and "attachment" once stored).
    [[nodiscard]] QJsonObject uploadState(const Actor &actor, const QString &id);
    /// @brief POST /attachments/{id}/complete: 201 with the record, 200 when stored before.
    [[nodiscard]] WriteResult complete(const Actor &actor, const QString &id);

    struct Content
    {
        Attachment record;
        QByteArray bytes;
    };
    /// @brief GET /attachments/{id}/content.
    [[nodiscard]] Content content(const Actor &actor, const QString &id);
    /// @brief GET /tickets/{id}/attachments.
    [[nodiscard]] QJsonArray list(const Actor &actor, const QString &ticketId);
    /**
     * @brief PATCH /attachments/{id} with {"evidence": code or null}: 200 with the record. A change writes a
     * new version with a new seq (the consoles get it through the feed); the same tag again writes nothing.
     * 404 for an unknown or deleted id, 403 unless @p actor may write the ticket, 422 for a bad code.
     */
    [[nodiscard]] WriteResult setEvidence(const Actor &actor, const QString &id, const QJsonObject &body);

    /// @brief In the transaction that deletes a ticket: tombstones its attachments, drops its uploads.
    void ticketRemoved(WriteTx &tx, const QString &ticketId);
    /// @brief After that transaction: deletes the files no live record names any more.
    void ticketRemovalCommitted(const QString &ticketId);
    /// @brief In a merge's transaction: the merged ticket's files and uploads move to @p to; how many moved.
    int ticketMerged(WriteTx &tx, const QString &fromId, const Ticket &to)
    {
        return m_store.moveToTicket(tx, fromId, to);
    }
    /// @brief Deletes each of these files unless a live record names it (under the writer lock).
    void dropUnreferenced(const QSet<QString> &shas);

    /**
     * @brief Housekeeping: removes uploads idle for kStaleUploadMs (server time), .part files without an
     * upload, and files no record names that are older than an hour. Returns how many uploads went.
     */
    int removeStale();

    [[nodiscard]] const AttachmentFolder &folder() const { return m_folder; }
    [[nodiscard]] const AttachmentLimits &limits() const { return m_limits; }

private:
    /// @brief The upload @p id of a ticket @p actor may write; 404 / 403 otherwise.
    [[nodiscard]] AttachmentUpload writableUpload(const Actor &actor, const QString &id);
    [[nodiscard]] AttachmentUpload uploadFrom(const Actor &actor, const Ticket &t, const QJsonObject &body);
    void checkLimits(const AttachmentUpload &u);
    /**
     * @brief The upload's bytes as they are to be stored (location data removed) and their type; ApiError
     * otherwise: 409 while bytes are missing, 422 for a checksum mismatch (the upload starts again from 0),
     * 415 for a type not allowed and 422 for a photo whose location data cannot be removed (both dropped).
     */
    [[nodiscard]] QByteArray checkedContent(const AttachmentUpload &u, QString *type);
    /// @brief Drops an upload (record and .part file).
    void dropUpload(const QString &id);
    [[nodiscard]] QJsonObject progress(const QString &id, qint64 received) const;

    TicketService &m_tickets;
    AttachmentStore m_store;
    AttachmentFolder m_folder;
    AttachmentLimits m_limits;
    const Clock &m_clock;
};

} // namespace pd::server
