#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QPixmap>
#include <QString>

#include <array>

namespace pd::map {

/**
 * @brief What a marker shows. Each glyph has its own colour AND shape, so the map reads without colour
 * (grey-scale print, colour blindness); late and exception are larger and drawn on top.
 */
enum class Glyph : quint8
{
    Parcel,         ///< blue circle: created, picked up, in transit
    OutForDelivery, ///< green diamond
    AtStation,      ///< slate square
    Delivered,      ///< small grey circle with a tick
    Late,           ///< orange triangle with "!"
    Exception,      ///< red octagon with a cross
    Courier,        ///< violet pin with a white dot
    Station,        ///< dark house
    TrackPoint,     ///< small white dot with a dark ring (the selected parcel's tracking events)
    Complaint,      ///< badge: a red dot with a white border at a parcel's top-right
    Incident,       ///< teal double ring around a station: an open incident (its parcel count beside it)
    Count
};

/// @brief Drawing priority of a glyph: higher ranks are painted last and colour a cluster.
[[nodiscard]] int glyphRank(Glyph g);
/// @brief The translated legend text of a glyph.
[[nodiscard]] QString glyphLabel(Glyph g);
[[nodiscard]] QColor glyphColour(Glyph g);

/**
 * @brief The marker sprites, pre-rendered once per device pixel ratio.
 *
 * Blitting a pre-rendered pixmap costs about a fifth of a microsecond; an anti-aliased drawEllipse per marker
 * costs 50 times more (ENVIRONMENT.md, "Maps"), so every marker is a sprite.
 */
class MarkerAtlas final
{
    Q_DECLARE_TR_FUNCTIONS(pd::map::MarkerAtlas)
public:
    /// @brief The sprite of @p g (its centre is the marker's point) at @p dpr; regenerated when dpr changes.
    const QPixmap &sprite(Glyph g, qreal dpr);
    /// @brief The outline drawn around the selected marker.
    const QPixmap &selection(qreal dpr);
    /// @brief Logical size of a glyph's sprite.
    [[nodiscard]] static int logicalSize(Glyph g);

private:
    void rebuild(qreal dpr);

    qreal m_dpr = 0;
    std::array<QPixmap, size_t(Glyph::Count)> m_sprites;
    QPixmap m_selection;
};

/// @brief Paints one glyph centred on @p centre with logical @p size (used to build sprites and the legend).
void paintGlyph(class QPainter &p, Glyph g, QPointF centre, qreal size);

} // namespace pd::map
