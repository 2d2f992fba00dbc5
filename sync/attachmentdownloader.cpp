#include "attachmentdownloader.h"

#include "apiclient.h"

#include "models/store/attachmentrepository.h"
#include "models/store/database.h"

#include <QCryptographicHash>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace pd {

AttachmentDownloader::AttachmentDownloader(const Database &db, ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_api(api)
    , m_capBytes(AttachmentRepository::kDefaultCacheBytes)
{}

void AttachmentDownloader::request(const QString &attachmentId)
{
    AttachmentRepository repo(m_db);
    if (const QString path = repo.cachedFile(attachmentId); !path.isEmpty()) {
        QTimer::singleShot(0, this, [this, attachmentId, path] { Q_EMIT finished(attachmentId, path); });
        return;
    }
    if (m_inFlight.contains(attachmentId))
        return;
    m_inFlight.insert(attachmentId);
    ApiReply *reply =
        m_api->download(u"/api/v1/attachments/"_s + ApiClient::pathSegment(attachmentId) + u"/content"_s);
    connect(reply, &ApiReply::finished, this,
            [this, attachmentId](const ApiResult &r) { onContent(attachmentId, r); });
}

void AttachmentDownloader::onContent(const QString &attachmentId, const ApiResult &r)
{
    m_inFlight.remove(attachmentId);
    if (!r.ok()) {
        const QString why = r.errorMessage.isEmpty() ? tr("HTTP %1").arg(r.status) : r.errorMessage;
        Q_EMIT failed(attachmentId, tr("The file could not be downloaded: %1").arg(why));
        return;
    }
    AttachmentRepository repo(m_db);
    const auto record = repo.view(attachmentId);
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(r.raw, QCryptographicHash::Sha256).toHex());
    if (record && !record->attachment.sha256.isEmpty() && hash != record->attachment.sha256) {
        Q_EMIT failed(attachmentId,
                      tr("The downloaded file is not the one on the server (checksum differs)."));
        return;
    }
    QString error;
    if (!repo.storeDownloaded(attachmentId, r.raw, m_capBytes, &error)) {
        Q_EMIT failed(attachmentId, tr("The file could not be kept on this PC: %1").arg(error));
        return;
    }
    Q_EMIT finished(attachmentId, repo.cachedFile(attachmentId));
}

} // namespace pd
