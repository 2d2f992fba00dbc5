#pragma once

#include "models/domain/entities.h"

#include <QJsonObject>

#include <optional>

namespace pd {

/**
 * @brief The effect of proactive notices over a period, as GET /proactive/effect serves it (docs/api.md,
 * "Proactive service"; the definitions in docs/proactive.md, "The effect"): the parcels with an exception
 * detected in the period, split into those whose customer was told before any complaint and the others.
 */
struct EffectFigures
{
    /// @brief One of the two groups.
    struct Group
    {
        int parcels = 0;
        int complained = 0;
        std::optional<double> complaintRatePercent; ///< complained ÷ parcels, in %; nullopt for no parcel
        std::optional<double> csat; ///< mean CSAT (1–5) of its complaints; nullopt: no answer
        int csatAnswers = 0;
        friend bool operator==(const Group &, const Group &) = default;
    };

    Instant from = 0;
    Instant to = 0;
    int parcelsWithException = 0;
    Group notifiedFirst;
    Group notNotifiedFirst;
    std::optional<double> shareNotifiedFirstPercent;
    std::optional<double> medianMinutesToNotice;

    /// @brief How much lower the complaint rate of the notified is, in % of the others' rate (e.g. 40 for
    /// 6 % against 10 %); nullopt when either rate is unknown or the others' rate is 0.
    [[nodiscard]] std::optional<double> complaintReductionPercent() const;

    /// @brief nullopt when @p o lacks the period.
    [[nodiscard]] static std::optional<EffectFigures> fromJson(const QJsonObject &o);
    friend bool operator==(const EffectFigures &, const EffectFigures &) = default;
};

} // namespace pd
