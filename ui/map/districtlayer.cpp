#include "districtlayer.h"

#include "basemap.h"
#include "models/geo/mercator.h"

#include <QFile>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pd::map {

namespace {

Q_LOGGING_CATEGORY(lcDistricts, "pd.map.districts")

QColor labelColour()
{
    return QColor(0x80, 0x75, 0x66);
}

int datumIndex(geo::Datum datum)
{
    return datum == geo::Datum::Gcj02 ? 1 : 0;
}

} // namespace

QColor DistrictLayer::outlineColour()
{
    return QColor(0xa8, 0x9c, 0x8a);
}

QColor DistrictLayer::fillColour()
{
    return QColor(0xfb, 0xf9, 0xf4); // a shade lighter than the land: the city stands out
}

const DistrictLayer &DistrictLayer::instance()
{
    static const DistrictLayer layer = fromSettings(QSettings());
    return layer;
}

DistrictLayer DistrictLayer::fromSettings(const QSettings &settings)
{
    const QString path = settings.value(u"map/districtsFile"_s).toString();
    if (path.isEmpty())
        return builtIn();
    const geo::Datum datum = settings.value(u"map/districtsDatum"_s).toString() == u"wgs84"_s
                                 ? geo::Datum::Wgs84
                                 : geo::Datum::Gcj02;
    QFile f(path);
    DistrictLayer layer;
    if (f.open(QIODevice::ReadOnly))
        layer = fromGeoJson(f.readAll(), datum);
    else
        layer.m_error = u"cannot read %1: %2"_s.arg(path, f.errorString());
    layer.m_customAttribution = settings.value(u"map/districtsAttribution"_s).toString();
    if (!layer.m_error.isEmpty())
        qCWarning(lcDistricts) << "map/districtsFile:" << layer.m_error;
    return layer;
}

DistrictLayer DistrictLayer::builtIn()
{
    QFile f(u":/map/hangzhou-districts.json"_s);
    DistrictLayer layer =
        f.open(QIODevice::ReadOnly) ? fromGeoJson(f.readAll(), geo::Datum::Gcj02) : DistrictLayer();
    layer.m_builtIn = true;
    return layer;
}

DistrictLayer DistrictLayer::fromGeoJson(const QByteArray &json, geo::Datum datum)
{
    DistrictLayer layer;
    QList<geo::GeoFeature> features = geo::readGeoJson(json, &layer.m_error);
    geo::convertToWgs84(features, datum);
    for (geo::GeoFeature &f : features) {
        District d;
        const QRectF lonLat = f.bounds();
        const QPointF label = f.labelAt.value_or(lonLat.center());
        for (int i = 0; i < 2; ++i) {
            const geo::Datum shown = i == 1 ? geo::Datum::Gcj02 : geo::Datum::Wgs84;
            const auto world = [shown](QPointF p) {
                return geo::project(geo::toDatum({p.y(), p.x()}, shown));
            };
            for (const QList<QPointF> &ring : std::as_const(f.rings)) {
                QPolygonF poly;
                poly.reserve(ring.size());
                for (const QPointF &p : ring)
                    poly << world(p);
                d.bounds[i] =
                    d.bounds[i].isNull() ? poly.boundingRect() : d.bounds[i].united(poly.boundingRect());
                d.world[i].append(std::move(poly));
            }
            d.label[i] = world(label);
        }
        d.lonLatBounds = lonLat;
        d.labelLonLat = label;
        d.wgs = std::move(f);
        layer.m_districts.append(std::move(d));
    }
    return layer;
}

QString DistrictLayer::attribution() const
{
    return m_builtIn ? tr("districts © AMap (DataV.GeoAtlas)") : m_customAttribution;
}

QStringList DistrictLayer::names() const
{
    QStringList out;
    for (const District &d : m_districts)
        out << d.wgs.name;
    return out;
}

QString DistrictLayer::districtAt(const GeoPoint &p) const
{
    const QPointF lonLat(p.lon, p.lat);
    for (const District &d : m_districts) {
        if (d.lonLatBounds.contains(lonLat) && d.wgs.contains(lonLat))
            return d.wgs.name;
    }
    return {};
}

