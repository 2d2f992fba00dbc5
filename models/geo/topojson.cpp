#include "topojson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace pd::geo {

namespace {

using Arc = std::vector<QPointF>;

std::vector<Arc> decodeArcs(const QJsonObject &topology)
{
    const QJsonObject transform = topology.value(QLatin1String("transform")).toObject();
    const bool quantized = !transform.isEmpty();
    const QJsonArray scale = transform.value(QLatin1String("scale")).toArray();
    const QJsonArray translate = transform.value(QLatin1String("translate")).toArray();
    const double sx = scale.at(0).toDouble(1.0);
    const double sy = scale.at(1).toDouble(1.0);
    const double tx = translate.at(0).toDouble();
    const double ty = translate.at(1).toDouble();

    std::vector<Arc> arcs;
    const QJsonArray all = topology.value(QLatin1String("arcs")).toArray();
    arcs.reserve(all.size());
    for (const QJsonValue &arcValue : all) {
        const QJsonArray positions = arcValue.toArray();
        Arc arc;
        arc.reserve(positions.size());
        double x = 0;
        double y = 0;
        for (const QJsonValue &pv : positions) {
            const QJsonArray p = pv.toArray();
            if (quantized) {
                x += p.at(0).toDouble();
                y += p.at(1).toDouble();
                arc.emplace_back(x * sx + tx, y * sy + ty);
            } else {
                arc.emplace_back(p.at(0).toDouble(), p.at(1).toDouble());
            }
        }
        arcs.push_back(std::move(arc));
    }
    return arcs;
}

QList<QPointF> ring(const std::vector<Arc> &arcs, const QJsonArray &indices)
{
    QList<QPointF> out;
    for (const QJsonValue &v : indices) {
        const int index = v.toInt();
        const bool reversed = index < 0;
        const int arcIndex = reversed ? ~index : index;
        if (arcIndex < 0 || arcIndex >= int(arcs.size()))
            continue;
        const Arc &arc = arcs[size_t(arcIndex)];
        // Consecutive arcs share their joining point: skip it on every arc but the first.
        const int n = int(arc.size());
        for (int k = 0; k < n; ++k) {
            if (k == 0 && !out.isEmpty())
                continue;
            out.append(reversed ? arc[size_t(n - 1 - k)] : arc[size_t(k)]);
        }
    }
    return out;
}

} // namespace

QList<GeoShape> readTopoJson(const QByteArray &json, const QString &objectName, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject topology = doc.object();
    if (doc.isNull() || topology.value(QLatin1String("type")).toString() != QLatin1String("Topology")) {
        if (error)
            *error = QStringLiteral("not a TopoJSON topology: %1").arg(parseError.errorString());
        return {};
    }
    const QJsonObject object =
        topology.value(QLatin1String("objects")).toObject().value(objectName).toObject();
    if (object.isEmpty()) {
        if (error)
            *error = QStringLiteral("no object '%1' in the topology").arg(objectName);
        return {};
    }
    const std::vector<Arc> arcs = decodeArcs(topology);
    QJsonArray geometries = object.value(QLatin1String("geometries")).toArray();
    if (geometries.isEmpty())
        geometries.append(object);

    QList<GeoShape> shapes;
    for (const QJsonValue &gv : geometries) {
        const QJsonObject g = gv.toObject();
        GeoShape shape;
        shape.id = g.value(QLatin1String("id")).toVariant().toString();
        shape.name = g.value(QLatin1String("properties")).toObject().value(QLatin1String("name")).toString();
        const QString type = g.value(QLatin1String("type")).toString();
        const QJsonArray a = g.value(QLatin1String("arcs")).toArray();
        if (type == QLatin1String("Polygon")) {
            for (const QJsonValue &r : a)
                shape.rings.append(ring(arcs, r.toArray()));
        } else if (type == QLatin1String("MultiPolygon")) {
            for (const QJsonValue &polygon : a)
                for (const QJsonValue &r : polygon.toArray())
                    shape.rings.append(ring(arcs, r.toArray()));
        }
        if (!shape.rings.isEmpty())
            shapes.append(std::move(shape));
    }
    return shapes;
}

} // namespace pd::geo
