#include "compensationcalculator.h"

#include "models/geo/mercator.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace pd::compensation {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

const char *const kRuleCodes[] = {"insured_loss", "uninsured_loss",   "insured_damage", "uninsured_damage",
                                  "delay_waiver", "total_delay_loss", "not_due"};

/// "3", "2.5": a multiple without trailing zeros.
QString multipleText(double m)
{
    return QString::number(m, 'g', 6);
}
} // namespace

QString ruleCode(Rule rule)
{
    return QString::fromLatin1(kRuleCodes[int(rule)]);
}

double CompensationCalculator::distanceKm(const Parcel &parcel)
{
    if (!parcel.origin || !parcel.destination)
        return -1;
    return geo::distanceMetres(*parcel.origin, *parcel.destination) / 1000.0;
}

bool CompensationCalculator::needsApproval(Role role, qint64 amountFen) const
{
    const auto limit = limitFor(role);
    return limit && amountFen > *limit;
}

Proposal CompensationCalculator::loss(const Parcel &parcel, const ServiceRules &rules, qint64 actualFen) const
{
    Proposal p;
    if (parcel.insuredValueFen > 0) {
        p.rule = Rule::InsuredLoss;
        p.amountFen = std::min(actualFen, parcel.insuredValueFen);
        p.explanation =
            tr("insured loss: actual %1, insured value %2 → %3")
                .arg(formatYuan(actualFen), formatYuan(parcel.insuredValueFen), formatYuan(p.amountFen));
        return p;
    }
    p.rule = Rule::UninsuredLoss;
    qint64 cap = -1;
    QString capText;
    if (rules.uninsuredMultiple > 0) {
        cap = std::llround(double(parcel.freightFen) * rules.uninsuredMultiple);
        capText =
            tr("cap %1 × freight %2 = %3")
                .arg(multipleText(rules.uninsuredMultiple), formatYuan(parcel.freightFen), formatYuan(cap));
    }
    if (rules.uninsuredCapFen > 0 && (cap < 0 || rules.uninsuredCapFen < cap)) {
        cap = rules.uninsuredCapFen;
        capText = capText.isEmpty() ? tr("cap %1").arg(formatYuan(cap))
                                    : tr("%1, at most %2").arg(capText, formatYuan(cap));
    }
    p.amountFen = std::min(actualFen, cap);
    p.explanation =
        tr("uninsured loss: actual %1, %2 → %3").arg(formatYuan(actualFen), capText, formatYuan(p.amountFen));
    return p;
}

Proposal CompensationCalculator::damage(const Parcel &parcel, const ServiceRules &rules,
                                        const Claim &claim) const
{
    const qint64 actual = claim.actualValueFen > 0 ? claim.actualValueFen : parcel.declaredValueFen;
    const int share = std::clamp(claim.damagedPercent, 0, 100);
    Proposal p = loss(parcel, rules, actual);
    const qint64 whole = p.amountFen;
    p.rule = p.rule == Rule::InsuredLoss ? Rule::InsuredDamage : Rule::UninsuredDamage;
    p.amountFen = std::llround(double(whole) * share / 100.0);
    p.explanation = tr("damage %1 %: %2; %3 × %1 % = %4")
                        .arg(share)
                        .arg(p.explanation, formatYuan(whole), formatYuan(p.amountFen));
    return p;
}

Proposal CompensationCalculator::delay(const Parcel &parcel, const ServiceRules &rules, qint64 actualFen,
                                       Instant now) const
{
    Proposal p;
    if (!parcel.promisedAt) {
        p.explanation = tr("delay: the parcel has no promised delivery time → nothing due");
        return p;
    }
    const Instant arrived = parcel.deliveredAt.value_or(now);
    if (arrived <= *parcel.promisedAt) {
        p.explanation = parcel.deliveredAt ? tr("delay: delivered on time → nothing due")
                                           : tr("delay: not late yet → nothing due");
        return p;
    }
    const double km = distanceKm(parcel);
    const DistanceBand &band = rules.bandFor(km);
    const QString distance = km < 0 ? tr("distance unknown") : tr("%1 km").arg(std::llround(km));
    const qint64 lateMs = arrived - *parcel.promisedAt;
    if (!parcel.deliveredAt && lateMs > band.days * kDayMs) {
        Proposal lost = loss(parcel, rules, actualFen);
        lost.rule = Rule::TotalDelayLoss;
        lost.explanation = tr("total delay: undelivered %1 days past the promised time, limit %2 days (%3) → "
                              "paid as lost; %4")
                               .arg(lateMs / kDayMs)
                               .arg(band.days)
                               .arg(distance, lost.explanation);
        lost.distanceKm = km;
        return lost;
    }
    p.rule = Rule::DelayWaiver;
    p.distanceKm = km;
    p.amountFen = std::llround(double(parcel.freightFen) * rules.delayWaiverPercent / 100.0);
    p.explanation =
        rules.delayWaiverPercent == 100
            ? tr("delay: freight %1 waived → %2").arg(formatYuan(parcel.freightFen), formatYuan(p.amountFen))
            : tr("delay: %1 % of freight %2 waived → %3")
                  .arg(rules.delayWaiverPercent)
                  .arg(formatYuan(parcel.freightFen), formatYuan(p.amountFen));
    return p;
}

Proposal CompensationCalculator::propose(const Parcel &parcel, const Claim &claim, Instant now) const
{
    const ServiceRules &rules = m_policy.forService(parcel.serviceClass);
    const qint64 actual = claim.actualValueFen > 0 ? claim.actualValueFen : parcel.declaredValueFen;
    Proposal p;
    switch (claim.category) {
    case Category::Loss:
        p = loss(parcel, rules, actual);
        break;
    case Category::Damage:
        p = damage(parcel, rules, claim);
        break;
    case Category::Delay:
        p = delay(parcel, rules, actual, now);
        break;
    default:
        p.explanation = tr("%1: the compensation rules cover loss, damage and delay → nothing due")
                            .arg(displayName(claim.category));
        break;
    }
    if (p.distanceKm < 0)
        p.distanceKm = distanceKm(parcel);
    return p;
}

} // namespace pd::compensation
