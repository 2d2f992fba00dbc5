// SyncEngine, the attachments part (issue 22): the uploader runs after the outbox pushed, the downloader on
// request; their outcomes reach the UI as the engine's signals.
#include "attachmentdownloader.h"
#include "attachmentuploader.h"
#include "syncengine.h"

#include "apiclient.h"
#include "serverclock.h"

#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/localedits.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace pd {

void SyncEngine::setUpAttachments()
{
    AttachmentRepository(*m_db).purgeFiles(); // files of records dropped before a crash
    m_uploader = new AttachmentUploader(
        *m_db, m_api.get(), *m_clock, [this](int attempts) { return backoffMs(attempts); }, this);
    connect(m_uploader, &AttachmentUploader::progress, this, &SyncEngine::attachmentUploadProgress);
    connect(m_uploader, &AttachmentUploader::stored, this, [this](const Attachment &a) {
        Q_EMIT attachmentStored(a.ticketId, a.id);
        Q_EMIT ticketsChanged({a.ticketId});
    });
    connect(m_uploader, &AttachmentUploader::failed, this,
            [this](const QString &ticketId, const QString &attachmentId, const QString &message) {
                Q_EMIT attachmentUploadFailed(ticketId, attachmentId, message);
                Q_EMIT ticketsChanged({ticketId});
            });
    connect(m_uploader, &AttachmentUploader::due, this, &SyncEngine::pushNow);
    connect(m_uploader, &AttachmentUploader::idle, this, [this] {
        if (m_inFlight == 0 && !m_pushHeld)
            finishPushRound();
    });

    m_downloader = new AttachmentDownloader(*m_db, m_api.get(), this);
    const qint64 cap = QSettings()
                           .value(u"attachments/cache_bytes"_s, AttachmentRepository::kDefaultCacheBytes)
                           .toLongLong();
    m_downloader->setCapBytes(cap > 0 ? cap : AttachmentRepository::kDefaultCacheBytes);
    connect(m_downloader, &AttachmentDownloader::finished, this, &SyncEngine::attachmentDownloaded);
    connect(m_downloader, &AttachmentDownloader::failed, this, &SyncEngine::attachmentDownloadFailed);
}

void SyncEngine::finishPushRound()
{
    // Staged files go after the edits: a file for a ticket made offline needs the ticket on the server. The
    // round is idle once the uploader is (it comes back here).
    if (!m_pushHeld && m_uploader && m_api->hasAccessToken() && m_uploader->hasWork()) {
        m_uploader->run();
        return;
    }
    for (const QString &id : m_edits->staleRows())
        refreshRow(id);
    refreshCounts();
    emitStatus();
    schedulePush();
    Q_EMIT pushIdle();
}

void SyncEngine::downloadAttachment(const QString &attachmentId)
{
    if (!m_downloader)
        return;
    m_downloader->request(attachmentId);
}

void SyncEngine::uploadAttachmentsNow()
{
    if (!m_db)
        return;
    (void)AttachmentRepository(*m_db).retryNow(m_clock->nowMs());
    pushNow();
}

} // namespace pd
