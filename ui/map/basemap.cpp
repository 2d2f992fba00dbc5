#include "basemap.h"

#include "models/geo/mercator.h"
#include "models/geo/topojson.h"

#include <QFile>
#include <QPainter>

namespace pd::map {

QPolygonF clipPolygon(const QPolygonF &poly, const QRectF &r)
{
    QPolygonF in = poly;
    QPolygonF out;
    for (int edge = 0; edge < 4 && !in.isEmpty(); ++edge) {
        out.clear();
        auto inside = [&](const QPointF &p) {
            switch (edge) {
            case 0:
                return p.x() >= r.left();
            case 1:
                return p.x() <= r.right();
            case 2:
                return p.y() >= r.top();
            default:
                return p.y() <= r.bottom();
            }
        };
        auto cross = [&](const QPointF &a, const QPointF &b) {
            double t = 0;
            switch (edge) {
            case 0:
                t = (r.left() - a.x()) / (b.x() - a.x());
                break;
            case 1:
                t = (r.right() - a.x()) / (b.x() - a.x());
                break;
            case 2:
                t = (r.top() - a.y()) / (b.y() - a.y());
                break;
            default:
                t = (r.bottom() - a.y()) / (b.y() - a.y());
                break;
            }
            return a + (b - a) * t;
        };
        QPointF prev = in.last();
        bool prevIn = inside(prev);
        for (const QPointF &cur : std::as_const(in)) {
            const bool curIn = inside(cur);
            if (curIn != prevIn)
                out << cross(prev, cur);
            if (curIn)
                out << cur;
            prev = cur;
            prevIn = curIn;
        }
        std::swap(in, out);
    }
    return in;
}

const Basemap &Basemap::instance()
{
    static const Basemap basemap;
    return basemap;
}

QColor Basemap::seaColour()
{
    return QColor(0xcf, 0xe2, 0xf0);
}

QColor Basemap::landColour()
{
    return QColor(0xf4, 0xf1, 0xea);
}

Basemap::Basemap()
{
    QFile f(QStringLiteral(":/map/countries-50m.json"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const auto shapes = geo::readTopoJson(f.readAll(), QStringLiteral("countries"));
    m_shapes.reserve(shapes.size());
    for (const geo::GeoShape &s : shapes) {
        Shape shape;
        shape.name = s.name;
        for (const QList<QPointF> &ring : s.rings) {
            QPolygonF poly;
            poly.reserve(ring.size());
            for (const QPointF &lonLat : ring)
                poly << geo::project(GeoPoint{lonLat.y(), lonLat.x()});
            shape.bounds =
                shape.bounds.isNull() ? poly.boundingRect() : shape.bounds.united(poly.boundingRect());
            shape.rings.append(std::move(poly));
        }
        m_shapes.append(std::move(shape));
    }
}

void projectRing(const QPolygonF &ring, const geo::Viewport &view, double minStep, QPolygonF &out)
{
    out.clear();
    QPointF last(-1e9, -1e9);
    for (const QPointF &w : ring) {
        if (std::abs(w.x() - last.x()) < minStep && std::abs(w.y() - last.y()) < minStep)
            continue;
        last = w;
        out << view.toScreen(w);
    }
}

void Basemap::paint(QPainter &p, const geo::Viewport &view) const
{
    const QRectF screen(QPointF(0, 0), view.size());
    p.fillRect(screen, seaColour());
    const QRectF visible = view.worldRect();
    const double minStep = 0.6 / view.scale(); // world units under which points merge
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(QColor(0xb8, 0xb0, 0xa0), 0.8));
    p.setBrush(landColour());
    QPolygonF out;
    for (const Shape &shape : m_shapes) {
        if (!shape.bounds.intersects(visible))
            continue;
        for (const QPolygonF &ring : shape.rings) {
            if (!ring.boundingRect().intersects(visible))
                continue;
            projectRing(ring, view, minStep, out);
            if (out.size() < 3)
                continue;
            if (!screen.contains(out.boundingRect()))
                out = clipPolygon(out, screen.adjusted(-4, -4, 4, 4));
            if (out.size() >= 3)
                p.drawPolygon(out);
        }
    }
    // Country names where a country is large on screen.
    p.setPen(QColor(0x7a, 0x72, 0x66));
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    p.setFont(font);
    for (const Shape &shape : m_shapes) {
        if (!shape.bounds.intersects(visible) || shape.name.isEmpty())
            continue;
        const QRectF onScreen(view.toScreen(shape.bounds.topLeft()),
                              view.toScreen(shape.bounds.bottomRight()));
        if (onScreen.width() < 120 || onScreen.width() > screen.width() * 3)
            continue;
        const QRectF label = onScreen.intersected(screen);
        p.drawText(label, Qt::AlignCenter, shape.name);
    }
    p.restore();
}

} // namespace pd::map
