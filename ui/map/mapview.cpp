#include "mapview.h"

#include "tilelayer.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pd::map {

namespace {
constexpr double kPickRadiusPx = 12.0;
constexpr int kLiveRepaintMs = 100; // at most 10 repaints a second for live positions
} // namespace

MapView::MapView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setMinimumSize(200, 150);
    m_view.setZoomLimits(2, geo::kMaxZoom);
    m_view.setSize(size());
    m_view.setZoom(4);
    m_view.setCentre(geo::project(GeoPoint{34.0, 108.0}));
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(kLiveRepaintMs);
    connect(&m_liveTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_attribution = tr("© Natural Earth (public domain), world-atlas");
}

MapView::~MapView() = default;

void MapView::syncSize() const
{
    if (m_view.size() != QSizeF(size()))
        m_view.setSize(size());
}

QPointF MapView::worldOf(const GeoPoint &wgs) const
{
    return geo::project(geo::toDatum(wgs, m_datum));
}

void MapView::reproject(Layered &layer) const
{
    layer.world.resize(layer.items.size());
    for (size_t i = 0; i < layer.items.size(); ++i)
        layer.world[i] = worldOf(layer.items[i].position);
}

void MapView::setLayer(Layered &layer, const QList<MapItem> &items)
{
    layer.items.assign(items.begin(), items.end());
    reproject(layer);
    layer.indexById.clear();
    layer.drawOrder.resize(layer.items.size());
    for (int i = 0; i < int(layer.items.size()); ++i) {
        layer.indexById.insert(layer.items[size_t(i)].id, i);
        layer.drawOrder[size_t(i)] = i;
    }
    std::stable_sort(layer.drawOrder.begin(), layer.drawOrder.end(), [&layer](int a, int b) {
        return glyphRank(layer.items[size_t(a)].glyph) < glyphRank(layer.items[size_t(b)].glyph);
    });
    m_clusterKey = -1;
    m_pickKey = -1;
    update();
}

void MapView::setParcels(const QList<MapItem> &parcels)
{
    setLayer(m_parcels, parcels);
}

void MapView::setCouriers(const QList<MapItem> &couriers)
{
    setLayer(m_couriers, couriers);
}

void MapView::setStations(const QList<MapItem> &stations)
{
    setLayer(m_stations, stations);
}

void MapView::setRoute(const QList<GeoPoint> &path, const QList<MapItem> &trackPoints)
{
    m_routeWorld.clear();
    for (const GeoPoint &p : path)
        m_routeWorld.push_back(worldOf(p));
    setLayer(m_track, trackPoints);
}

void MapView::setSelectedParcel(const QString &waybillNo)
{
    m_selected = waybillNo;
    update();
}

void MapView::setClusteringEnabled(bool on)
{
    m_clustering = on;
    m_pickKey = -1;
    update();
}

void MapView::setClusterMaxZoom(double zoom)
{
    m_clusterMaxZoom = zoom;
    m_pickKey = -1;
    update();
}

void MapView::setTileLayer(TileLayer *layer)
{
    if (m_tiles)
        disconnect(m_tiles, nullptr, this, nullptr);
    m_tiles = layer;
    if (layer) {
        connect(layer, &TileLayer::tilesChanged, this, [this] {
            m_backgroundKey.clear();
            update();
        });
        setDatum(layer->settings().datum);
        setAttribution(layer->settings().attribution);
    }
    m_backgroundKey.clear();
    update();
}

void MapView::setDatum(geo::Datum datum)
{
    if (datum == m_datum)
        return;
    const GeoPoint centre = geo::fromDatum(geo::unproject(m_view.centre()), m_datum);
    m_datum = datum;
    for (Layered *l : {&m_parcels, &m_couriers, &m_stations, &m_track, &m_incidents, &m_highlights})
        reproject(*l);
    m_view.setCentre(worldOf(centre));
    m_backgroundKey.clear(); // the districts move with the datum
    m_clusterKey = -1;
    m_pickKey = -1;
    update();
}

