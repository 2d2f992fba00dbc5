#include "clustering.h"

#include "mercator.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace pd::geo {

std::vector<Cluster> clusterGrid(const std::vector<QPointF> &points, double cellSize,
                                 const std::vector<quint8> &ranks, const std::vector<int> &weights)
{
    std::vector<Cluster> out;
    if (cellSize <= 0)
        return out;
    std::unordered_map<quint64, int> cellToCluster;
    cellToCluster.reserve(points.size() / 4 + 16);
    std::vector<QPointF> sums;
    const double inv = 1.0 / cellSize;
    for (int i = 0; i < int(points.size()); ++i) {
        const QPointF &p = points[i];
        const auto cx = quint64(quint32(qint32(std::floor(p.x() * inv))));
        const auto cy = quint64(quint32(qint32(std::floor(p.y() * inv))));
        const auto [it, inserted] = cellToCluster.try_emplace((cx << 32) | cy, int(out.size()));
        const int rank = ranks.empty() ? 0 : ranks[i];
        const int weight = weights.empty() ? 1 : std::max(1, weights[i]);
        if (inserted) {
            out.push_back(Cluster{p, weight, i, rank});
            sums.push_back(p * weight);
            continue;
        }
        Cluster &c = out[it->second];
        c.count += weight;
        sums[it->second] += p * weight;
        if (rank > c.maxRank)
            c.maxRank = rank;
    }
    for (size_t k = 0; k < out.size(); ++k)
        out[k].world = sums[k] / out[k].count;
    return out;
}

double clusterCellSize(double zoom, double cellPixels)
{
    return cellPixels / worldPixels(zoom);
}

} // namespace pd::geo
