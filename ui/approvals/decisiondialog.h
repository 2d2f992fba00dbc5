#pragma once

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

/**
 * @brief Approve a compensation (optionally with a changed amount) or reject it with a reason.
 *
 * Rejecting needs a reason; approving a changed amount needs one too (it is the requester's answer). The
 * amount field takes yuan ("500" or "499.50"). Ctrl+Enter decides as the OK button does.
 */
class DecisionDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Approve,
        Reject
    };

    DecisionDialog(Mode mode, qint64 requestedFen, const QString &summary, QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_mode; }
    /// @brief The changed amount, when the approver typed one different from the request.
    [[nodiscard]] std::optional<qint64> changedFen() const;
    [[nodiscard]] QString reason() const;
    [[nodiscard]] QLineEdit *amountField() const { return m_amount; }
    [[nodiscard]] QPlainTextEdit *reasonField() const { return m_reason; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] bool canDecide() const;

private:
    Q_DISABLE_COPY_MOVE(DecisionDialog)
    void revalidate();

    Mode m_mode;
    qint64 m_requestedFen;
    QLineEdit *m_amount = nullptr;
    QPlainTextEdit *m_reason;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace pd
