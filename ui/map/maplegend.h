#pragma once

#include <QWidget>

namespace pd::map {

/// @brief The map's legend: every glyph with its meaning (shape and colour both carry it).
class MapLegend final : public QWidget
{
    Q_OBJECT
public:
    explicit MapLegend(QWidget *parent = nullptr);
    /// @brief The legend's lines, top to bottom, in the current language.
    [[nodiscard]] QStringList entries() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace pd::map
