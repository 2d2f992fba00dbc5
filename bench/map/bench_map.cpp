// Map benchmarks, offscreen at 1920×1080, device pixel ratio 1. Prints medians/p95 of several runs and the
// goal.
#include "models/geo/clustering.h"
#include "models/geo/mercator.h"
#include "ui/map/mapview.h"

#include "../common/stats.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pd;
using namespace pd::map;

namespace {

using pd::bench::percentile;

constexpr int kMarkers = 50000;
constexpr int kCouriers = 5000;

void report(const char *what, const std::vector<double> &ms, double goal, const char *stat = "p95")
{
    const double value = std::string(stat) == "median" ? percentile(ms, 0.5) : percentile(ms, 0.95);
    std::printf("%-62s %s %8.2f ms (median %.2f, n=%zu)   goal <= %.0f ms  %s\n", what, stat, value,
                percentile(ms, 0.5), ms.size(), goal, value <= goal ? "OK" : "MISSED");
    std::fflush(stdout);
}

QList<MapItem> parcels(int n, QRandomGenerator &rng)
{
    // Spread over the Yangtze delta, denser around Shanghai, like a day's parcels under way.
    const Glyph glyphs[] = {Glyph::Parcel,         Glyph::Parcel,    Glyph::Parcel, Glyph::OutForDelivery,
                            Glyph::OutForDelivery, Glyph::AtStation, Glyph::Late,   Glyph::Exception};
    QList<MapItem> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        MapItem m;
        m.id = QStringLiteral("SF%1").arg(i);
        const bool city = rng.bounded(3) != 0;
        m.position = city ? GeoPoint{31.0 + rng.generateDouble() * 0.45, 121.2 + rng.generateDouble() * 0.6}
                          : GeoPoint{29.5 + rng.generateDouble() * 3.5, 118.5 + rng.generateDouble() * 4.0};
        m.glyph = glyphs[rng.bounded(8)];
        m.complaint = rng.bounded(50) == 0;
        out << m;
    }
    return out;
}

/// A MapView that times its own paint events.
class TimedView : public MapView
{
public:
    std::vector<double> frames;

protected:
    void paintEvent(QPaintEvent *e) override
    {
        QElapsedTimer t;
        t.start();
        MapView::paintEvent(e);
        frames.push_back(double(t.nsecsElapsed()) / 1e6);
    }
};

std::vector<double> renderFrames(MapView &view, int n, bool pan)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i < n + 2; ++i) {
        if (pan)
            view.setView(geo::unproject(view.viewport().toWorld(QPointF(960 + 7, 540 + 3))),
                         view.viewport().zoom());
        QElapsedTimer t;
        t.start();
        view.render(&image);
        if (i >= 2) // the first frames build sprites and caches
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QRandomGenerator rng(20261130);
    const QList<MapItem> items = parcels(kMarkers, rng);
    std::printf("ParcelDesk map benchmarks: %d markers, 1920x1080, DPR 1 (offscreen)\n", kMarkers);

    MapView view;
    view.setAnimated(false);
    view.resize(1920, 1080);
    view.setParcels(items);
    const GeoPoint shanghai{31.22, 121.48};

    // 1. All 50,000 drawn as sprites (clustering off), view still: the worst case for markers.
    view.setClusteringEnabled(false);
    view.setView(GeoPoint{31.0, 120.3}, 8);
    report("frame, 50,000 markers all drawn (no clustering), still view", renderFrames(view, 40, false), 16);
    report("frame, 50,000 markers all drawn, panning (basemap redrawn)", renderFrames(view, 40, true), 16);
    // 2. As the console shows them: clustered below zoom 14.
    view.setClusteringEnabled(true);
    view.setView(GeoPoint{31.0, 120.3}, 8);
    report("frame, 50,000 markers clustered at zoom 8, panning", renderFrames(view, 40, true), 16);
    view.setView(shanghai, 12);
    report("frame, 50,000 markers clustered at zoom 12, panning", renderFrames(view, 40, true), 16);
    view.setView(shanghai, 15);
    report("frame, 50,000 markers at zoom 15 (unclustered), panning", renderFrames(view, 40, true), 16);

    // 3. Re-clustering 50,000 points for one zoom level.
    std::vector<QPointF> world;
    for (const MapItem &m : items)
        world.push_back(geo::project(m.position));
    std::vector<quint8> ranks(world.size(), 1);
    std::vector<double> cluster;
    for (int run = 0; run < 30; ++run) {
        QElapsedTimer t;
        t.start();
        const auto c = geo::clusterGrid(world, geo::clusterCellSize(6 + run % 8), ranks);
        cluster.push_back(double(t.nsecsElapsed()) / 1e6);
        if (c.empty())
            return 1;
    }
    report("re-cluster 50,000 points for one zoom level", cluster, 20);

    // 4. Click to signal: press + release on a marker until parcelClicked arrives (first click after a zoom
    //    change includes building the pick grid).
    std::vector<double> clickFirst;
    std::vector<double> clickNext;
    QString got;
    QObject::connect(&view, &MapView::parcelClicked, [&got](const QString &w) { got = w; });
    for (int run = 0; run < 20; ++run) {
        view.setView(items[run * 997].position, 13 + run % 4);
        for (int k = 0; k < 2; ++k) {
            const QPointF at = view.screenPos(items[run * 997].position);
            got.clear();
            QElapsedTimer t;
            t.start();
            QMouseEvent press(QEvent::MouseButtonPress, at, view.mapToGlobal(at), Qt::LeftButton,
                              Qt::LeftButton, Qt::NoModifier);
            QMouseEvent release(QEvent::MouseButtonRelease, at, view.mapToGlobal(at), Qt::LeftButton,
                                Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(&view, &press);
            QApplication::sendEvent(&view, &release);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (got.isEmpty())
                std::printf("  (click %d found a cluster, not a parcel)\n", run);
            (k == 0 ? clickFirst : clickNext).push_back(ms);
        }
    }
    report("click to signal, first click after a zoom change", clickFirst, 5);
    report("click to signal, later clicks", clickNext, 5);

    // 5. Frames while 5,000 position updates a second arrive (50 every 10 ms), for 4 seconds, on screen.
    TimedView live;
    live.resize(1920, 1080);
    live.setParcels(items);
    QList<MapItem> couriers;
    for (int i = 0; i < kCouriers; ++i)
        couriers << MapItem{QStringLiteral("c%1").arg(i),
                            GeoPoint{31.0 + rng.generateDouble() * 0.45, 121.2 + rng.generateDouble() * 0.6},
                            Glyph::Courier,
                            false,
                            {}};
    live.setCouriers(couriers);
    live.setView(shanghai, 11);
    live.show();
    QApplication::processEvents();
    live.frames.clear();
    int sent = 0;
    QTimer feed;
    feed.setInterval(10);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        QList<CourierPosition> batch;
        for (int k = 0; k < 50; ++k, ++sent) {
            const int i = sent % kCouriers;
            batch << CourierPosition{
                couriers[i].id,
                GeoPoint{31.0 + rng.generateDouble() * 0.45, 121.2 + rng.generateDouble() * 0.6}, sent};
        }
        live.applyCourierPositions(batch);
    });
    feed.start();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < 4000)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    feed.stop();
    std::printf("  live: %d updates in %.1f s, %zu repaints (%.1f a second, limit 10)\n", sent,
                double(wall.elapsed()) / 1000.0, live.frames.size(),
                double(live.frames.size()) * 1000.0 / double(wall.elapsed()));
    report("frame while 5,000 position updates/s arrive (5,000 couriers + 50,000 parcels)", live.frames, 16);
    return 0;
}
