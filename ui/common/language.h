#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>

class QObject;

namespace pd {

/**
 * @brief The console's language: which one is chosen, and switching to it (at start-up and while running).
 *
 * Codes are "en" (the source language), "zh_CN" and "zh_TW"; the setting `ui/language` holds one of them, or
 * nothing for the system's language. apply() installs our translator and Qt's own (qtbase) for the
 * language, makes its locale the default (numbers, dates and money follow it) and picks the Noto Sans CJK
 * face made for the script. Installing translators makes Qt send QEvent::LanguageChange to every widget,
 * which re-sets its texts.
 */
class Language final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Language)
public:
    /// @brief The setting key (QSettings) of the chosen language; empty or absent: the system's.
    static inline const QString kSettingKey = QStringLiteral("ui/language");

    /// @brief The languages the console speaks: "en", "zh_CN", "zh_TW".
    [[nodiscard]] static QStringList available();
    /// @brief The language's name in that language ("English", "简体中文", "繁體中文"), never translated.
    [[nodiscard]] static QString nativeName(const QString &code);
    /// @brief The language of the system's locale: zh_TW for Traditional Chinese (Taiwan, Hong Kong, Macao),
    /// zh_CN for other Chinese, en otherwise.
    [[nodiscard]] static QString systemLanguage();
    /// @brief The stored setting: a code, or empty for the system's language.
    [[nodiscard]] static QString setting();
    static void storeSetting(const QString &code);
    /// @brief A setting or command-line value made a language code: empty → the system's, "zh-TW",
    /// "zh_Hant" and the like → zh_TW, unknown → en.
    [[nodiscard]] static QString resolve(const QString &value);
    /// @brief The locale that goes with a language code (the system's own when it speaks that language).
    [[nodiscard]] static QLocale localeFor(const QString &code);

    /// @brief The language in use (after apply()); "en" before.
    [[nodiscard]] static QString current();
    /**
     * @brief Switches the application to @p code: translators (ours from :/i18n, Qt's qtbase), default
     * locale, CJK font. Widgets receive QEvent::LanguageChange (posted). Returns false when our translation
     * could not be loaded (the language stays English then).
     */
    static bool apply(const QString &code);

    /**
     * @brief Calls @p setTexts now and again whenever QEvent::LanguageChange reaches @p owner (an event
     * filter owned by @p owner), for widgets that set their texts in one place of their constructor.
     */
    static void follow(QObject *owner, std::function<void()> setTexts);

    /// @name Formatting in the current locale
    ///@{
    /// @brief "¥1,234.50" from fen: always yuan, the locale's grouping and decimal point.
    [[nodiscard]] static QString yuan(qint64 fen);
    /// @brief A count with the locale's group separators ("12,345").
    [[nodiscard]] static QString count(qint64 n);
    /// @brief An instant in @p zone, the locale's short date (with a four-digit year) and 24-hour time.
    [[nodiscard]] static QString dateTime(qint64 utcMs, const QTimeZone &zone);
    /// @brief A day in the locale's short format with a four-digit year.
    [[nodiscard]] static QString date(QDate day);
    /// @brief The locale's short date format with a four-digit year ("yyyy/M/d", "M/d/yyyy").
    [[nodiscard]] static QString shortDateFormat();
    ///@}
};

} // namespace pd
