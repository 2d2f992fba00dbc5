#include "barchart.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr double kAxisLeft = 30;  // room for the bars' scale
constexpr double kAxisRight = 30; // room for the line's 0% and 100%
constexpr double kLineHeight = 11;
const QColor kBarColour(0x3B, 0x6E, 0xA5);
const QColor kLineColour(0xD9, 0x7B, 0x29);

} // namespace

QStringList BarChart::wrap(const QString &text, const QFont &font, double width, QPaintDevice *device)
{
    QTextLayout layout(text, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == 1) { // the second line holds the rest, elided when it is still too long
            const QFontMetricsF fm(font, device);
            lines << fm.elidedText(text.mid(line.textStart()).trimmed(), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

BarChart::Drawn BarChart::draw(QPainter &p, const QFont &font, double top, double width,
                               const QStringList &labels, const QList<double> &values,
                               const QList<std::optional<double>> &line)
{
    Drawn drawn;
    const double h = kPlotHeight, left = kAxisLeft, w = width - kAxisLeft - kAxisRight;
    const double maxV = std::max(1.0, *std::max_element(values.cbegin(), values.cend()));
    const double slot = w / double(std::max<qsizetype>(1, values.size()));
    const QFontMetricsF fm(font, p.device());
    p.setFont(font);
    p.setPen(QColor(0xAA, 0xAA, 0xAA));
    p.drawLine(QPointF(left, top + h), QPointF(left + w, top + h));
    p.setPen(Qt::black);
    p.drawText(QRectF(0, top - 4, left - 4, 12), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(qint64(maxV)));
    int labelLines = 1;
    for (int i = 0; i < values.size(); ++i) {
        const double bh = h * values[i] / maxV;
        p.fillRect(QRectF(left + i * slot + slot * 0.2, top + h - bh, slot * 0.6, bh), kBarColour);
        const QString value = QString::number(qint64(values[i]));
        const double vw = fm.horizontalAdvance(value) + 4;
        drawn.valueRects << QRectF(left + i * slot + (slot - vw) / 2, top + h - bh - 12, vw, 11);
        drawn.labels << wrap(labels.value(i), font, slot - 2, p.device());
        labelLines = std::max(labelLines, int(drawn.labels.last().size()));
        for (int l = 0; l < drawn.labels.last().size(); ++l)
            p.drawText(QRectF(left + i * slot, top + h + 2 + l * kLineHeight, slot, kLineHeight),
                       Qt::AlignCenter, drawn.labels.last().at(l));
        if (i < line.size() && line[i])
            drawn.line << QPointF(left + i * slot + slot / 2, top + h - h * *line[i]);
    }
    if (!line.isEmpty()) {
        p.setPen(QPen(kLineColour, 1.6));
        p.drawPolyline(drawn.line);
        for (const QPointF &pt : std::as_const(drawn.line))
            p.drawEllipse(pt, 2, 2);
        p.drawText(QRectF(left + w + 2, top - 4, 28, 12), Qt::AlignLeft | Qt::AlignVCenter, u"100%"_s);
        p.drawText(QRectF(left + w + 2, top + h - 6, 28, 12), Qt::AlignLeft | Qt::AlignVCenter, u"0%"_s);
    }
    // The values last, on white: the line may pass where a value stands.
    p.setPen(Qt::black);
    for (int i = 0; i < drawn.valueRects.size(); ++i) {
        if (!line.isEmpty())
            p.fillRect(drawn.valueRects[i], Qt::white);
        p.drawText(drawn.valueRects[i], Qt::AlignCenter, QString::number(qint64(values[i])));
    }
    drawn.height = h + 4 + labelLines * kLineHeight;
    return drawn;
}

} // namespace pd
