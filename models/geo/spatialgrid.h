#pragma once

#include <QPointF>
#include <QRectF>

#include <functional>
#include <unordered_map>
#include <vector>

namespace pd::geo {

/**
 * @brief A uniform grid over world coordinates for picking the marker under the pointer.
 *
 * build() buckets the points by cell (one hash lookup each: 50,000 points take about a millisecond);
 * nearest() looks only at the cells the search circle touches. Indices refer to the vector given to build().
 * Choose the cell about the size of the pick radius at the current zoom (MapView rebuilds per zoom level).
 */
class SpatialGrid final
{
public:
    /// @brief Indexes @p points (world coordinates) in cells of @p cellSize world units.
    void build(const std::vector<QPointF> &points, double cellSize);
    void clear();

    /**
     * @brief The index of the point nearest @p world within @p radius (world units) that @p accept takes
     * (all when empty), or -1.
     */
    [[nodiscard]] int nearest(QPointF world, double radius,
                              const std::function<bool(int)> &accept = {}) const;
    /// @brief The indices of every point inside @p rect, in no particular order.
    [[nodiscard]] std::vector<int> within(const QRectF &rect) const;

    [[nodiscard]] double cellSize() const { return m_cellSize; }
    [[nodiscard]] int size() const { return int(m_points.size()); }

private:
    [[nodiscard]] static quint64 key(qint64 cx, qint64 cy)
    {
        return (quint64(cx) << 32) ^ quint64(quint32(cy));
    }

    double m_cellSize = 1.0;
    std::vector<QPointF> m_points;
    std::unordered_map<quint64, std::vector<int>> m_cells;
};

} // namespace pd::geo
