#pragma once

#include "models/domain/entities.h"
#include "models/proactive/proactivepolicy.h"

#include <QHash>
#include <QString>

#include <map>

/**
 * @file
 * @brief When a proactive notice may go out (docs/proactive.md, "Notices"): at most the policy's number of
 * notices per parcel and cause, never in quiet hours of the company's time zone unless urgent and allowed,
 * and no more than the policy's notices per minute (calendar minutes in UTC, all recipients together).
 *
 * Pure logic: every instant comes from the caller, nothing reads the clock.
 */

namespace pd {

/// @brief A notice the outbox wants to send.
struct PlannedNotice
{
    QString waybillNo;
    QString cause;          ///< the cause it explains: an incident id or "<waybill>:<exception kind>"
    bool urgent = false;    ///< may break quiet hours when the policy allows it
    QString recipientToken; ///< the recipient's phone token (never the number itself)
    Instant at = 0;         ///< when the caller would send it
};

enum class NoticeVerdict
{
    SendNow, ///< at the requested instant
    Later,   ///< at sendAt
    Never    ///< see reason
};

struct NoticeDecision
{
    NoticeVerdict verdict = NoticeVerdict::Never;
    Instant sendAt = 0; ///< the instant it may go (SendNow: the requested one); 0 for Never
    /// Why not now: "quiet_hours" or "rate_limit" (the rule that decided sendAt when both moved it),
    /// "already_notified", "no_recipient"; empty for SendNow.
    QString reason;
    friend bool operator==(const NoticeDecision &, const NoticeDecision &) = default;
};

class NoticePlanner final
{
public:
    explicit NoticePlanner(const ProactivePolicy &policy = ProactivePolicy::defaults());

    void setPolicy(const ProactivePolicy &policy) { m_policy = policy; }
    [[nodiscard]] const ProactivePolicy &policy() const { return m_policy; }

    /// @brief What would happen to @p notice; books nothing.
    [[nodiscard]] NoticeDecision decide(const PlannedNotice &notice) const;

    /// @brief decide(), and unless Never, counts the notice for its parcel and cause and takes its slot in
    /// the minute of sendAt, so the next notice sees both.
    NoticeDecision book(const PlannedNotice &notice);

    /// @brief Gives back a booked notice that will not be sent (dismissed before its slot, refused for good
    /// by the gateway).
    void cancel(const PlannedNotice &notice, Instant sendAt);

    /// @brief True when @p at lies in the quiet hours of the company's time zone.
    [[nodiscard]] bool inQuietHours(Instant at) const;
    /// @brief The first instant at or after @p at outside quiet hours.
    [[nodiscard]] Instant nextAllowed(Instant at) const;

    /// @brief Notices booked for a parcel and cause.
    [[nodiscard]] int booked(const QString &waybillNo, const QString &cause) const;
    /// @brief Notices booked in the UTC minute holding @p at.
    [[nodiscard]] int bookedInMinute(Instant at) const;

    /// @brief Forgets the per-minute counts of minutes before @p at (not the per-parcel counts).
    void forgetMinutesBefore(Instant at);

private:
    [[nodiscard]] Instant nextFreeSlot(Instant at) const;

    ProactivePolicy m_policy;
    QHash<QString, int> m_perCause;    ///< by waybill and cause
    std::map<qint64, int> m_perMinute; ///< by UTC minute since the epoch
};

} // namespace pd
