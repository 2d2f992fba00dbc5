#pragma once

#include "enums.h"

#include <QString>
#include <QStringView>

/**
 * @file
 * @brief Customer data minimisation: who sees a customer's name, phone and address in full, and how the
 * masked forms look. One rule for the server (what it sends) and the console (what it shows).
 */

namespace pd {

/**
 * @brief How customer data is masked: `138****5678`, `张*`, `杭州市****`.
 *
 * A masked value always contains '*', which no valid phone number holds and which the server refuses in a
 * customer name, so a masked value sent back can be recognised and never stored over the full one.
 */
class Masking final
{
public:
    /// @brief 138****5678 (mobiles), 0755-***5678 (landlines), ****1234 (others); empty stays empty.
    [[nodiscard]] static QString maskPhone(QStringView phone);
    /// @brief The first character and one '*' per further character (王芳 → 王*, 欧阳娜娜 → 欧***); empty
    /// stays empty.
    [[nodiscard]] static QString maskName(QStringView name);
    /**
     * @brief The administrative prefix (up to the last 省, 市, 区 or 县 before any digit, at most 12
     * characters) followed by "****": 杭州市文三路12号301室 → 杭州市****; empty stays empty.
     */
    [[nodiscard]] static QString maskAddress(QStringView address);
    /// @brief Free text with every mainland mobile number (also written with spaces or dashes) and every
    /// landline with an area code replaced by its masked form.
    [[nodiscard]] static QString maskPhonesIn(const QString &text);
    /// @brief True when @p value holds the mask character '*' (a value a reader was sent masked).
    [[nodiscard]] static bool looksMasked(QStringView value);
    /// @brief Rounds a coordinate to 0.01° (about 1 km): where a masked address is, not which building.
    [[nodiscard]] static double coarse(double degrees);
};

/**
 * @brief Who receives a ticket's customer name and phone (and its parcel's addresses) in full.
 *
 * The assignee of a ticket that is not closed (closed ends the work; a resolved ticket still gets its
 * follow-up call) if the ticket is of their team, and the supervisors of the ticket's team. Everybody else
 * — other agents of the team, supervisors of other teams, managers, administrators — gets masked values
 * and may ask for a logged reveal. The server applies this to everything it sends; the console may use it to
 * decide what to show.
 */
class CustomerDataRule final
{
public:
    [[nodiscard]] static bool seesInFull(Role role, const QString &userId, const QString &userTeamId,
                                         const QString &ticketTeamId, const QString &assigneeId,
                                         TicketStatus status);
};

} // namespace pd
