// Projection, tile maths (XYZ and TMS), WGS-84 ⇄ GCJ-02, the viewport, the TopoJSON and GeoJSON readers and
// the vendored district file.
#include "models/geo/gcj02.h"
#include "models/geo/geojson.h"
#include "models/geo/mercator.h"
#include "models/geo/quadkey.h"
#include "models/geo/topojson.h"
#include "models/geo/viewport.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::geo;

class TestGeoMath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void projectionRoundTrip();
    void projectionLandmarks();
    void tileOfPoint_data();
    void tileOfPoint();
    void tmsFlip();
    void tileUrls();
    void distances();
    void gcjReferencePoint();
    void gcjOutsideChinaUnchanged();
    void gcjRoundTripSubMetre();
    void gcjKnownPairs_data();
    void gcjKnownPairs();
    void viewportMaths();
    void visibleTilesNearestFirst();
    void topoJsonDecodes();
    void vendoredBasemapReads();
    void geoJsonDecodes();
    void vendoredDistrictsRead();
    void districtsNeedTheConversion();
    void quadkeysNestTiles();
    void coveringRangesHoldEveryPointInside();
};

void TestGeoMath::projectionRoundTrip()
{
    for (double lat = -80; lat <= 80; lat += 7.3) {
        for (double lon = -179; lon <= 179; lon += 13.7) {
            const GeoPoint back = unproject(project({lat, lon}));
            QVERIFY2(std::abs(back.lat - lat) < 1e-9 && std::abs(back.lon - lon) < 1e-9,
                     qPrintable(QStringLiteral("%1,%2").arg(lat).arg(lon)));
        }
    }
}

void TestGeoMath::projectionLandmarks()
{
    QCOMPARE(project({0, 0}), QPointF(0.5, 0.5));
    QCOMPARE(project({0, -180}).x(), 0.0);
    QCOMPARE(project({0, 180}).x(), 1.0);
    QVERIFY(std::abs(project({kMaxLatitude, 0}).y()) < 1e-8);
    QVERIFY(std::abs(project({-kMaxLatitude, 0}).y() - 1.0) < 1e-8);
    QVERIFY(project({89.9, 0}).y() >= 0.0); // clamped, not infinite
    QCOMPARE(worldPixels(0), 256.0);
    QCOMPARE(worldPixels(3), 2048.0);
    // 156 543 m per pixel at the equator at zoom 0 (the well-known Web Mercator figure).
    QVERIFY(std::abs(metresPerPixel(0, 0) - 156543.03) < 0.01);
}

void TestGeoMath::tileOfPoint_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addColumn<int>("z");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    // London at zoom 10 is the example tile of the OpenStreetMap wiki (slippy map tilenames).
    QTest::newRow("london z10") << 51.5074 << -0.1278 << 10 << 511 << 340;
    QTest::newRow("beijing z10") << 39.9042 << 116.4074 << 10 << 843 << 388;
    QTest::newRow("shanghai z12") << 31.2304 << 121.4737 << 12 << 3430 << 1673;
    QTest::newRow("z0") << 10.0 << 10.0 << 0 << 0 << 0;
    QTest::newRow("north-west corner") << 85.0 << -180.0 << 3 << 0 << 0;
}

void TestGeoMath::tileOfPoint()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    QFETCH(int, z);
    QFETCH(int, x);
    QFETCH(int, y);
    const TileId t = tileAt({lat, lon}, z);
    QCOMPARE(t, (TileId{z, x, y}));
    QVERIFY(t.isValid());
    QVERIFY(tileWorldRect(t).contains(project({lat, lon})));
}

