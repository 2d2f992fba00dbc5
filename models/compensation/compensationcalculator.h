#pragma once

#include "compensationpolicy.h"

#include <QCoreApplication>

/**
 * @file
 * @brief What a compensation claim pays under the policy (docs/compensation.md), with the rule used and a
 * translated explanation an agent can read to the customer. Pure: "now" is passed in.
 */

namespace pd::compensation {

/// @brief The rule a proposal applied.
enum class Rule
{
    InsuredLoss,     ///< actual loss up to the insured value
    UninsuredLoss,   ///< actual loss up to the multiple of the freight (and the absolute cap)
    InsuredDamage,   ///< the insured loss amount × the damaged share
    UninsuredDamage, ///< the uninsured loss amount × the damaged share
    DelayWaiver,     ///< the freight (or the policy's share of it) back
    TotalDelayLoss,  ///< undelivered past the total-delay limit: paid as a loss
    NotDue           ///< nothing is due (on time, not a money category, no promised time)
};

/// @brief "insured_loss", "uninsured_loss", "insured_damage", "uninsured_damage", "delay_waiver",
/// "total_delay_loss", "not_due".
[[nodiscard]] QString ruleCode(Rule rule);

/// @brief What the customer claims.
struct Claim
{
    Category category = Category::Loss; ///< Loss, Damage or Delay; anything else pays nothing
    qint64 actualValueFen = 0;          ///< the claimed actual value; 0 = the parcel's declared value
    int damagedPercent = 100;           ///< for Damage: the share of the value damaged, 0–100
};

/// @brief A proposed amount with its rule and explanation.
struct Proposal
{
    qint64 amountFen = 0;
    Rule rule = Rule::NotDue;
    QString explanation;
    double distanceKm = -1; ///< origin to destination; -1 when either point is unknown
};

class CompensationCalculator final
{
    Q_DECLARE_TR_FUNCTIONS(pd::compensation::CompensationCalculator)
public:
    explicit CompensationCalculator(CompensationPolicy policy)
        : m_policy(std::move(policy))
    {}

    [[nodiscard]] const CompensationPolicy &policy() const { return m_policy; }

    /// @brief The amount the rules give for @p claim on @p parcel at @p now (UTC ms).
    [[nodiscard]] Proposal propose(const Parcel &parcel, const Claim &claim, Instant now) const;

    /// @brief The most @p role may grant without approval; nullopt = unlimited.
    [[nodiscard]] std::optional<qint64> limitFor(Role role) const { return m_policy.limitFor(role); }
    /// @brief True when @p amountFen is above the role's limit.
    [[nodiscard]] bool needsApproval(Role role, qint64 amountFen) const;

    /// @brief Great-circle distance in km between the parcel's origin and destination; -1 when unknown.
    [[nodiscard]] static double distanceKm(const Parcel &parcel);

private:
    [[nodiscard]] Proposal loss(const Parcel &parcel, const ServiceRules &rules, qint64 actualFen) const;
    [[nodiscard]] Proposal damage(const Parcel &parcel, const ServiceRules &rules, const Claim &claim) const;
    [[nodiscard]] Proposal delay(const Parcel &parcel, const ServiceRules &rules, qint64 actualFen,
                                 Instant now) const;

    CompensationPolicy m_policy;
};

} // namespace pd::compensation
