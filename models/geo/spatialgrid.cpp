#include "spatialgrid.h"

#include <cmath>
#include <limits>

namespace pd::geo {

void SpatialGrid::build(const std::vector<QPointF> &points, double cellSize)
{
    m_cellSize = cellSize > 0 ? cellSize : 1.0;
    m_points = points;
    m_cells.clear();
    m_cells.reserve(points.size() / 2 + 1);
    for (int i = 0; i < int(points.size()); ++i) {
        const auto cx = qint64(std::floor(points[i].x() / m_cellSize));
        const auto cy = qint64(std::floor(points[i].y() / m_cellSize));
        m_cells[key(cx, cy)].push_back(i);
    }
}

void SpatialGrid::clear()
{
    m_points.clear();
    m_cells.clear();
}

int SpatialGrid::nearest(QPointF world, double radius, const std::function<bool(int)> &accept) const
{
    const auto x0 = qint64(std::floor((world.x() - radius) / m_cellSize));
    const auto x1 = qint64(std::floor((world.x() + radius) / m_cellSize));
    const auto y0 = qint64(std::floor((world.y() - radius) / m_cellSize));
    const auto y1 = qint64(std::floor((world.y() + radius) / m_cellSize));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) // a radius far larger than the cells: scan everything
        return [&] {
            int best = -1;
            double bestD = radius * radius;
            for (int i = 0; i < int(m_points.size()); ++i) {
                const QPointF d = m_points[i] - world;
                const double d2 = QPointF::dotProduct(d, d);
                if (d2 <= bestD && (!accept || accept(i))) {
                    bestD = d2;
                    best = i;
                }
            }
            return best;
        }();
    int best = -1;
    double bestD = radius * radius;
    for (qint64 cx = x0; cx <= x1; ++cx) {
        for (qint64 cy = y0; cy <= y1; ++cy) {
            const auto it = m_cells.find(key(cx, cy));
            if (it == m_cells.end())
                continue;
            for (int i : it->second) {
                const QPointF d = m_points[i] - world;
                const double d2 = QPointF::dotProduct(d, d);
                // Ties go to the later point: it is painted on top.
                if (d2 <= bestD && (!accept || accept(i))) {
                    bestD = d2;
                    best = i;
                }
            }
        }
    }
    return best;
}

std::vector<int> SpatialGrid::within(const QRectF &rect) const
{
    std::vector<int> out;
    const auto x0 = qint64(std::floor(rect.left() / m_cellSize));
    const auto x1 = qint64(std::floor(rect.right() / m_cellSize));
    const auto y0 = qint64(std::floor(rect.top() / m_cellSize));
    const auto y1 = qint64(std::floor(rect.bottom() / m_cellSize));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > qint64(m_cells.size())) {
        for (const auto &[k, members] : m_cells)
            for (int i : members)
                if (rect.contains(m_points[i]))
                    out.push_back(i);
        return out;
    }
    for (qint64 cx = x0; cx <= x1; ++cx)
        for (qint64 cy = y0; cy <= y1; ++cy)
            if (const auto it = m_cells.find(key(cx, cy)); it != m_cells.end())
                for (int i : it->second)
                    if (rect.contains(m_points[i]))
                        out.push_back(i);
    return out;
}

} // namespace pd::geo
