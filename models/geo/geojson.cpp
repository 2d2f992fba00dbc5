#include "geojson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pd::geo {

namespace {

QList<QPointF> readRing(const QJsonArray &positions)
{
    QList<QPointF> ring;
    ring.reserve(positions.size());
    for (const QJsonValue &v : positions) {
        const QJsonArray p = v.toArray();
        if (p.size() >= 2)
            ring.append(QPointF(p.at(0).toDouble(), p.at(1).toDouble()));
    }
    return ring;
}

void readPolygon(const QJsonArray &rings, GeoFeature &out)
{
    for (const QJsonValue &r : rings) {
        QList<QPointF> ring = readRing(r.toArray());
        if (ring.size() >= 3)
            out.rings.append(std::move(ring));
    }
}

std::optional<QPointF> readPoint(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isDouble())
        return std::nullopt;
    return QPointF(a.at(0).toDouble(), a.at(1).toDouble());
}

std::optional<GeoFeature> readFeature(const QJsonObject &f)
{
    const QJsonObject geometry = f.value(u"geometry"_s).toObject();
    const QString type = geometry.value(u"type"_s).toString();
    const QJsonArray coordinates = geometry.value(u"coordinates"_s).toArray();
    GeoFeature feature;
    if (type == u"Polygon"_s) {
        readPolygon(coordinates, feature);
    } else if (type == u"MultiPolygon"_s) {
        for (const QJsonValue &polygon : coordinates)
            readPolygon(polygon.toArray(), feature);
    }
    if (feature.rings.isEmpty())
        return std::nullopt;
    const QJsonObject properties = f.value(u"properties"_s).toObject();
    feature.name = properties.value(u"name"_s).toString();
    feature.labelAt = readPoint(properties.value(u"centroid"_s));
    if (!feature.labelAt)
        feature.labelAt = readPoint(properties.value(u"center"_s));
    return feature;
}

} // namespace

QRectF GeoFeature::bounds() const
{
    double left = 1e9;
    double right = -1e9;
    double top = 1e9;
    double bottom = -1e9;
    for (const QList<QPointF> &ring : rings) {
        for (const QPointF &p : ring) {
            left = std::min(left, p.x());
            right = std::max(right, p.x());
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
    }
    return left > right ? QRectF() : QRectF(QPointF(left, top), QPointF(right, bottom));
}

bool GeoFeature::contains(QPointF p) const
{
    bool inside = false;
    for (const QList<QPointF> &ring : rings) {
        const qsizetype n = ring.size();
        for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
            const QPointF &a = ring.at(i);
            const QPointF &b = ring.at(j);
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
        }
    }
    return inside;
}

QList<GeoFeature> readGeoJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    const QString type = root.value(u"type"_s).toString();
    QJsonArray features;
    if (type == u"FeatureCollection"_s) {
        features = root.value(u"features"_s).toArray();
    } else if (type == u"Feature"_s) {
        features.append(root);
    } else {
        if (error)
            *error = doc.isNull() ? u"not JSON: %1"_s.arg(parseError.errorString())
                                  : u"not a GeoJSON FeatureCollection or Feature"_s;
        return {};
    }
    QList<GeoFeature> out;
    for (const QJsonValue &f : std::as_const(features)) {
        if (auto feature = readFeature(f.toObject()))
            out.append(std::move(*feature));
    }
    if (out.isEmpty() && error)
        *error = u"no Polygon or MultiPolygon feature"_s;
    return out;
}

void convertToWgs84(QList<GeoFeature> &features, Datum datum)
{
    if (datum == Datum::Wgs84)
        return;
    const auto convert = [datum](QPointF &lonLat) {
        const GeoPoint w = fromDatum(GeoPoint{lonLat.y(), lonLat.x()}, datum);
        lonLat = QPointF(w.lon, w.lat);
    };
    for (GeoFeature &f : features) {
        for (QList<QPointF> &ring : f.rings)
            for (QPointF &p : ring)
                convert(p);
        if (f.labelAt)
            convert(*f.labelAt);
    }
}

} // namespace pd::geo
