#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

/**
 * @file
 * @brief The enumerations of the domain (docs/domain.md) with their stable string codes.
 *
 * The codes are the JSON names used by the sync API and the values stored in the cache: they never change
 * once released. displayName() gives the translated label for people.
 */

namespace pd {

enum class Role
{
    Agent,
    Supervisor,
    Manager,
    Admin
};
enum class Channel
{
    Phone,
    OnlineChat,
    Email,
    App,
    Social,
    Other
};
enum class Category
{
    Delay,
    Damage,
    Loss,
    WrongItem,
    Service,
    Other
};
enum class Priority
{
    P1,
    P2,
    P3,
    P4
};
enum class TicketStatus
{
    New,
    Open,
    Pending,
    Resolved,
    Reopened,
    Closed
};
enum class Resolution
{
    Reissue,
    Refund,
    Compensation,
    Redelivery,
    CourierContacted,
    Explained,
    Other
};
enum class EventKind
{
    Reply,
    Note,
    Call,
    StatusChange,
    Assignment,
    Escalation,
    SlaBreach,
    CsatRecorded,
    CompensationRequested,
    CompensationApproved,
    CompensationRejected,
    AppealAnswered,
    AppealRejected,
    /// Written by the server on both tickets of a merge (data: "from"/"from_number" on the target,
    /// "into"/"into_number" on the merged one).
    Merged
};
/// Where a ticket came from: the customer (any channel), or an appeal the postal regulator forwarded (12305).
enum class TicketSource
{
    Customer,
    RegulatorAppeal
};
enum class CallDirection
{
    Inbound,
    Outbound
};
enum class ParcelStatus
{
    Created,
    PickedUp,
    InTransit,
    AtStation,
    OutForDelivery,
    Delivered,
    Exception,
    Returned
};

/// @brief The stable string code of an enum value ("online_chat", "p1", "courier_contacted", …).
template<typename E>
[[nodiscard]] QString toCode(E value);

/// @brief The enum value of a code, or nullopt for an unknown code (codes are case-sensitive).
template<typename E>
[[nodiscard]] std::optional<E> fromCode(QStringView code);

/// @brief Every code of an enum, in declaration order (for combo boxes, validation messages, CHECK
/// constraints).
template<typename E>
[[nodiscard]] QStringList allCodes();

/// @brief The translated label of an enum value for people ("Delivery delay" / "配送延迟").
template<typename E>
[[nodiscard]] QString displayName(E value);

/// Declares the code functions of an enum; define them in a .cpp with a table (see enums.cpp).
#define PD_DECLARE_ENUM_CODES(E)                                                                             \
    template<>                                                                                               \
    QString toCode<E>(E);                                                                                    \
    template<>                                                                                               \
    std::optional<E> fromCode<E>(QStringView);                                                               \
    template<>                                                                                               \
    QStringList allCodes<E>();                                                                               \
    template<>                                                                                               \
    QString displayName<E>(E);

PD_DECLARE_ENUM_CODES(Role)
PD_DECLARE_ENUM_CODES(Channel)
PD_DECLARE_ENUM_CODES(Category)
PD_DECLARE_ENUM_CODES(Priority)
PD_DECLARE_ENUM_CODES(TicketStatus)
PD_DECLARE_ENUM_CODES(Resolution)
PD_DECLARE_ENUM_CODES(EventKind)
PD_DECLARE_ENUM_CODES(TicketSource)
PD_DECLARE_ENUM_CODES(CallDirection)
PD_DECLARE_ENUM_CODES(ParcelStatus)

// PD_DECLARE_ENUM_CODES stays defined: other areas (models/sla) declare their enums' codes with it.

/// @brief The English label of a parcel status, untranslated: what a server without translations writes into
/// a tracking event's text ("In transit · 苏州转运中心"), so a reader can tell it from the operator's own
/// words.
[[nodiscard]] QString sourceName(ParcelStatus value);

/// @brief True while a ticket still needs work (not resolved and not closed).
[[nodiscard]] constexpr bool isOpen(TicketStatus s)
{
    return s != TicketStatus::Resolved && s != TicketStatus::Closed;
}

} // namespace pd
