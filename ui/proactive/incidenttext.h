#pragma once

#include "models/proactive/incidentrecord.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace pd {

/// @brief How the console words an incident (the banner of a linked complaint, the Proactive page).
class IncidentText final
{
    Q_DECLARE_TR_FUNCTIONS(pd::IncidentText)
public:
    /// @brief The cause in words, e.g. "Delivery backlog at 浦东网点".
    [[nodiscard]] static QString cause(const IncidentRecord &incident);
    /// @brief The cause, the parcels, since when, the expected recovery and the supervisor's explanation.
    [[nodiscard]] static QString summary(const IncidentRecord &incident, const QTimeZone &zone);
    /// @brief An exception kind code in words ("stalled" → "No scan for too long").
    [[nodiscard]] static QString kind(const QString &code);
    /// @brief A case's state in words ("open", "notified", "dismissed", "ticketed").
    [[nodiscard]] static QString caseState(const QString &code);
    /// @brief A recommended action code in words.
    [[nodiscard]] static QString action(const QString &code);
};

} // namespace pd
