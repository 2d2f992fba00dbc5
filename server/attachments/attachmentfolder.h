#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd::server {

/**
 * @brief The attachments' bytes on disk, outside the database (docs/server.md, "Attachments on disk").
 *
 * Stored files are content-addressed: `<root>/<sha[0:2]>/<sha256>`, one file per content however many
 * attachments name it, written through a temporary file and a rename so a reader never sees half a file.
 * Uploads in progress are `<root>/uploads/<id>.part`, appended chunk by chunk, so an upload survives a
 * restart of the server. Nothing here touches the database; AttachmentService decides when a file is kept.
 */
class AttachmentFolder final
{
public:
    explicit AttachmentFolder(QString root);

    /// @brief `<directory of the SQLite file>/attachments`, or `<AppDataLocation>/attachments` for
    /// PostgreSQL.
    [[nodiscard]] static QString defaultFor(const QString &dbUrl);

    [[nodiscard]] const QString &root() const { return m_root; }
    /// @brief Creates the root and uploads folders; false with a message when they cannot be written.
    bool prepare(QString *error) const;

    [[nodiscard]] QString blobPath(const QString &sha256) const;
    [[nodiscard]] QString partPath(const QString &uploadId) const;
    [[nodiscard]] bool hasBlob(const QString &sha256) const;

    /// @brief Bytes of the upload's .part file (0 when there is none).
    [[nodiscard]] qint64 partSize(const QString &uploadId) const;
    /// @brief Creates an empty .part file unless one exists.
    bool createPart(const QString &uploadId) const;
    /// @brief Writes @p bytes at @p offset (dropping anything after it: bytes of a write cut short).
    bool writePart(const QString &uploadId, qint64 offset, const QByteArray &bytes) const;
    /// @brief The whole .part file; nullopt when it cannot be read.
    [[nodiscard]] std::optional<QByteArray> readPart(const QString &uploadId) const;
    void truncatePart(const QString &uploadId) const;
    void removePart(const QString &uploadId) const;

    /**
     * @brief Writes @p bytes to a temporary file beside the blob's place (same file system, so the later
     * rename is atomic); returns its path, empty on failure.
     */
    [[nodiscard]] QString stageBlob(const QString &sha256, const QByteArray &bytes) const;
    /// @brief Moves a staged file to the blob's place, or drops it when that content is stored already.
    bool commitBlob(const QString &staged, const QString &sha256) const;
    void removeBlob(const QString &sha256) const;
    /// @brief The bytes of a stored blob; nullopt when the file is missing or unreadable.
    [[nodiscard]] std::optional<QByteArray> readBlob(const QString &sha256) const;

    /// @brief The ids of every .part file (stale uploads are found through the database, this is for
    /// leftovers without a record).
    [[nodiscard]] QStringList partIds() const;
    /// @brief Every stored blob's SHA-256 (hex), for the orphan sweep and the tests.
    [[nodiscard]] QStringList blobs() const;

private:
    QString m_root;
};

} // namespace pd::server
