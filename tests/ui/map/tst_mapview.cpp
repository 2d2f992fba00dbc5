// The map widget: an offscreen render of fixed data against an expected image, picking, clusters, the live
// repaint limit, the tile layer's MBTiles source (TMS rows), the districts of the city under the markers, and
// the incident and highlight layers over them.
#include "models/geo/mercator.h"
#include "ui/map/basemap.h"
#include "ui/map/districtlayer.h"
#include "ui/map/mapview.h"
#include "ui/map/tilelayer.h"

#include <QBuffer>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::map;

namespace {

/// Fixed data around Shanghai: a grid of parcels of every glyph, two couriers, a station and a route.
void fill(MapView &view)
{
    QList<MapItem> parcels;
    const Glyph glyphs[] = {Glyph::Parcel, Glyph::OutForDelivery, Glyph::AtStation,
                            Glyph::Late,   Glyph::Exception,      Glyph::Delivered};
    for (int i = 0; i < 24; ++i) {
        MapItem m;
        m.id = QStringLiteral("SF%1").arg(1000 + i);
        m.position = GeoPoint{31.15 + (i / 6) * 0.04, 121.35 + (i % 6) * 0.05};
        m.glyph = glyphs[i % 6];
        m.complaint = i % 5 == 0;
        m.tooltip = m.id;
        parcels << m;
    }
    view.setParcels(parcels);
    view.setCouriers({MapItem{QStringLiteral("c1"), GeoPoint{31.20, 121.42}, Glyph::Courier, false, {}},
                      MapItem{QStringLiteral("c2"), GeoPoint{31.26, 121.55}, Glyph::Courier, false, {}}});
    view.setStations({MapItem{QStringLiteral("s1"), GeoPoint{31.30, 121.40}, Glyph::Station, false, {}}});
    view.setRoute({GeoPoint{31.30, 121.40}, GeoPoint{31.25, 121.45}, GeoPoint{31.19, 121.45}},
                  {MapItem{QStringLiteral("e1"), GeoPoint{31.30, 121.40}, Glyph::TrackPoint, false, {}},
                   MapItem{QStringLiteral("e2"), GeoPoint{31.25, 121.45}, Glyph::TrackPoint, false, {}}});
    view.setSelectedParcel(QStringLiteral("SF1008"));
}

/// Share of pixels whose channels differ by more than @p threshold.
double differingShare(const QImage &a, const QImage &b, int threshold = 48)
{
    if (a.size() != b.size())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (std::abs(qRed(p[col]) - qRed(q[col])) > threshold ||
                std::abs(qGreen(p[col]) - qGreen(q[col])) > threshold ||
                std::abs(qBlue(p[col]) - qBlue(q[col])) > threshold)
                ++differing;
        }
    }
    return double(differing) / (double(x.width()) * x.height());
}

/// Share of the image's pixels of exactly @p colour.
double shareOf(const QImage &image, const QColor &colour)
{
    qint64 n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == colour;
    return double(n) / (double(image.width()) * image.height());
}

QImage rendered(MapView &view)
{
    QImage image(view.size(), QImage::Format_RGB32);
    view.render(&image);
    return image;
}

bool isHighlightRed(const QColor &c)
{
    return c.red() > 200 && c.green() < 70 && c.blue() < 80;
}

} // namespace

class TestMapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void basemapLoadsFromResource();
    void renderMatchesExpected();
    void clickEmitsParcel();
    void clustersWhenZoomedOut();
    void clusterClickZoomsIn();
    void liveRepaintsAreLimited();
    void keyboardAndWheel();
    void datumShiftsMarkers();
    void mbtilesReadsTmsRows();
    void districtsLoaded();
    void districtsDrawnAtCityZoom();
    void districtsFromSettings();
    void incidentRingsAndHighlights();
};

void TestMapView::basemapLoadsFromResource()
{
    QVERIFY(Basemap::instance().shapeCount() > 200);
}

