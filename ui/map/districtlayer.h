#pragma once

#include "models/domain/entities.h"
#include "models/geo/gcj02.h"
#include "models/geo/geojson.h"
#include "models/geo/viewport.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;
class QSettings;

namespace pd::map {

/**
 * @brief The districts of the company's city under the markers: thin outlines, a light fill and the Chinese
 * names, from city zoom on.
 *
 * Built in: 杭州's districts (npm @datapool/hangzhou.geojson, DataV.GeoAtlas/AMap data in GCJ-02; see
 * resources/map/README.md). A company points the QSettings key `map/districtsFile` at its own GeoJSON of its
 * city (`map/districtsDatum`: `gcj02`, the default, or `wgs84`; `map/districtsAttribution`: the credit its
 * licence asks for), which is read instead. Points are converted to WGS-84 once at load and kept projected
 * for both datums a map can show, so a frame costs what the basemap's does.
 */
class DistrictLayer final
{
    Q_DECLARE_TR_FUNCTIONS(pd::map::DistrictLayer)
public:
    /// Outlines from this zoom on (the whole of a city fits a window).
    static constexpr double kOutlineMinZoom = 8.0;
    /// Names from this zoom on, and only where the district is wider on screen than its name.
    static constexpr double kLabelMinZoom = 9.0;

    /// @brief The shared instance, loaded on first use: settings() of the default QSettings.
    static const DistrictLayer &instance();
    /// @brief The file of `map/districtsFile` in @p settings if set (none when it cannot be read: a company's
    /// own city is never replaced by 杭州), else the built-in districts.
    [[nodiscard]] static DistrictLayer fromSettings(const QSettings &settings);
    /// @brief The built-in districts of 杭州 (Qt resource :/map/hangzhou-districts.json, GCJ-02).
    [[nodiscard]] static DistrictLayer builtIn();
    /// @brief Districts from GeoJSON @p json whose coordinates are in @p datum.
    [[nodiscard]] static DistrictLayer fromGeoJson(const QByteArray &json, geo::Datum datum);

    /// @brief Outlines and names of the districts in view, as a map in @p mapDatum shows them.
    void paint(QPainter &p, const geo::Viewport &view, geo::Datum mapDatum) const;
    /// @brief Whether paint() draws anything for @p view (the attribution is shown then).
    [[nodiscard]] bool isShownIn(const geo::Viewport &view, geo::Datum mapDatum) const;

    [[nodiscard]] int featureCount() const { return int(m_districts.size()); }
    [[nodiscard]] QStringList names() const;
    /// @brief The district holding WGS-84 point @p p; empty when none does.
    [[nodiscard]] QString districtAt(const GeoPoint &p) const;
    /// @brief The district's label point (WGS-84): its centroid, else its centre, else its bounds' centre.
    [[nodiscard]] std::optional<GeoPoint> labelPoint(const QString &name) const;
    /// @brief The credit shown while districts are in view (built in: AMap via DataV.GeoAtlas).
    [[nodiscard]] QString attribution() const;
    /// @brief Why nothing was loaded (a file that cannot be read or is not GeoJSON); empty otherwise.
    [[nodiscard]] QString error() const { return m_error; }

    /// @brief The districts' fill (a shade lighter than the land) and outline.
    static QColor fillColour();
    static QColor outlineColour();

private:
    DistrictLayer() = default;
    void paintLabels(QPainter &p, const geo::Viewport &view, int datum) const;

    /// One district; the arrays are indexed by the datum the map shows (0: WGS-84, 1: GCJ-02).
    struct District
    {
        geo::GeoFeature wgs; ///< lon/lat, WGS-84
        QRectF lonLatBounds;
        QPointF labelLonLat;
        QList<QPolygonF> world[2];
        QRectF bounds[2]; ///< world coordinates
        QPointF label[2];
    };
    QList<District> m_districts;
    bool m_builtIn = false;
    QString m_customAttribution;
    QString m_error;
};

} // namespace pd::map
