#include "quadkey.h"

#include "mercator.h"

#include <algorithm>
#include <cmath>

namespace pd::geo {

namespace {
/// Spreads the low 32 bits of @p v to the even bits of a 64-bit word.
quint64 spread(quint64 v)
{
    v &= 0xffffffffULL;
    v = (v | (v << 16)) & 0x0000ffff0000ffffULL;
    v = (v | (v << 8)) & 0x00ff00ff00ff00ffULL;
    v = (v | (v << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    v = (v | (v << 2)) & 0x3333333333333333ULL;
    v = (v | (v << 1)) & 0x5555555555555555ULL;
    return v;
}

quint64 compact(quint64 v)
{
    v &= 0x5555555555555555ULL;
    v = (v | (v >> 1)) & 0x3333333333333333ULL;
    v = (v | (v >> 2)) & 0x0f0f0f0f0f0f0f0fULL;
    v = (v | (v >> 4)) & 0x00ff00ff00ff00ffULL;
    v = (v | (v >> 8)) & 0x0000ffff0000ffffULL;
    v = (v | (v >> 16)) & 0x00000000ffffffffULL;
    return v;
}

quint64 interleave(quint64 x, quint64 y)
{
    return spread(x) | (spread(y) << 1);
}

int clampTile(double v, int z)
{
    const int n = 1 << z;
    return std::clamp(int(std::floor(v * n)), 0, n - 1);
}
} // namespace

quint64 quadkeyOf(const GeoPoint &p)
{
    const QPointF w = project(p);
    return interleave(quint64(clampTile(w.x(), kQuadkeyZoom)), quint64(clampTile(w.y(), kQuadkeyZoom)));
}

QPointF quadkeyCentre(quint64 key, int z)
{
    const double n = double(1 << z);
    return {(double(compact(key)) + 0.5) / n, (double(compact(key >> 1)) + 0.5) / n};
}

QList<KeyRange> coveringRanges(const QRectF &world, int z, int maxTiles)
{
    const QRectF r = world.normalized().intersected(QRectF(0, 0, 1, 1));
    if (r.isEmpty())
        return {};
    // The deepest level (not below z) whose tiles over r number at most maxTiles.
    int level = z;
    for (; level > 0; --level) {
        const qint64 cols = clampTile(r.right(), level) - clampTile(r.left(), level) + 1;
        const qint64 rows = clampTile(r.bottom(), level) - clampTile(r.top(), level) + 1;
        if (cols * rows <= maxTiles)
            break;
    }
    const int shift = 2 * (z - level);
    QList<KeyRange> ranges;
    for (int y = clampTile(r.top(), level); y <= clampTile(r.bottom(), level); ++y) {
        for (int x = clampTile(r.left(), level); x <= clampTile(r.right(), level); ++x) {
            const quint64 prefix = interleave(quint64(x), quint64(y));
            ranges.append({prefix << shift, ((prefix + 1) << shift) - 1});
        }
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const KeyRange &a, const KeyRange &b) { return a.first < b.first; });
    QList<KeyRange> merged;
    for (const KeyRange &k : std::as_const(ranges)) {
        if (!merged.isEmpty() && merged.last().last + 1 >= k.first)
            merged.last().last = std::max(merged.last().last, k.last);
        else
            merged.append(k);
    }
    return merged;
}

} // namespace pd::geo