void TestMapView::renderMatchesExpected()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    fill(view);
    view.setView(GeoPoint{31.23, 121.48}, 10.5);
    view.setClusteringEnabled(false);
    QImage image(view.size(), QImage::Format_RGB32);
    view.render(&image);

    const QString expectedPath = QStringLiteral(PD_MAP_TEST_DIR "/expected_mapview.png");
    if (qEnvironmentVariableIsSet("PD_UPDATE_EXPECTED")) {
        QVERIFY(image.save(expectedPath));
        QSKIP("expected image written");
    }
    const QImage expected(expectedPath);
    QVERIFY2(!expected.isNull(), "tests/ui/map/expected_mapview.png missing (run with PD_UPDATE_EXPECTED=1)");
    const double share = differingShare(image, expected);
    if (share > 0.01)
        image.save(QDir::temp().filePath(QStringLiteral("actual_mapview.png")));
    QVERIFY2(share <= 0.01, qPrintable(QStringLiteral("%1% of pixels differ").arg(share * 100, 0, 'f', 2)));
    // And it is not trivially empty: land, sea, a late marker's orange and an exception's red are there.
    bool orange = false;
    bool red = false;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            orange |= c == glyphColour(Glyph::Late);
            red |= c == glyphColour(Glyph::Exception);
        }
    QVERIFY(orange && red);
}

void TestMapView::clickEmitsParcel()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    fill(view);
    view.setView(GeoPoint{31.23, 121.48}, 12);
    view.setClusteringEnabled(false);
    QSignalSpy parcel(&view, &MapView::parcelClicked);
    QSignalSpy courier(&view, &MapView::courierClicked);
    const QPoint at = view.screenPos(GeoPoint{31.19, 121.40}).toPoint() + QPoint(3, -2); // SF1007
    QTest::mouseClick(&view, Qt::LeftButton, {}, at);
    QCOMPARE(parcel.count(), 1);
    QCOMPARE(parcel.at(0).at(0).toString(), QStringLiteral("SF1007"));
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.screenPos(GeoPoint{31.20, 121.42}).toPoint());
    QCOMPARE(courier.count(), 1);
    QCOMPARE(courier.at(0).at(0).toString(), QStringLiteral("c1"));
    // Empty sea: nothing.
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(630, 10));
    QCOMPARE(parcel.count(), 1);
    // A drag pans and does not click.
    const QPointF before = view.viewport().centre();
    QTest::mousePress(&view, Qt::LeftButton, {}, at);
    QMouseEvent move(QEvent::MouseMove, QPointF(at + QPoint(60, 0)),
                     view.mapToGlobal(QPointF(at + QPoint(60, 0))), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, at + QPoint(60, 0));
    QCOMPARE(parcel.count(), 1);
    QVERIFY(view.viewport().centre().x() < before.x());
    QCOMPARE(view.hitAt(view.screenPos(GeoPoint{31.30, 121.40})).layer, MapView::Layer::TrackPoint);
}

void TestMapView::clustersWhenZoomedOut()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    fill(view);
    view.setView(GeoPoint{31.23, 121.48}, 6);
    QVERIFY(view.isClustering());
    const auto &clusters = view.visibleClusters();
    int total = 0;
    int worst = 0;
    for (const auto &c : clusters) {
        total += c.count;
        worst = std::max(worst, c.maxRank & 7);
    }
    QCOMPARE(total, 24);
    QVERIFY(clusters.size() < 4);
    QCOMPARE(worst, glyphRank(Glyph::Exception));
    view.setView(GeoPoint{31.23, 121.48}, 15);
    QVERIFY(!view.isClustering());
}

void TestMapView::clusterClickZoomsIn()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    fill(view);
    view.setCouriers({});
    view.setRoute({}, {});
    view.setView(GeoPoint{31.23, 121.48}, 6);
    const auto &clusters = view.visibleClusters();
    QVERIFY(!clusters.empty());
    const QPointF at = view.viewport().toScreen(clusters.front().world);
    QCOMPARE(view.hitAt(at).layer, MapView::Layer::Cluster);
    QTest::mouseClick(&view, Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(view.viewport().zoom(), 8.0);
}

void TestMapView::liveRepaintsAreLimited()
{
    MapView view;
    view.resize(320, 240);
    fill(view);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50);
    const int before = view.paintCount();
    for (int i = 0; i < 200; ++i)
        view.applyCourierPositions(
            {CourierPosition{QStringLiteral("c1"), GeoPoint{31.2 + i * 1e-4, 121.42}, i}});
    QCOMPARE(view.paintCount(), before); // nothing painted synchronously
    QTRY_VERIFY(view.paintCount() > before);
    QCOMPARE(view.paintCount(), before + 1); // 200 updates, one repaint
    // Unknown couriers are ignored.
    view.applyCourierPositions({CourierPosition{QStringLiteral("nobody"), GeoPoint{1, 1}, 1}});
    QTest::qWait(150);
    QCOMPARE(view.paintCount(), before + 1);
}

