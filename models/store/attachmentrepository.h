#pragma once

#include "models/domain/attachment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// Where a file of the console stands (docs/attachments.md, "In the console").
enum class AttachmentState
{
    Queued,    ///< staged in the cache, waiting for the server (offline, or its ticket not yet sent)
    Uploading, ///< part of it is on the server; `uploaded` bytes of `size`
    Failed,    ///< the server refused it for good (too large, type not allowed): `error` says why
    Stored     ///< on the server; the record came back through the change feed
};

/// @brief An attachment as the ticket pane shows it: the record, and for this console's own files the
/// upload's progress.
struct AttachmentView
{
    Attachment attachment;
    AttachmentState state = AttachmentState::Stored;
    qint64 uploaded = 0;
    QString error; ///< translated reason when Failed
    /// The copy on this PC (staged or downloaded); empty until downloaded. The file is encrypted at rest
    /// (AttachmentFiles): read it with AttachmentRepository::content() or exportTo(), never directly.
    QString localPath;
};

/// @brief A staged file on its way to the server, for the uploader (sync/attachmentuploader).
struct PendingUpload
{
    Attachment attachment; ///< id, ticketId, eventId, name, size, sha256, evidence, createdBy, createdAt
    QString stagedPath;    ///< the cache's own copy, read in chunks
    qint64 uploaded = 0;   ///< bytes the server confirmed, as last known
    int attempts = 0;
    Instant nextAttemptAt = 0;
};

/**
 * @brief The cache's attachments: records from the change feed, files this console staged for upload, and
 * the download cache (a size cap, least recently used files go first).
 *
 * Staging copies the file into the cache's folder at once (in chunks, hashing as it copies), so the original
 * may move or vanish and a restart loses nothing; the record and the pending upload are written in one
 * transaction. Every read runs on the GUI thread through the `attachments_ticket` index (a ticket holds at
 * most a few dozen files).
 */
class AttachmentRepository final
{
    Q_DECLARE_TR_FUNCTIONS(pd::AttachmentRepository)
public:
    explicit AttachmentRepository(const Database &db);

    /// @brief Copies @p sourcePath into the cache and queues it for upload to @p ticketId; the returned
    /// record has a new id. A file over @p maxBytes, empty, or unreadable is refused with a translated
    /// message in
    /// @p error and nothing is written.
    [[nodiscard]] std::optional<Attachment> stage(const QString &ticketId, const QString &sourcePath,
                                                  const QString &authorId, Instant now,
                                                  std::optional<EvidenceKind> evidence = std::nullopt,
                                                  const QString &eventId = {}, QString *error = nullptr,
                                                  qint64 maxBytes = kDefaultMaxAttachmentBytes);
    /// @brief The same for bytes in memory (an image pasted from the clipboard), named @p name.
    [[nodiscard]] std::optional<Attachment>
    stageBytes(const QString &ticketId, const QByteArray &bytes, const QString &name, const QString &authorId,
               Instant now, std::optional<EvidenceKind> evidence = std::nullopt, const QString &eventId = {},
               QString *error = nullptr, qint64 maxBytes = kDefaultMaxAttachmentBytes);

    /// @brief The ticket's attachments, oldest first: stored ones and this console's queued or failed ones.
    [[nodiscard]] QList<AttachmentView> forTicket(const QString &ticketId) const;
    [[nodiscard]] std::optional<AttachmentView> view(const QString &attachmentId) const;
    /// @brief The evidence kinds the ticket's attachments show (stored or on their way).
    [[nodiscard]] QList<EvidenceKind> evidenceOf(const QString &ticketId) const;

    /// @brief Records from the change feed (an upsert by id; a staged record becomes Stored).
    bool upsert(const QList<Attachment> &attachments, QString *error = nullptr);

    // For the uploader.
    [[nodiscard]] QList<PendingUpload> pendingUploads(Instant now, int limit = 10) const;
    bool markUploaded(const QString &attachmentId, qint64 bytes, QString *error = nullptr);
    bool markRetry(const QString &attachmentId, const QString &reason, Instant nextAttemptAt,
                   QString *error = nullptr);
    bool markFailed(const QString &attachmentId, const QString &reason, QString *error = nullptr);
    /// @brief The server stored the file: the record takes the server's fields and the staged copy moves to
    /// the download cache.
    bool markStored(const Attachment &stored, QString *error = nullptr);

    // The download cache.
    /// @brief A cached copy of the attachment's bytes, or empty; touching it keeps it from eviction.
    [[nodiscard]] QString cachedFile(const QString &attachmentId) const;
    /// @brief Files the downloader fetched: kept under the cache's folder, evicted oldest-used first beyond
    /// @p capBytes.
    bool addDownloaded(const QString &attachmentId, const QString &path, qint64 capBytes,
                       QString *error = nullptr);

    // Added with the sync side (issue 22).
    /// The download cache's default cap (setting "attachments/cache_bytes").
    static constexpr qint64 kDefaultCacheBytes = 500LL * 1024 * 1024;
    /// @brief Seals downloaded @p bytes into the download cache (same eviction as addDownloaded).
    bool storeDownloaded(const QString &attachmentId, QByteArrayView bytes, qint64 capBytes,
                         QString *error = nullptr);
    /// @brief The clear bytes of the local copy (staged or downloaded); empty and a translated message when
    /// there is none or it does not open. Touches a downloaded copy (LRU).
    [[nodiscard]] QByteArray content(const QString &attachmentId, QString *error = nullptr) const;
    /// @brief Writes a clear copy of the local file to @p destination (the person chose where: "Save as…",
    /// or a private temp file to open it with another program).
    bool exportTo(const QString &attachmentId, const QString &destination, QString *error = nullptr) const;
    /// @brief Bytes of the download cache now.
    [[nodiscard]] qint64 downloadCacheBytes() const;
    /// @brief Records the feed deleted (their files go too).
    bool remove(const QStringList &attachmentIds, QString *error = nullptr);
    /// @brief Attachments of tickets deleted or withdrawn (also those waiting for a ticket the cache never
    /// had).
    bool dropForTickets(const QStringList &ticketIds, QString *error = nullptr);
    /// @brief A reset of the feed: stored records whose ticket the cache no longer holds go.
    bool dropOrphans(QString *error = nullptr);
    /// @brief Deletes the files whose rows went (kept in attachment_trash until the drop committed); returns
    /// how many. Call after a commit that may have dropped attachments.
    int purgeFiles() const;
    /// @brief Uploads waiting for a back-off are due now (the server is back, F5).
    bool retryNow(Instant now, QString *error = nullptr);
    /// @brief The earliest retry of a waiting upload, if any.
    [[nodiscard]] std::optional<Instant> nextUploadAt() const;

private:
    const Database &m_db;

public:
    // requested by ui
    /**
     * @brief Sets (or with nullopt clears) the evidence kind of @p attachmentId that this console staged and
     * the server has not stored yet (Queued, Uploading, Failed): the upload's create carries it (and the
     * uploader sends it after the completion if the create went before the change). evidenceOf() follows at
     * once.
     *
     * A stored file's tag is the server's: it is refused here with a translated message and nothing changes.
     * The pane sends it online (AttachmentsApi::setEvidence, PATCH /attachments/{id}) and upserts the
     * answer (docs/attachments.md, "Changing the evidence tag").
     */
    bool setEvidence(const QString &attachmentId, std::optional<EvidenceKind> evidence,
                     QString *error = nullptr);
};

} // namespace pd
