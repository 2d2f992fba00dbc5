#pragma once

#include "models/store/attachmentrepository.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace pd {

class ApiClient;
class Clock;
class Database;
struct ApiResult;

/**
 * @brief Sends this console's staged files to the server, one at a time, in chunks (docs/attachments.md,
 * "Upload: chunked and resumable").
 *
 * POST /tickets/{id}/attachments creates or resumes the upload, PUT /attachments/{id}/upload?offset=N sends
 * chunks of at most the server's chunk_size from the cache's sealed copy, POST /attachments/{id}/complete
 * stores it. After a restart (bytes were confirmed before) it first asks GET /attachments/{id}/upload where
 * the upload stands and goes on from `received`; a 409 offset_mismatch also goes on from the server's
 * `received`. 413 and 415 fail the file for good with the server's message; network errors, 5xx and 429 wait
 * for the engine's back-off. A file for a ticket that is still in the outbox waits
 * (AttachmentRepository::pendingUploads).
 *
 * For tests only: PARCELDESK_TEST_UPLOAD_CHUNK_DELAY_MS delays every chunk (tst_attachment_sync kills a
 * console mid-upload).
 */
class AttachmentUploader final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultChunkBytes = 1024 * 1024;

    AttachmentUploader(const Database &db, ApiClient *api, const Clock &clock,
                       std::function<qint64(int)> backoffMs, QObject *parent = nullptr);
    ~AttachmentUploader() override;

    /// @brief True when an upload is due now or running.
    [[nodiscard]] bool hasWork() const;
    [[nodiscard]] bool isBusy() const { return m_job != nullptr; }

public Q_SLOTS:
    /// @brief Starts the uploads due now; idle() follows when none is left that can go now.
    void run();
    /// @brief Uploads waiting for a back-off go now (the server is back).
    void retryNow();

Q_SIGNALS:
    void progress(const QString &ticketId, const QString &attachmentId, qint64 sent, qint64 total);
    void stored(const pd::Attachment &attachment);
    void failed(const QString &ticketId, const QString &attachmentId, const QString &message);
    /// @brief Nothing more can be sent now (done, or waiting for a back-off).
    void idle();
    /// @brief A back-off ended: the engine starts a push round (which runs the uploader unless sending is
    /// held).
    void due();

private:
    struct Job;
    void startNext();
    void begin();
    void askWhereItStands();
    void create();
    void onCreated(const ApiResult &r);
    void sendChunk();
    void onChunk(const ApiResult &r);
    void complete();
    void onCompleted(const ApiResult &r);
    bool storeRecord(const QJsonObject &record);
    /// @brief PATCHes the tag changed here after the create went, then keeps the server's answer.
    void sendEvidence(const Attachment &stored, std::optional<EvidenceKind> evidence);
    void retryLater(const ApiResult &r);
    void fail(const QString &message);
    void endJob();
    void schedule();
    /// @brief 409 upload_complete: the server holds the whole file already (its record comes from a create).
    [[nodiscard]] static bool storedAlready(const ApiResult &r);
    [[nodiscard]] static QString serverReason(const ApiResult &r);

    const Database &m_db;
    ApiClient *m_api;
    const Clock &m_clock;
    std::function<qint64(int)> m_backoffMs;
    std::unique_ptr<Job> m_job;
    QTimer *m_timer = nullptr;
    int m_chunkDelayMs = 0;
};

} // namespace pd
