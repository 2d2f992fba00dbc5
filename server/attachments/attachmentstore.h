#pragma once

#include "attachmentfolder.h"

#include "server/storage/documentstore.h"

#include "models/domain/attachment.h"
#include "models/domain/entities.h"

#include <QSet>

#include <optional>

namespace pd::server {

/// @brief An upload in progress (table attachment_uploads): what the client declared, and who sent it.
struct AttachmentUpload
{
    QString id;
    QString ticketId;
    QString userId;
    QString name;
    qint64 size = 0;
    QString sha256; ///< of the bytes the client sends (before location data is removed)
    QString eventId;
    QString evidence; ///< an EvidenceKind code or empty
    qint64 createdMs = 0;
    qint64 updatedMs = 0; ///< server time of the last chunk (stale uploads are removed after 7 days)
};

/**
 * @brief The database side of attachments: uploads in progress, and the attachment records, which are
 * documents of type "attachment" in the change feed with the ticket as parent and its team (so they follow
 * the ticket exactly like its events), and the stored content's SHA-256 in the status column (so one query
 * tells whether any record still names a file).
 */
class AttachmentStore final
{
public:
    explicit AttachmentStore(DocumentStore &docs)
        : m_docs(docs)
    {}

    [[nodiscard]] std::optional<AttachmentUpload> upload(const QString &id);
    void insertUpload(WriteTx &tx, const AttachmentUpload &u);
    /// @brief Notes a chunk (server time); one statement outside a transaction.
    void touchUpload(const QString &id, qint64 nowMs);
    void removeUpload(WriteTx &tx, const QString &id);
    /// @brief Uploads whose last chunk came before @p beforeMs.
    [[nodiscard]] QStringList staleUploads(qint64 beforeMs);

    /// @brief A stored attachment (tombstones too when @p withDeleted).
    [[nodiscard]] std::optional<Attachment> attachment(const QString &id, bool withDeleted = false);
    /// @brief Whether a record with this id was ever written (tombstones included).
    [[nodiscard]] bool known(const QString &id) { return m_docs.get(DocType::Attachment, id).has_value(); }
    [[nodiscard]] QList<Attachment> ofTicket(const QString &ticketId);
    /// @brief Writes the record with a new seq under the ticket's team.
    void put(WriteTx &tx, const Attachment &a, const QString &teamId);
    /// @brief Bytes of a ticket's stored attachments plus its uploads in progress.
    [[nodiscard]] qint64 ticketBytes(const QString &ticketId);
    /// @brief Whether a live record names the content @p sha256.
    [[nodiscard]] bool referenced(const QString &sha256);

    /**
     * @brief Tombstones the ticket's attachments (new seq, version + 1, data reduced to id and ticket) and
     * drops its uploads; returns the SHA-256 of the contents they named (in @p shas) and how many.
     */
    int removeOfTicket(WriteTx &tx, const QString &ticketId, QSet<QString> *shas);
    /**
     * @brief Moves the attachments of ticket @p fromId, and its uploads in progress, to @p to (a merge):
     * each record with a new seq and version under the target's team. Returns how many records moved.
     */
    int moveToTicket(WriteTx &tx, const QString &fromId, const Ticket &to);
    /// @brief The contents named by the ticket's tombstoned attachments (after a ticket deletion).
    [[nodiscard]] QSet<QString> contentsOfTicket(const QString &ticketId);

    /**
     * @brief Deletes each file of @p shas from @p folder unless a live record names it. Runs under the writer
     * lock: a completion that names the same content renames its file in place under the same lock, before
     * or after this, never in between (also across instances). Storage faults leave the files to the
     * housekeeping's orphan sweep.
     */
    void dropUnreferenced(const AttachmentFolder &folder, const QSet<QString> &shas);

    [[nodiscard]] static Doc toDoc(const Attachment &a, const QString &teamId);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
