#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pd {

/**
 * @brief Tells the customers of an incident (or one case's customer) about the problem: the language of the
 * message, an optional text of one's own with the placeholders {waybill}, {cause}, {eta}, {station} and
 * {compensation} (empty: the standard text of the language), a compensation offer, and whether it is
 * urgent enough for quiet hours. The server sends one message per parcel and cause, however often asked.
 */
class NotifyDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @brief @p summary says who gets it ("13 customers of …").
    NotifyDialog(const QString &summary, QWidget *parent = nullptr);

    /// @brief The body of POST …/notify.
    [[nodiscard]] QJsonObject request() const;

    [[nodiscard]] QComboBox *languageBox() const { return m_language; }
    [[nodiscard]] QPlainTextEdit *templateField() const { return m_template; }
    [[nodiscard]] QLineEdit *compensationField() const { return m_compensation; }
    [[nodiscard]] QCheckBox *urgentBox() const { return m_urgent; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    Q_DISABLE_COPY_MOVE(NotifyDialog)

    QComboBox *m_language;
    QPlainTextEdit *m_template;
    QLineEdit *m_compensation;
    QCheckBox *m_urgent;
    QLabel *m_error;
};

} // namespace pd
