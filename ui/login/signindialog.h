#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pd {

/**
 * @brief Sign-in: server URL, login, password, "remember me" (the OS keychain).
 *
 * The dialog only collects and shows; the session wiring signs in and reports back with setError() or
 * accept(). When the keychain is unavailable "remember me" is disabled with the reason, never silently
 * ignored.
 */
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QString &url);
    void setLogin(const QString &login);
    /// @brief Fills the password in (the demo) and puts the focus on "Sign in": one click or Enter.
    void setPassword(const QString &password);
    void setRememberAvailable(bool available, const QString &reason);
    void setError(const QString &message);
    /// @brief A note that is not an error, above the fields (e.g. "You are signed out." and what stayed).
    void setNotice(const QString &message);
    void setBusy(bool busy);

    [[nodiscard]] QString server() const;
    [[nodiscard]] QString login() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] bool remember() const;

Q_SIGNALS:
    void signInRequested();

private:
    Q_DISABLE_COPY_MOVE(SignInDialog)
    void updateButtons();

    QLineEdit *m_server;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QLabel *m_notice;
    QDialogButtonBox *m_buttons;
};

} // namespace pd