void MapView::setAttribution(const QString &text)
{
    m_attribution = text;
    update();
}

void MapView::setView(const GeoPoint &centre, double zoom)
{
    if (m_flight)
        m_flight->stop();
    syncSize();
    m_view.setZoom(zoom);
    m_view.setCentre(worldOf(centre));
    viewMoved();
}

void MapView::flyTo(const GeoPoint &centre, double zoom)
{
    if (!m_animated || !isVisible()) {
        setView(centre, zoom);
        return;
    }
    if (!m_flight) {
        m_flight = new QVariantAnimation(this);
        m_flight->setDuration(450);
        m_flight->setEasingCurve(QEasingCurve::InOutCubic);
    }
    m_flight->stop();
    disconnect(m_flight, nullptr, this, nullptr);
    const QPointF fromWorld = m_view.centre();
    const double fromZoom = m_view.zoom();
    const QPointF toWorld = worldOf(centre);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    connect(m_flight, &QVariantAnimation::valueChanged, this, [=, this](const QVariant &v) {
        const double t = v.toDouble();
        m_view.setZoom(fromZoom + (zoom - fromZoom) * t);
        m_view.setCentre(fromWorld + (toWorld - fromWorld) * t);
        viewMoved();
    });
    m_flight->start();
}

void MapView::fitTo(const QList<GeoPoint> &points, double maxZoom)
{
    if (points.isEmpty())
        return;
    syncSize();
    QPointF lo = worldOf(points.first());
    QPointF hi = lo;
    for (const GeoPoint &p : points) {
        const QPointF w = worldOf(p);
        lo = QPointF(std::min(lo.x(), w.x()), std::min(lo.y(), w.y()));
        hi = QPointF(std::max(hi.x(), w.x()), std::max(hi.y(), w.y()));
    }
    const QRectF box(lo, hi); // QRectF::united() would drop the zero-size rectangles of single points
    m_view.fit(box, 40, maxZoom);
    viewMoved();
}

void MapView::applyCourierPositions(const QList<CourierPosition> &positions)
{
    bool moved = false;
    for (const CourierPosition &pos : positions) {
        const auto it = m_couriers.indexById.constFind(pos.courierId);
        if (it == m_couriers.indexById.cend())
            continue;
        const auto i = size_t(*it);
        m_couriers.items[i].position = pos.position;
        m_couriers.world[i] = worldOf(pos.position);
        moved = true;
    }
    if (moved && !m_liveTimer.isActive())
        m_liveTimer.start();
}

int MapView::clusterLevel() const
{
    return std::clamp(int(std::floor(m_view.zoom())), 0, geo::kMaxZoom);
}

bool MapView::isClustering() const
{
    return m_clustering && m_view.zoom() < m_clusterMaxZoom;
}

void MapView::ensureClusters() const
{
    const int level = clusterLevel();
    if (m_clusterKey == level)
        return;
    std::vector<quint8> ranks(m_parcels.items.size());
    std::vector<int> weights(m_parcels.items.size());
    for (size_t i = 0; i < ranks.size(); ++i) {
        ranks[i] = quint8(glyphRank(m_parcels.items[i].glyph) + (m_parcels.items[i].complaint ? 8 : 0));
        weights[i] = m_parcels.items[i].count;
    }
    m_clusters = geo::clusterGrid(m_parcels.world, geo::clusterCellSize(level), ranks, weights);
    m_clusterKey = level;
}

const std::vector<geo::Cluster> &MapView::visibleClusters() const
{
    static const std::vector<geo::Cluster> none;
    if (!isClustering())
        return none;
    ensureClusters();
    return m_clusters;
}

void MapView::ensurePickGrid() const
{
    const Layer layer = isClustering() ? Layer::Cluster : Layer::Parcel;
    const int level = clusterLevel();
    if (m_pickKey == level && m_pickLayer == layer)
        return;
    const double cell = 2 * kPickRadiusPx / geo::worldPixels(level);
    if (layer == Layer::Cluster) {
        ensureClusters();
        std::vector<QPointF> centres;
        centres.reserve(m_clusters.size());
        for (const auto &c : m_clusters)
            centres.push_back(c.world);
        m_pickGrid.build(centres, cell);
    } else {
        m_pickGrid.build(m_parcels.world, cell);
    }
    m_pickKey = level;
    m_pickLayer = layer;
}

