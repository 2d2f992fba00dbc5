#pragma once

#include "models/compensation/compensationcalculator.h"

#include <QGroupBox>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace pd {

/**
 * @brief The resolve dialog's compensation calculator: the claimed actual value (the declared value until
 * typed) and, for damage, the damaged share; it shows the amount the rules propose with the explanation
 * ("uninsured loss: actual ¥260, cap 3 × freight ¥12 = ¥36 → ¥36") and offers it (Use, Alt+U).
 *
 * Without the parcel in the cache it says so and proposes nothing (the agent types the amount).
 */
class CalculatorBox final : public QGroupBox
{
    Q_OBJECT
public:
    CalculatorBox(std::shared_ptr<const compensation::CompensationCalculator> calculator,
                  std::optional<Parcel> parcel, Category category, Instant now, QWidget *parent = nullptr);

    /// @brief The current proposal; nullopt without a parcel or while the inputs are not valid.
    [[nodiscard]] const std::optional<compensation::Proposal> &proposal() const { return m_proposal; }
    [[nodiscard]] QLineEdit *actualField() const { return m_actual; }
    [[nodiscard]] QSpinBox *damagedField() const { return m_damaged; }
    [[nodiscard]] QLabel *explanationLabel() const { return m_explanation; }
    [[nodiscard]] QPushButton *useButton() const { return m_use; }

Q_SIGNALS:
    void proposalChanged();
    /// @brief Use pressed: put this amount in the amount field.
    void useRequested(qint64 fen);

private:
    Q_DISABLE_COPY_MOVE(CalculatorBox)
    void recompute();

    std::shared_ptr<const compensation::CompensationCalculator> m_calculator;
    std::optional<Parcel> m_parcel;
    Category m_category;
    Instant m_now;
    QLineEdit *m_actual;
    QSpinBox *m_damaged;
    QLabel *m_explanation;
    QPushButton *m_use;
    std::optional<compensation::Proposal> m_proposal;
};

} // namespace pd
