#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

/**
 * @file
 * @brief The records of docs/domain.md as plain value types with their JSON mapping.
 *
 * Instants are UTC milliseconds since the Unix epoch (std::optional where the field may be unset); in JSON
 * they are ISO 8601 strings in UTC ("2026-11-23T08:15:00.000Z"). Money is held in fen (1/100 yuan) and
 * written to JSON as yuan. JSON names are the snake_case field names of docs/domain.md.
 */

namespace pd {

using Instant = qint64; ///< UTC milliseconds since the Unix epoch
using OptInstant = std::optional<Instant>;

/// @brief Why a JSON object could not be read: the offending field and a translated message.
struct JsonError
{
    QString field;
    QString message;
};

struct GeoPoint
{
    double lat = 0.0;
    double lon = 0.0;
    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

/// @brief An appeal the postal regulator forwarded (邮政业用户申诉, docs/appeals.md): its number, the office
/// that forwarded it, and the company's answer and the regulator's rejections of it.
struct Appeal
{
    QString number; ///< the regulator's appeal number (申诉编号), unique
    QString office; ///< the forwarding postal administration (e.g. "上海市邮政管理局")
    Instant forwardedAt = 0;
    OptInstant answeredAt;              ///< the company's latest answer to the regulator
    OptInstant rejectedAt;              ///< the regulator's latest rejection of an answer (redo clock)
    int rejections = 0;                 ///< how many answers the regulator rejected
    std::optional<bool> companyAtFault; ///< the fault finding (有效申诉 when true); unset until found
    QString faultReason;
    /// Ids of the customer's earlier tickets (same waybill or phone), oldest first.
    QStringList earlierTickets;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Appeal> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Appeal &, const Appeal &) = default;
};

struct Ticket
{
    QString id;
    QString number;
    QString waybillNo;
    QString description;
    QString customerName;
    QString customerPhone;
    Channel channel = Channel::Phone;
    Category category = Category::Other;
    Priority priority = Priority::P3;
    TicketStatus status = TicketStatus::New;
    QString teamId;
    QString assigneeId;
    Instant createdAt = 0;
    OptInstant firstResponseAt;
    OptInstant resolvedAt;
    OptInstant closedAt;
    std::optional<Resolution> resolution;
    std::optional<qint64> compensationFen;
    std::optional<int> csat;
    std::optional<int> nps;
    OptInstant followUpAt;
    OptInstant followUpDoneAt;
    qint64 version = 0;
    Instant updatedAt = 0;
    /// The customer is a key account (大客户); derived by the server from customer_phone, read-only.
    bool keyAccount = false;
    /// The customer's language when not the company's: "zh", "yue" or "en"; empty = the company's.
    QString language;
    TicketSource source = TicketSource::Customer;
    /// Set when source is RegulatorAppeal.
    std::optional<Appeal> appeal;
    /// A compensation amount waiting for a supervisor's or manager's approval; derived by the server,
    /// read-only.
    std::optional<qint64> pendingCompensationFen;
    /// Set by the server when a supervisor merged this ticket into another (closed, counted once, its
    /// conversation moved there): the target's id and number. Read-only.
    QString mergedInto;
    QString mergedIntoNumber;
    /// Set by the server when the ticket arrived (API or import) while another open ticket of the same
    /// waybill or phone existed: that ticket's id and number, a likely duplicate to merge. Read-only.
    QString duplicateOf;
    QString duplicateOfNumber;
    /// Set by the server when the ticket arrived about a parcel of an open incident (docs/proactive.md,
    /// "Incidents"): the incident's id; its explanation travels with the incident record. Read-only.
    QString incidentId;

    [[nodiscard]] bool isMerged() const { return !mergedInto.isEmpty(); }
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Ticket> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Ticket &, const Ticket &) = default;
};

struct TicketEvent
{
    QString id; ///< client-generated UUID: a retried send never creates the event twice
    QString ticketId;
    EventKind kind = EventKind::Note;
    Instant at = 0;
    QString authorId;
    QString text;
    QJsonObject data; ///< kind-specific fields (call direction and duration, old/new status, …)
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<TicketEvent> fromJson(const QJsonObject &o,
                                                             JsonError *error = nullptr);
    friend bool operator==(const TicketEvent &, const TicketEvent &) = default;
};

struct Parcel
{
    QString waybillNo;
    ParcelStatus status = ParcelStatus::Created;
    QString originAddress;
    std::optional<GeoPoint> origin;
    QString destinationAddress;
    std::optional<GeoPoint> destination;
    OptInstant promisedAt;
    OptInstant deliveredAt;
    QString courierId;
    QString stationId;
    std::optional<GeoPoint> position;
    OptInstant positionAt;
    qint64 declaredValueFen = 0;
    qint64 freightFen = 0;      ///< the freight paid (运费); compensation rules multiply it
    qint64 insuredValueFen = 0; ///< the insured value (保价金额); 0 = not insured
    QString
        serviceClass; ///< the compensation rules' service code ("standard", "express", …); empty = standard
    /// The recipient's phone (收件人电话), for proactive notices (docs/proactive.md); customer data, masked
    /// for readers who do not see it in full. Empty when the operations system sent none.
    QString recipientPhone{};
    qint64 version = 0;
    Instant updatedAt = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Parcel> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Parcel &, const Parcel &) = default;
};

struct TrackingEvent
{
    QString id;
    QString waybillNo;
    Instant at = 0;
    ParcelStatus status = ParcelStatus::InTransit;
    QString place;
    std::optional<GeoPoint> position;
    QString text;
    /// Exception scans: why ("damaged", "lost", or another code of the operations system); empty otherwise.
    /// The server's volume aggregates count damaged and lost parcels by it.
    QString reason{};

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<TrackingEvent> fromJson(const QJsonObject &o,
                                                               JsonError *error = nullptr);
    friend bool operator==(const TrackingEvent &, const TrackingEvent &) = default;
};

struct Courier
{
    QString id;
    QString name;
    QString phone;
    QString stationId;
    std::optional<GeoPoint> position;
    OptInstant lastSeen;
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Courier> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Courier &, const Courier &) = default;
};

struct Station
{
    QString id;
    QString name;
    QString city;
    std::optional<GeoPoint> position;
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Station> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Station &, const Station &) = default;
};

struct User
{
    QString id;
    QString login;
    QString displayName;
    Role role = Role::Agent;
    QString teamId;
    bool disabled = false;
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<User> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const User &, const User &) = default;
};

struct Team
{
    QString id;
    QString name;
    qint64 version = 0;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Team> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Team &, const Team &) = default;
};

/// @brief A courier's reported position, as devices report it and the live feed carries it.
struct CourierPosition
{
    QString courierId;
    GeoPoint position;
    Instant at = 0;

    /// @brief {"courier_id", "lat", "lon", "at" (ISO 8601), "at_ms"}: the live feed's position item.
    [[nodiscard]] QJsonObject toJson() const;
    /// @brief Reads a position item (at_ms, else at); nullopt when the courier or coordinates are missing.
    [[nodiscard]] static std::optional<CourierPosition> fromJson(const QJsonObject &o);
    friend bool operator==(const CourierPosition &, const CourierPosition &) = default;
};

/// @brief ISO 8601 UTC text of an instant, with milliseconds ("2026-11-23T08:15:00.000Z").
[[nodiscard]] QString instantToIso(Instant ms);
/// @brief Parses ISO 8601 with an offset or Z; nullopt for anything else (a time without offset is
/// ambiguous).
[[nodiscard]] OptInstant instantFromIso(QStringView text);

} // namespace pd
Q_DECLARE_METATYPE(pd::User)
