#include "gcj02.h"

#include <cmath>

namespace pd::geo {

namespace {

constexpr double kA = 6378245.0;               // Krasovsky 1940 semi-major axis, as GCJ-02 uses it
constexpr double kEe = 0.00669342162296594323; // its first eccentricity squared

double transformLat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * M_PI) + 20.0 * std::sin(2.0 * x * M_PI)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * M_PI) + 40.0 * std::sin(y / 3.0 * M_PI)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * M_PI) + 320.0 * std::sin(y * M_PI / 30.0)) * 2.0 / 3.0;
    return r;
}

double transformLon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * M_PI) + 20.0 * std::sin(2.0 * x * M_PI)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * M_PI) + 40.0 * std::sin(x / 3.0 * M_PI)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * M_PI) + 300.0 * std::sin(x / 30.0 * M_PI)) * 2.0 / 3.0;
    return r;
}

} // namespace

bool outsideChina(const GeoPoint &p)
{
    return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

GeoPoint wgs84ToGcj02(const GeoPoint &p)
{
    if (outsideChina(p))
        return p;
    double dLat = transformLat(p.lon - 105.0, p.lat - 35.0);
    double dLon = transformLon(p.lon - 105.0, p.lat - 35.0);
    const double radLat = p.lat / 180.0 * M_PI;
    double magic = std::sin(radLat);
    magic = 1 - kEe * magic * magic;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrtMagic) * M_PI);
    dLon = (dLon * 180.0) / (kA / sqrtMagic * std::cos(radLat) * M_PI);
    return {p.lat + dLat, p.lon + dLon};
}

GeoPoint gcj02ToWgs84(const GeoPoint &p, int *iterations)
{
    // Fixed-point iteration: the offset changes slowly, so estimate -= f(estimate) - target converges fast.
    GeoPoint w = p;
    int i = 0;
    for (; i < 30; ++i) {
        const GeoPoint g = wgs84ToGcj02(w);
        const double eLat = g.lat - p.lat;
        const double eLon = g.lon - p.lon;
        if (std::abs(eLat) < 1e-7 && std::abs(eLon) < 1e-7) // ≈ 1 cm
            break;
        w.lat -= eLat;
        w.lon -= eLon;
    }
    if (iterations)
        *iterations = i;
    return w;
}

} // namespace pd::geo
