#pragma once

#include <QFont>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QStringList>

#include <optional>

class QPainter;

namespace pd {

/**
 * @brief The bar charts of the PDF report: vertical bars with their value over them and their label under
 * them, and an optional line (0..1, a share) on a right-hand axis from 0% to 100%.
 *
 * A label wider than its bar's slot wraps onto a second line (elided only past that); the values are drawn
 * after the line on a white backing, so the line never covers a figure.
 */
class BarChart final
{
public:
    /// @brief What draw() put where, for the caller's layout and for tests.
    struct Drawn
    {
        double height = 0;         ///< from the top given to below the labels
        QList<QRectF> valueRects;  ///< the white backing of each bar's value
        QList<QStringList> labels; ///< each label as drawn, one string per line
        QPolygonF line;            ///< the line's points
    };

    static constexpr double kPlotHeight = 120;

    /// @brief Draws @p values (labelled @p labels) and @p line into a band of @p width at @p top.
    static Drawn draw(QPainter &painter, const QFont &font, double top, double width,
                      const QStringList &labels, const QList<double> &values,
                      const QList<std::optional<double>> &line = {});
    /// @brief @p text in at most two lines no wider than @p width (the second elided if need be).
    [[nodiscard]] static QStringList wrap(const QString &text, const QFont &font, double width,
                                          QPaintDevice *device);
};

} // namespace pd
