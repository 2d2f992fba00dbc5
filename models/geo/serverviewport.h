#pragma once

#include "mapqueries.h"

#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

namespace pd::geo {

/// @brief A group of parcels the server counted (GET /map/parcels below its detail zoom).
struct ServerCluster
{
    GeoPoint point; ///< mean point of its parcels
    int count = 0;
};

/**
 * @brief What the server answered for one viewport request (docs/api.md, GET /map/parcels): clusters when
 * zoomed out, parcels when zoomed in.
 */
struct ServerViewport
{
    bool clustered = false;
    QList<ServerCluster> clusters;
    QList<MapParcel> parcels; ///< openTickets 0: the cache knows a parcel's tickets, the answer does not
    bool truncated = false;   ///< more parcels than one answer lists
    qint64 total = 0;
    Instant loadedAt = 0; ///< when the console received it
    GeoPoint southWest;   ///< the area asked for (ViewportRequest)
    GeoPoint northEast;

    /// @brief Whether @p p lies in the area asked for.
    [[nodiscard]] bool covers(const GeoPoint &p) const
    {
        return p.lat >= southWest.lat && p.lat <= northEast.lat && p.lon >= southWest.lon &&
               p.lon <= northEast.lon;
    }

    /// @brief The answer's JSON; nullopt when it is not one.
    [[nodiscard]] static std::optional<ServerViewport> fromJson(const QJsonObject &o);
};

/// @brief One viewport request: its area (degrees), zoom and filters, and the key its answer is cached by.
struct ViewportRequest
{
    double west = 0, south = 0, east = 0, north = 0;
    int zoom = 0;
    QString stationId;
    bool lateOnly = false;

    /**
     * @brief The request for a view of @p world (unit-square rectangle) at @p zoom: the area grown to the
     * tiles of that zoom that hold it, so small pans ask (and cache) the same thing.
     */
    [[nodiscard]] static ViewportRequest covering(const QRectF &world, double zoom, const QString &stationId,
                                                  bool lateOnly);
    [[nodiscard]] QString key() const;
    /// @brief The query string: bbox=…&zoom=…[&station=…][&late=1].
    [[nodiscard]] QString query() const;
};

/**
 * @brief The last answers for viewports, so an area seen before still shows its parcels without the server
 * (the map says it is showing them as loaded at their time). Least recently used answers go first.
 */
class ViewportCache final
{
public:
    explicit ViewportCache(int capacity = 64)
        : m_capacity(capacity)
    {}
    void put(const QString &key, const ServerViewport &answer);
    [[nodiscard]] std::optional<ServerViewport> get(const QString &key);
    [[nodiscard]] int size() const { return int(m_order.size()); }
    void clear();

private:
    int m_capacity;
    QHash<QString, ServerViewport> m_answers;
    QStringList m_order; ///< oldest use first
};

} // namespace pd::geo
