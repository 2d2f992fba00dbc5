#include "imageviewer.h"

#include <QBuffer>
#include <QEvent>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 16.0;
} // namespace

ImageViewer::ImageViewer(QWidget *parent)
    : QDialog(parent)
    , m_scene(new QGraphicsScene(this))
    , m_item(new QGraphicsPixmapItem)
    , m_view(new QGraphicsView(m_scene, this))
    , m_caption(new QLabel(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_zoomOut(new QPushButton(this))
    , m_zoomIn(new QPushButton(this))
    , m_fitButton(new QPushButton(this))
    , m_rotate(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    m_item->setTransformationMode(Qt::SmoothTransformation);
    m_scene->addItem(m_item);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_view->setAlignment(Qt::AlignCenter);
    m_view->viewport()->installEventFilter(this);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_previous, m_next, m_zoomOut, m_zoomIn, m_fitButton, m_rotate}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_previous, &QPushButton::clicked, this, &ImageViewer::previous);
    connect(m_next, &QPushButton::clicked, this, &ImageViewer::next);
    connect(m_zoomOut, &QPushButton::clicked, this, &ImageViewer::zoomOut);
    connect(m_zoomIn, &QPushButton::clicked, this, &ImageViewer::zoomIn);
    connect(m_fitButton, &QPushButton::clicked, this, &ImageViewer::fit);
    connect(m_rotate, &QPushButton::clicked, this, &ImageViewer::rotateClockwise);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    addShortcut({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                &ImageViewer::zoomIn);
    addShortcut({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}, &ImageViewer::zoomOut);
    addShortcut({QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_F)}, &ImageViewer::fit);
    addShortcut({QKeySequence(Qt::Key_R)}, &ImageViewer::rotateClockwise);
    addShortcut({QKeySequence(Qt::SHIFT | Qt::Key_R)}, &ImageViewer::rotateCounterclockwise);
    addShortcut({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)}, &ImageViewer::next);
    addShortcut({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)}, &ImageViewer::previous);
    resize(900, 700);
    retranslate();
}

void ImageViewer::addShortcut(const QList<QKeySequence> &keys, void (ImageViewer::*slot)())
{
    for (const QKeySequence &key : keys) {
        auto *s = new QShortcut(key, this);
        connect(s, &QShortcut::activated, this, slot);
    }
}

void ImageViewer::retranslate()
{
    m_previous->setText(tr("← Previous"));
    m_previous->setToolTip(tr("Previous photo (Left arrow)"));
    m_next->setText(tr("Next →"));
    m_next->setToolTip(tr("Next photo (Right arrow)"));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Zoom out (−, or Ctrl and the mouse wheel)"));
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomIn->setToolTip(tr("Zoom in (+, or Ctrl and the mouse wheel)"));
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Fit the photo to the window (0 or F)"));
    m_rotate->setText(tr("Rotate"));
    m_rotate->setToolTip(tr("Rotate a quarter turn clockwise (R; Shift+R turns back)"));
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_view->setAccessibleName(tr("Photo"));
    showCurrent();
}

void ImageViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

QString ImageViewer::currentId() const
{
    return m_current >= 0 && m_current < m_images.size() ? m_images.at(m_current).id : QString();
}

void ImageViewer::setImages(const QList<Image> &images, int current)
{
    m_images = images;
    m_current = images.isEmpty() ? -1 : qBound(0, current, int(images.size()) - 1);
    m_rotation = 0;
    m_fit = true;
    showCurrent();
}

void ImageViewer::setPath(const QString &id, const QString &path)
{
    bool changed = false;
    for (Image &image : m_images) {
        if (image.id == id && image.path != path) {
            image.path = path;
            changed = true;
        }
    }
    if (changed && id == currentId())
        showCurrent();
}

void ImageViewer::showCurrent()
{
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current >= 0 && m_current + 1 < m_images.size());
    if (m_current < 0) {
        m_image = QImage();
        m_item->setPixmap({});
        m_caption->setText(tr("No photos."));
        setWindowTitle(tr("Photos"));
        return;
    }
    const Image &img = m_images.at(m_current);
    setWindowTitle(img.name);
    QString state;
    m_image = QImage();
    if (img.path.isEmpty()) {
        state = tr("Downloading…");
        Q_EMIT downloadRequested(img.id);
    } else {
        QBuffer buffer;
        buffer.setData(m_content ? m_content(img.id) : QByteArray());
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true); // a phone's photo the right way up
        m_image = reader.read();
        if (m_image.isNull())
            state = tr("This photo cannot be shown here: %1").arg(reader.errorString());
    }
    m_item->setPixmap(QPixmap::fromImage(m_image));
    m_scene->setSceneRect(m_item->boundingRect());
    const QString where = tr("%1 of %2 · %3").arg(m_current + 1).arg(m_images.size()).arg(img.name);
    m_caption->setText(state.isEmpty() ? where : tr("%1 · %2").arg(where, state));
    applyTransform();
}

void ImageViewer::applyTransform()
{
    if (m_fit) {
        const QRectF turned = QTransform().rotate(m_rotation).mapRect(m_item->boundingRect());
        const QSizeF room = m_view->viewport()->size() - QSizeF(4, 4);
        if (!turned.isEmpty() && !room.isEmpty())
            m_scale = qBound(kMinZoom,
                             std::min({room.width() / turned.width(), room.height() / turned.height(), 1.0}),
                             kMaxZoom);
        else
            m_scale = 1.0;
    }
    QTransform t;
    t.scale(m_scale, m_scale);
    t.rotate(m_rotation);
    m_view->setTransform(t);
}

void ImageViewer::setScale(double scale)
{
    m_fit = false;
    m_scale = qBound(kMinZoom, scale, kMaxZoom);
    applyTransform();
}

void ImageViewer::zoomIn()
{
    setScale(m_scale * kZoomStep);
}

void ImageViewer::zoomOut()
{
    setScale(m_scale / kZoomStep);
}

void ImageViewer::fit()
{
    m_fit = true;
    applyTransform();
}

void ImageViewer::rotateClockwise()
{
    m_rotation = (m_rotation + 90) % 360;
    applyTransform();
}

void ImageViewer::rotateCounterclockwise()
{
    m_rotation = (m_rotation + 270) % 360;
    applyTransform();
}

void ImageViewer::next()
{
    if (m_current + 1 >= m_images.size())
        return;
    ++m_current;
    m_rotation = 0;
    m_fit = true;
    showCurrent();
}

void ImageViewer::previous()
{
    if (m_current <= 0)
        return;
    --m_current;
    m_rotation = 0;
    m_fit = true;
    showCurrent();
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize && m_fit)
        applyTransform(); // the photo fits the room it has now (also the first time the dialog is shown)
    if (watched == m_view->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            const int steps = wheel->angleDelta().y() / 120;
            if (steps != 0)
                setScale(m_scale * std::pow(kZoomStep, steps));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ImageViewer::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    activateWindow();
    m_view->setFocus(Qt::ActiveWindowFocusReason);
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_fit)
        applyTransform();
}

} // namespace pd
