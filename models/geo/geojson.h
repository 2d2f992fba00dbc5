#pragma once

#include "models/geo/gcj02.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

/**
 * @file
 * @brief GeoJSON areas (a city's districts) and their datum: the counterpart of topojson.h for the
 * FeatureCollections that DataV.GeoAtlas and the npm packages built on it publish.
 */

namespace pd::geo {

/// @brief One named area of a GeoJSON FeatureCollection and the point to write its name at.
struct GeoFeature
{
    QString name;                   ///< properties.name
    QList<QList<QPointF>> rings;    ///< outer rings and holes alike, of every polygon; QPointF(lon, lat)
    std::optional<QPointF> labelAt; ///< properties.centroid, else properties.center; QPointF(lon, lat)

    /// @brief The (lon, lat) rectangle holding every ring.
    [[nodiscard]] QRectF bounds() const;
    /// @brief Whether (lon, lat) @p p lies inside: even-odd over all rings, so a hole is outside and the
    /// polygons of a MultiPolygon (which never overlap) each count.
    [[nodiscard]] bool contains(QPointF p) const;
};

/**
 * @brief The Polygon and MultiPolygon features of a GeoJSON FeatureCollection (or of a single Feature).
 *
 * Other geometry types are skipped. Returns an empty list and a message in @p error when the document is not
 * GeoJSON of features.
 */
[[nodiscard]] QList<GeoFeature> readGeoJson(const QByteArray &json, QString *error = nullptr);

/// @brief Converts every point of @p features (rings and label points) from @p datum to WGS-84.
void convertToWgs84(QList<GeoFeature> &features, Datum datum);

} // namespace pd::geo
