// MapView: the layers over the markers — open incidents (a ring and the parcel count) and highlighted
// stations (a red ring and the alert's label).
#include "mapview.h"

#include <QLineF>
#include <QPainter>

#include <cmath>

namespace pd::map {

namespace {

QColor highlightColour()
{
    return QColor(0xe0, 0x1b, 0x24);
}

QStringList idsOf(const std::vector<MapItem> &items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const MapItem &item : items)
        out << item.id;
    return out;
}

} // namespace

void MapView::setIncidents(const QList<MapItem> &incidents)
{
    setLayer(m_incidents, incidents);
    // Incidents at the same station get rings one step apart, so each keeps a ring and a count of its own.
    m_incidentSlot.assign(m_incidents.items.size(), 0);
    for (size_t i = 0; i < m_incidents.items.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (m_incidents.items[j].position == m_incidents.items[i].position)
                ++m_incidentSlot[i];
    if (!m_incidents.indexById.contains(m_selectedIncident))
        m_selectedIncident.clear();
}

void MapView::setSelectedIncident(const QString &incidentId)
{
    m_selectedIncident = m_incidents.indexById.contains(incidentId) ? incidentId : QString();
    update();
}

QStringList MapView::incidentIds() const
{
    return idsOf(m_incidents.items);
}

void MapView::setHighlights(const QList<MapItem> &highlights)
{
    setLayer(m_highlights, highlights);
}

QStringList MapView::highlightIds() const
{
    return idsOf(m_highlights.items);
}

double MapView::incidentRadius(int index) const
{
    return kIncidentRingRadius + kIncidentRingStep * m_incidentSlot[size_t(index)];
}

QFont MapView::badgeFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    font.setPixelSize(11);
    return font;
}

QRectF MapView::incidentBadge(int index, const QFontMetricsF &fm) const
{
    // On the ring, outside it: the first incident of a station at its upper right, the next ones at the lower
    // right, upper left and lower left of their own (wider) rings, so the counts never cover each other.
    const int slot = m_incidentSlot[size_t(index)];
    const double r = incidentRadius(index) * M_SQRT1_2;
    const bool left = slot % 4 >= 2;
    const bool below = slot % 2 == 1;
    const QPointF at =
        m_view.toScreen(m_incidents.world[size_t(index)]) + QPointF(left ? -r : r, below ? r : -r);
    const double w = fm.horizontalAdvance(m_incidents.items[size_t(index)].label) + 10;
    const double h = fm.height() + 2;
    return QRectF(left ? at.x() + 2 - w : at.x() - 2, at.y() - h / 2, w, h);
}

int MapView::incidentAt(QPointF pos) const
{
    const QFontMetricsF fm(badgeFont(font()));
    for (int i = 0; i < int(m_incidents.items.size()); ++i) { // the first (biggest) is drawn on top
        const double d = QLineF(m_view.toScreen(m_incidents.world[size_t(i)]), pos).length();
        if (std::abs(d - incidentRadius(i)) <= 5.0 ||
            incidentBadge(i, fm).adjusted(-2, -2, 2, 2).contains(pos))
            return i;
    }
    return -1;
}

void MapView::paintIncidents(QPainter &p, const QRectF &cull, bool counts)
{
    if (m_incidents.items.empty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont countFont = badgeFont(font());
    const QFontMetricsF fm(countFont);
    p.setFont(countFont);
    const QColor colour = glyphColour(Glyph::Incident);
    const QColor halo(colour.red(), colour.green(), colour.blue(), 70);
    // Rings first, then (after the highlights) the counts, so no ring crosses a count; the biggest incident
    // last, on top.
    for (int pass = counts ? 1 : 0; pass < (counts ? 2 : 1); ++pass) {
        for (int i = int(m_incidents.items.size()) - 1; i >= 0; --i) {
            if (!cull.contains(m_incidents.world[size_t(i)]))
                continue;
            const MapItem &item = m_incidents.items[size_t(i)];
            const bool selected = item.id == m_selectedIncident;
            const QPointF s = m_view.toScreen(m_incidents.world[size_t(i)]);
            const double r = incidentRadius(i);
            p.setBrush(Qt::NoBrush);
            if (pass == 0) {
                p.setPen(QPen(selected ? QColor(0x11, 0x11, 0x11) : halo, selected ? 7 : 8));
                p.drawEllipse(s, r, r);
                p.setPen(QPen(Qt::white, 4.5));
                p.drawEllipse(s, r, r);
                p.setPen(QPen(colour, selected ? 3.5 : 2.5));
                p.drawEllipse(s, r, r);
                continue;
            }
            if (item.label.isEmpty())
                continue;
            const QRectF badge = incidentBadge(i, fm);
            p.setPen(QPen(selected ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white), 1.2));
            p.setBrush(colour);
            p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, item.label);
        }
    }
    p.restore();
}

void MapView::paintHighlights(QPainter &p, const QRectF &cull)
{
    if (m_highlights.items.empty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(12);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const QColor red = highlightColour();
    constexpr double r = kHighlightRingRadius;
    for (size_t i = 0; i < m_highlights.items.size(); ++i) {
        if (!cull.contains(m_highlights.world[i]))
            continue;
        const MapItem &item = m_highlights.items[i];
        const QPointF s = m_view.toScreen(m_highlights.world[i]);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Qt::white, 8));
        p.drawEllipse(s, r, r);
        p.setPen(QPen(red, 4));
        p.drawEllipse(s, r, r);
        if (item.label.isEmpty())
            continue;
        const double w = fm.horizontalAdvance(item.label) + 12;
        const double h = fm.height() + 4;
        const QRectF box(s.x() - w / 2, s.y() + r + 5, w, h);
        p.setPen(QPen(red, 1.5));
        p.setBrush(QColor(255, 255, 255, 240));
        p.drawRoundedRect(box, 3, 3);
        p.setPen(red);
        p.drawText(box, Qt::AlignCenter, item.label);
    }
    p.restore();
}

} // namespace pd::map