void TestGeoMath::tmsFlip()
{
    QCOMPARE(flipRow(0, 0), 0);
    QCOMPARE(flipRow(1, 0), 1);
    QCOMPARE(flipRow(10, 388), 635); // Beijing's row counted from the south
    for (int z = 0; z <= 18; z += 3)
        for (int y : {0, (1 << z) / 3, (1 << z) - 1})
            QCOMPARE(flipRow(z, flipRow(z, y)), y);
    QCOMPARE((TileId{10, 843, 388}).parent(), (TileId{9, 421, 194}));
    QCOMPARE(tileNorthWest({1, 0, 0}).lon, -180.0);
    QVERIFY(std::abs(tileNorthWest({1, 1, 1}).lat) < 1e-9);
    QVERIFY((TileId{2, 3, 3}).key() != (TileId{3, 3, 2}).key());
}

void TestGeoMath::tileUrls()
{
    const TileId t{10, 843, 388};
    QCOMPARE(tileUrl(QStringLiteral("https://t.example/{z}/{x}/{y}.png"), t),
             QStringLiteral("https://t.example/10/843/388.png"));
    QCOMPARE(tileUrl(QStringLiteral("https://t.example/{z}/{x}/{-y}.png"), t),
             QStringLiteral("https://t.example/10/843/635.png"));
    const QString a = tileUrl(QStringLiteral("https://{s}.t.example/{z}/{x}/{y}"), t, QStringLiteral("abc"));
    QCOMPARE(a, tileUrl(QStringLiteral("https://{s}.t.example/{z}/{x}/{y}"), t, QStringLiteral("abc")));
    QVERIFY(a.startsWith(QStringLiteral("https://c.")) || a.startsWith(QStringLiteral("https://a.")) ||
            a.startsWith(QStringLiteral("https://b.")));
}

void TestGeoMath::distances()
{
    // Beijing to Shanghai: about 1 067 km great-circle.
    const double d = distanceMetres({39.9042, 116.4074}, {31.2304, 121.4737});
    QVERIFY2(d > 1060000 && d < 1075000, qPrintable(QString::number(d)));
    QCOMPARE(distanceMetres({30, 120}, {30, 120}), 0.0);
}

void TestGeoMath::gcjReferencePoint()
{
    // Published by wandergis/coordtransform (test/app.js): wgs84togcj02(116.404, 39.915)
    // = [116.41024449916938, 39.91640428150164].
    const GeoPoint g = wgs84ToGcj02({39.915, 116.404});
    QVERIFY2(std::abs(g.lon - 116.41024449916938) < 1e-9, qPrintable(QString::number(g.lon, 'f', 12)));
    QVERIFY2(std::abs(g.lat - 39.91640428150164) < 1e-9, qPrintable(QString::number(g.lat, 'f', 12)));
    // The offset is hundreds of metres, as documented.
    const double offset = distanceMetres({39.915, 116.404}, g);
    QVERIFY(offset > 400 && offset < 700);
}

void TestGeoMath::gcjOutsideChinaUnchanged()
{
    for (const GeoPoint p : {GeoPoint{51.5, -0.12}, GeoPoint{-33.9, 151.2}, GeoPoint{35.68, 139.0 + 0.0}}) {
        if (!outsideChina(p))
            continue;
        QCOMPARE(wgs84ToGcj02(p), p);
        QCOMPARE(gcj02ToWgs84(p), p);
    }
    QVERIFY(outsideChina({51.5, -0.12}));
    QVERIFY(!outsideChina({31.23, 121.47}));
}

void TestGeoMath::gcjRoundTripSubMetre()
{
    double worst = 0;
    int maxIterations = 0;
    for (double lat = 18.5; lat <= 53.0; lat += 1.37) {
        for (double lon = 74.0; lon <= 134.5; lon += 1.91) {
            const GeoPoint wgs{lat, lon};
            int iterations = 0;
            const GeoPoint back = gcj02ToWgs84(wgs84ToGcj02(wgs), &iterations);
            worst = std::max(worst, distanceMetres(wgs, back));
            maxIterations = std::max(maxIterations, iterations);
        }
    }
    QVERIFY2(worst < 0.05, qPrintable(QStringLiteral("worst round trip %1 m").arg(worst)));
    QVERIFY(maxIterations < 30);
    QCOMPARE(toDatum({31.2, 121.4}, Datum::Wgs84), (GeoPoint{31.2, 121.4}));
}

