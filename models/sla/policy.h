#pragma once

#include "businesscalendar.h"
#include "slatypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <array>
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

/**
 * @brief A legal clock's length in days and how they are counted (docs/appeals.md, "The clocks").
 *
 * With an empty calendar name, natural days in Asia/Shanghai; with a calendar of the policy, only its days
 * with business hours count (holidays skipped, 调休 Saturdays counted). The day the clock starts does not
 * count; the deadline is 24:00 of the last counted day (民法典 Art. 201 and 203). "At risk" from 00:00 of the
 * last warningDays counted days (0: never at risk before the breach).
 */
struct LegalClockRule
{
    int days = 7;
    int warningDays = 1;
    QString calendar;
    friend bool operator==(const LegalClockRule &, const LegalClockRule &) = default;
};

/// @brief The rule and calendar (null = natural days) that apply to one legal clock.
struct LegalClockTerms
{
    LegalClockRule rule;
    std::shared_ptr<const BusinessCalendar> calendar;
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

    /// @brief The built-in rule of a legal clock: statutory 7, appeal answer 15, appeal redo 5 natural days.
    [[nodiscard]] static LegalClockRule defaultLegalRule(SlaClock clock);
    /// @brief The rule of a legal clock (Statutory, AppealAnswer, AppealRedo).
    [[nodiscard]] const LegalClockRule &legalRule(SlaClock clock) const;
    void setLegalRule(SlaClock clock, const LegalClockRule &rule);
    /// @brief The rule with its calendar (null when the name is empty or names no calendar: natural days).
    [[nodiscard]] LegalClockTerms legalTerms(SlaClock clock) const;

    /**
     * @brief JSON: {"default": {...}, "rules": [{"priority", "category", ...}], "calendars": [...],
     * "legal_clocks": {"statutory"|"appeal_answer"|"appeal_redo": {"days", "warning_days", "calendar"}}}.
     * legal_clocks holds only the clocks that differ from the built-in rules (absent: all built-in).
     */
    [[nodiscard]] QJsonObject toJson() const;
    /// @brief Reads and validates a policy; targets a rule leaves out come from the default row.
    [[nodiscard]] static std::optional<SlaPolicy> fromJson(const QJsonObject &o, JsonError *error = nullptr);

    friend bool operator==(const SlaPolicy &a, const SlaPolicy &b);

private:
    /// @brief Reads "legal_clocks" (after the calendars); the failing field and message, or nullopt.
    std::optional<std::pair<QString, QString>> readLegalClocks(const QJsonValue &v);

    SlaRule m_default;
    QList<SlaRule> m_rules;
    QMap<QString, std::shared_ptr<const BusinessCalendar>> m_calendars;
    std::array<LegalClockRule, 3> m_legal{defaultLegalRule(SlaClock::Statutory),
                                          defaultLegalRule(SlaClock::AppealAnswer),
                                          defaultLegalRule(SlaClock::AppealRedo)};
};

} // namespace pd