MapView::Hit MapView::hitAt(QPointF pos) const
{
    syncSize();
    const QPointF w = m_view.toWorld(pos);
    const double radius = kPickRadiusPx / m_view.scale();
    auto nearestIn = [&](const Layered &l) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < int(l.world.size()); ++i) {
            const QPointF d = l.world[size_t(i)] - w;
            const double d2 = QPointF::dotProduct(d, d);
            if (d2 <= bestD) {
                bestD = d2;
                best = i;
            }
        }
        return best;
    };
    // Top-most first: couriers and tracking points are painted over parcels, parcels over stations. An
    // incident's ring and count lie over all of them, but its hollow middle leaves the station clickable.
    if (const int i = nearestIn(m_couriers); i >= 0)
        return {Layer::Courier, i, m_couriers.items[size_t(i)].id};
    if (const int i = nearestIn(m_track); i >= 0)
        return {Layer::TrackPoint, i, m_track.items[size_t(i)].id};
    if (const int i = incidentAt(pos); i >= 0)
        return {Layer::Incident, i, m_incidents.items[size_t(i)].id};
    int i = -1;
    const Layer drawn = isClustering() ? Layer::Cluster : Layer::Parcel;
    if (m_pickKey == clusterLevel() && m_pickLayer == drawn) {
        i = m_pickGrid.nearest(w, radius);
    } else {
        // The view just changed zoom level: scan what is drawn (a fraction of a millisecond for 50,000) and
        // build the grid for the hovering to come once the event loop is idle.
        if (drawn == Layer::Cluster)
            ensureClusters();
        double bestD = radius * radius;
        const int n = drawn == Layer::Cluster ? int(m_clusters.size()) : int(m_parcels.world.size());
        for (int k = 0; k < n; ++k) {
            const QPointF d =
                (drawn == Layer::Cluster ? m_clusters[size_t(k)].world : m_parcels.world[size_t(k)]) - w;
            const double d2 = QPointF::dotProduct(d, d);
            if (d2 <= bestD) {
                bestD = d2;
                i = k;
            }
        }
        QTimer::singleShot(0, const_cast<MapView *>(this), [this] { ensurePickGrid(); });
        if (i >= 0 && drawn == Layer::Cluster) {
            const geo::Cluster &c = m_clusters[size_t(i)];
            if (c.count > 1)
                return {Layer::Cluster, i, {}};
            return {Layer::Parcel, c.first, m_parcels.items[size_t(c.first)].id};
        }
        if (i >= 0)
            return {Layer::Parcel, i, m_parcels.items[size_t(i)].id};
    }
    if (i >= 0) {
        if (m_pickLayer == Layer::Cluster) {
            const geo::Cluster &c = m_clusters[size_t(i)];
            if (c.count > 1)
                return {Layer::Cluster, i, {}};
            return {Layer::Parcel, c.first, m_parcels.items[size_t(c.first)].id};
        }
        return {Layer::Parcel, i, m_parcels.items[size_t(i)].id};
    }
    if (const int st = nearestIn(m_stations); st >= 0)
        return {Layer::Station, st, m_stations.items[size_t(st)].id};
    return {};
}

QPointF MapView::screenPos(const GeoPoint &p) const
{
    syncSize();
    return m_view.toScreen(worldOf(p));
}

void MapView::zoomBy(double delta, QPointF anchor)
{
    syncSize();
    if (anchor.x() < 0)
        anchor = QPointF(width() / 2.0, height() / 2.0);
    m_view.zoomAround(anchor, m_view.zoom() + delta);
    viewMoved();
}

