#include "signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_error(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to ParcelDesk"));
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setPlaceholderText(tr("https://parceldesk.example.com"));
    m_notice->setObjectName(u"signInNotice"_s);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));

    auto *form = new QFormLayout;
    form->addRow(tr("Se&rver:"), m_server);
    form->addRow(tr("&User:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signInRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_server, m_login, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    updateButtons();
    resize(420, sizeHint().height());
}

void SignInDialog::setServer(const QString &url)
{
    m_server->setText(url);
}

void SignInDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    if (!login.isEmpty())
        m_password->setFocus();
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
    m_buttons->button(QDialogButtonBox::Ok)->setFocus();
}

void SignInDialog::setRememberAvailable(bool available, const QString &reason)
{
    m_remember->setEnabled(available);
    if (!available) {
        m_remember->setChecked(false);
        m_remember->setToolTip(reason);
        m_remember->setText(tr("Remember me (no keychain on this computer)"));
    }
}

void SignInDialog::setError(const QString &message)
{
    m_error->setText(message.toHtmlEscaped());
    m_error->setVisible(!message.isEmpty());
    setBusy(false);
}

void SignInDialog::setNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_server, m_login, m_password})
        w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (!busy)
        updateButtons();
}

void SignInDialog::updateButtons()
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    const bool ok = url.isValid() && !url.host().isEmpty() && !m_login->text().trimmed().isEmpty() &&
                    !m_password->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

QString SignInDialog::server() const
{
    return QUrl::fromUserInput(m_server->text().trimmed()).toString();
}

QString SignInDialog::login() const
{
    return m_login->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

bool SignInDialog::remember() const
{
    return m_remember->isChecked();
}

} // namespace pd
