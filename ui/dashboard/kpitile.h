#pragma once

#include "models/kpi/kpitypes.h"

#include <QFrame>

class QLabel;

namespace pd {

/**
 * @brief One KPI on the dashboard: label, value, target and the change against the previous period.
 *
 * The value is green when it meets its target and red when it misses it; the change line shows an arrow for
 * the direction of the value and is green when the change is an improvement. Clicking the tile emits
 * clicked() (the page turns it into a drill-down).
 */
class KpiTile final : public QFrame
{
    Q_OBJECT
public:
    explicit KpiTile(Kpi kpi, QWidget *parent = nullptr);

    [[nodiscard]] Kpi kpi() const { return m_kpi; }
    /// @brief Shows a value, its target and the previous period's value (any of them may be undefined).
    void setValues(std::optional<double> value, std::optional<double> target, std::optional<double> previous);
    /// @brief Sets the name and hints in the current language (the figures come with the next setValues()).
    void retranslate();

    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString targetText() const;
    [[nodiscard]] QString changeText() const;

    /// @brief "▲ +1.2 pts" / "▼ −3.0 min" / "= 0" / "" when either value is undefined.
    [[nodiscard]] static QString changeFor(Kpi kpi, std::optional<double> value,
                                           std::optional<double> previous);

Q_SIGNALS:
    void clicked(pd::Kpi kpi);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    Kpi m_kpi;
    QLabel *m_label;
    QLabel *m_value;
    QLabel *m_target;
    QLabel *m_change;
};

} // namespace pd
