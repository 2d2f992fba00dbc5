#include "mercator.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace pd::geo {

QPointF project(const GeoPoint &p)
{
    const double lat = std::clamp(p.lat, -kMaxLatitude, kMaxLatitude);
    const double x = (p.lon + 180.0) / 360.0;
    const double s = std::sin(qDegreesToRadians(lat));
    const double y = 0.5 - std::log((1.0 + s) / (1.0 - s)) / (4.0 * M_PI);
    return {x, std::clamp(y, 0.0, 1.0)};
}

GeoPoint unproject(QPointF world)
{
    double x = world.x() - std::floor(world.x());
    const double y = std::clamp(world.y(), 0.0, 1.0);
    const double lon = x * 360.0 - 180.0;
    const double lat = qRadiansToDegrees(std::atan(std::sinh(M_PI * (1.0 - 2.0 * y))));
    return {lat, lon};
}

double worldPixels(double zoom)
{
    return kTileSize * std::exp2(zoom);
}

double metresPerPixel(double lat, double zoom)
{
    return std::cos(qDegreesToRadians(lat)) * 2.0 * M_PI * kEarthRadiusM / worldPixels(zoom);
}

double distanceMetres(const GeoPoint &a, const GeoPoint &b)
{
    const double dLat = qDegreesToRadians(b.lat - a.lat);
    const double dLon = qDegreesToRadians(b.lon - a.lon);
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(qDegreesToRadians(a.lat)) *
                                                                   std::cos(qDegreesToRadians(b.lat)) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

TileId tileAt(const GeoPoint &p, int z)
{
    const QPointF w = project(p);
    const int n = 1 << z;
    const int x = std::clamp(int(std::floor(w.x() * n)), 0, n - 1);
    const int y = std::clamp(int(std::floor(w.y() * n)), 0, n - 1);
    return {z, x, y};
}

QRectF tileWorldRect(const TileId &t)
{
    const double size = 1.0 / double(1 << t.z);
    return {t.x * size, t.y * size, size, size};
}

GeoPoint tileNorthWest(const TileId &t)
{
    return unproject(tileWorldRect(t).topLeft());
}

QString tileUrl(const QString &urlTemplate, const TileId &t, const QString &subdomains)
{
    QString url = urlTemplate;
    url.replace(QLatin1String("{z}"), QString::number(t.z));
    url.replace(QLatin1String("{x}"), QString::number(t.x));
    url.replace(QLatin1String("{-y}"), QString::number(flipRow(t.z, t.y)));
    url.replace(QLatin1String("{y}"), QString::number(t.y));
    if (!subdomains.isEmpty())
        url.replace(QLatin1String("{s}"), subdomains.at((t.x + t.y) % subdomains.size()));
    return url;
}

} // namespace pd::geo