void TestGeoMath::gcjKnownPairs_data()
{
    QTest::addColumn<GeoPoint>("wgs");
    QTest::addColumn<GeoPoint>("gcj");
    QTest::addColumn<double>("metres");
    // City centres with both coordinates, from hujiulong/gcoord (test/fixtures/china-cities.json; 7
    // decimals), whose figures were not made with this formula: ours agree within 0.7 m.
    QTest::addRow("金华") << GeoPoint{29.0820414, 119.6427465} << GeoPoint{29.0790641, 119.6474509} << 1.0;
    QTest::addRow("泰州") << GeoPoint{32.4580023, 119.9183831} << GeoPoint{32.4557802, 119.9231242} << 1.0;
    QTest::addRow("沈阳") << GeoPoint{41.8032629, 123.4253306} << GeoPoint{41.8057023, 123.4314787} << 1.0;
    // wandergis/coordtransform's gcj02towgs84(116.404, 39.915) (its README): one uniterated step, good to
    // a metre or two, so ours (iterated to 1 cm) lies within 0.1 m of it.
    QTest::addRow("北京") << GeoPoint{39.91359571849836, 116.39775550083061} << GeoPoint{39.915, 116.404}
                          << 0.1;
}

void TestGeoMath::gcjKnownPairs()
{
    QFETCH(GeoPoint, wgs);
    QFETCH(GeoPoint, gcj);
    QFETCH(double, metres);
    const double back = distanceMetres(gcj02ToWgs84(gcj), wgs);
    QVERIFY2(back < metres, qPrintable(QStringLiteral("GCJ-02 → WGS-84 off by %1 m").arg(back)));
    if (metres >= 1.0) { // the gcoord pairs hold the other direction as well
        const double forth = distanceMetres(wgs84ToGcj02(wgs), gcj);
        QVERIFY2(forth < metres, qPrintable(QStringLiteral("WGS-84 → GCJ-02 off by %1 m").arg(forth)));
    }
    // And the offset undone is the hundreds of metres it is meant to be.
    QVERIFY(distanceMetres(wgs, gcj) > 300);
}

void TestGeoMath::viewportMaths()
{
    Viewport v(project({31.23, 121.47}), 12, QSizeF(800, 600));
    QCOMPARE(v.toScreen(v.centre()), QPointF(400, 300));
    const QPointF s(123.5, 456.25);
    const QPointF back = v.toScreen(v.toWorld(s));
    QVERIFY(std::abs(back.x() - s.x()) < 1e-6 && std::abs(back.y() - s.y()) < 1e-6);

    // Zooming around a point keeps that point under the cursor.
    const QPointF anchor(100, 500);
    const QPointF before = v.toWorld(anchor);
    v.zoomAround(anchor, 14.5);
    QCOMPARE(v.zoom(), 14.5);
    const QPointF after = v.toWorld(anchor);
    QVERIFY(std::abs(after.x() - before.x()) < 1e-12 && std::abs(after.y() - before.y()) < 1e-12);

    // A drag of (+100, 0) pixels moves the content right, so the centre moves west.
    const double x0 = v.centre().x();
    v.panBy(QPointF(100, 0));
    QVERIFY(std::abs((x0 - v.centre().x()) * v.scale() - 100) < 1e-6);

    // Zoom limits hold; fit shows the rectangle.
    v.setZoomLimits(3, 16);
    v.setZoom(30);
    QCOMPARE(v.zoom(), 16.0);
    const QRectF box(project({32, 120}), project({30, 122}));
    v.fit(box, 10);
    const QRectF shown = v.worldRect();
    QVERIFY(shown.contains(box));
    QVERIFY(shown.width() < box.width() * 3);
}

