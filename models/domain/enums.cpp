#include "enums.h"

#include "attachment.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace pd {

namespace {

template<typename E>
struct Entry
{
    E value;
    const char *code;
    const char *label; // marked with QT_TRANSLATE_NOOP in context "pd::Domain"
};

template<typename E, std::size_t N>
QString codeOf(const std::array<Entry<E>, N> &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return QString::fromLatin1(e.code);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<Entry<E>, N> &table, QStringView code)
{
    for (const auto &e : table) {
        if (code == QLatin1StringView(e.code))
            return e.value;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList codesOf(const std::array<Entry<E>, N> &table)
{
    QStringList out;
    out.reserve(int(N));
    for (const auto &e : table)
        out.append(QString::fromLatin1(e.code));
    return out;
}

template<typename E, std::size_t N>
QString labelOf(const std::array<Entry<E>, N> &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return QCoreApplication::translate("pd::Domain", e.label);
    }
    return {};
}

constexpr std::array<Entry<Role>, 4> kRoles{{
    {Role::Agent, "agent", QT_TRANSLATE_NOOP("pd::Domain", "Agent")},
    {Role::Supervisor, "supervisor", QT_TRANSLATE_NOOP("pd::Domain", "Supervisor")},
    {Role::Manager, "manager", QT_TRANSLATE_NOOP("pd::Domain", "Manager")},
    {Role::Admin, "admin", QT_TRANSLATE_NOOP("pd::Domain", "Administrator")},
}};

constexpr std::array<Entry<Channel>, 6> kChannels{{
    {Channel::Phone, "phone", QT_TRANSLATE_NOOP("pd::Domain", "Phone")},
    {Channel::OnlineChat, "online_chat", QT_TRANSLATE_NOOP("pd::Domain", "Online chat")},
    {Channel::Email, "email", QT_TRANSLATE_NOOP("pd::Domain", "Email")},
    {Channel::App, "app", QT_TRANSLATE_NOOP("pd::Domain", "App")},
    {Channel::Social, "social", QT_TRANSLATE_NOOP("pd::Domain", "Social media")},
    {Channel::Other, "other", QT_TRANSLATE_NOOP("pd::Domain", "Other channel")},
}};

constexpr std::array<Entry<Category>, 6> kCategories{{
    {Category::Delay, "delay", QT_TRANSLATE_NOOP("pd::Domain", "Delivery delay")},
    {Category::Damage, "damage", QT_TRANSLATE_NOOP("pd::Domain", "Damaged parcel")},
    {Category::Loss, "loss", QT_TRANSLATE_NOOP("pd::Domain", "Lost parcel")},
    {Category::WrongItem, "wrong_item", QT_TRANSLATE_NOOP("pd::Domain", "Wrong or missing item")},
    {Category::Service, "service", QT_TRANSLATE_NOOP("pd::Domain", "Service attitude")},
    {Category::Other, "other", QT_TRANSLATE_NOOP("pd::Domain", "Other")},
}};

constexpr std::array<Entry<Priority>, 4> kPriorities{{
    {Priority::P1, "p1", QT_TRANSLATE_NOOP("pd::Domain", "P1 urgent")},
    {Priority::P2, "p2", QT_TRANSLATE_NOOP("pd::Domain", "P2 high")},
    {Priority::P3, "p3", QT_TRANSLATE_NOOP("pd::Domain", "P3 normal")},
    {Priority::P4, "p4", QT_TRANSLATE_NOOP("pd::Domain", "P4 low")},
}};

constexpr std::array<Entry<TicketStatus>, 6> kStatuses{{
    {TicketStatus::New, "new", QT_TRANSLATE_NOOP("pd::Domain", "New")},
    {TicketStatus::Open, "open", QT_TRANSLATE_NOOP("pd::Domain", "Open")},
    {TicketStatus::Pending, "pending", QT_TRANSLATE_NOOP("pd::Domain", "Pending")},
    {TicketStatus::Resolved, "resolved", QT_TRANSLATE_NOOP("pd::Domain", "Resolved")},
    {TicketStatus::Reopened, "reopened", QT_TRANSLATE_NOOP("pd::Domain", "Reopened")},
    {TicketStatus::Closed, "closed", QT_TRANSLATE_NOOP("pd::Domain", "Closed")},
}};

constexpr std::array<Entry<Resolution>, 7> kResolutions{{
    {Resolution::Reissue, "reissue", QT_TRANSLATE_NOOP("pd::Domain", "Reissue")},
    {Resolution::Refund, "refund", QT_TRANSLATE_NOOP("pd::Domain", "Refund")},
    {Resolution::Compensation, "compensation", QT_TRANSLATE_NOOP("pd::Domain", "Compensation")},
    {Resolution::Redelivery, "redelivery", QT_TRANSLATE_NOOP("pd::Domain", "Redelivery")},
    {Resolution::CourierContacted, "courier_contacted", QT_TRANSLATE_NOOP("pd::Domain", "Courier contacted")},
    {Resolution::Explained, "explained", QT_TRANSLATE_NOOP("pd::Domain", "Explained to customer")},
    {Resolution::Other, "other", QT_TRANSLATE_NOOP("pd::Domain", "Other resolution")},
}};

constexpr std::array<Entry<EventKind>, 14> kEventKinds{{
    {EventKind::Reply, "reply", QT_TRANSLATE_NOOP("pd::Domain", "Reply")},
    {EventKind::Note, "note", QT_TRANSLATE_NOOP("pd::Domain", "Internal note")},
    {EventKind::Call, "call", QT_TRANSLATE_NOOP("pd::Domain", "Call")},
    {EventKind::StatusChange, "status_change", QT_TRANSLATE_NOOP("pd::Domain", "Status change")},
    {EventKind::Assignment, "assignment", QT_TRANSLATE_NOOP("pd::Domain", "Assignment")},
    {EventKind::Escalation, "escalation", QT_TRANSLATE_NOOP("pd::Domain", "Escalation")},
    {EventKind::SlaBreach, "sla_breach", QT_TRANSLATE_NOOP("pd::Domain", "SLA breach")},
    {EventKind::CsatRecorded, "csat_recorded", QT_TRANSLATE_NOOP("pd::Domain", "Satisfaction recorded")},
    {EventKind::CompensationRequested, "compensation_requested",
     QT_TRANSLATE_NOOP("pd::Domain", "Compensation requested")},
    {EventKind::CompensationApproved, "compensation_approved",
     QT_TRANSLATE_NOOP("pd::Domain", "Compensation approved")},
    {EventKind::CompensationRejected, "compensation_rejected",
     QT_TRANSLATE_NOOP("pd::Domain", "Compensation rejected")},
    {EventKind::AppealAnswered, "appeal_answered", QT_TRANSLATE_NOOP("pd::Domain", "Appeal answered")},
    {EventKind::AppealRejected, "appeal_rejected",
     QT_TRANSLATE_NOOP("pd::Domain", "Answer rejected by the regulator")},
    {EventKind::Merged, "merged", QT_TRANSLATE_NOOP("pd::Domain", "Tickets merged")},
}};

constexpr std::array<Entry<TicketSource>, 2> kTicketSources{{
    {TicketSource::Customer, "customer", QT_TRANSLATE_NOOP("pd::Domain", "Customer")},
    {TicketSource::RegulatorAppeal, "regulator_appeal", QT_TRANSLATE_NOOP("pd::Domain", "Regulator appeal")},
}};

constexpr std::array<Entry<CallDirection>, 2> kCallDirections{{
    {CallDirection::Inbound, "inbound", QT_TRANSLATE_NOOP("pd::Domain", "Inbound call")},
    {CallDirection::Outbound, "outbound", QT_TRANSLATE_NOOP("pd::Domain", "Outbound call")},
}};

constexpr std::array<Entry<ParcelStatus>, 8> kParcelStatuses{{
    {ParcelStatus::Created, "created", QT_TRANSLATE_NOOP("pd::Domain", "Created")},
    {ParcelStatus::PickedUp, "picked_up", QT_TRANSLATE_NOOP("pd::Domain", "Picked up")},
    {ParcelStatus::InTransit, "in_transit", QT_TRANSLATE_NOOP("pd::Domain", "In transit")},
    {ParcelStatus::AtStation, "at_station", QT_TRANSLATE_NOOP("pd::Domain", "At station")},
    {ParcelStatus::OutForDelivery, "out_for_delivery", QT_TRANSLATE_NOOP("pd::Domain", "Out for delivery")},
    {ParcelStatus::Delivered, "delivered", QT_TRANSLATE_NOOP("pd::Domain", "Delivered")},
    {ParcelStatus::Exception, "exception", QT_TRANSLATE_NOOP("pd::Domain", "Exception")},
    {ParcelStatus::Returned, "returned", QT_TRANSLATE_NOOP("pd::Domain", "Returned")},
}};

constexpr std::array<Entry<EvidenceKind>, 5> kEvidenceKinds{{
    {EvidenceKind::OuterBox, "outer_box", QT_TRANSLATE_NOOP("pd::Domain", "Outer box")},
    {EvidenceKind::Goods, "goods", QT_TRANSLATE_NOOP("pd::Domain", "Goods")},
    {EvidenceKind::Label, "label", QT_TRANSLATE_NOOP("pd::Domain", "Waybill label")},
    {EvidenceKind::ValueDeclaration, "value_declaration", QT_TRANSLATE_NOOP("pd::Domain", "Proof of value")},
    {EvidenceKind::Other, "other", QT_TRANSLATE_NOOP("pd::Domain", "Other evidence")},
}};

} // namespace

#define PD_DEFINE_ENUM_CODES(E, table)                                                                       \
    template<>                                                                                               \
    QString toCode<E>(E v)                                                                                   \
    {                                                                                                        \
        return codeOf(table, v);                                                                             \
    }                                                                                                        \
    template<>                                                                                               \
    std::optional<E> fromCode<E>(QStringView c)                                                              \
    {                                                                                                        \
        return valueOf(table, c);                                                                            \
    }                                                                                                        \
    template<>                                                                                               \
    QStringList allCodes<E>()                                                                                \
    {                                                                                                        \
        return codesOf(table);                                                                               \
    }                                                                                                        \
    template<>                                                                                               \
    QString displayName<E>(E v)                                                                              \
    {                                                                                                        \
        return labelOf(table, v);                                                                            \
    }

PD_DEFINE_ENUM_CODES(Role, kRoles)
PD_DEFINE_ENUM_CODES(Channel, kChannels)
PD_DEFINE_ENUM_CODES(Category, kCategories)
PD_DEFINE_ENUM_CODES(Priority, kPriorities)
PD_DEFINE_ENUM_CODES(TicketStatus, kStatuses)
PD_DEFINE_ENUM_CODES(Resolution, kResolutions)
PD_DEFINE_ENUM_CODES(EventKind, kEventKinds)
PD_DEFINE_ENUM_CODES(TicketSource, kTicketSources)
PD_DEFINE_ENUM_CODES(CallDirection, kCallDirections)
PD_DEFINE_ENUM_CODES(ParcelStatus, kParcelStatuses)
PD_DEFINE_ENUM_CODES(EvidenceKind, kEvidenceKinds)

QString sourceName(ParcelStatus value)
{
    for (const auto &e : kParcelStatuses)
        if (e.value == value)
            return QString::fromLatin1(e.label);
    return {};
}

} // namespace pd
