#include "serverviewport.h"

#include "mercator.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pd::geo {

std::optional<ServerViewport> ServerViewport::fromJson(const QJsonObject &o)
{
    if (!o.contains(u"clustered"_s) || !o.value(u"clusters"_s).isArray() || !o.value(u"parcels"_s).isArray())
        return std::nullopt;
    ServerViewport v;
    v.clustered = o.value(u"clustered"_s).toBool();
    v.truncated = o.value(u"truncated"_s).toBool();
    v.total = o.value(u"total"_s).toInteger();
    for (const QJsonValue &value : o.value(u"clusters"_s).toArray()) {
        const QJsonObject c = value.toObject();
        v.clusters.append({{c.value(u"lat"_s).toDouble(), c.value(u"lon"_s).toDouble()},
                           int(c.value(u"count"_s).toInteger())});
    }
    for (const QJsonValue &value : o.value(u"parcels"_s).toArray()) {
        const QJsonObject p = value.toObject();
        MapParcel m;
        m.waybillNo = p.value(u"waybill_no"_s).toString();
        if (m.waybillNo.isEmpty())
            continue;
        m.status = fromCode<ParcelStatus>(p.value(u"status"_s).toString()).value_or(ParcelStatus::InTransit);
        m.point = {p.value(u"lat"_s).toDouble(), p.value(u"lon"_s).toDouble()};
        m.atDestination = p.value(u"at_destination"_s).toBool();
        if (m.atDestination)
            m.destination = m.point;
        m.promisedAt = instantFromIso(p.value(u"promised_at"_s).toString());
        m.courierId = p.value(u"courier_id"_s).toString();
        m.stationId = p.value(u"station_id"_s).toString();
        v.parcels.append(m);
    }
    return v;
}

ViewportRequest ViewportRequest::covering(const QRectF &world, double zoom, const QString &stationId,
                                          bool lateOnly)
{
    ViewportRequest r;
    r.zoom = std::clamp(int(std::floor(zoom)), 0, kMaxZoom);
    r.stationId = stationId;
    r.lateOnly = lateOnly;
    const double n = double(1 << r.zoom);
    const QRectF w = world.normalized().intersected(QRectF(0, 0, 1, 1));
    const double x0 = std::floor(w.left() * n) / n, x1 = std::min(1.0, (std::floor(w.right() * n) + 1) / n);
    const double y0 = std::floor(w.top() * n) / n, y1 = std::min(1.0, (std::floor(w.bottom() * n) + 1) / n);
    const GeoPoint nw = unproject({x0, y0});
    const GeoPoint se = unproject({x1 >= 1.0 ? 1.0 - 1e-12 : x1, y1});
    r.west = nw.lon;
    r.north = nw.lat;
    r.east = x1 >= 1.0 ? 180.0 : se.lon;
    r.south = se.lat;
    return r;
}

QString ViewportRequest::key() const
{
    return u"%1/%2,%3,%4,%5/%6/%7"_s.arg(zoom)
        .arg(west, 0, 'f', 6)
        .arg(south, 0, 'f', 6)
        .arg(east, 0, 'f', 6)
        .arg(north, 0, 'f', 6)
        .arg(stationId, lateOnly ? u"late"_s : u"all"_s);
}

QString ViewportRequest::query() const
{
    QUrlQuery q;
    q.addQueryItem(u"bbox"_s, u"%1,%2,%3,%4"_s.arg(west, 0, 'f', 6)
                                  .arg(south, 0, 'f', 6)
                                  .arg(east, 0, 'f', 6)
                                  .arg(north, 0, 'f', 6));
    q.addQueryItem(u"zoom"_s, QString::number(zoom));
    if (!stationId.isEmpty())
        q.addQueryItem(u"station"_s, stationId); // ids are [A-Za-z0-9-_.:]
    if (lateOnly)
        q.addQueryItem(u"late"_s, u"1"_s);
    return q.toString(QUrl::FullyEncoded);
}

void ViewportCache::put(const QString &key, const ServerViewport &answer)
{
    m_order.removeOne(key);
    m_order.append(key);
    m_answers.insert(key, answer);
    while (m_order.size() > m_capacity)
        m_answers.remove(m_order.takeFirst());
}

std::optional<ServerViewport> ViewportCache::get(const QString &key)
{
    const auto it = m_answers.constFind(key);
    if (it == m_answers.cend())
        return std::nullopt;
    m_order.removeOne(key);
    m_order.append(key);
    return *it;
}

void ViewportCache::clear()
{
    m_answers.clear();
    m_order.clear();
}

} // namespace pd::geo
