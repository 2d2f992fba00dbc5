#include "maplegend.h"

#include "mapitems.h"
#include "markeratlas.h"

#include <QPainter>

namespace pd::map {

namespace {
// Every glyph the map can draw: delivered parcels show while they have an open complaint, tracking events
// once a parcel is selected, incidents while their layer is on.
constexpr Glyph kLegend[] = {Glyph::Parcel,  Glyph::OutForDelivery, Glyph::AtStation, Glyph::Delivered,
                             Glyph::Late,    Glyph::Exception,      Glyph::Complaint, Glyph::Courier,
                             Glyph::Station, Glyph::TrackPoint,     Glyph::Incident};
constexpr int kRow = 22;
} // namespace

MapLegend::MapLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mapLegend"));
}

QStringList MapLegend::entries() const
{
    QStringList out;
    for (Glyph g : kLegend)
        out << glyphLabel(g);
    return out;
}

QSize MapLegend::sizeHint() const
{
    int widest = 0;
    for (const QString &label : entries()) // in the current language
        widest = std::max(widest, fontMetrics().horizontalAdvance(label));
    return {std::max(180, 32 + widest + 6), int(std::size(kLegend)) * kRow + 8};
}

void MapLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    int y = 4;
    for (Glyph g : kLegend) {
        paintGlyph(p, g, QPointF(14, y + kRow / 2.0), MarkerAtlas::logicalSize(g));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(32, y, width() - 34, kRow), Qt::AlignVCenter | Qt::AlignLeft, glyphLabel(g));
        y += kRow;
    }
}

} // namespace pd::map
