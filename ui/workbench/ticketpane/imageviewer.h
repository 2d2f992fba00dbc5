#pragma once

#include <QDialog>
#include <QImage>
#include <QList>

#include <functional>

class QGraphicsPixmapItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPushButton;

namespace pd {

/**
 * @brief A ticket's photos, one at a time: zoom, rotate, previous and next.
 *
 * Keys: Ctrl+wheel, + and − (also Ctrl++ / Ctrl+−) zoom, 0 or F fits the photo to the window, R rotates a
 * quarter turn clockwise (Shift+R back), ← → (Page Up / Page Down) go to the previous / next photo, Esc
 * closes. Every button names its key in its tooltip. A photo with no copy on this PC yet is asked for
 * (downloadRequested) and shown when setPath() brings it.
 */
class ImageViewer final : public QDialog
{
    Q_OBJECT
public:
    struct Image
    {
        QString id;
        QString name;
        QString
            path; ///< the copy on this PC (encrypted: read through setContent()), or empty until downloaded
    };

    explicit ImageViewer(QWidget *parent = nullptr);

    /// @brief How the photos' bytes are read (AttachmentRepository::content()).
    void setContent(const std::function<QByteArray(const QString &attachmentId)> &content)
    {
        m_content = content;
    }

    /// @brief The photos to walk through, and the one shown first.
    void setImages(const QList<Image> &images, int current);
    /// @brief A copy of @p id arrived (or changed): shown at once when it is the current photo.
    void setPath(const QString &id, const QString &path);

    [[nodiscard]] int currentIndex() const { return m_current; }
    [[nodiscard]] QString currentId() const;
    [[nodiscard]] int count() const { return int(m_images.size()); }
    /// @brief The photo shown, as decoded (null while none is).
    [[nodiscard]] QImage shownImage() const { return m_image; }
    [[nodiscard]] QGraphicsView *view() const { return m_view; }
    /// @brief Scale of the view (1 = one photo pixel per screen pixel); rotation in degrees, 0–270.
    [[nodiscard]] double zoom() const { return m_scale; }
    [[nodiscard]] int rotation() const { return m_rotation; }
    [[nodiscard]] QLabel *captionLabel() const { return m_caption; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fit();
    void rotateClockwise();
    void rotateCounterclockwise();
    void next();
    void previous();

Q_SIGNALS:
    void downloadRequested(const QString &attachmentId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    /// @brief Takes the keyboard at once: the keys above work without a click into the window first.
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(ImageViewer)
    void retranslate();
    void showCurrent();
    void applyTransform();
    void setScale(double scale);
    void addShortcut(const QList<QKeySequence> &keys, void (ImageViewer::*slot)());

    QList<Image> m_images;
    std::function<QByteArray(const QString &)> m_content;
    int m_current = -1;
    QImage m_image;
    double m_scale = 1.0;
    int m_rotation = 0;
    bool m_fit = true;
    QGraphicsScene *m_scene;
    QGraphicsPixmapItem *m_item;
    QGraphicsView *m_view;
    QLabel *m_caption;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_zoomOut;
    QPushButton *m_zoomIn;
    QPushButton *m_fitButton;
    QPushButton *m_rotate;
    QPushButton *m_close;
};

} // namespace pd
