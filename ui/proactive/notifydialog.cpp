#include "notifydialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kMaxTemplate = 500;
constexpr int kMaxOffer = 200;
const QStringList kPlaceholders{u"waybill"_s, u"cause"_s, u"eta"_s, u"station"_s, u"compensation"_s};
} // namespace

NotifyDialog::NotifyDialog(const QString &summary, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_template(new QPlainTextEdit(this))
    , m_compensation(new QLineEdit(this))
    , m_urgent(new QCheckBox(tr("&Urgent: may be sent during quiet hours"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Notify customers"));
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->addItem(u"繁體中文"_s, u"zh_TW"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    m_template->setPlaceholderText(tr("Empty: the standard message of the language. Placeholders: {waybill}, "
                                      "{cause}, {eta}, {station}, {compensation}."));
    m_template->setTabChangesFocus(true);
    m_compensation->setMaxLength(kMaxOffer);
    m_compensation->setPlaceholderText(tr("e.g. 我们将为您补偿5元运费券。"));
    m_error->setStyleSheet(u"color: #c0262d"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *who = new QLabel(summary, this);
    who->setWordWrap(true);
    who->setTextFormat(Qt::PlainText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Message:"), m_template);
    form->addRow(tr("&Compensation offer:"), m_compensation);
    form->addRow(QString(), m_urgent);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NotifyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NotifyDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QJsonObject NotifyDialog::request() const
{
    QJsonObject o{{u"language"_s, m_language->currentData().toString()},
                  {u"urgent"_s, m_urgent->isChecked()}};
    const QString text = m_template->toPlainText().trimmed();
    if (!text.isEmpty())
        o.insert(u"template"_s, text);
    const QString offer = m_compensation->text().trimmed();
    if (!offer.isEmpty())
        o.insert(u"compensation"_s, offer);
    return o;
}

void NotifyDialog::accept()
{
    // The server checks the same; saying so here keeps the dialog open with the text.
    const QString text = m_template->toPlainText().trimmed();
    QString problem;
    if (text.size() > kMaxTemplate)
        problem =
            tr("The message is %1 characters long; at most %2 are sent.").arg(text.size()).arg(kMaxTemplate);
    static const QRegularExpression placeholder(u"\\{([^{}]*)\\}"_s);
    for (auto it = placeholder.globalMatch(text); problem.isEmpty() && it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!kPlaceholders.contains(name))
            problem =
                tr("{%1} is not a placeholder; use {waybill}, {cause}, {eta}, {station} or {compensation}.")
                    .arg(name);
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace pd