void TestMapView::keyboardAndWheel()
{
    MapView view;
    view.setAnimated(false);
    view.resize(400, 300);
    view.setView(GeoPoint{31.23, 121.48}, 10);
    QTest::keyClick(&view, Qt::Key_Plus);
    QCOMPARE(view.viewport().zoom(), 11.0);
    QTest::keyClick(&view, Qt::Key_Minus);
    QCOMPARE(view.viewport().zoom(), 10.0);
    const double x = view.viewport().centre().x();
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(view.viewport().centre().x() > x);
    QWheelEvent wheel(QPointF(200, 150), view.mapToGlobal(QPointF(200, 150)), QPoint(), QPoint(0, 240),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QCOMPARE(view.viewport().zoom(), 11.0);
}

void TestMapView::datumShiftsMarkers()
{
    MapView view;
    view.setAnimated(false);
    view.resize(400, 300);
    view.setView(GeoPoint{31.23, 121.48}, 16);
    const GeoPoint p{31.23, 121.48};
    const QPointF before = view.viewport().centre();
    view.setDatum(geo::Datum::Gcj02);
    // The markers move onto the GCJ-02 background: hundreds of metres, at zoom 16 (≈ 2 m a pixel) well over
    // 100 pixels; the view follows, so the point stays in the middle.
    const QPointF moved = (view.viewport().centre() - before) * view.viewport().scale();
    QVERIFY2(moved.manhattanLength() > 100, qPrintable(QString::number(moved.manhattanLength())));
    QCOMPARE(view.viewport().centre(), geo::project(geo::wgs84ToGcj02(p)));
    QVERIFY((view.screenPos(p) - QPointF(200, 150)).manhattanLength() < 2);
}

void TestMapView::mbtilesReadsTmsRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.mbtiles"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("mk"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                                      "tile_row INTEGER, tile_data BLOB)")));
        auto png = [](QColor c) {
            QImage img(256, 256, QImage::Format_RGB32);
            img.fill(c);
            QByteArray bytes;
            QBuffer buf(&bytes);
            buf.open(QIODevice::WriteOnly);
            img.save(&buf, "PNG");
            return bytes;
        };
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)")));
        // XYZ (1, 1, 0) is the north-east tile: TMS row 1.
        for (const auto &[row, colour] : {std::pair{1, QColor(Qt::red)}, std::pair{0, QColor(Qt::blue)}}) {
            q.addBindValue(1);
            q.addBindValue(1);
            q.addBindValue(row);
            q.addBindValue(png(colour));
            QVERIFY(q.exec());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mk"));
    TileSourceSettings s;
    s.mbtilesPath = path;
    TileLayer layer(s);
    QCOMPARE(layer.readMbTile({1, 1, 0}).pixelColor(5, 5), QColor(Qt::red));
    QCOMPARE(layer.readMbTile({1, 1, 1}).pixelColor(5, 5), QColor(Qt::blue));
    QVERIFY(layer.readMbTile({1, 0, 0}).isNull());
    QVERIFY(TileLayer::userAgent().startsWith("ParcelDesk/"));

    // Painted through a view: the north-east quarter is red.
    MapView view;
    view.setAnimated(false);
    view.resize(512, 512);
    view.setView(geo::unproject(QPointF(0.5, 0.5)), 2); // zoom 2: the zoom-1 tile stands in, scaled
    view.setTileLayer(&layer);
    QImage image(view.size(), QImage::Format_RGB32);
    view.render(&image);
    QCOMPARE(image.pixelColor(400, 100), QColor(Qt::red));
    QVERIFY(layer.hasTile({1, 1, 0}));
}

