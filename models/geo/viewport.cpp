#include "viewport.h"

#include <algorithm>
#include <cmath>

namespace pd::geo {

Viewport::Viewport(QPointF centre, double zoom, QSizeF size)
    : m_size(size)
{
    setZoom(zoom);
    setCentre(centre);
}

void Viewport::setCentre(QPointF world)
{
    m_centre = world;
    clampCentre();
}

void Viewport::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, m_minZoom, m_maxZoom);
    m_scale = worldPixels(m_zoom);
    clampCentre();
}

void Viewport::setZoomLimits(double minZoom, double maxZoom)
{
    m_minZoom = minZoom;
    m_maxZoom = std::max(minZoom, maxZoom);
    setZoom(m_zoom);
}

QPointF Viewport::toWorld(QPointF screen) const
{
    return {(screen.x() - m_size.width() / 2) / m_scale + m_centre.x(),
            (screen.y() - m_size.height() / 2) / m_scale + m_centre.y()};
}

QRectF Viewport::worldRect() const
{
    return QRectF(toWorld(QPointF(0, 0)), toWorld(QPointF(m_size.width(), m_size.height())));
}

void Viewport::panBy(QPointF deltaPixels)
{
    setCentre(m_centre - deltaPixels / m_scale);
}

void Viewport::zoomAround(QPointF screenAnchor, double zoom)
{
    const QPointF anchorWorld = toWorld(screenAnchor);
    setZoom(zoom);
    // Put anchorWorld back under the anchor.
    m_centre =
        anchorWorld -
        QPointF(screenAnchor.x() - m_size.width() / 2, screenAnchor.y() - m_size.height() / 2) / m_scale;
    clampCentre();
}

void Viewport::fit(const QRectF &world, double marginPixels, double maxZoom)
{
    const double w = std::max(1.0, m_size.width() - 2 * marginPixels);
    const double h = std::max(1.0, m_size.height() - 2 * marginPixels);
    double zoom = maxZoom;
    if (world.width() > 0 || world.height() > 0) {
        const double sx = world.width() > 0 ? w / world.width() : 1e12;
        const double sy = world.height() > 0 ? h / world.height() : 1e12;
        zoom = std::min(maxZoom, std::log2(std::min(sx, sy) / kTileSize));
    }
    setZoom(zoom);
    setCentre(world.center());
}

std::vector<TileId> Viewport::visibleTiles(int z) const
{
    std::vector<TileId> out;
    const int n = 1 << z;
    const QRectF r = worldRect();
    const int x0 = std::clamp(int(std::floor(r.left() * n)), 0, n - 1);
    const int x1 = std::clamp(int(std::floor(r.right() * n)), 0, n - 1);
    const int y0 = std::clamp(int(std::floor(r.top() * n)), 0, n - 1);
    const int y1 = std::clamp(int(std::floor(r.bottom() * n)), 0, n - 1);
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            out.push_back({z, x, y});
    const QPointF c = m_centre * n;
    std::stable_sort(out.begin(), out.end(), [c](const TileId &a, const TileId &b) {
        const QPointF da = QPointF(a.x + 0.5, a.y + 0.5) - c;
        const QPointF db = QPointF(b.x + 0.5, b.y + 0.5) - c;
        return QPointF::dotProduct(da, da) < QPointF::dotProduct(db, db);
    });
    return out;
}

int Viewport::tileZoom(int maxZoom) const
{
    return std::clamp(int(std::lround(m_zoom)), 0, maxZoom);
}

void Viewport::clampCentre()
{
    m_centre.setX(std::clamp(m_centre.x(), 0.0, 1.0));
    m_centre.setY(std::clamp(m_centre.y(), 0.0, 1.0));
}

} // namespace pd::geo