void MapView::viewMoved()
{
    m_pickKey = -1;
    update();
    Q_EMIT viewChanged();
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_view.setSize(size());
    m_backgroundKey.clear();
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position();
    if (m_flight)
        m_flight->stop();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_pressed) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() > 4) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            m_view.panBy(pos - m_lastDragPos);
            m_lastDragPos = pos;
            viewMoved();
        }
        return;
    }
    const Hit hit = hitAt(pos);
    QString text;
    switch (hit.layer) {
    case Layer::Parcel:
        text = m_parcels.items[size_t(hit.index)].tooltip;
        break;
    case Layer::Courier:
        text = m_couriers.items[size_t(hit.index)].tooltip;
        break;
    case Layer::Station:
        text = m_stations.items[size_t(hit.index)].tooltip;
        break;
    case Layer::TrackPoint:
        text = m_track.items[size_t(hit.index)].tooltip;
        break;
    case Layer::Incident:
        text = m_incidents.items[size_t(hit.index)].tooltip;
        break;
    case Layer::Cluster:
        text = tr("%Ln parcels here: click to zoom in", nullptr, m_clusters[size_t(hit.index)].count);
        break;
    case Layer::None:
        break;
    }
    setCursor(hit.layer == Layer::None ? Qt::OpenHandCursor : Qt::PointingHandCursor);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    const Hit hit = hitAt(event->position());
    switch (hit.layer) {
    case Layer::Parcel:
        Q_EMIT parcelClicked(hit.id);
        break;
    case Layer::Courier:
        Q_EMIT courierClicked(hit.id);
        break;
    case Layer::Station:
        Q_EMIT stationClicked(hit.id);
        break;
    case Layer::Incident:
        Q_EMIT incidentClicked(hit.id);
        break;
    case Layer::Cluster: {
        const geo::Cluster &c = m_clusters[size_t(hit.index)];
        flyTo(geo::fromDatum(geo::unproject(c.world), m_datum), std::floor(m_view.zoom()) + 2);
        break;
    }
    case Layer::TrackPoint:
    case Layer::None:
        break;
    }
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    zoomBy(event->modifiers() & Qt::ShiftModifier ? -1.0 : 1.0, event->position());
}

void MapView::wheelEvent(QWheelEvent *event)
{
    // A mouse wheel notch (120) zooms half a level; touchpads send small pixel deltas: a smooth zoom.
    const double steps = event->angleDelta().y() / 240.0;
    if (event->modifiers() & Qt::ControlModifier || !event->pixelDelta().isNull()) {
        if (!event->pixelDelta().isNull() && !(event->modifiers() & Qt::ControlModifier)) {
            m_view.panBy(QPointF(event->pixelDelta())); // two-finger scroll pans
            viewMoved();
            return event->accept();
        }
    }
    zoomBy(steps, event->position());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    constexpr double kStep = 100;
    switch (event->key()) {
    case Qt::Key_Left:
        m_view.panBy({kStep, 0});
        break;
    case Qt::Key_Right:
        m_view.panBy({-kStep, 0});
        break;
    case Qt::Key_Up:
        m_view.panBy({0, kStep});
        break;
    case Qt::Key_Down:
        m_view.panBy({0, -kStep});
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        return zoomBy(1);
    case Qt::Key_Minus:
        return zoomBy(-1);
    default:
        return QWidget::keyPressEvent(event);
    }
    viewMoved();
}

void MapView::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QWidget::leaveEvent(event);
}

bool MapView::event(QEvent *event)
{
    if (event->type() == QEvent::Gesture) {
        auto *ge = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(ge->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged && pinch->scaleFactor() > 0)
                zoomBy(std::log2(pinch->scaleFactor()), mapFromGlobal(pinch->centerPoint().toPoint()));
            ge->accept(pinch);
            return true;
        }
    }
    if (event->type() == QEvent::NativeGesture) {
        auto *ne = static_cast<QNativeGestureEvent *>(event);
        if (ne->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(std::log2(1.0 + ne->value()), ne->position());
            return true;
        }
    }
    return QWidget::event(event);
}

} // namespace pd::map
