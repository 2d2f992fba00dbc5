#pragma once

#include "paneactions.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pd {

/**
 * @brief Asks why a customer's full phone, name or address is needed before the pane asks the server for it:
 * call back, compensation, courier contact, or other with a note (required then). The server records who,
 * what, which ticket, when and why.
 */
class RevealDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kNoteMax = 200; ///< the server's limit

    explicit RevealDialog(CustomerField field, QWidget *parent = nullptr);

    [[nodiscard]] CustomerField field() const { return m_field; }
    /// @brief The chosen reason's code (callback, compensation, courier_contact, other).
    [[nodiscard]] QString reason() const;
    [[nodiscard]] QString note() const;

    [[nodiscard]] QComboBox *reasonBox() const { return m_reason; }
    [[nodiscard]] QLineEdit *noteField() const { return m_note; }
    [[nodiscard]] QLabel *hintLabel() const { return m_hint; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }

private:
    Q_DISABLE_COPY_MOVE(RevealDialog)
    void validate();

    CustomerField m_field;
    QComboBox *m_reason;
    QLineEdit *m_note;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace pd
