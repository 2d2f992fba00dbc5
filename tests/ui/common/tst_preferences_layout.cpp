// Issue 24, item 14: the Preferences dialog's explanation is shown whole in every language, at the dialog's
// own size and after switching language with the dialog open (it was cut in English).
#include "ui/common/language.h"
#include "ui/common/preferencesdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

class TestPreferencesLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QVERIFY(Language::apply(u"en"_s)); }
    void explanationWhole_data();
    void explanationWhole();

private:
    QTemporaryDir m_settings;
};

namespace {
/// Whether every word-wrapped label of @p dialog has room for its text at its width.
QString cutLabel(const QDialog &dialog)
{
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QRect room = label->contentsRect();
        const int flags = int(label->alignment()) | (label->wordWrap() ? Qt::TextWordWrap : 0);
        QString text = label->text();
        text.remove(QLatin1Char('&'));
        const QRect needed =
            label->fontMetrics().boundingRect(QRect(0, 0, room.width(), 100000), flags, text);
        if (needed.height() > room.height() || needed.width() > room.width())
            return u"%1: needs %2x%3, has %4x%5"_s.arg(label->text())
                .arg(needed.width())
                .arg(needed.height())
                .arg(room.width())
                .arg(room.height());
    }
    return {};
}
} // namespace

void TestPreferencesLayout::initTestCase()
{
    QCoreApplication::setOrganizationName(u"ParcelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_preferences_layout"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestPreferencesLayout::explanationWhole_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("then");
    QTest::addRow("en") << u"en"_s << u"zh_CN"_s;
    QTest::addRow("zh_CN") << u"zh_CN"_s << u"en"_s;
    QTest::addRow("zh_TW") << u"zh_TW"_s << u"en"_s;
}

void TestPreferencesLayout::explanationWhole()
{
    QFETCH(QString, language);
    QFETCH(QString, then);
    QVERIFY(Language::apply(language));
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QString cut = cutLabel(dialog);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    // Made as small as it lets itself be: still whole.
    dialog.resize(dialog.minimumSize().expandedTo(dialog.minimumSizeHint()));
    QTRY_VERIFY2((cut = cutLabel(dialog)).isEmpty(), qPrintable(cut));
    // Switching language with the dialog open (Apply): the new text fits too.
    QVERIFY(Language::apply(then));
    QTRY_VERIFY2((cut = cutLabel(dialog)).isEmpty(), qPrintable(cut));
}

QTEST_MAIN(TestPreferencesLayout)
#include "tst_preferences_layout.moc"
