// MapView: painting (background cache, layers, scale bar, attribution).
#include "basemap.h"
#include "districtlayer.h"
#include "mapview.h"
#include "tilelayer.h"

#include <QLocale>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>

namespace pd::map {

namespace {

QColor clusterColour(int rank)
{
    const int base = rank & 7;
    if (base >= glyphRank(Glyph::Exception))
        return glyphColour(Glyph::Exception);
    if (base >= glyphRank(Glyph::Late))
        return glyphColour(Glyph::Late);
    return glyphColour(Glyph::Parcel);
}

} // namespace

void MapView::paintEvent(QPaintEvent *)
{
    ++m_paintCount;
    syncSize();
    QPainter p(this);
    paintBackground(p);
    const QRectF visible = m_view.worldRect();
    const double margin = 24.0 / m_view.scale();
    const QRectF cull = visible.adjusted(-margin, -margin, margin, margin);

    // The selected parcel's route under everything else.
    if (m_routeWorld.size() >= 2) {
        QPolygonF line;
        for (const QPointF &w : m_routeWorld)
            line << m_view.toScreen(w);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(255, 255, 255, 220), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setPen(QPen(QColor(0x2b, 0x33, 0x3d), 3, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    const qreal dpr = devicePixelRatioF();
    auto blit = [&](const Layered &layer, int i) {
        const QPointF &w = layer.world[size_t(i)];
        if (!cull.contains(w))
            return;
        const MapItem &item = layer.items[size_t(i)];
        const QPixmap &pm = m_atlas.sprite(item.glyph, dpr);
        const int half = MarkerAtlas::logicalSize(item.glyph) / 2;
        const QPointF s = m_view.toScreen(w);
        // Whole-pixel positions take QPainter's plain blit path (no sub-pixel transform).
        const int x = int(std::lround(s.x())) - half;
        const int y = int(std::lround(s.y())) - half;
        p.drawPixmap(x, y, pm);
        if (item.complaint)
            p.drawPixmap(x + 2 * half - 6, y - 3, m_atlas.sprite(Glyph::Complaint, dpr));
    };
    for (int i : m_stations.drawOrder)
        blit(m_stations, i);
    if (isClustering()) {
        // Couriers under the bubbles, so a cluster's count stays readable where couriers crowd.
        for (int i : m_couriers.drawOrder)
            blit(m_couriers, i);
        paintClusters(p, cull);
        for (int i : m_track.drawOrder)
            blit(m_track, i);
    } else {
        for (int i : m_parcels.drawOrder)
            blit(m_parcels, i);
        for (int i : m_track.drawOrder)
            blit(m_track, i);
        for (int i : m_couriers.drawOrder)
            blit(m_couriers, i);
    }
    if (!m_selected.isEmpty()) {
        const auto it = m_parcels.indexById.constFind(m_selected);
        if (it != m_parcels.indexById.cend()) {
            const QPointF s = m_view.toScreen(m_parcels.world[size_t(*it)]);
            const QPixmap &sel = m_atlas.selection(dpr);
            const QSizeF half = sel.deviceIndependentSize() / 2;
            p.drawPixmap(s - QPointF(half.width(), half.height()), sel);
            blit(m_parcels, *it); // on top of its cluster, so the selection always shows
        }
    }
    // Incidents over the markers (hollow rings: what is inside stays visible), trend alerts over them, and
    // the incidents' counts on top, so a highlighted station's count stays readable.
    const double labelMargin = 120.0 / m_view.scale();
    const QRectF labelCull = visible.adjusted(-labelMargin, -labelMargin, labelMargin, labelMargin);
    paintIncidents(p, labelCull, false);
    paintHighlights(p, labelCull);
    paintIncidents(p, labelCull, true);
    paintOverlay(p);
}

void MapView::paintBackground(QPainter &p)
{
    const qreal dpr = devicePixelRatioF();
    const QString key = QStringLiteral("%1 %2 %3 %4x%5 %6")
                            .arg(m_view.centre().x(), 0, 'g', 17)
                            .arg(m_view.centre().y(), 0, 'g', 17)
                            .arg(m_view.zoom(), 0, 'g', 17)
                            .arg(width())
                            .arg(height())
                            .arg(dpr);
    if (key != m_backgroundKey || m_background.isNull()) {
        m_background = QPixmap(size() * dpr);
        m_background.setDevicePixelRatio(dpr);
        QPainter bp(&m_background);
        Basemap::instance().paint(bp, m_view);
        DistrictLayer::instance().paint(bp, m_view, m_datum); // under the tiles: shown while they load
        if (m_tiles)
            m_tiles->paint(bp, m_view);
        m_backgroundKey = key;
    }
    p.drawPixmap(0, 0, m_background);
}

void MapView::paintClusters(QPainter &p, const QRectF &cull)
{
    ensureClusters();
    const qreal dpr = devicePixelRatioF();
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(11);
    p.setFont(font);
    // Singles first (as sprites), then the bubbles on top, worst last.
    for (const geo::Cluster &c : m_clusters) {
        if (c.count != 1 || !cull.contains(c.world))
            continue;
        const MapItem &item = m_parcels.items[size_t(c.first)];
        const int half = MarkerAtlas::logicalSize(item.glyph) / 2;
        const QPointF s = m_view.toScreen(c.world);
        const int x = int(std::lround(s.x())) - half;
        const int y = int(std::lround(s.y())) - half;
        p.drawPixmap(x, y, m_atlas.sprite(item.glyph, dpr));
        if (item.complaint)
            p.drawPixmap(x + 2 * half - 6, y - 3, m_atlas.sprite(Glyph::Complaint, dpr));
    }
    // Bubbles are sprites too, cached by colour, complaint badge and count text.
    if (m_clusterSprites.size() > 4000 || !qFuzzyCompare(m_clusterSpriteDpr, dpr)) {
        m_clusterSprites.clear();
        m_clusterSpriteDpr = dpr;
    }
    for (const geo::Cluster &c : m_clusters) {
        if (c.count == 1 || !cull.contains(c.world))
            continue;
        const QString text =
            c.count >= 10000 ? QStringLiteral("%1k").arg(c.count / 1000) : QString::number(c.count);
        const int colourClass = (c.maxRank & 7) >= glyphRank(Glyph::Exception) ? 2
                                : (c.maxRank & 7) >= glyphRank(Glyph::Late)    ? 1
                                                                               : 0;
        const QString key = text + QLatin1Char('/') + QString::number(colourClass) +
                            (c.maxRank >= 8 ? QStringLiteral("c") : QString());
        auto it = m_clusterSprites.find(key);
        if (it == m_clusterSprites.end())
            it = m_clusterSprites.insert(key, clusterSprite(c.count, c.maxRank, text, font, dpr));
        const QSizeF half = it->deviceIndependentSize() / 2;
        const QPointF s = m_view.toScreen(c.world);
        p.drawPixmap(int(std::lround(s.x() - half.width())), int(std::lround(s.y() - half.height())), *it);
    }
}

QPixmap MapView::clusterSprite(int count, int maxRank, const QString &text, const QFont &font, qreal dpr)
{
    const qreal r = std::min(28.0, 11.0 + 3.0 * std::log10(double(count)) * 2.0);
    const int side = int(std::ceil(2 * (r + 5)));
    QPixmap pm(QSize(side, side) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF s(side / 2.0, side / 2.0);
    const QColor colour = clusterColour(maxRank);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 70));
    p.drawEllipse(s, r + 4, r + 4);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(colour);
    p.drawEllipse(s, r, r);
    if (maxRank >= 8) // an open complaint inside: the badge
        p.drawPixmap(s + QPointF(r * 0.7 - 4, -r * 0.7 - 4), m_atlas.sprite(Glyph::Complaint, dpr));
    p.setPen(Qt::white);
    p.setFont(font);
    p.drawText(QRectF(s.x() - r, s.y() - r, 2 * r, 2 * r), Qt::AlignCenter, text);
    return pm;
}

void MapView::paintOverlay(QPainter &p)
{
    paintScaleBar(p);
    QString attribution = m_attribution;
    const DistrictLayer &districts = DistrictLayer::instance();
    if (!districts.attribution().isEmpty() && districts.isShownIn(m_view, m_datum))
        attribution += (attribution.isEmpty() ? QString() : QStringLiteral(" · ")) + districts.attribution();
    if (attribution.isEmpty())
        return;
    QFont font = p.font();
    font.setBold(false);
    font.setPixelSize(10);
    p.setFont(font);
    const QFontMetrics fm(font);
    const QRect box = fm.boundingRect(attribution).adjusted(-4, -2, 4, 2);
    const QRect placed(width() - box.width(), height() - box.height(), box.width(), box.height());
    p.fillRect(placed, QColor(255, 255, 255, 200));
    p.setPen(QColor(0x33, 0x33, 0x33));
    p.drawText(placed, Qt::AlignCenter, attribution);
}

void MapView::paintScaleBar(QPainter &p)
{
    // The longest round distance (1, 2 or 5 × 10^n metres) that fits in 120 pixels at the view's centre.
    const GeoPoint centre = geo::unproject(m_view.centre());
    const double mpp = geo::metresPerPixel(centre.lat, m_view.zoom());
    const double maxMetres = mpp * 120.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    double metres = magnitude;
    for (double f : {5.0, 2.0, 1.0}) {
        if (f * magnitude <= maxMetres) {
            metres = f * magnitude;
            break;
        }
    }
    const double px = metres / mpp;
    const QString label = metres >= 1000 ? tr("%1 km").arg(QLocale().toString(metres / 1000.0, 'g', 4))
                                         : tr("%1 m").arg(QLocale().toString(metres, 'g', 4));
    const QPointF origin(10, height() - 14);
    p.fillRect(QRectF(origin.x() - 4, origin.y() - 16, px + 8, 22), QColor(255, 255, 255, 190));
    p.setPen(QPen(QColor(0x22, 0x22, 0x22), 2));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin, origin + QPointF(0, -5));
    p.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -5));
    QFont font = p.font();
    font.setPixelSize(10);
    font.setBold(false);
    p.setFont(font);
    p.drawText(QRectF(origin.x(), origin.y() - 16, px, 12), Qt::AlignCenter, label);
}

} // namespace pd::map
