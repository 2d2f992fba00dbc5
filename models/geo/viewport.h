#pragma once

#include "mercator.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace pd::geo {

/**
 * @brief What a map shows: a centre in world coordinates, a fractional zoom and a size in logical pixels.
 *
 * Pure arithmetic (no widgets) so the widget, the mini map, the tests and the bench share it. Screen
 * coordinates are logical pixels with (0, 0) at the top-left of the view.
 */
class Viewport final
{
public:
    Viewport() = default;
    Viewport(QPointF centre, double zoom, QSizeF size);

    [[nodiscard]] QPointF centre() const { return m_centre; }
    [[nodiscard]] double zoom() const { return m_zoom; }
    [[nodiscard]] QSizeF size() const { return m_size; }
    /// @brief Pixels per world unit.
    [[nodiscard]] double scale() const { return m_scale; }

    void setCentre(QPointF world);
    void setZoom(double zoom);
    void setSize(QSizeF size) { m_size = size; }
    void setZoomLimits(double minZoom, double maxZoom);

    [[nodiscard]] QPointF toScreen(QPointF world) const
    {
        return {(world.x() - m_centre.x()) * m_scale + m_size.width() / 2,
                (world.y() - m_centre.y()) * m_scale + m_size.height() / 2};
    }
    [[nodiscard]] QPointF toWorld(QPointF screen) const;
    /// @brief The world rectangle on screen.
    [[nodiscard]] QRectF worldRect() const;

    /// @brief Moves the view by a drag of @p deltaPixels (the content follows the pointer).
    void panBy(QPointF deltaPixels);
    /// @brief Zooms to @p zoom keeping the world point under @p screenAnchor where it is.
    void zoomAround(QPointF screenAnchor, double zoom);
    /// @brief Centres and zooms so @p world (a rectangle of world coordinates) fits with @p marginPixels.
    void fit(const QRectF &world, double marginPixels = 24.0, double maxZoom = 16.0);

    /// @brief The tiles of integer zoom @p z covering the view, nearest the centre first.
    [[nodiscard]] std::vector<TileId> visibleTiles(int z) const;
    /// @brief The integer tile zoom to request for this view (the zoom rounded, within [0, maxZoom]).
    [[nodiscard]] int tileZoom(int maxZoom = kMaxZoom) const;

private:
    void clampCentre();

    QPointF m_centre{0.5, 0.5};
    double m_zoom = 2.0;
    double m_scale = worldPixels(2.0);
    QSizeF m_size{256, 256};
    double m_minZoom = 1.0;
    double m_maxZoom = kMaxZoom;
};

} // namespace pd::geo
