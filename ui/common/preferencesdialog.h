#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace pd {

/**
 * @brief Edit › Preferences: the console's language ("System default", English, 简体中文, 繁體中文).
 *
 * OK and Apply store the choice (QSettings `ui/language`, empty for the system's language) and switch the
 * running console at once (Language::apply): every window re-sets its texts, nothing typed is lost and the
 * session keeps running. A language given with `--lang` on the command line wins only at start-up.
 */
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    [[nodiscard]] QComboBox *languageBox() const { return m_language; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }
    /// @brief Stores and applies the chosen language (what OK and Apply do).
    void apply();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace pd