void TestGeoMath::visibleTilesNearestFirst()
{
    const Viewport v(project({31.23, 121.47}), 10, QSizeF(1024, 768));
    const auto tiles = v.visibleTiles(10);
    QVERIFY(tiles.size() >= 12 && tiles.size() <= 30);
    QCOMPARE(tiles.front(), tileAt({31.23, 121.47}, 10));
    const QPointF c = v.centre() * 1024;
    double last = 0;
    for (const TileId &t : tiles) {
        const QPointF d = QPointF(t.x + 0.5, t.y + 0.5) - c;
        const double dist = QPointF::dotProduct(d, d);
        QVERIFY(dist >= last - 1e-9);
        last = dist;
    }
    QCOMPARE(v.tileZoom(), 10);
}

void TestGeoMath::topoJsonDecodes()
{
    // Two quantized arcs forming a square; the second polygon runs the shared arc backwards (~0 = -1).
    const QByteArray json = R"({"type":"Topology",
      "transform":{"scale":[0.5,0.5],"translate":[100,20]},
      "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,0],[0,-2]]],
      "objects":{"countries":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","id":"1","arcs":[[0,1]],"properties":{"name":"Square"}},
        {"type":"MultiPolygon","id":"2","arcs":[[[-1]],[[1]]],"properties":{"name":"Two"}}]}}})";
    QString error;
    const auto shapes = readTopoJson(json, QStringLiteral("countries"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(shapes.size(), 2);
    QCOMPARE(shapes[0].name, QStringLiteral("Square"));
    QCOMPARE(shapes[0].rings.size(), 1);
    const QList<QPointF> expected{{100, 20}, {101, 20}, {101, 21}, {100, 21}, {100, 20}};
    QCOMPARE(shapes[0].rings[0], expected);
    QCOMPARE(shapes[1].rings.size(), 2);
    const QList<QPointF> reversed{{101, 21}, {101, 20}, {100, 20}};
    QCOMPARE(shapes[1].rings[0], reversed);

    QVERIFY(readTopoJson("{}", QStringLiteral("countries"), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestGeoMath::vendoredBasemapReads()
{
    QFile f(QStringLiteral(PD_MAP_RESOURCE_DIR "/countries-50m.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString error;
    const auto shapes = readTopoJson(f.readAll(), QStringLiteral("countries"), &error);
    QVERIFY2(!shapes.isEmpty(), qPrintable(error));
    QVERIFY(shapes.size() > 200);
    const auto china = std::find_if(shapes.begin(), shapes.end(),
                                    [](const GeoShape &s) { return s.name == QLatin1String("China"); });
    QVERIFY(china != shapes.end());
    QRectF box;
    for (const auto &ring : china->rings)
        for (const QPointF &p : ring)
            box = box.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9)) : box.united(QRectF(p, QSizeF(1e-9, 1e-9)));
    QVERIFY(box.contains(QPointF(116.4, 39.9)));   // Beijing
    QVERIFY(box.contains(QPointF(121.47, 31.23))); // Shanghai
}

void TestGeoMath::quadkeysNestTiles()
{
    // A point's key at zoom z is its zoom-20 key shifted, and its centre lies in the point's tile.
    const GeoPoint shanghai{31.2304, 121.4737};
    const quint64 qk = geo::quadkeyOf(shanghai);
    for (int z : {0, 5, 12, 15, 20}) {
        const QRectF tile = geo::tileWorldRect(geo::tileAt(shanghai, z));
        QVERIFY2(tile.contains(geo::quadkeyCentre(geo::quadkeyAt(qk, z), z)), qPrintable(QString::number(z)));
    }
    QCOMPARE(geo::quadkeyAt(qk, 0), quint64(0));
    QVERIFY(geo::quadkeyOf({31.2305, 121.4737}) != qk); // about 11 m north: another zoom-20 tile
}

void TestGeoMath::coveringRangesHoldEveryPointInside()
{
    // Points on a grid over 杭州: each one inside the rectangle falls into a range; ranges are sorted,
    // disjoint and few.
    const QRectF world = QRectF(geo::project({30.35, 120.05}), geo::project({30.20, 120.30})).normalized();
    const QList<geo::KeyRange> ranges = geo::coveringRanges(world, geo::kQuadkeyZoom);
    QVERIFY(!ranges.isEmpty());
    QVERIFY(ranges.size() <= 36);
    for (qsizetype i = 1; i < ranges.size(); ++i)
        QVERIFY(ranges.at(i - 1).last < ranges.at(i).first);
    int inside = 0;
    for (int i = 0; i <= 15; ++i) {
        for (int j = 0; j <= 25; ++j) {
            const double lat = 30.20 + i * 0.01, lon = 120.05 + j * 0.01;
            const quint64 qk = geo::quadkeyOf({lat, lon});
            const bool covered = std::any_of(ranges.cbegin(), ranges.cend(), [&](const geo::KeyRange &r) {
                return qk >= r.first && qk <= r.last;
            });
            QVERIFY2(covered, qPrintable(u"%1,%2"_s.arg(lat).arg(lon)));
            ++inside;
        }
    }
    QCOMPARE(inside, 16 * 26);
    QVERIFY(geo::coveringRanges(QRectF(2, 2, 1, 1), geo::kQuadkeyZoom).isEmpty());
}

void TestGeoMath::geoJsonDecodes()
{
    // A square with a square hole, and a MultiPolygon of two squares; a LineString and a Point are skipped.
    const QByteArray json = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"Ring","center":[1,1],"centroid":[0.5,0.5]},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[3,1],[3,3],[1,3],[1,1]]]}},
      {"type":"Feature","properties":{"name":"Two","center":[10.5,0.5]},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[10,0],[11,0],[11,1],[10,1],[10,0]]],
                                                        [[[20,0],[21,0],[21,1],[20,1],[20,0]]]]}},
      {"type":"Feature","properties":{"name":"Line"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
      {"type":"Feature","properties":{"name":"Dot"},"geometry":{"type":"Point","coordinates":[0,0]}}]})";
    QString error;
    const QList<GeoFeature> features = readGeoJson(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(features.size(), 2);
    QCOMPARE(features[0].name, u"Ring"_s);
    QCOMPARE(features[0].rings.size(), 2);
    QCOMPARE(features[0].labelAt, std::optional<QPointF>(QPointF(0.5, 0.5))); // centroid before center
    QCOMPARE(features[1].labelAt, std::optional<QPointF>(QPointF(10.5, 0.5)));
    QCOMPARE(features[1].rings.size(), 2);
    QCOMPARE(features[0].bounds(), QRectF(0, 0, 4, 4));
    QVERIFY(features[0].contains({0.5, 2}));
    QVERIFY(!features[0].contains({2, 2})); // in the hole
    QVERIFY(!features[0].contains({5, 2}));
    QVERIFY(features[1].contains({10.5, 0.5}));
    QVERIFY(features[1].contains({20.5, 0.5}));
    QVERIFY(!features[1].contains({15, 0.5}));

    QVERIFY(readGeoJson(R"({"type":"Topology"})", &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(readGeoJson("not json", &error).isEmpty());
    QVERIFY(error.startsWith(u"not JSON"_s));
}

namespace {
QList<GeoFeature> vendoredDistricts()
{
    QFile f(QStringLiteral(PD_MAP_RESOURCE_DIR "/hangzhou-districts.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return readGeoJson(f.readAll());
}

QString districtAt(const QList<GeoFeature> &features, const GeoPoint &p)
{
    for (const GeoFeature &f : features)
        if (f.contains(QPointF(p.lon, p.lat)))
            return f.name;
    return {};
}
} // namespace

void TestGeoMath::vendoredDistrictsRead()
{
    const QList<GeoFeature> districts = vendoredDistricts();
    QCOMPARE(districts.size(), 13);
    QStringList names;
    int points = 0;
    for (const GeoFeature &f : districts) {
        names << f.name;
        QVERIFY2(f.labelAt.has_value(), qPrintable(f.name));
        QVERIFY2(f.contains(*f.labelAt),
                 qPrintable(f.name)); // the centroid lies inside: names are placed there
        QVERIFY(
            QRectF(118.3, 29.1, 2.5, 1.5).contains(f.bounds())); // 杭州市: 118.35–120.72° E, 29.19–30.56° N
        for (const auto &ring : f.rings)
            points += int(ring.size());
    }
    // The divisions before April 2021 (resources/map/README.md): 下城区 and 江干区, no 临平区 or 钱塘区.
    QCOMPARE(names, (QStringList{u"上城区"_s, u"下城区"_s, u"江干区"_s, u"拱墅区"_s, u"西湖区"_s, u"滨江区"_s,
                                 u"萧山区"_s, u"余杭区"_s, u"富阳区"_s, u"桐庐县"_s, u"淳安县"_s, u"建德市"_s,
                                 u"临安区"_s}));
    QCOMPARE(points, 6589);
}

void TestGeoMath::districtsNeedTheConversion()
{
    const QList<GeoFeature> gcj = vendoredDistricts();
    QList<GeoFeature> wgs = gcj;
    convertToWgs84(wgs, Datum::Gcj02);
    QCOMPARE(wgs.size(), 13);
    // Every point moved by the GCJ-02 offset (about 500 m here) and goes back to within 2 cm.
    double least = 1e9;
    double most = 0;
    double worstBack = 0;
    for (qsizetype f = 0; f < gcj.size(); ++f) {
        for (qsizetype r = 0; r < gcj[f].rings.size(); ++r) {
            for (qsizetype i = 0; i < gcj[f].rings[r].size(); ++i) {
                const QPointF a = gcj[f].rings[r][i];
                const QPointF b = wgs[f].rings[r][i];
                const double moved = distanceMetres({a.y(), a.x()}, {b.y(), b.x()});
                least = std::min(least, moved);
                most = std::max(most, moved);
                worstBack = std::max(worstBack, distanceMetres(wgs84ToGcj02({b.y(), b.x()}), {a.y(), a.x()}));
            }
        }
    }
    QVERIFY2(least > 400 && most < 700, qPrintable(QStringLiteral("%1–%2 m").arg(least).arg(most)));
    QVERIFY2(worstBack < 0.02, qPrintable(QString::number(worstBack))); // iterated to 1e-7° (about 1 cm)
    // 滨江区 (the demo's 滨江长河网点 and the district government, the file's `center`), and a point on the
    // south bank of the 钱塘江, 300 m from the converted boundary: 上城区 by the raw GCJ-02 outline, 滨江区
    // once converted.
    QCOMPARE(districtAt(wgs, {30.1900, 120.2110}), u"滨江区"_s);
    QCOMPARE(districtAt(wgs, gcj02ToWgs84({30.206615, 120.21062})), u"滨江区"_s);
    QCOMPARE(districtAt(wgs, {30.2000, 120.1640}), u"滨江区"_s);
    QCOMPARE(districtAt(gcj, {30.2000, 120.1640}), u"上城区"_s);
    QCOMPARE(districtAt(wgs, {30.2790, 120.1290}), u"西湖区"_s); // 西湖文三路网点
    QCOMPARE(districtAt(wgs, {30.2890, 120.0050}), u"余杭区"_s); // 余杭未来科技城网点
    QCOMPARE(districtAt(wgs, {31.23, 121.47}), QString());       // 上海
}

QTEST_GUILESS_MAIN(TestGeoMath)
#include "tst_geomath.moc"
