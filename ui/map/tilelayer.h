#pragma once

#include "models/geo/gcj02.h"
#include "models/geo/viewport.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <deque>

class QNetworkAccessManager;
class QNetworkReply;
class QPainter;
class QSettings;

namespace pd::map {

/**
 * @brief Where map tiles come from: a setting, never a built-in public server (a whole call centre must not
 * hit OpenStreetMap's tile servers by default). Empty means the built-in offline basemap only.
 *
 * QSettings keys (group "map"): tileUrl ("https://tiles.example/{z}/{x}/{y}.png"; {-y} for TMS rows,
 * {s} for a subdomain of tileSubdomains), tileAttribution, tileDatum ("wgs84" or "gcj02"), tileMaxZoom,
 * mbtiles (path of an MBTiles file, used instead of the URL when set).
 */
struct TileSourceSettings
{
    QString urlTemplate;
    QString subdomains;
    QString attribution;
    geo::Datum datum = geo::Datum::Wgs84;
    int maxZoom = 18;
    QString mbtilesPath;

    [[nodiscard]] bool isEmpty() const { return urlTemplate.isEmpty() && mbtilesPath.isEmpty(); }
    [[nodiscard]] static TileSourceSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
};

/**
 * @brief Tiles for MapView: fetched over HTTP or read from an MBTiles file, decoded once and kept.
 *
 * HTTP requests carry "User-Agent: ParcelDesk/<version>" and go through a QNetworkDiskCache, which serves
 * a tile again while its HTTP expiry allows; decoded tiles stay in a memory cache (64 MiB). While a tile
 * loads, the nearest cached ancestor is drawn scaled in its place. Requests go out nearest the view's centre
 * first, at most six at once, and those no longer in view are cancelled. MBTiles rows are TMS (flipped).
 */
class TileLayer final : public QObject
{
    Q_OBJECT
public:
    explicit TileLayer(const TileSourceSettings &settings, QObject *parent = nullptr);
    ~TileLayer() override;

    [[nodiscard]] const TileSourceSettings &settings() const { return m_settings; }
    /// @brief Use @p nam (not owned) instead of the layer's own (tests).
    void setNetworkAccessManager(QNetworkAccessManager *nam);
    /// @brief The User-Agent sent with every request.
    [[nodiscard]] static QByteArray userAgent();

    /// @brief Draws the tiles of @p view it has (or their stand-ins) and requests the others.
    void paint(QPainter &p, const geo::Viewport &view);

    [[nodiscard]] int inFlight() const { return int(m_inflight.size()); }
    [[nodiscard]] int queued() const { return int(m_queue.size()); }
    [[nodiscard]] bool hasTile(const geo::TileId &t) const { return m_images.contains(t.key()); }
    /// @brief Reads one tile from the MBTiles file (a null image when missing); public for tests.
    [[nodiscard]] QImage readMbTile(const geo::TileId &t);

Q_SIGNALS:
    /// @brief A tile arrived: the map repaints its background.
    void tilesChanged();

private:
    void want(const std::vector<geo::TileId> &visible);
    void pump();
    void finished(QNetworkReply *reply, quint64 key);
    /// @brief The decoded tile from memory, else from the MBTiles file; nullptr when neither has it.
    [[nodiscard]] const QImage *cachedOrFile(const geo::TileId &t);
    [[nodiscard]] const QImage *standIn(const geo::TileId &t, QRectF *source);

    TileSourceSettings m_settings;
    QCache<quint64, QImage> m_images;
    QPointer<QNetworkAccessManager> m_nam;
    QNetworkAccessManager *m_ownNam = nullptr;
    QHash<quint64, QNetworkReply *> m_inflight;
    std::deque<geo::TileId> m_queue;
    QHash<quint64, int> m_failures;
    QString m_connection;
};

} // namespace pd::map
