#pragma once

#include "models/compensation/compensationcalculator.h"
#include "models/domain/enums.h"
#include "models/domain/ticketrules.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

class CalculatorBox;

/**
 * @brief Asks how a complaint was resolved: the resolution (required), for compensation the amount in yuan
 * (validated: more than zero, two decimals at most, not above the limit) and an optional resolution note.
 *
 * Messages wrap and the dialog grows to show them whole. Ctrl+Enter resolves, as the OK button does.
 * OK stays disabled until the input is valid. On OK the dialog calls its submit function; when that refuses
 * (the message is shown under the form) the dialog stays open and nothing was written.
 *
 * With a compensation context (setCompensation) the dialog shows the calculator: the rules' proposal with its
 * explanation, kept in the resolution note; an amount other than the proposal needs a reason. An amount above
 * the agent's own approval limit is not resolved here: OK becomes "Request approval" and sends the request
 * (the server decides it; the ticket stays open and its clocks run meanwhile).
 */
class ResolveDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @brief Writes the resolution (and the note, when one was typed); false and a message when refused.
    using Submit = std::function<bool(Resolution, std::optional<qint64> compensationFen, const QString &note,
                                      QString *error)>;

    /// @brief Asks for approval of an amount above the agent's limit; calls @p done with false and a message
    /// when refused (the dialog stays open), true when the request is recorded.
    using Done = std::function<void(bool ok, const QString &error)>;
    using RequestApproval = std::function<void(qint64 amountFen, std::optional<qint64> proposedFen,
                                               const QString &explanation, const QString &reason, Done done)>;

    static constexpr qint64 kMaxCompensationFen = TicketRules::kMaxCompensationFen; ///< the server's rule too

    ResolveDialog(Submit submit, QWidget *parent = nullptr);

    /// @brief Shows the calculator for @p parcel (nullopt: not cached) and applies @p role's approval limit.
    void setCompensation(std::shared_ptr<const compensation::CompensationCalculator> calculator,
                         std::optional<Parcel> parcel, Category category, Role role, Instant now,
                         RequestApproval request);
    [[nodiscard]] CalculatorBox *calculator() const { return m_calculator; }
    [[nodiscard]] QLineEdit *reasonField() const { return m_reason; }
    [[nodiscard]] QLabel *limitLabel() const { return m_limit; }
    /// @brief True when OK requests approval instead of resolving.
    [[nodiscard]] bool requestsApproval() const;

    [[nodiscard]] QComboBox *resolutionBox() const { return m_resolution; }
    [[nodiscard]] QLineEdit *amountField() const { return m_amount; }
    [[nodiscard]] QLabel *amountMessage() const { return m_amountMessage; }
    [[nodiscard]] QPlainTextEdit *noteField() const { return m_note; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    [[nodiscard]] bool canSubmit() const;

public Q_SLOTS:
    void accept() override;

private:
    Q_DISABLE_COPY_MOVE(ResolveDialog)

    void revalidate();
    void showMessage(QLabel *label, const QString &message);
    /// Grows the dialog to the height its wrapped messages need at its width.
    void fitHeight();
    [[nodiscard]] std::optional<Resolution> resolution() const;
    [[nodiscard]] std::optional<qint64> amount() const;
    /// The resolution note with the calculator's explanation and the reason for a different amount.
    [[nodiscard]] QString noteWithCalculation(std::optional<qint64> fen) const;
    [[nodiscard]] bool amountDiffers(std::optional<qint64> fen) const;
    [[nodiscard]] bool needsReason() const;
    void sendApprovalRequest(qint64 fen);

    Submit m_submit;
    QComboBox *m_resolution;
    QLineEdit *m_amount;
    QLabel *m_amountMessage;
    QPlainTextEdit *m_note;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form = nullptr;
    CalculatorBox *m_calculator = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_limit = nullptr;
    std::shared_ptr<const compensation::CompensationCalculator> m_rules;
    Role m_role = Role::Agent;
    RequestApproval m_request;
    bool m_waiting = false;
};

} // namespace pd
