#include "language.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

struct State
{
    QString current = u"en"_s;
    QTranslator *ours = nullptr;
    QTranslator *qt = nullptr;
    std::optional<QFont> baseFont; ///< the application font before any CJK face was put in front
};

State &state()
{
    static State s;
    return s;
}

void dropTranslator(QTranslator *&t)
{
    if (!t)
        return;
    QCoreApplication::removeTranslator(t);
    delete t;
    t = nullptr;
}

// Han characters differ between the Simplified and Traditional standards: the UI uses the Noto Sans CJK
// face made for the chosen script (fonts-noto-cjk), so 骨, 角 or 说 look the way readers expect.
void applyScriptFont(const QString &code)
{
    auto *gui = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!gui)
        return;
    State &s = state();
    if (!s.baseFont)
        s.baseFont = QApplication::font();
    QFont font = *s.baseFont;
    if (code.startsWith(u"zh"_s))
        font.setFamilies(
            {code == u"zh_TW"_s ? u"Noto Sans CJK TC"_s : u"Noto Sans CJK SC"_s, s.baseFont->family()});
    QApplication::setFont(font);
}

// Re-runs a widget's text setter on LanguageChange; lives as the widget's child.
class Follower final : public QObject
{
public:
    Follower(QObject *owner, std::function<void()> setTexts)
        : QObject(owner)
        , m_setTexts(std::move(setTexts))
    {
        owner->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange)
            m_setTexts();
        return false;
    }

private:
    std::function<void()> m_setTexts;
};

} // namespace

void Language::follow(QObject *owner, std::function<void()> setTexts)
{
    setTexts();
    new Follower(owner, std::move(setTexts));
}

QStringList Language::available()
{
    return {u"en"_s, u"zh_CN"_s, u"zh_TW"_s};
}

QString Language::nativeName(const QString &code)
{
    if (code == u"zh_CN"_s)
        return u"简体中文"_s;
    if (code == u"zh_TW"_s)
        return u"繁體中文"_s;
    if (code == u"en"_s)
        return u"English"_s;
    return code;
}

QString Language::systemLanguage()
{
    const QLocale locale = QLocale::system();
    if (locale.language() != QLocale::Chinese)
        return u"en"_s;
    const bool traditional = locale.script() == QLocale::TraditionalChineseScript ||
                             locale.territory() == QLocale::Taiwan ||
                             locale.territory() == QLocale::HongKong || locale.territory() == QLocale::Macao;
    return traditional ? u"zh_TW"_s : u"zh_CN"_s;
}

QString Language::setting()
{
    const QString value = QSettings().value(kSettingKey).toString();
    return value.isEmpty() ? QString() : resolve(value);
}

void Language::storeSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingKey);
    else
        settings.setValue(kSettingKey, code);
}

QString Language::resolve(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return systemLanguage();
    const QString lower = v.toLower().replace(u'-', u'_');
    if (lower == u"zh_tw"_s || lower == u"zh_hk"_s || lower == u"zh_mo"_s || lower.startsWith(u"zh_hant"_s))
        return u"zh_TW"_s;
    if (lower.startsWith(u"zh"_s))
        return u"zh_CN"_s;
    return u"en"_s;
}

QLocale Language::localeFor(const QString &code)
{
    const QLocale system = QLocale::system();
    if (code != u"en"_s)
        return code == u"zh_TW"_s
                   ? QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan)
                   : QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    if (system.language() == QLocale::English || system.language() == QLocale::C)
        return system; // en_GB stays en_GB; the C locale (tests, containers) stays as it is
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString Language::current()
{
    return state().current;
}

bool Language::apply(const QString &requested)
{
    const QString code = available().contains(requested) ? requested : resolve(requested);
    State &s = state();
    dropTranslator(s.ours);
    dropTranslator(s.qt);
    bool ok = true;
    if (code == u"en"_s) {
        // English needs a translator too, for plural forms only ("1 ticket", "7 tickets" from "%n
        // ticket(s)").
        s.ours = new QTranslator;
        if (s.ours->load(u":/i18n/parceldesk_en"_s))
            QCoreApplication::installTranslator(s.ours);
        else
            dropTranslator(s.ours); // without it English reads "ticket(s)", nothing else is missing
    } else {
        s.ours = new QTranslator;
        if (s.ours->load(u":/i18n/parceldesk_"_s + code)) {
            QCoreApplication::installTranslator(s.ours);
        } else {
            dropTranslator(s.ours);
            ok = false;
        }
        s.qt = new QTranslator;
        if (s.qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(s.qt);
        else
            dropTranslator(s.qt);
    }
    const QString effective = ok ? code : u"en"_s;
    s.current = effective;
    QLocale::setDefault(localeFor(effective));
    applyScriptFont(effective);
    // Widgets that exist re-set their texts; removing the last translator (back to English) sends no
    // LanguageChange of its own, and the locale changed in any case.
    if (qobject_cast<QApplication *>(QCoreApplication::instance()) &&
        !QApplication::topLevelWidgets().isEmpty())
        QCoreApplication::postEvent(QCoreApplication::instance(), new QEvent(QEvent::LanguageChange));
    return ok;
}

QString Language::yuan(qint64 fen)
{
    const QLocale locale;
    const qint64 whole = std::abs(fen) / 100;
    const QString cents = u"%1"_s.arg(std::abs(fen) % 100, 2, 10, QLatin1Char('0'));
    return (fen < 0 ? locale.negativeSign() : QString()) + u"¥"_s + locale.toString(whole) +
           locale.decimalPoint() + cents;
}

QString Language::count(qint64 n)
{
    return QLocale().toString(n);
}

QString Language::shortDateFormat()
{
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return u"yyyy-MM-dd"_s; // not a human locale: ISO dates
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}

QString Language::date(QDate day)
{
    return QLocale().toString(day, shortDateFormat());
}

QString Language::dateTime(qint64 utcMs, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    return QLocale().toString(at, shortDateFormat() + u" HH:mm"_s);
}

} // namespace pd
