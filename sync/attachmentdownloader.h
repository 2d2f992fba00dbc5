#pragma once

#include <QObject>
#include <QSet>

namespace pd {

class ApiClient;
class Database;
struct ApiResult;

/**
 * @brief Fetches an attachment's bytes on demand (GET /attachments/{id}/content) into the cache's download
 * cache: checked against the record's SHA-256, sealed, and kept within a size cap (least recently used first
 * out; setting "attachments/cache_bytes", default 500 MB).
 */
class AttachmentDownloader final : public QObject
{
    Q_OBJECT
public:
    AttachmentDownloader(const Database &db, ApiClient *api, QObject *parent = nullptr);

    void setCapBytes(qint64 bytes) { m_capBytes = bytes; }
    [[nodiscard]] qint64 capBytes() const { return m_capBytes; }

public Q_SLOTS:
    /// @brief finished() at once when the copy is already here; one request per file at a time.
    void request(const QString &attachmentId);

Q_SIGNALS:
    /// @brief The copy is on this PC (sealed: read it with AttachmentRepository::content / exportTo).
    void finished(const QString &attachmentId, const QString &localPath);
    void failed(const QString &attachmentId, const QString &message);

private:
    void onContent(const QString &attachmentId, const ApiResult &r);

    const Database &m_db;
    ApiClient *m_api;
    qint64 m_capBytes;
    QSet<QString> m_inFlight;
};

} // namespace pd
