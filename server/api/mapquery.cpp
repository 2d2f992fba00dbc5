#include "mapquery.h"

#include "apierror.h"
#include "requestparsing.h"

#include "server/storage/geoindex.h"

#include "models/geo/clustering.h"
#include "models/geo/mercator.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
struct MapRequest
{
    QRectF world; ///< the viewport in unit-square world coordinates
    double zoom = 0;
    GeoFilter filter;
};

MapRequest parseRequest(const RequestContext &c, qint64 nowMs)
{
    const QUrlQuery &q = c.request.query;
    MapRequest r;
    const QStringList parts = q.queryItemValue(u"bbox"_s).split(u',');
    bool ok = parts.size() == 4;
    double v[4] = {0, 0, 0, 0};
    for (int i = 0; ok && i < 4; ++i) {
        v[i] = parts.at(i).toDouble(&ok);
        ok = ok && std::isfinite(v[i]);
    }
    if (!ok || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2] || v[1] >= v[3])
        throw ApiError::invalid(u"bbox"_s, u"bbox is west,south,east,north in degrees (WGS-84), west < east "
                                           "and south < north."_s);
    // The box goes to the index query too: a street view's limit counts the parcels inside it.
    r.filter.west = v[0];
    r.filter.south = v[1];
    r.filter.east = v[2];
    r.filter.north = v[3];
    r.zoom = q.queryItemValue(u"zoom"_s).toDouble(&ok);
    if (!ok || !std::isfinite(r.zoom) || r.zoom < 0 || r.zoom > geo::kMaxZoom + 1)
        throw ApiError::invalid(u"zoom"_s, u"zoom is a number from 0 to %1."_s.arg(geo::kMaxZoom + 1));
    r.world = QRectF(geo::project({v[3], v[0]}), geo::project({v[1], v[2]})).normalized();
    r.filter.ranges = geo::coveringRanges(r.world, geo::kQuadkeyZoom);
    r.filter.stationId = q.queryItemValue(u"station"_s, QUrl::FullyDecoded);
    if (!r.filter.stationId.isEmpty() && !isValidId(r.filter.stationId))
        throw ApiError::invalid(u"station"_s, u"station is a station id."_s);
    const QString late = q.queryItemValue(u"late"_s);
    if (!late.isEmpty() && late != u"0" && late != u"1")
        throw ApiError::invalid(u"late"_s, u"late is 0 or 1."_s);
    if (late == u"1")
        r.filter.lateAtMs = nowMs;
    return r;
}

bool inside(const MapRequest &r, const GeoPoint &p)
{
    const GeoFilter &f = r.filter;
    return p.lon >= f.west && p.lon <= f.east && p.lat >= f.south && p.lat <= f.north;
}

/// Cells grouped into screen cells of about 60 pixels at the request's zoom; weighted mean points.
QJsonArray clustersOf(const MapRequest &r, const QList<GeoCount> &cells, qint64 *total)
{
    const double size = geo::clusterCellSize(r.zoom);
    QHash<QPair<qint64, qint64>, GeoCount> groups;
    QList<QPair<qint64, qint64>> order;
    for (const GeoCount &cell : cells) {
        if (cell.count <= 0 || !inside(r, cell.centre()))
            continue;
        const QPointF w = geo::project(cell.centre());
        const QPair<qint64, qint64> key(qint64(std::floor(w.x() / size)), qint64(std::floor(w.y() / size)));
        auto it = groups.find(key);
        if (it == groups.end()) {
            it = groups.insert(key, GeoCount{});
            order.append(key);
        }
        it->count += cell.count;
        it->sumLat += cell.sumLat;
        it->sumLng += cell.sumLng;
        *total += cell.count;
    }
    QJsonArray out;
    for (const auto &key : std::as_const(order)) {
        const GeoCount &g = groups[key];
        const GeoPoint centre = g.centre();
        out.append(QJsonObject{{u"lat"_s, centre.lat}, {u"lon"_s, centre.lon}, {u"count"_s, g.count}});
    }
    return out;
}

QByteArray number(double d)
{
    return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

/// @brief One parcel of a street view, written directly: thousands of them in a dense area cost most of the
/// answer's time as QJsonObjects. The same text QJsonDocument writes (keys in order; checked by
/// tst_map_viewport).
void appendParcel(QByteArray &out, const GeoRow &e)
{
    out += "{\"at_destination\":";
    out += e.atDestination ? "true" : "false";
    out += ",\"courier_id\":";
    appendJsonString(out, e.courierId);
    out += ",\"lat\":";
    out += number(e.point.lat);
    out += ",\"lon\":";
    out += number(e.point.lon);
    if (e.promisedMs > 0) {
        out += ",\"promised_at\":\"";
        out += instantToIso(e.promisedMs).toLatin1(); // digits, '-', ':', '.', 'T', 'Z'
        out += '"';
    }
    out += ",\"station_id\":";
    appendJsonString(out, e.stationId);
    out += ",\"status\":";
    appendJsonString(out, e.status);
    out += ",\"waybill_no\":";
    appendJsonString(out, e.waybillNo);
    out += '}';
}
} // namespace

HttpResponse mapParcels(const RequestContext &c, GeoIndex &index, qint64 nowMs)
{
    const MapRequest r = parseRequest(c, nowMs);
    qint64 total = 0;
    if (r.zoom < kMapDetailZoom) {
        QJsonObject body{{u"zoom"_s, r.zoom}};
        body.insert(u"clustered"_s, true);
        body.insert(u"clusters"_s, clustersOf(r, index.cells(r.filter), &total));
        body.insert(u"parcels"_s, QJsonArray());
        body.insert(u"truncated"_s, false);
        body.insert(u"total"_s, total);
        return jsonResponse(200, body);
    }
    QByteArray out = "{\"clustered\":false,\"clusters\":[],\"parcels\":[";
    out.reserve(256 * 1024);
    // The index keeps only the points inside the box (GeoFilter), so each row it reads is listed.
    const int read = index.forEachEntry(r.filter, kMapDetailLimit, [&](const GeoRow &e) {
        if (total++ > 0)
            out += ',';
        appendParcel(out, e);
    });
    out += "],\"total\":" + QByteArray::number(total) + ",\"truncated\":";
    out += read >= kMapDetailLimit ? "true" : "false";
    out += ",\"zoom\":" + number(r.zoom) + '}';
    return jsonResponse(200, out);
}

} // namespace pd::server
