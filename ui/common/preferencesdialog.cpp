#include "preferencesdialog.h"

#include "language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    m_language->setObjectName(u"language"_s);
    m_language->addItem(QString(), QString()); // "System default (…)", set in retranslate()
    // Each language is named in its own language, so it can be found whatever the console speaks now.
    for (const QString &code : Language::available())
        m_language->addItem(Language::nativeName(code), code);
    const int at = m_language->findData(Language::setting());
    m_language->setCurrentIndex(at < 0 ? 0 : at);
    m_languageLabel->setBuddy(m_language);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &PreferencesDialog::apply);
    retranslate();
}

void PreferencesDialog::apply()
{
    const QString chosen = m_language->currentData().toString();
    Language::storeSetting(chosen);
    const QString code = Language::resolve(chosen);
    if (code != Language::current())
        Language::apply(code);
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0,
                            tr("System default (%1)").arg(Language::nativeName(Language::systemLanguage())));
    m_language->setAccessibleName(tr("Language"));
    m_hint->setText(tr("The console switches at once; typed text, open tickets and the connection to the "
                       "server stay. A language given with --lang on the command line applies only to that "
                       "start."));
    // A word-wrapped label's height depends on its width, which the dialog's minimum size does not know:
    // shrunk to its minimum, the dialog cut the explanation. Keep it readable at the narrowest width allowed.
    const int narrowest = m_hint->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30;
    m_hint->setMinimumWidth(narrowest);
    m_hint->setMinimumHeight(m_hint->heightForWidth(narrowest));
}

} // namespace pd
