#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTimeZone>

namespace pd::server {

/**
 * @brief The text of a proactive notice (docs/proactive.md, "Notices"): a template in the recipient's
 * language with the placeholders {waybill}, {cause}, {eta}, {station} and {compensation}.
 *
 * The texts go to customers, so they are chosen by the notice's language (zh_CN, zh_TW, en), not by the
 * server's; a supervisor may send a template of their own with the same placeholders.
 */
class NoticeTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::NoticeTemplate)
public:
    /// The longest template and rendered text accepted (an SMS of several parts).
    static constexpr int kMaxLength = 500;

    [[nodiscard]] static QStringList languages();
    [[nodiscard]] static bool knownLanguage(const QString &language);
    /// @brief The default template of a language (a delay notice with an apology).
    [[nodiscard]] static QString defaultTemplate(const QString &language);
    /// @brief Empty when @p text is a usable template; otherwise a translated message naming the problem.
    [[nodiscard]] static QString check(const QString &text);

    /// @brief The cause in words: an incident's cause code ("station_delay", …) or an exception kind
    /// ("stalled", …), with the place where there is one.
    [[nodiscard]] static QString causeText(const QString &language, const QString &cause,
                                           const QString &place);
    /// @brief An instant in the company's zone for the language, or "to be confirmed" when unset.
    [[nodiscard]] static QString etaText(const QString &language, const OptInstant &eta,
                                         const QTimeZone &zone);

    /// @brief The template with its placeholders replaced (values are inserted as text, never parsed).
    [[nodiscard]] static QString render(const QString &text, const QHash<QString, QString> &values);
};

} // namespace pd::server
