// render_icon: renders the SVG application icon to square PNGs at build time (packaging only).
// Usage: render_icon ICON.svg OUTDIR SIZE... → OUTDIR/<SIZE>x<SIZE>/apps/parceldesk.png, plus
// OUTDIR/parceldesk.ico (the largest size up to 256, for the Windows installer) when Qt's ICO image plugin is
// there.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    // No display is needed: the offscreen platform is enough for painting on a QImage.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: render_icon ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "render_icon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage icoImage;
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            std::fprintf(stderr, "render_icon: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/parceldesk.png"), "PNG", 9)) {
            std::fprintf(stderr, "render_icon: cannot write %s\n", qPrintable(dir));
            return 1;
        }
        if (size <= 256 && size > icoImage.width())
            icoImage = image;
    }
    if (!icoImage.isNull() && QImageWriter::supportedImageFormats().contains("ico") &&
        !icoImage.save(args.at(2) + QStringLiteral("/parceldesk.ico"), "ICO")) {
        std::fprintf(stderr, "render_icon: cannot write parceldesk.ico\n");
        return 1;
    }
    return 0;
}
