#pragma once

#include "models/store/attachmentrepository.h"

#include <QAbstractListModel>
#include <QHash>
#include <QImage>

#include <functional>

namespace pd {

/// @brief The clear bytes of an attachment's local copy (AttachmentRepository::content: the file on disk is
/// encrypted), or empty.
using AttachmentContent = std::function<QByteArray(const QString &attachmentId)>;

/// @brief Small images of a ticket's files: a scaled photo once a copy is on this PC, else a drawn
/// placeholder (an icon with the file's kind). Decoded at the reduced size (QImageReader), cached.
class AttachmentThumbnails final
{
public:
    static constexpr int kSize = 72;

    /// @brief The thumbnail of @p view, at most @p size × @p size pixels; @p content reads its bytes.
    [[nodiscard]] static QImage thumbnail(const AttachmentView &view, const AttachmentContent &content,
                                          int size = kSize);
    /// @brief A photo decoded whole, the right way up; null when the bytes are no image Qt reads.
    [[nodiscard]] static QImage decode(const QByteArray &bytes, QSize scaledTo = {});
    /// @brief "image/png" from the record, or from the name while the server has not said (a staged file).
    [[nodiscard]] static QString contentType(const AttachmentView &view);
    [[nodiscard]] static bool isImage(const AttachmentView &view);
    /// @brief "2.4 MB", "830 KB" in the current locale.
    [[nodiscard]] static QString sizeText(qint64 bytes);
};

/**
 * @brief A ticket's attachments for the pane's strip (a QListView in icon mode), oldest first.
 *
 * Display is the file's name, decoration its thumbnail, tooltip name, size, state and the server's reason of
 * a refusal. setAttachments() updates rows in place when the same files are shown again (progress, a finished
 * download), inserts new ones at the end and resets only for another ticket.
 */
class AttachmentListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, ///< QString, the attachment's id
        StateRole,                 ///< int, AttachmentState
        ProgressRole,              ///< int 0–100 while uploading (uploaded of size), else -1
        ErrorRole,                 ///< QString, the translated reason when Failed
        PathRole,                  ///< QString, a readable copy on this PC, or empty
        EvidenceRole,              ///< QString, the evidence code, or empty
        SizeTextRole,              ///< QString, "2.4 MB"
        IsImageRole                ///< bool
    };
    Q_ENUM(Role)

    explicit AttachmentListModel(QObject *parent = nullptr);

    /// @brief How thumbnails read the files' bytes (without it, every file shows its placeholder).
    void setContent(const AttachmentContent &content) { m_content = content; }
    void setAttachments(const QList<AttachmentView> &views);
    [[nodiscard]] const QList<AttachmentView> &attachments() const { return m_views; }
    [[nodiscard]] int rowOf(const QString &attachmentId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    Q_DISABLE_COPY_MOVE(AttachmentListModel)
    [[nodiscard]] QString toolTip(const AttachmentView &v) const;

    QList<AttachmentView> m_views;
    AttachmentContent m_content;
};

} // namespace pd
