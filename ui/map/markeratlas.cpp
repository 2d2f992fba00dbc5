#include "markeratlas.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace pd::map {

int glyphRank(Glyph g)
{
    switch (g) {
    case Glyph::Exception:
        return 4;
    case Glyph::Late:
        return 3;
    case Glyph::OutForDelivery:
        return 2;
    case Glyph::Parcel:
    case Glyph::AtStation:
        return 1;
    default:
        return 0;
    }
}

QString glyphLabel(Glyph g)
{
    switch (g) {
    case Glyph::Parcel:
        return MarkerAtlas::tr("In transit");
    case Glyph::OutForDelivery:
        return MarkerAtlas::tr("Out for delivery");
    case Glyph::AtStation:
        return MarkerAtlas::tr("At a station");
    case Glyph::Delivered:
        return MarkerAtlas::tr("Delivered");
    case Glyph::Late:
        return MarkerAtlas::tr("Late");
    case Glyph::Exception:
        return MarkerAtlas::tr("Exception");
    case Glyph::Courier:
        return MarkerAtlas::tr("Courier");
    case Glyph::Station:
        return MarkerAtlas::tr("Station");
    case Glyph::TrackPoint:
        return MarkerAtlas::tr("Tracking event");
    case Glyph::Complaint:
        return MarkerAtlas::tr("Open complaint");
    case Glyph::Incident:
        return MarkerAtlas::tr("Incident (parcels affected)");
    case Glyph::Count:
        break;
    }
    return {};
}

QColor glyphColour(Glyph g)
{
    switch (g) {
    case Glyph::Parcel:
        return QColor(0x1f, 0x6f, 0xd1);
    case Glyph::OutForDelivery:
        return QColor(0x1e, 0x9e, 0x4a);
    case Glyph::AtStation:
        return QColor(0x55, 0x6b, 0x82);
    case Glyph::Delivered:
        return QColor(0x8a, 0x8f, 0x96);
    case Glyph::Late:
        return QColor(0xf0, 0x8c, 0x00);
    case Glyph::Exception:
        return QColor(0xd9, 0x22, 0x2a);
    case Glyph::Courier:
        return QColor(0x7b, 0x3f, 0xc4);
    case Glyph::Station:
        return QColor(0x2b, 0x33, 0x3d);
    case Glyph::TrackPoint:
        return QColor(0x2b, 0x33, 0x3d);
    case Glyph::Complaint:
        return QColor(0xd9, 0x22, 0x2a);
    case Glyph::Incident:
        return QColor(0x00, 0x83, 0x8f);
    case Glyph::Count:
        break;
    }
    return Qt::black;
}

int MarkerAtlas::logicalSize(Glyph g)
{
    switch (g) {
    case Glyph::Late:
    case Glyph::Exception:
        return 20;
    case Glyph::Courier:
    case Glyph::Station:
        return 18;
    case Glyph::Incident:
        return 22;
    case Glyph::Delivered:
    case Glyph::TrackPoint:
        return 10;
    case Glyph::Complaint:
        return 9;
    default:
        return 14;
    }
}

namespace {

QPolygonF regular(QPointF c, qreal r, int corners, qreal startDeg)
{
    QPolygonF poly;
    for (int i = 0; i < corners; ++i) {
        const qreal a = qDegreesToRadians(startDeg + 360.0 * i / corners);
        poly << c + QPointF(r * std::cos(a), r * std::sin(a));
    }
    return poly;
}

} // namespace

