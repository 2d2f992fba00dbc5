#pragma once

#include "markeratlas.h"
#include "models/domain/entities.h"
#include "models/geo/clustering.h"
#include "models/geo/gcj02.h"
#include "models/geo/spatialgrid.h"
#include "models/geo/viewport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

class QFontMetricsF;
class QVariantAnimation;

namespace pd::map {

class TileLayer;

/// @brief One marker: a parcel, a courier, a station, a tracking point, an incident or a highlighted station.
struct MapItem
{
    QString id;        ///< waybill, courier id, station id, tracking event id or incident id
    GeoPoint position; ///< WGS-84
    Glyph glyph = Glyph::Parcel;
    bool complaint = false; ///< an open complaint: a badge on the marker
    QString tooltip;        ///< plain text shown on hover
    int count = 1;          ///< parcels this marker stands for (> 1: a cluster the server counted)
    QString label{};        ///< text drawn beside it: an incident's parcel count, a highlight's alert
};

/**
 * @brief The map: a hand-written QPainter widget (Qt 6.4 on Debian has no Qt Location, Marble or MapLibre).
 *
 * Shows the built-in offline basemap (or tiles from a TileLayer), the selected parcel's route and tracking
 * points, stations, parcels (clustered with counts below clusterMaxZoom) and couriers. Markers are
 * pre-rendered sprites (MarkerAtlas). Pan with drag, arrow keys or a touchpad; zoom with the wheel, +/-,
 * double-click or a pinch. Hover shows a tooltip; a click emits parcelClicked / courierClicked /
 * stationClicked (a click on a cluster zooms into it). Live courier positions are applied at once but
 * repainted at most 10 times a second. Under the markers, from city zoom on, the districts of the company's
 * city (DistrictLayer); over them, open incidents (a ring around the station with the parcel count; a click
 * on the ring or the count emits incidentClicked) and, on top of all, highlighted stations (a red ring and a
 * label).
 */
class MapView : public QWidget
{
    Q_OBJECT
public:
    enum class Layer
    {
        None,
        Parcel,
        Cluster,
        Courier,
        Station,
        TrackPoint,
        Incident
    };
    /// Radius of an incident's ring around its station (a second incident at the same station: one step out).
    static constexpr double kIncidentRingRadius = 15.0;
    static constexpr double kIncidentRingStep = 7.0;
    /// Radius of a highlighted station's ring.
    static constexpr double kHighlightRingRadius = 24.0;
    struct Hit
    {
        Layer layer = Layer::None;
        int index = -1;
        QString id;
    };

    explicit MapView(QWidget *parent = nullptr);
    ~MapView() override;

    void setParcels(const QList<MapItem> &parcels);
    void setCouriers(const QList<MapItem> &couriers);
    void setStations(const QList<MapItem> &stations);
    /// @brief The selected parcel's route (a polyline, oldest first) and its tracking points.
    void setRoute(const QList<GeoPoint> &path, const QList<MapItem> &trackPoints);
    void setSelectedParcel(const QString &waybillNo);
    [[nodiscard]] QString selectedParcel() const { return m_selected; }
    /// @brief Open incidents (glyph Incident, label: the parcel count), biggest first: a ring around each.
    void setIncidents(const QList<MapItem> &incidents);
    /// @brief The incident drawn emphasised (chosen in the page's list); empty: none.
    void setSelectedIncident(const QString &incidentId);
    [[nodiscard]] QString selectedIncident() const { return m_selectedIncident; }
    [[nodiscard]] QStringList incidentIds() const;
    /// @brief Stations drawn with a red ring and their label (a trend alert) above every other marker.
    void setHighlights(const QList<MapItem> &highlights);
    [[nodiscard]] QStringList highlightIds() const;

    void setClusteringEnabled(bool on);
    /// @brief Parcels are clustered below this zoom (default 14).
    void setClusterMaxZoom(double zoom);
    /// @brief Tiles under the markers instead of the offline basemap; nullptr for the basemap. Not owned.
    void setTileLayer(TileLayer *layer);
    /// @brief The datum of the background: GCJ-02 shifts every WGS-84 marker onto Chinese tiles.
    void setDatum(geo::Datum datum);
    void setAttribution(const QString &text);
    /// @brief Animations off: flyTo() jumps (tests, benchmarks).
    void setAnimated(bool on) { m_animated = on; }

