#pragma once

#include "businesscalendar.h"
#include "slatypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <memory>
#include <optional>

namespace pd {

/// @brief The target of one clock and the warning window before it (both in clock time, milliseconds).
struct SlaTarget
{
    qint64 targetMs = 0;
    qint64 warningMs = 0; ///< "at risk" when this much or less is left
    friend bool operator==(const SlaTarget &, const SlaTarget &) = default;
};

/**
 * @brief One row of the policy table: which tickets it covers and their targets.
 *
 * An unset priority or category is a wildcard. An empty calendar name means the clocks run 24/7.
 */
struct SlaRule
{
    std::optional<Priority> priority;
    std::optional<Category> category;
    SlaTarget firstResponse{30LL * 60 * 1000, 10LL * 60 * 1000};
    SlaTarget resolution{24LL * 60 * 60 * 1000, 2LL * 60 * 60 * 1000};
    QString calendar;

    /// @brief How many of priority and category the rule names (0 = matches every ticket).
    [[nodiscard]] int specificity() const { return (priority ? 1 : 0) + (category ? 1 : 0); }
    [[nodiscard]] bool matches(Priority p, Category c) const
    {
        return (!priority || *priority == p) && (!category || *category == c);
    }
    friend bool operator==(const SlaRule &, const SlaRule &) = default;
};

/// @brief What applies to one ticket: the two targets and the calendar (null = 24/7).
struct SlaTerms
{
    SlaTarget firstResponse;
    SlaTarget resolution;
    std::shared_ptr<const BusinessCalendar> calendar;

    [[nodiscard]] const SlaTarget &target(SlaClock clock) const
    {
        return clock == SlaClock::FirstResponse ? firstResponse : resolution;
    }
};

/**
 * @brief The SLA policy table: rules by (priority, category) with wildcards, a default row and named
 * calendars.
 *
 * The most specific matching rule wins (priority and category over one of them over none); between rules of
 * the same specificity the first in the table wins. With no match the default row applies (30 min / 24 h,
 * warnings at 10 min / 2 h left, 24/7). Copies are cheap: calendars are shared and immutable.
 */
class SlaPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(pd::SlaPolicy)
public:
    SlaPolicy() = default;

    [[nodiscard]] const SlaRule &defaultRule() const { return m_default; }
    /// @brief Sets the fallback row; its priority and category are ignored.
    void setDefaultRule(const SlaRule &rule);

    [[nodiscard]] const QList<SlaRule> &rules() const { return m_rules; }
    void setRules(const QList<SlaRule> &rules) { m_rules = rules; }
    void addRule(const SlaRule &rule) { m_rules.append(rule); }

    /// @brief Adds or replaces a calendar under its name().
    void setCalendar(const BusinessCalendar &calendar);
    void removeCalendar(const QString &name) { m_calendars.remove(name); }
    /// @brief The calendar of that name, or null.
    [[nodiscard]] std::shared_ptr<const BusinessCalendar> calendar(const QString &name) const;
    [[nodiscard]] QStringList calendarNames() const { return m_calendars.keys(); }

    /// @brief Index in rules() of the rule that applies, or -1 for the default row.
    [[nodiscard]] int matchingRule(Priority priority, Category category) const;
    /// @brief Targets and calendar for a ticket of that priority and category.
    [[nodiscard]] SlaTerms termsFor(Priority priority, Category category) const;

    /// @brief JSON: {"default": {...}, "rules": [{"priority", "category", ...}], "calendars": [...]}.
    [[nodiscard]] QJsonObject toJson() const;
    /// @brief Reads and validates a policy; targets a rule leaves out come from the default row.
    [[nodiscard]] static std::optional<SlaPolicy> fromJson(const QJsonObject &o, JsonError *error = nullptr);

    friend bool operator==(const SlaPolicy &a, const SlaPolicy &b);

private:
    SlaRule m_default;
    QList<SlaRule> m_rules;
    QMap<QString, std::shared_ptr<const BusinessCalendar>> m_calendars;
};

} // namespace pd
