#include "tilelayer.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QPainter>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <unordered_set>

#ifndef PD_VERSION
#define PD_VERSION "0"
#endif

namespace pd::map {

namespace {
constexpr int kMaxInFlight = 6;
constexpr int kMemoryCacheKiB = 64 * 1024;
} // namespace

TileSourceSettings TileSourceSettings::load(const QSettings &s)
{
    TileSourceSettings t;
    t.urlTemplate = s.value(QStringLiteral("map/tileUrl")).toString().trimmed();
    t.subdomains = s.value(QStringLiteral("map/tileSubdomains")).toString();
    t.attribution = s.value(QStringLiteral("map/tileAttribution")).toString();
    t.datum = s.value(QStringLiteral("map/tileDatum")).toString() == QLatin1String("gcj02")
                  ? geo::Datum::Gcj02
                  : geo::Datum::Wgs84;
    t.maxZoom = std::clamp(s.value(QStringLiteral("map/tileMaxZoom"), 18).toInt(), 0, geo::kMaxZoom);
    t.mbtilesPath = s.value(QStringLiteral("map/mbtiles")).toString();
    return t;
}

void TileSourceSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("map/tileUrl"), urlTemplate);
    s.setValue(QStringLiteral("map/tileSubdomains"), subdomains);
    s.setValue(QStringLiteral("map/tileAttribution"), attribution);
    s.setValue(QStringLiteral("map/tileDatum"),
               datum == geo::Datum::Gcj02 ? QStringLiteral("gcj02") : QStringLiteral("wgs84"));
    s.setValue(QStringLiteral("map/tileMaxZoom"), maxZoom);
    s.setValue(QStringLiteral("map/mbtiles"), mbtilesPath);
}

TileLayer::TileLayer(const TileSourceSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_images(kMemoryCacheKiB)
{
    if (!m_settings.mbtilesPath.isEmpty()) {
        m_connection = QStringLiteral("pd_mbtiles_") + QUuid::createUuid().toString(QUuid::Id128);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_settings.mbtilesPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
}

TileLayer::~TileLayer()
{
    for (QNetworkReply *r : std::as_const(m_inflight)) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QByteArray TileLayer::userAgent()
{
    QByteArray version = QCoreApplication::applicationVersion().toUtf8();
    if (version.isEmpty())
        version = PD_VERSION;
    return "ParcelDesk/" + version;
}

void TileLayer::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
}

QImage TileLayer::readMbTile(const geo::TileId &t)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"));
    q.addBindValue(t.z);
    q.addBindValue(t.x);
    q.addBindValue(geo::flipRow(t.z, t.y)); // MBTiles rows count from the south (TMS)
    if (!q.exec() || !q.next())
        return {};
    return QImage::fromData(q.value(0).toByteArray());
}

const QImage *TileLayer::cachedOrFile(const geo::TileId &t)
{
    if (const QImage *img = m_images.object(t.key()))
        return img;
    if (m_connection.isEmpty())
        return nullptr;
    QImage loaded = readMbTile(t);
    if (loaded.isNull())
        return nullptr;
    const int cost = std::max(1, int(loaded.sizeInBytes() / 1024));
    m_images.insert(t.key(), new QImage(std::move(loaded)), cost);
    return m_images.object(t.key());
}

const QImage *TileLayer::standIn(const geo::TileId &t, QRectF *source)
{
    geo::TileId a = t;
    for (int up = 1; up <= 5 && a.z > 0; ++up) {
        a = a.parent();
        if (const QImage *img = cachedOrFile(a)) {
            const int n = 1 << up; // t is one of n × n children of a
            const double side = double(img->width()) / n;
            *source = QRectF((t.x - a.x * n) * side, (t.y - a.y * n) * side, side, side);
            return img;
        }
    }
    return nullptr;
}

void TileLayer::paint(QPainter &p, const geo::Viewport &view)
{
    if (m_settings.isEmpty())
        return;
    const int z = view.tileZoom(m_settings.maxZoom);
    const std::vector<geo::TileId> tiles = view.visibleTiles(z);
    std::vector<geo::TileId> missing;
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    for (const geo::TileId &t : tiles) {
        const QRectF wr = geo::tileWorldRect(t);
        // Whole-pixel target rectangles leave no hairline seams between tiles.
        const QRectF target = QRectF(view.toScreen(wr.topLeft()), view.toScreen(wr.bottomRight()));
        const QRect snapped(target.topLeft().toPoint(), target.bottomRight().toPoint());
        if (const QImage *img = cachedOrFile(t)) {
            p.drawImage(snapped, *img);
            continue;
        }
        QRectF source;
        if (const QImage *parent = standIn(t, &source))
            p.drawImage(snapped, *parent, source);
        missing.push_back(t);
    }
    p.restore();
    if (m_connection.isEmpty())
        want(missing);
}

void TileLayer::want(const std::vector<geo::TileId> &visible)
{
    std::unordered_set<quint64> keep;
    for (const auto &t : visible)
        keep.insert(t.key());
    // Cancel what went out of view.
    for (auto it = m_inflight.begin(); it != m_inflight.end();) {
        if (keep.count(it.key())) {
            ++it;
            continue;
        }
        QNetworkReply *r = it.value();
        it = m_inflight.erase(it);
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    m_queue.clear();
    for (const auto &t : visible) // already nearest the centre first
        if (!m_inflight.contains(t.key()) && m_failures.value(t.key()) < 3)
            m_queue.push_back(t);
    pump();
}

void TileLayer::pump()
{
    if (m_settings.urlTemplate.isEmpty())
        return;
    if (!m_nam) {
        m_ownNam = new QNetworkAccessManager(this);
        auto *cache = new QNetworkDiskCache(m_ownNam);
        cache->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                 QStringLiteral("/tiles"));
        cache->setMaximumCacheSize(256LL * 1024 * 1024);
        m_ownNam->setCache(cache);
        m_nam = m_ownNam;
    }
    while (int(m_inflight.size()) < kMaxInFlight && !m_queue.empty()) {
        const geo::TileId t = m_queue.front();
        m_queue.pop_front();
        QNetworkRequest request(QUrl(geo::tileUrl(m_settings.urlTemplate, t, m_settings.subdomains)));
        request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
        // PreferNetwork (Qt's default) revalidates only when the cached copy has expired per its HTTP
        // headers.
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
        QNetworkReply *reply = m_nam->get(request);
        const quint64 key = t.key();
        m_inflight.insert(key, reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, key] { finished(reply, key); });
    }
}

void TileLayer::finished(QNetworkReply *reply, quint64 key)
{
    reply->deleteLater();
    if (m_inflight.value(key) != reply)
        return;
    m_inflight.remove(key);
    QImage img;
    if (reply->error() == QNetworkReply::NoError)
        img = QImage::fromData(reply->readAll());
    if (img.isNull()) {
        m_failures[key] += 1;
    } else {
        const int cost = std::max(1, int(img.sizeInBytes() / 1024));
        m_images.insert(key, new QImage(std::move(img)), cost);
        Q_EMIT tilesChanged();
    }
    pump();
}

} // namespace pd::map
