#pragma once

#include "models/geo/viewport.h"

#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <memory>

class QPainter;

namespace pd::map {

/// @brief Sutherland–Hodgman: @p poly clipped to @p r. Rasterising a country whose outline runs a million
/// pixels off screen (China at zoom 12) is what made panning slow; clipped, it is a few hundred points.
[[nodiscard]] QPolygonF clipPolygon(const QPolygonF &poly, const QRectF &r);
/// @brief @p ring (world coordinates) on the screen of @p view into @p out, leaving out points closer than
/// @p minStep world units to the last one kept (they would fall on the same pixel).
void projectRing(const QPolygonF &ring, const geo::Viewport &view, double minStep, QPolygonF &out);

/**
 * @brief The built-in offline basemap: Natural Earth 1:50m country outlines compiled into the binary.
 *
 * The data (npm world-atlas, TopoJSON; see resources/map/README.md) is read once per process and kept in
 * world coordinates; paint() draws the shapes that meet the view, skipping points closer than half a pixel,
 * so a frame of the whole of China costs a few milliseconds. Used when no tile source is set (and by tests
 * and the demo), and under tiles while they load.
 */
class Basemap final
{
public:
    /// @brief The shared instance (loaded on first use from the Qt resource :/map/countries-50m.json).
    static const Basemap &instance();

    /// @brief Sea, land and borders of the view. Labels for countries big enough on screen.
    void paint(QPainter &p, const geo::Viewport &view) const;

    [[nodiscard]] int shapeCount() const { return int(m_shapes.size()); }
    [[nodiscard]] bool isEmpty() const { return m_shapes.isEmpty(); }

    static QColor seaColour();
    static QColor landColour();

private:
    Basemap();

    struct Shape
    {
        QString name;
        QRectF bounds; ///< world coordinates
        QList<QPolygonF> rings;
    };
    QList<Shape> m_shapes;
};

} // namespace pd::map