    [[nodiscard]] const geo::Viewport &viewport() const
    {
        syncSize();
        return m_view;
    }
    void setView(const GeoPoint &centre, double zoom);
    /// @brief Moves smoothly to @p centre at @p zoom (jumps when not animated or not visible).
    void flyTo(const GeoPoint &centre, double zoom);
    /// @brief Shows all of @p points (WGS-84).
    void fitTo(const QList<GeoPoint> &points, double maxZoom = 15);

    /// @brief What is under @p pos (logical pixels): the top-most marker within the pick radius.
    [[nodiscard]] Hit hitAt(QPointF pos) const;
    /// @brief Screen position of a WGS-84 point in the current view.
    [[nodiscard]] QPointF screenPos(const GeoPoint &p) const;
    /// @brief How many times the map was painted (for tests of the live repaint limit).
    [[nodiscard]] int paintCount() const { return m_paintCount; }
    /// @brief Clusters shown at the current zoom (empty when not clustering).
    [[nodiscard]] const std::vector<geo::Cluster> &visibleClusters() const;
    [[nodiscard]] bool isClustering() const;

    QSize sizeHint() const override { return {800, 600}; }

public Q_SLOTS:
    /// @brief Moves the couriers given; repaints at most every 100 ms however often this is called.
    void applyCourierPositions(const QList<pd::CourierPosition> &positions);
    void zoomIn() { zoomBy(1.0); }
    void zoomOut() { zoomBy(-1.0); }

Q_SIGNALS:
    void parcelClicked(const QString &waybillNo);
    void courierClicked(const QString &courierId);
    void stationClicked(const QString &stationId);
    void incidentClicked(const QString &incidentId);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layered
    {
        std::vector<MapItem> items;
        std::vector<QPointF> world;
        std::vector<int> drawOrder; ///< indices by rising glyph rank
        QHash<QString, int> indexById;
    };

    void setLayer(Layered &layer, const QList<MapItem> &items);
    void reproject(Layered &layer) const;
    void zoomBy(double delta, QPointF anchor = QPointF(-1, -1));
    void viewMoved();
    void ensureClusters() const;
    void ensurePickGrid() const;
    void paintBackground(QPainter &p);
    void paintMarkers(QPainter &p, const QRectF &visibleWorld);
    void paintClusters(QPainter &p, const QRectF &visibleWorld);
    void paintOverlay(QPainter &p);
    /// @brief The incidents' rings, or (@p counts) their parcel counts.
    void paintIncidents(QPainter &p, const QRectF &cull, bool counts);
    void paintHighlights(QPainter &p, const QRectF &cull);
    /// @brief The incident under @p pos (its ring or its count), -1 when none.
    [[nodiscard]] int incidentAt(QPointF pos) const;
    [[nodiscard]] double incidentRadius(int index) const;
    [[nodiscard]] QRectF incidentBadge(int index, const QFontMetricsF &fm) const;
    [[nodiscard]] static QFont badgeFont(const QFont &base);
    QPixmap clusterSprite(int count, int maxRank, const QString &text, const QFont &font, qreal dpr);
    void paintScaleBar(QPainter &p);
    [[nodiscard]] QPointF worldOf(const GeoPoint &wgs) const;
    [[nodiscard]] int clusterLevel() const;

    /// @brief Keeps the viewport the widget's size even before a (pending) resize event arrives.
    void syncSize() const;

    mutable geo::Viewport m_view;
    geo::Datum m_datum = geo::Datum::Wgs84;
    Layered m_parcels;
    Layered m_couriers;
    Layered m_stations;
    Layered m_track;
    Layered m_incidents;
    std::vector<int> m_incidentSlot; ///< how many incidents before this one share its station
    Layered m_highlights;
    std::vector<QPointF> m_routeWorld;
    QString m_selected;
    QString m_selectedIncident;
    QString m_attribution;
    QPointer<TileLayer> m_tiles;
    MarkerAtlas m_atlas;

    bool m_clustering = true;
    double m_clusterMaxZoom = 14;
    mutable std::vector<geo::Cluster> m_clusters;
    mutable int m_clusterKey = -1; ///< cluster level of m_clusters, -1 when stale
    mutable geo::SpatialGrid m_pickGrid;
    mutable std::vector<int> m_pickToItem;
    mutable int m_pickKey = -1;
    mutable Layer m_pickLayer = Layer::None;

    QHash<QString, QPixmap> m_clusterSprites;
    qreal m_clusterSpriteDpr = 0;
    QPixmap m_background;
    QString m_backgroundKey;
    int m_paintCount = 0;

    QTimer m_liveTimer;
    bool m_animated = true;
    QVariantAnimation *m_flight = nullptr;
    QPointF m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    bool m_pressed = false;
};

} // namespace pd::map
