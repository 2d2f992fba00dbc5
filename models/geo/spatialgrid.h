#pragma once

#include <QPointF>
#include <QRectF>

#include <functional>
#include <vector>

namespace pd::geo {

/**
 * @brief A uniform grid over world coordinates for picking the marker under the pointer.
 *
 * build() sorts the points by cell into one flat array (no allocation per cell: 50,000 points take a few
 * milliseconds); a cell is found by binary search, and nearest() looks only at the cells the search circle
 * touches. Indices refer to the vector given to build().
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

    /// @brief The members of a cell as [begin, end) into m_order; begin == end when empty.
    [[nodiscard]] std::pair<int, int> cell(qint64 cx, qint64 cy) const;

    double m_cellSize = 1.0;
    std::vector<QPointF> m_points;
    std::vector<quint64> m_cellKeys; ///< sorted, unique
    std::vector<int> m_cellStart;    ///< m_cellKeys.size() + 1 offsets into m_order
    std::vector<int> m_order;        ///< point indices grouped by cell
};

} // namespace pd::geo
