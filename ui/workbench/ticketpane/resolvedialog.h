#pragma once

#include "models/domain/enums.h"
#include "models/domain/ticketrules.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

/**
 * @brief Asks how a complaint was resolved: the resolution (required), for compensation the amount in yuan
 * (validated: more than zero, two decimals at most, not above the limit) and an optional resolution note.
 *
 * Messages wrap and the dialog grows to show them whole. Ctrl+Enter resolves, as the OK button does.
 * OK stays disabled until the input is valid. On OK the dialog calls its submit function; when that refuses
 * (the message is shown under the form) the dialog stays open and nothing was written.
 */
class ResolveDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @brief Writes the resolution (and the note, when one was typed); false and a message when refused.
    using Submit = std::function<bool(Resolution, std::optional<qint64> compensationFen, const QString &note,
                                      QString *error)>;

    static constexpr qint64 kMaxCompensationFen = TicketRules::kMaxCompensationFen; ///< the server's rule too

    ResolveDialog(Submit submit, QWidget *parent = nullptr);

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

    Submit m_submit;
    QComboBox *m_resolution;
    QLineEdit *m_amount;
    QLabel *m_amountMessage;
    QPlainTextEdit *m_note;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace pd
