#include "attachmentlistmodel.h"

#include <QBuffer>
#include <QCache>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

// The file's kind in a grey box: "PDF", "MP4", "JPG" (also for a photo not downloaded yet).
QImage placeholder(const AttachmentView &view, int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0x9a, 0xa0, 0xa6));
    p.setBrush(QColor(0xf1, 0xf3, 0xf4));
    p.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 6, 6);
    QString kind = QFileInfo(view.attachment.name).suffix().left(4).toUpper();
    if (kind.isEmpty())
        kind = view.attachment.isVideo() ? u"MP4"_s : u"FILE"_s;
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(qMax(9, size / 5));
    p.setFont(f);
    p.setPen(QColor(0x3c, 0x40, 0x43));
    p.drawText(img.rect(), Qt::AlignCenter, kind);
    return img;
}

QCache<QString, QImage> &cache()
{
    static QCache<QString, QImage> images(200);
    return images;
}

} // namespace

QString AttachmentThumbnails::contentType(const AttachmentView &view)
{
    if (!view.attachment.contentType.isEmpty())
        return view.attachment.contentType;
    // The local copy is encrypted: its bytes say nothing until opened, and the server decides anyway.
    static const QMimeDatabase mimes;
    return mimes.mimeTypeForFile(view.attachment.name, QMimeDatabase::MatchExtension).name();
}

bool AttachmentThumbnails::isImage(const AttachmentView &view)
{
    return contentType(view).startsWith(u"image/"_s);
}

QImage AttachmentThumbnails::decode(const QByteArray &bytes, QSize scaledTo)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // a phone's photo the right way up (EXIF orientation)
    const QSize full = reader.size();
    if (full.isValid() && scaledTo.isValid() &&
        (full.width() > scaledTo.width() || full.height() > scaledTo.height()))
        reader.setScaledSize(full.scaled(scaledTo, Qt::KeepAspectRatio)); // decoded small, not whole
    return reader.read();
}

QImage AttachmentThumbnails::thumbnail(const AttachmentView &view, const AttachmentContent &content, int size)
{
    if (view.localPath.isEmpty() || !isImage(view) || !content)
        return placeholder(view, size);
    const QString key =
        u"%1|%2|%3|%4"_s.arg(view.attachment.id, view.localPath, view.attachment.sha256).arg(size);
    if (const QImage *hit = cache().object(key))
        return *hit;
    QImage img = decode(content(view.attachment.id), QSize(size, size));
    if (img.isNull())
        return placeholder(view, size);
    if (img.width() > size || img.height() > size)
        img = img.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    cache().insert(key, new QImage(img));
    return img;
}

QString AttachmentThumbnails::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

AttachmentListModel::AttachmentListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int AttachmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_views.size());
}

int AttachmentListModel::rowOf(const QString &attachmentId) const
{
    for (int i = 0; i < m_views.size(); ++i)
        if (m_views.at(i).attachment.id == attachmentId)
            return i;
    return -1;
}

void AttachmentListModel::setAttachments(const QList<AttachmentView> &views)
{
    // The same files again (progress, a download): rows change in place; new files: rows appended.
    bool samePrefix = views.size() >= m_views.size();
    for (int i = 0; samePrefix && i < m_views.size(); ++i)
        samePrefix = views.at(i).attachment.id == m_views.at(i).attachment.id;
    if (!samePrefix) {
        beginResetModel();
        m_views = views;
        endResetModel();
        return;
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < m_views.size(); ++i) {
        const AttachmentView &a = m_views.at(i);
        const AttachmentView &b = views.at(i);
        if (a.attachment == b.attachment && a.state == b.state && a.uploaded == b.uploaded &&
            a.error == b.error && a.localPath == b.localPath)
            continue;
        m_views[i] = b;
        firstChanged = firstChanged < 0 ? i : firstChanged;
        lastChanged = i;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged), index(lastChanged)); // one signal for the batch
    if (views.size() > m_views.size()) {
        beginInsertRows({}, int(m_views.size()), int(views.size()) - 1);
        m_views.append(views.mid(m_views.size()));
        endInsertRows();
    }
}

QString AttachmentListModel::toolTip(const AttachmentView &v) const
{
    QString state;
    switch (v.state) {
    case AttachmentState::Queued:
        state = tr("Waiting to be sent");
        break;
    case AttachmentState::Uploading:
        state = tr("Sending: %1 of %2")
                    .arg(AttachmentThumbnails::sizeText(v.uploaded),
                         AttachmentThumbnails::sizeText(v.attachment.size));
        break;
    case AttachmentState::Failed:
        state = tr("Not sent: %1").arg(v.error);
        break;
    case AttachmentState::Stored:
        state = v.localPath.isEmpty() ? tr("On the server (not downloaded yet)") : tr("On the server");
        break;
    }
    QStringList lines{v.attachment.name, AttachmentThumbnails::sizeText(v.attachment.size), state};
    if (v.attachment.evidence)
        lines.append(tr("Evidence: %1").arg(displayName(*v.attachment.evidence)));
    return lines.join(u'\n');
}

QVariant AttachmentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_views.size())
        return {};
    const AttachmentView &v = m_views.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return v.attachment.name;
    case Qt::DecorationRole:
        return QVariant::fromValue(AttachmentThumbnails::thumbnail(v, m_content));
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return toolTip(v);
    case IdRole:
        return v.attachment.id;
    case StateRole:
        return int(v.state);
    case ProgressRole:
        if (v.state != AttachmentState::Uploading || v.attachment.size <= 0)
            return -1;
        return int(qBound(qint64(0), v.uploaded * 100 / v.attachment.size, qint64(100)));
    case ErrorRole:
        return v.error;
    case PathRole:
        return v.localPath;
    case EvidenceRole:
        return v.attachment.evidence ? toCode(*v.attachment.evidence) : QString();
    case SizeTextRole:
        return AttachmentThumbnails::sizeText(v.attachment.size);
    case IsImageRole:
        return AttachmentThumbnails::isImage(v);
    default:
        return {};
    }
}

QHash<int, QByteArray> AttachmentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "attachmentId");
    names.insert(StateRole, "state");
    names.insert(ProgressRole, "progress");
    names.insert(ErrorRole, "error");
    names.insert(PathRole, "localPath");
    names.insert(EvidenceRole, "evidence");
    names.insert(SizeTextRole, "sizeText");
    names.insert(IsImageRole, "isImage");
    return names;
}

} // namespace pd
