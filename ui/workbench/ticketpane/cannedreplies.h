#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

class QSettings;

namespace pd {

/// @brief One canned reply: a title for the picker and a body with {placeholders}.
struct CannedReply
{
    QString title;
    QString body;
    friend bool operator==(const CannedReply &, const CannedReply &) = default;
};

/**
 * @brief The team's canned replies: translated defaults, stored in QSettings so a team can edit them.
 *
 * Placeholders are {customer_name}, {waybill}, {eta}, {parcel_status}, {ticket_number} and {agent_name}.
 * Expansion is one pass over the template: a value that itself contains "{waybill}" (a customer name typed
 * that way) is inserted as it is and never expanded again, and unknown placeholders stay as typed.
 */
class CannedReplies final
{
    Q_DECLARE_TR_FUNCTIONS(pd::CannedReplies)
public:
    /// @brief QSettings array that holds the team's templates.
    static constexpr const char *kSettingsKey = "workbench/cannedReplies";

    /// @brief The built-in templates in the current language.
    [[nodiscard]] static QList<CannedReply> defaults();
    /// @brief The stored templates, or the defaults when none are stored.
    [[nodiscard]] static QList<CannedReply> load(QSettings &settings);
    static void save(QSettings &settings, const QList<CannedReply> &replies);

    /// @brief The placeholder values for a ticket, its parcel (if cached) and the agent writing.
    [[nodiscard]] static QHash<QString, QString> valuesFor(const Ticket &ticket,
                                                           const std::optional<Parcel> &parcel,
                                                           const QTimeZone &zone, const QString &agentName);
    /// @brief Replaces known {placeholders} of @p text in one pass.
    [[nodiscard]] static QString expand(const QString &text, const QHash<QString, QString> &values);
};

} // namespace pd