void TestMapView::districtsLoaded()
{
    // The built-in districts of 杭州 (resources/map/hangzhou-districts.json), GCJ-02 converted to WGS-84.
    const DistrictLayer &districts = DistrictLayer::instance();
    QVERIFY2(districts.error().isEmpty(), qPrintable(districts.error()));
    QCOMPARE(districts.featureCount(), 13);
    const QStringList names = districts.names();
    for (const QString &name : {u"滨江区"_s, u"西湖区"_s, u"余杭区"_s, u"上城区"_s, u"萧山区"_s, u"临安区"_s})
        QVERIFY2(names.contains(name), qPrintable(names.join(u' ')));
    // 滨江长河网点 of the demo, and a point on the south bank of the 钱塘江 that only the conversion puts in
    // 滨江区 (the raw GCJ-02 outline, 500 m off, has it in 上城区: tst_geomath::districtsNeedTheConversion).
    QCOMPARE(districts.districtAt({30.1900, 120.2110}), u"滨江区"_s);
    QCOMPARE(districts.districtAt({30.2000, 120.1640}), u"滨江区"_s);
    QCOMPARE(districts.districtAt({30.2790, 120.1290}), u"西湖区"_s);
    QCOMPARE(districts.districtAt({31.23, 121.47}), QString()); // 上海
    // The label point of 滨江区 (its centroid, converted) lies in it.
    const auto label = districts.labelPoint(u"滨江区"_s);
    QVERIFY(label);
    QCOMPARE(districts.districtAt(*label), u"滨江区"_s);
    QVERIFY(!districts.attribution().isEmpty());
}

void TestMapView::districtsDrawnAtCityZoom()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    // City zoom over 杭州: the view is mostly district fill, and 西湖区's name is written at its centroid.
    view.setView(GeoPoint{30.25, 120.17}, 11);
    QImage image = rendered(view);
    const double filled = shareOf(image, DistrictLayer::fillColour());
    QVERIFY2(filled > 0.5, qPrintable(QString::number(filled)));
    QVERIFY(DistrictLayer::instance().isShownIn(view.viewport(), geo::Datum::Wgs84));
    const QPoint at = view.screenPos(*DistrictLayer::instance().labelPoint(u"西湖区"_s)).toPoint();
    int ink = 0;
    for (int y = at.y() - 8; y <= at.y() + 8; ++y)
        for (int x = at.x() - 24; x <= at.x() + 24; ++x)
            ink += image.pixelColor(x, y).lightness() < 170;
    QVERIFY2(ink > 10, qPrintable(QString::number(ink)));
    // Too far out for districts: none drawn (the country basemap only).
    view.setView(GeoPoint{30.25, 120.17}, DistrictLayer::kOutlineMinZoom - 0.5);
    image = rendered(view);
    QCOMPARE(shareOf(image, DistrictLayer::fillColour()), 0.0);
    QVERIFY(!DistrictLayer::instance().isShownIn(view.viewport(), geo::Datum::Wgs84));
    // Shanghai at zoom 10.5 (the expected image's view) is outside 杭州: nothing of the districts there.
    view.setView(GeoPoint{31.23, 121.48}, 10.5);
    QVERIFY(!DistrictLayer::instance().isShownIn(view.viewport(), geo::Datum::Wgs84));
}

void TestMapView::districtsFromSettings()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"city.geojson"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"测试区"},
            "geometry":{"type":"Polygon","coordinates":[[[121.0,31.0],[121.1,31.0],[121.1,31.1],[121.0,31.1],[121.0,31.0]]]}}]})");
    }
    QSettings settings(dir.filePath(u"pd.ini"_s), QSettings::IniFormat);
    settings.setValue(u"map/districtsFile"_s, file);
    settings.setValue(u"map/districtsDatum"_s, u"wgs84"_s);
    settings.setValue(u"map/districtsAttribution"_s, u"© Example Surveys"_s);
    DistrictLayer own = DistrictLayer::fromSettings(settings);
    QCOMPARE(own.featureCount(), 1);
    QCOMPARE(own.names(), QStringList{u"测试区"_s});
    QCOMPARE(own.attribution(), u"© Example Surveys"_s);
    QCOMPARE(own.districtAt({31.05, 121.098}), u"测试区"_s); // WGS-84 as said: no shift
    // The same file said to be GCJ-02: moved about 450 m west (and 200 m north), so a point 200 m inside its
    // east edge falls outside.
    settings.setValue(u"map/districtsDatum"_s, u"gcj02"_s);
    own = DistrictLayer::fromSettings(settings);
    QCOMPARE(own.districtAt({31.05, 121.098}), QString());
    QCOMPARE(own.districtAt({31.05, 121.05}), u"测试区"_s);
    // A file that cannot be read: no districts at all, never 杭州's in its place.
    settings.setValue(u"map/districtsFile"_s, dir.filePath(u"missing.geojson"_s));
    own = DistrictLayer::fromSettings(settings);
    QCOMPARE(own.featureCount(), 0);
    QVERIFY(!own.error().isEmpty());
    // No setting: the built-in districts.
    settings.remove(u"map/districtsFile"_s);
    QCOMPARE(DistrictLayer::fromSettings(settings).featureCount(), 13);
}

