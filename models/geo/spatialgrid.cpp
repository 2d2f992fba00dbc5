#include "spatialgrid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pd::geo {

void SpatialGrid::build(const std::vector<QPointF> &points, double cellSize)
{
    m_cellSize = cellSize > 0 ? cellSize : 1.0;
    m_points = points;
    std::vector<std::pair<quint64, int>> keyed(points.size());
    for (int i = 0; i < int(points.size()); ++i) {
        const auto cx = qint64(std::floor(points[size_t(i)].x() / m_cellSize));
        const auto cy = qint64(std::floor(points[size_t(i)].y() / m_cellSize));
        keyed[size_t(i)] = {key(cx, cy), i};
    }
    std::sort(keyed.begin(), keyed.end());
    m_order.resize(keyed.size());
    m_cellKeys.clear();
    m_cellStart.clear();
    for (size_t k = 0; k < keyed.size(); ++k) {
        if (k == 0 || keyed[k].first != keyed[k - 1].first) {
            m_cellKeys.push_back(keyed[k].first);
            m_cellStart.push_back(int(k));
        }
        m_order[k] = keyed[k].second;
    }
    m_cellStart.push_back(int(keyed.size()));
}

void SpatialGrid::clear()
{
    m_points.clear();
    m_cellKeys.clear();
    m_cellStart.clear();
    m_order.clear();
}

std::pair<int, int> SpatialGrid::cell(qint64 cx, qint64 cy) const
{
    const quint64 k = key(cx, cy);
    const auto it = std::lower_bound(m_cellKeys.begin(), m_cellKeys.end(), k);
    if (it == m_cellKeys.end() || *it != k)
        return {0, 0};
    const auto c = size_t(it - m_cellKeys.begin());
    return {m_cellStart[c], m_cellStart[c + 1]};
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
            const auto [begin, end] = cell(cx, cy);
            for (int k = begin; k < end; ++k) {
                const int i = m_order[size_t(k)];
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
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > qint64(m_cellKeys.size())) {
        for (int i = 0; i < int(m_points.size()); ++i)
            if (rect.contains(m_points[size_t(i)]))
                out.push_back(i);
        return out;
    }
    for (qint64 cx = x0; cx <= x1; ++cx) {
        for (qint64 cy = y0; cy <= y1; ++cy) {
            const auto [begin, end] = cell(cx, cy);
            for (int k = begin; k < end; ++k)
                if (rect.contains(m_points[size_t(m_order[size_t(k)])]))
                    out.push_back(m_order[size_t(k)]);
        }
    }
    return out;
}

} // namespace pd::geo