std::optional<GeoPoint> DistrictLayer::labelPoint(const QString &name) const
{
    for (const District &d : m_districts) {
        if (d.wgs.name == name)
            return GeoPoint{d.labelLonLat.y(), d.labelLonLat.x()};
    }
    return std::nullopt;
}

bool DistrictLayer::isShownIn(const geo::Viewport &view, geo::Datum mapDatum) const
{
    if (view.zoom() < kOutlineMinZoom)
        return false;
    const QRectF visible = view.worldRect();
    const int i = datumIndex(mapDatum);
    return std::any_of(m_districts.cbegin(), m_districts.cend(),
                       [&](const District &d) { return d.bounds[i].intersects(visible); });
}

void DistrictLayer::paint(QPainter &p, const geo::Viewport &view, geo::Datum mapDatum) const
{
    if (m_districts.isEmpty() || view.zoom() < kOutlineMinZoom)
        return;
    const int i = datumIndex(mapDatum);
    const QRectF screen(QPointF(0, 0), view.size());
    const QRectF clip = screen.adjusted(-4, -4, 4, 4);
    const QRectF visible = view.worldRect();
    const double minStep = 0.6 / view.scale(); // world units under which points merge
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(outlineColour(), 1.0));
    p.setBrush(fillColour());
    QPolygonF out;
    for (const District &d : m_districts) {
        if (!d.bounds[i].intersects(visible))
            continue;
        QPainterPath path; // one path per district: its holes stay unfilled
        path.setFillRule(Qt::OddEvenFill);
        for (const QPolygonF &ring : d.world[i]) {
            if (!ring.boundingRect().intersects(visible))
                continue;
            projectRing(ring, view, minStep, out);
            if (out.size() >= 3 && !screen.contains(out.boundingRect()))
                out = clipPolygon(out, clip);
            if (out.size() >= 3)
                path.addPolygon(out);
        }
        p.drawPath(path);
    }
    p.restore();
    if (view.zoom() >= kLabelMinZoom)
        paintLabels(p, view, i);
}

void DistrictLayer::paintLabels(QPainter &p, const geo::Viewport &view, int datum) const
{
    const QRectF screen(QPointF(0, 0), view.size());
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont font = p.font();
    font.setPixelSize(12);
    font.setBold(false);
    p.setFont(font);
    const QFontMetricsF fm(font);
    QList<QRectF> placed;
    for (const District &d : m_districts) {
        if (d.wgs.name.isEmpty())
            continue;
        const QRectF onScreen(view.toScreen(d.bounds[datum].topLeft()),
                              view.toScreen(d.bounds[datum].bottomRight()));
        const double width = fm.horizontalAdvance(d.wgs.name);
        if (onScreen.width() < width + 8 || onScreen.height() < fm.height() + 4)
            continue; // too far out for this district's name
        QPointF at = view.toScreen(d.label[datum]);
        if (!screen.contains(at)) {
            // Zoomed in past its centroid: the middle of the part in view, if that lies in the district.
            at = onScreen.intersected(screen).center();
            const GeoPoint g = geo::fromDatum(geo::unproject(view.toWorld(at)),
                                              datum == 1 ? geo::Datum::Gcj02 : geo::Datum::Wgs84);
            if (!d.wgs.contains(QPointF(g.lon, g.lat)))
                continue;
        }
        const QRectF box(at.x() - width / 2, at.y() - fm.height() / 2, width, fm.height());
        const QRectF padded = box.adjusted(-4, -2, 4, 2);
        if (!screen.contains(box) || std::any_of(placed.cbegin(), placed.cend(),
                                                 [&](const QRectF &r) { return r.intersects(padded); }))
            continue;
        placed << padded;
        QPainterPath text;
        text.addText(box.left(), box.top() + fm.ascent(), font, d.wgs.name);
        p.setPen(QPen(QColor(255, 255, 255, 210), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(text); // a halo, so the name reads over outlines
        p.setPen(Qt::NoPen);
        p.setBrush(labelColour());
        p.drawPath(text);
    }
    p.restore();
}

} // namespace pd::map
