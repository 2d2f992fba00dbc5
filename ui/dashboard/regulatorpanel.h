#pragma once

#include "models/kpi/regulatorfigures.h"

#include <QGroupBox>

#include <array>

class QLabel;
class QPushButton;

namespace pd {

/**
 * @brief The regulator's figures on the dashboard (12305 appeals, docs/kpi.md "Regulator figures") for the
 * dashboard's period and team: appeals and at-fault appeals (有效申诉) per million parcels, answered on time,
 * and appeals past their deadline with no answer. "Show appeals" opens the appeals in the workbench.
 */
class RegulatorPanel final : public QGroupBox
{
    Q_OBJECT
public:
    enum Figure
    {
        AppealsPerMillion,
        AtFaultPerMillion,
        AnsweredOnTime,
        Overdue,
        FigureCount
    };

    explicit RegulatorPanel(QWidget *parent = nullptr);

    void setFigures(const RegulatorFigures &figures);
    [[nodiscard]] QString valueText(Figure figure) const;
    [[nodiscard]] QString detailText(Figure figure) const;
    [[nodiscard]] QPushButton *showButton() const { return m_show; }

Q_SIGNALS:
    void showAppealsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(RegulatorPanel)
    void retranslate();
    void render();

    std::optional<RegulatorFigures> m_figures;
    std::array<QLabel *, FigureCount> m_names{};
    std::array<QLabel *, FigureCount> m_values{};
    std::array<QLabel *, FigureCount> m_details{};
    QPushButton *m_show;
};

} // namespace pd
