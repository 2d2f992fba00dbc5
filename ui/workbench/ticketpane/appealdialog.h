#pragma once

#include "models/domain/entities.h"

#include <QDialog>
#include <QTimeZone>

class QButtonGroup;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace pd {

/**
 * @brief One step of a regulator appeal: the answer sent to the regulator (its text), the regulator's
 * rejection (when, in the company's time zone, and why), or the fault finding (at fault or not, and why).
 *
 * OK stays disabled until the step is complete (a text, a reason; a fault finding needs a choice and a
 * reason). On OK the dialog calls its submit function with a done callback: it closes when the server
 * recorded the step and otherwise shows the message and keeps what was typed.
 */
class AppealDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Step
    {
        Answer,
        Rejection,
        Fault
    };
    using Done = std::function<void(bool ok, const QString &error)>;
    /// @brief Sends the step: @p text is the answer or the reason, @p at the rejection's instant, @p atFault
    /// the finding.
    using Submit = std::function<void(const QString &text, Instant at, bool atFault, Done done)>;

    AppealDialog(Step step, const QTimeZone &zone, Instant now, Submit submit, QWidget *parent = nullptr);

    [[nodiscard]] QPlainTextEdit *textField() const { return m_text; }
    [[nodiscard]] QDateTimeEdit *atField() const { return m_at; }
    [[nodiscard]] QRadioButton *atFaultButton() const { return m_atFault; }
    [[nodiscard]] QRadioButton *notAtFaultButton() const { return m_notAtFault; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    [[nodiscard]] bool canSubmit() const;

public Q_SLOTS:
    void accept() override;

private:
    Q_DISABLE_COPY_MOVE(AppealDialog)
    void revalidate();

    Step m_step;
    QTimeZone m_zone;
    Submit m_submit;
    QPlainTextEdit *m_text;
    QDateTimeEdit *m_at = nullptr;
    QRadioButton *m_atFault = nullptr;
    QRadioButton *m_notAtFault = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace pd