void paintGlyph(QPainter &p, Glyph g, QPointF c, qreal size)
{
    const qreal r = size / 2 - 1.5;
    const QColor fill = glyphColour(g);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(fill);
    switch (g) {
    case Glyph::Parcel:
        p.drawEllipse(c, r, r);
        break;
    case Glyph::OutForDelivery:
        p.drawPolygon(regular(c, r * 1.15, 4, -90));
        break;
    case Glyph::AtStation:
        p.drawRect(QRectF(c - QPointF(r * 0.85, r * 0.85), QSizeF(r * 1.7, r * 1.7)));
        break;
    case Glyph::Delivered:
        p.drawEllipse(c, r, r);
        p.setPen(QPen(Qt::white, 1.3));
        p.drawPolyline(QPolygonF{c + QPointF(-r * 0.5, 0), c + QPointF(-r * 0.1, r * 0.45),
                                 c + QPointF(r * 0.55, -r * 0.45)});
        break;
    case Glyph::Late: {
        p.drawPolygon(regular(c + QPointF(0, r * 0.15), r * 1.1, 3, -90));
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(0, -r * 0.35), c + QPointF(0, r * 0.2));
        p.drawPoint(c + QPointF(0, r * 0.5));
        break;
    }
    case Glyph::Exception:
        p.drawPolygon(regular(c, r, 8, 22.5));
        p.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(-r * 0.4, -r * 0.4), c + QPointF(r * 0.4, r * 0.4));
        p.drawLine(c + QPointF(-r * 0.4, r * 0.4), c + QPointF(r * 0.4, -r * 0.4));
        break;
    case Glyph::Courier: {
        QPainterPath pin;
        pin.moveTo(c + QPointF(0, r));
        pin.arcTo(QRectF(c - QPointF(r * 0.8, r), QSizeF(r * 1.6, r * 1.6)), 225, -270);
        pin.closeSubpath();
        p.drawPath(pin);
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawEllipse(c - QPointF(0, r * 0.2), r * 0.3, r * 0.3);
        break;
    }
    case Glyph::Station: {
        QPolygonF house{c + QPointF(-r * 0.8, -r * 0.1), c + QPointF(0, -r * 0.9),
                        c + QPointF(r * 0.8, -r * 0.1), c + QPointF(r * 0.8, r * 0.85),
                        c + QPointF(-r * 0.8, r * 0.85)};
        p.drawPolygon(house);
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(c + QPointF(-r * 0.2, r * 0.25), QSizeF(r * 0.4, r * 0.6)));
        break;
    }
    case Glyph::TrackPoint:
        p.setPen(QPen(fill, 2));
        p.setBrush(Qt::white);
        p.drawEllipse(c, r, r);
        break;
    case Glyph::Complaint:
        p.setPen(QPen(Qt::white, 1.2));
        p.drawEllipse(c, r + 0.5, r + 0.5);
        break;
    case Glyph::Incident: // a halo and a ring, hollow: the station inside stays visible
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(fill.red(), fill.green(), fill.blue(), 80), 4));
        p.drawEllipse(c, r - 1, r - 1);
        p.setPen(QPen(fill, 2.5));
        p.drawEllipse(c, r - 1, r - 1);
        break;
    case Glyph::Count:
        break;
    }
    p.restore();
}

const QPixmap &MarkerAtlas::sprite(Glyph g, qreal dpr)
{
    if (!qFuzzyCompare(dpr, m_dpr))
        rebuild(dpr);
    return m_sprites[size_t(g)];
}

const QPixmap &MarkerAtlas::selection(qreal dpr)
{
    if (!qFuzzyCompare(dpr, m_dpr))
        rebuild(dpr);
    return m_selection;
}

void MarkerAtlas::rebuild(qreal dpr)
{
    m_dpr = dpr;
    for (int i = 0; i < int(Glyph::Count); ++i) {
        const auto g = Glyph(i);
        const int size = logicalSize(g);
        QPixmap pm(QSize(size, size) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paintGlyph(p, g, QPointF(size / 2.0, size / 2.0), size);
        m_sprites[size_t(i)] = pm;
    }
    const int s = 30;
    m_selection = QPixmap(QSize(s, s) * dpr);
    m_selection.setDevicePixelRatio(dpr);
    m_selection.fill(Qt::transparent);
    QPainter p(&m_selection);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x11, 0x11, 0x11), 2.5));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(s / 2.0, s / 2.0), s / 2.0 - 2, s / 2.0 - 2);
    p.setPen(QPen(Qt::white, 1.2));
    p.drawEllipse(QPointF(s / 2.0, s / 2.0), s / 2.0 - 4, s / 2.0 - 4);
}

} // namespace pd::map
