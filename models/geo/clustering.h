#pragma once

#include <QPointF>

#include <vector>

namespace pd::geo {

/// @brief A group of markers shown as one: where (mean of its members), how many, and the worst among them.
struct Cluster
{
    QPointF world;   ///< mean world position of the members
    int count = 0;   ///< members
    int first = -1;  ///< index of one member (the only one when count == 1)
    int maxRank = 0; ///< highest rank of a member (MapView ranks late and exception highest)
};

/**
 * @brief Grid clustering: points falling into the same cell of @p cellSize world units become one cluster.
 *
 * Linear in the number of points (one hash lookup each). @p ranks, when not empty, has one entry per point
 * and gives each cluster its worst member. The result lists clusters in the order their first member appears,
 * so it is deterministic for a given input. @p weights, when not empty, has one entry per point: how many
 * markers it stands for (a cluster the server counted); the counts and mean positions are weighted by it.
 */
[[nodiscard]] std::vector<Cluster> clusterGrid(const std::vector<QPointF> &points, double cellSize,
                                               const std::vector<quint8> &ranks = {},
                                               const std::vector<int> &weights = {});

/// @brief The cell size in world units for clusters about @p cellPixels wide at @p zoom.
[[nodiscard]] double clusterCellSize(double zoom, double cellPixels = 60.0);

} // namespace pd::geo
