#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

namespace pd {

/**
 * @brief Small formatting and parsing helpers shared by the ticket pane's widgets.
 *
 * Instants are shown in the company's time zone; money is typed in yuan and held in fen.
 */
class PaneText final
{
    Q_DECLARE_TR_FUNCTIONS(pd::PaneText)
public:
    /// @brief "2026/11/18 19:36" in @p zone, the locale's short date (ISO in the C locale); empty if unset.
    [[nodiscard]] static QString instant(OptInstant at, const QTimeZone &zone);
    /**
     * @brief A tracking row's details in the reader's language: an exception's reason translated, then the
     * operator's own words without the status and place the row shows in columns of their own (a server
     * without translations writes "In transit · 苏州转运中心"; that says nothing more and is not English text
     * to show a Chinese reader).
     */
    [[nodiscard]] static QString trackingDetails(const TrackingEvent &event);
    /// @brief "1 h 05 min", "12 min", "45 s": a span of clock or wall time for people.
    [[nodiscard]] static QString span(qint64 ms);
    /// @brief "1:35" (minutes:seconds) for a call's length.
    [[nodiscard]] static QString callLength(qint64 seconds);
    /// @brief "¥1,234.50" from fen, grouped and with the decimal point of the current locale.
    [[nodiscard]] static QString yuan(qint64 fen);
    /// @brief How a ticket was resolved, with the amount of a compensation ("Compensation ¥20.00").
    [[nodiscard]] static QString resolution(Resolution resolution, std::optional<qint64> compensationFen);
    /**
     * @brief Reads an amount in yuan ("50", "12.5", "12.50", full-width digits allowed) into fen.
     *
     * Accepts more than zero and at most @p maxFen, with at most two decimals; nullopt and a translated
     * message otherwise.
     */
    [[nodiscard]] static std::optional<qint64> parseYuan(const QString &text, qint64 maxFen, QString *error);
    /// @brief Reads a whole number in [lo, hi]; nullopt and a translated message naming @p what otherwise.
    [[nodiscard]] static std::optional<int> parseScore(const QString &text, int lo, int hi,
                                                       const QString &what, QString *error);
};

} // namespace pd
