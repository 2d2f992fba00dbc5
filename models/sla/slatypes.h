#pragma once

#include "models/domain/enums.h"

#include <QtGlobal>

#include <array>

/**
 * @file
 * @brief The small enumerations of the SLA engine (docs/domain.md, "SLA") with their stable string codes.
 *
 * The codes are JSON names ("first_response", "at_risk", "outside_business_hours"); displayName() gives the
 * translated label. They plug into the same toCode/fromCode/allCodes/displayName templates as the domain
 * enums.
 */

namespace pd {

/**
 * @brief The clocks of a ticket: first response (never pauses) and resolution (pauses while pending), and the
 * three legal clocks counted in days (docs/appeals.md): statutory handling (every complaint, 7 days from
 * creation to the first resolution), the answer to a regulator appeal (from forwarding) and its redo after a
 * rejection.
 */
enum class SlaClock : quint8
{
    FirstResponse,
    Resolution,
    Statutory,
    AppealAnswer,
    AppealRedo
};

/// @brief The two service clocks, in a fixed order, for loops.
inline constexpr std::array<SlaClock, 2> kSlaClocks{SlaClock::FirstResponse, SlaClock::Resolution};
/// @brief The three legal clocks (counted in natural or working days; models/sla/legalclocks.h).
inline constexpr std::array<SlaClock, 3> kLegalClocks{SlaClock::Statutory, SlaClock::AppealAnswer,
                                                      SlaClock::AppealRedo};

/// @brief What a person sees for one clock: green, amber, red, grey tick, blue.
enum class SlaState : quint8
{
    OnTrack,
    AtRisk,
    Breached,
    Met,
    Paused
};

/// @brief The kind of a stretch of a clock's timeline in an explanation.
enum class SlaSegmentKind : quint8
{
    Running,
    Paused,
    OutsideBusinessHours
};

/// @brief The events of a ticket's history that move its clocks.
enum class SlaTransition : quint8
{
    FirstResponse,
    PendingEnter,
    PendingLeave,
    Resolve,
    Reopen
};

PD_DECLARE_ENUM_CODES(SlaClock)
PD_DECLARE_ENUM_CODES(SlaState)
PD_DECLARE_ENUM_CODES(SlaSegmentKind)
PD_DECLARE_ENUM_CODES(SlaTransition)

/// @brief Index of a clock in per-clock arrays (0 = first response, 1 = resolution, 2… the legal clocks).
[[nodiscard]] constexpr std::size_t clockIndex(SlaClock c)
{
    return static_cast<std::size_t>(c);
}

/// @brief True for the clocks counted in days (statutory, appeal answer, appeal redo).
[[nodiscard]] constexpr bool isLegalClock(SlaClock c)
{
    return clockIndex(c) >= kSlaClocks.size();
}

/// @brief Index of a legal clock in per-legal-clock arrays (0 = statutory, 1 = answer, 2 = redo).
[[nodiscard]] constexpr std::size_t legalIndex(SlaClock c)
{
    return clockIndex(c) - kSlaClocks.size();
}

} // namespace pd
