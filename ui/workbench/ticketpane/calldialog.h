#pragma once

#include "models/domain/enums.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pd {

/**
 * @brief Logs a phone call: direction, duration, outcome and an optional note.
 *
 * An outbound call counts as the first response (LocalEdits and the server apply that). The event carries
 * {"direction", "duration_s", "outcome"}; the outcome is also written into the event's text, because the
 * server keeps only direction and duration in a call's data.
 *
 * For an outbound call the dialog shows the number to dial (setNumber); it asks for it with numberNeeded()
 * when it opens on, or switches to, an outbound call, and the pane answers (an implicit reveal, logged by the
 * server with the reason "callback", when the person sees the number masked).
 */
class CallDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @brief Writes the call event; false and a message when refused.
    using Submit = std::function<bool(const QString &text, const QJsonObject &data, QString *error)>;

    CallDialog(Submit submit, QWidget *parent = nullptr);

    /// @brief Outcome codes stored in the event's data.
    [[nodiscard]] static QStringList outcomeCodes();
    [[nodiscard]] static QString outcomeName(const QString &code);

    [[nodiscard]] QComboBox *directionBox() const { return m_direction; }
    [[nodiscard]] QSpinBox *minutesBox() const { return m_minutes; }
    [[nodiscard]] QSpinBox *secondsBox() const { return m_seconds; }
    [[nodiscard]] QComboBox *outcomeBox() const { return m_outcome; }
    [[nodiscard]] QLineEdit *noteField() const { return m_note; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    [[nodiscard]] QLabel *numberLabel() const { return m_number; }
    [[nodiscard]] bool outbound() const;

    /// @brief The number to dial, or a message saying why it is not shown (plain text).
    void setNumber(const QString &text);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    /// @brief An outbound call is being logged: the pane provides the number to dial.
    void numberNeeded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(CallDialog)

    Submit m_submit;
    QComboBox *m_direction;
    QSpinBox *m_minutes;
    QSpinBox *m_seconds;
    QComboBox *m_outcome;
    QLineEdit *m_note;
    QLabel *m_error;
    QLabel *m_number;
    bool m_asked = false;
};

} // namespace pd
