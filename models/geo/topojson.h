#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QString>

namespace pd::geo {

/// @brief One named shape of a basemap: its rings as (longitude, latitude) points.
struct GeoShape
{
    QString id;
    QString name;
    QList<QList<QPointF>> rings; ///< outer rings and holes alike; QPointF(lon, lat)
};

/**
 * @brief Reads the polygons of one object of a TopoJSON topology (as npm world-atlas ships Natural Earth).
 *
 * Handles quantized (delta-encoded, with "transform") and plain arcs, Polygon and MultiPolygon geometries and
 * reversed arcs (~index). Returns an empty list and a message in @p error when the document is not a topology
 * or has no object named @p objectName.
 */
[[nodiscard]] QList<GeoShape> readTopoJson(const QByteArray &json, const QString &objectName,
                                           QString *error = nullptr);

} // namespace pd::geo