void TestMapView::incidentRingsAndHighlights()
{
    MapView view;
    view.setAnimated(false);
    view.resize(640, 400);
    const GeoPoint s1{31.30, 121.40};
    const GeoPoint s2{31.20, 121.50};
    view.setStations(
        {MapItem{u"s1"_s, s1, Glyph::Station, false, {}}, MapItem{u"s2"_s, s2, Glyph::Station, false, {}}});
    // Two incidents at s1 (the bigger first) and one at s2.
    view.setIncidents({MapItem{u"inc-a"_s, s1, Glyph::Incident, false, u"A"_s, 42, u"42"_s},
                       MapItem{u"inc-b"_s, s1, Glyph::Incident, false, u"B"_s, 7, u"7"_s},
                       MapItem{u"inc-c"_s, s2, Glyph::Incident, false, u"C"_s, 3, u"3"_s}});
    view.setView(GeoPoint{31.25, 121.45}, 12);
    QCOMPARE(view.incidentIds(), (QStringList{u"inc-a"_s, u"inc-b"_s, u"inc-c"_s}));
    QSignalSpy incident(&view, &MapView::incidentClicked);
    QSignalSpy station(&view, &MapView::stationClicked);
    const QPointF p1 = view.screenPos(s1);
    const QPointF p2 = view.screenPos(s2);
    QTest::mouseClick(&view, Qt::LeftButton, {}, (p1 + QPointF(MapView::kIncidentRingRadius, 0)).toPoint());
    QTest::mouseClick(&view, Qt::LeftButton, {},
                      (p1 + QPointF(0, MapView::kIncidentRingRadius + MapView::kIncidentRingStep)).toPoint());
    QTest::mouseClick(&view, Qt::LeftButton, {}, (p2 - QPointF(MapView::kIncidentRingRadius, 0)).toPoint());
    QCOMPARE(incident.count(), 3);
    QCOMPARE(incident.at(0).at(0).toString(), u"inc-a"_s);
    QCOMPARE(incident.at(1).at(0).toString(), u"inc-b"_s); // its own ring, one step out
    QCOMPARE(incident.at(2).at(0).toString(), u"inc-c"_s);
    // The ring is hollow: the station in its middle is still the station.
    QTest::mouseClick(&view, Qt::LeftButton, {}, p1.toPoint());
    QCOMPARE(station.count(), 1);
    QCOMPARE(incident.count(), 3);
    QImage image = rendered(view);
    const QColor ring = image.pixelColor((p2 - QPointF(MapView::kIncidentRingRadius, 0)).toPoint());
    QVERIFY2(std::abs(ring.green() - glyphColour(Glyph::Incident).green()) < 40 && ring.red() < 60,
             qPrintable(ring.name()));

    // A trend alert at s2 (now mid-view): a red ring over everything, and its label below; cleared, gone.
    view.setView(s2, 12);
    const QPointF c2 = view.screenPos(s2);
    const QPoint onRing = (c2 + QPointF(MapView::kHighlightRingRadius, 0)).toPoint();
    QVERIFY(!isHighlightRed(rendered(view).pixelColor(onRing)));
    view.setHighlights({MapItem{u"s2"_s, s2, Glyph::Station, false, {}, 1, u"投诉激增 ×3.2"_s}});
    QCOMPARE(view.highlightIds(), QStringList{u"s2"_s});
    image = rendered(view);
    QVERIFY2(isHighlightRed(image.pixelColor(onRing)), qPrintable(image.pixelColor(onRing).name()));
    int redBelow = 0; // the label's frame and text under the ring
    for (int y = int(c2.y() + MapView::kHighlightRingRadius) + 4; y < int(c2.y()) + 60; ++y)
        for (int x = int(c2.x()) - 40; x < int(c2.x()) + 40; ++x)
            redBelow += isHighlightRed(image.pixelColor(x, y));
    QVERIFY2(redBelow > 40, qPrintable(QString::number(redBelow)));
    view.setHighlights({});
    QVERIFY(view.highlightIds().isEmpty());
    QVERIFY(!isHighlightRed(rendered(view).pixelColor(onRing)));
}

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
