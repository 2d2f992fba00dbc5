#include "entities.h"

#include "jsonreader.h"

#include <QDateTime>
#include <QTimeZone>

namespace pd {

namespace {
constexpr int kMaxShortText = 200;
constexpr int kMaxLongText = 20000;

void putString(QJsonObject &o, const char *name, const QString &v)
{
    if (!v.isEmpty())
        o.insert(QLatin1StringView(name), v);
}
} // namespace

QJsonObject Ticket::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("number"), number},
                  {QStringLiteral("waybill_no"), waybillNo},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("customer_name"), customerName},
                  {QStringLiteral("customer_phone"), customerPhone},
                  {QStringLiteral("channel"), toCode(channel)},
                  {QStringLiteral("category"), toCode(category)},
                  {QStringLiteral("priority"), toCode(priority)},
                  {QStringLiteral("status"), toCode(status)},
                  {QStringLiteral("created_at"), instantToIso(createdAt)},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("updated_at"), instantToIso(updatedAt)}};
    putString(o, "team_id", teamId);
    putString(o, "assignee_id", assigneeId);
    putInstant(o, "first_response_at", firstResponseAt);
    putInstant(o, "resolved_at", resolvedAt);
    putInstant(o, "closed_at", closedAt);
    if (resolution)
        o.insert(QStringLiteral("resolution"), toCode(*resolution));
    if (compensationFen)
        putMoney(o, "compensation_amount", *compensationFen);
    if (csat)
        o.insert(QStringLiteral("csat"), *csat);
    if (nps)
        o.insert(QStringLiteral("nps"), *nps);
    putInstant(o, "follow_up_at", followUpAt);
    putInstant(o, "follow_up_done_at", followUpDoneAt);
    // Both absent in their default state, so records written before them read back unchanged.
    if (keyAccount)
        o.insert(QStringLiteral("key_account"), true);
    putString(o, "language", language);
    if (source != TicketSource::Customer)
        o.insert(QStringLiteral("source"), toCode(source));
    if (appeal)
        o.insert(QStringLiteral("appeal"), appeal->toJson());
    if (pendingCompensationFen)
        putMoney(o, "pending_compensation", *pendingCompensationFen);
    putString(o, "merged_into", mergedInto);
    putString(o, "merged_into_number", mergedIntoNumber);
    putString(o, "duplicate_of", duplicateOf);
    putString(o, "duplicate_of_number", duplicateOfNumber);
    putString(o, "incident_id", incidentId);
    return o;
}

std::optional<Ticket> Ticket::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Ticket t;
    t.id = r.string("id", true, kMaxShortText);
    t.number = r.string("number", false, kMaxShortText);
    t.waybillNo = r.string("waybill_no", false, kMaxShortText);
    t.description = r.string("description", false, kMaxLongText);
    t.customerName = r.string("customer_name", false, kMaxShortText);
    t.customerPhone = r.string("customer_phone", false, kMaxShortText);
    t.channel = r.enumValue("channel", Channel::Phone);
    t.category = r.enumValue("category", Category::Other);
    t.priority = r.enumValue("priority", Priority::P3);
    t.status = r.enumValue("status", TicketStatus::New);
    t.teamId = r.string("team_id", false, kMaxShortText);
    t.assigneeId = r.string("assignee_id", false, kMaxShortText);
    t.createdAt = r.instant("created_at");
    t.firstResponseAt = r.optInstant("first_response_at");
    t.resolvedAt = r.optInstant("resolved_at");
    t.closedAt = r.optInstant("closed_at");
    t.resolution = r.optEnum<Resolution>("resolution");
    t.compensationFen = r.optMoneyFen("compensation_amount");
    t.csat = r.optIntInRange("csat", 1, 5);
    t.nps = r.optIntInRange("nps", 0, 10);
    t.followUpAt = r.optInstant("follow_up_at");
    t.followUpDoneAt = r.optInstant("follow_up_done_at");
    t.version = r.integer("version");
    t.updatedAt = r.optInstant("updated_at").value_or(t.createdAt);
    t.keyAccount = r.boolean("key_account", false);
    t.language = r.string("language", false, kMaxShortText);
    t.source = r.enumValue("source", TicketSource::Customer);
    if (o.contains(QStringLiteral("appeal")) && !o.value(QStringLiteral("appeal")).isNull()) {
        JsonError appealError;
        t.appeal = Appeal::fromJson(r.object("appeal"), &appealError);
        if (!t.appeal)
            r.fail("appeal", appealError.field + QStringLiteral(": ") + appealError.message);
    }
    t.pendingCompensationFen = r.optMoneyFen("pending_compensation");
    t.mergedInto = r.string("merged_into", false, kMaxShortText);
    t.mergedIntoNumber = r.string("merged_into_number", false, kMaxShortText);
    t.duplicateOf = r.string("duplicate_of", false, kMaxShortText);
    t.duplicateOfNumber = r.string("duplicate_of_number", false, kMaxShortText);
    t.incidentId = r.string("incident_id", false, kMaxShortText);
    if (!r.report(error))
        return std::nullopt;
    return t;
}

QJsonObject Appeal::toJson() const
{
    QJsonObject o{{QStringLiteral("number"), number},
                  {QStringLiteral("forwarded_at"), instantToIso(forwardedAt)}};
    putString(o, "office", office);
    putInstant(o, "answered_at", answeredAt);
    putInstant(o, "rejected_at", rejectedAt);
    if (rejections > 0)
        o.insert(QStringLiteral("rejections"), rejections);
    if (companyAtFault)
        o.insert(QStringLiteral("company_at_fault"), *companyAtFault);
    putString(o, "fault_reason", faultReason);
    if (!earlierTickets.isEmpty())
        o.insert(QStringLiteral("earlier_tickets"), QJsonArray::fromStringList(earlierTickets));
    return o;
}

std::optional<Appeal> Appeal::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Appeal a;
    a.number = r.string("number", true, kMaxShortText);
    a.office = r.string("office", false, kMaxShortText);
    a.forwardedAt = r.instant("forwarded_at");
    a.answeredAt = r.optInstant("answered_at");
    a.rejectedAt = r.optInstant("rejected_at");
    a.rejections = int(r.integer("rejections"));
    if (o.contains(QStringLiteral("company_at_fault")) &&
        !o.value(QStringLiteral("company_at_fault")).isNull())
        a.companyAtFault = r.boolean("company_at_fault");
    a.faultReason = r.string("fault_reason", false, kMaxLongText);
    const QJsonValue earlier = o.value(QStringLiteral("earlier_tickets"));
    if (earlier.isArray()) {
        for (const QJsonValue &v : earlier.toArray()) {
            if (!v.isString() || v.toString().isEmpty()) {
                r.fail("earlier_tickets", QStringLiteral("must be a list of ticket ids"));
                break;
            }
            a.earlierTickets.append(v.toString());
        }
    } else if (!earlier.isUndefined() && !earlier.isNull()) {
        r.fail("earlier_tickets", QStringLiteral("must be a list of ticket ids"));
    }
    if (!r.report(error))
        return std::nullopt;
    return a;
}

QJsonObject TicketEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("ticket_id"), ticketId},
                  {QStringLiteral("kind"), toCode(kind)},
                  {QStringLiteral("at"), instantToIso(at)},
                  {QStringLiteral("version"), version}};
    putString(o, "author_id", authorId);
    putString(o, "text", text);
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

std::optional<TicketEvent> TicketEvent::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    TicketEvent e;
    e.id = r.string("id", true, kMaxShortText);
    e.ticketId = r.string("ticket_id", false, kMaxShortText);
    e.kind = r.enumValue("kind", EventKind::Note, true);
    e.at = r.optInstant("at").value_or(0);
    e.authorId = r.string("author_id", false, kMaxShortText);
    e.text = r.string("text", false, kMaxLongText);
    e.data = r.object("data");
    e.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    return e;
}

QJsonObject Parcel::toJson() const
{
    QJsonObject o{{QStringLiteral("waybill_no"), waybillNo},
                  {QStringLiteral("status"), toCode(status)},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("updated_at"), instantToIso(updatedAt)}};
    putString(o, "origin_address", originAddress);
    putGeo(o, "origin", origin);
    putString(o, "destination_address", destinationAddress);
    putGeo(o, "destination", destination);
    putInstant(o, "promised_at", promisedAt);
    putInstant(o, "delivered_at", deliveredAt);
    putString(o, "courier_id", courierId);
    putString(o, "station_id", stationId);
    putGeo(o, "position", position);
    putInstant(o, "position_at", positionAt);
    putMoney(o, "declared_value", declaredValueFen);
    // Absent when zero or empty, so parcels written before them read back unchanged.
    if (freightFen > 0)
        putMoney(o, "freight", freightFen);
    if (insuredValueFen > 0)
        putMoney(o, "insured_value", insuredValueFen);
    putString(o, "service_class", serviceClass);
    putString(o, "recipient_phone", recipientPhone);
    return o;
}

std::optional<Parcel> Parcel::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Parcel p;
    p.waybillNo = r.string("waybill_no", true, kMaxShortText);
    p.status = r.enumValue("status", ParcelStatus::Created);
    p.originAddress = r.string("origin_address", false, kMaxShortText);
    p.origin = r.geo("origin");
    p.destinationAddress = r.string("destination_address", false, kMaxShortText);
    p.destination = r.geo("destination");
    p.promisedAt = r.optInstant("promised_at");
    p.deliveredAt = r.optInstant("delivered_at");
    p.courierId = r.string("courier_id", false, kMaxShortText);
    p.stationId = r.string("station_id", false, kMaxShortText);
    p.position = r.geo("position");
    p.positionAt = r.optInstant("position_at");
    p.declaredValueFen = r.moneyFen("declared_value");
    p.freightFen = r.moneyFen("freight");
    p.insuredValueFen = r.moneyFen("insured_value");
    p.serviceClass = r.string("service_class", false, kMaxShortText);
    p.recipientPhone = r.string("recipient_phone", false, kMaxShortText);
    p.version = r.integer("version");
    p.updatedAt = r.optInstant("updated_at").value_or(0);
    if (!r.report(error))
        return std::nullopt;
    return p;
}

QJsonObject TrackingEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("waybill_no"), waybillNo},
                  {QStringLiteral("at"), instantToIso(at)},
                  {QStringLiteral("status"), toCode(status)}};
    putString(o, "place", place);
    putGeo(o, "position", position);
    putString(o, "text", text);
    putString(o, "reason", reason);
    return o;
}

std::optional<TrackingEvent> TrackingEvent::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    TrackingEvent e;
    e.id = r.string("id", true, kMaxShortText);
    e.waybillNo = r.string("waybill_no", true, kMaxShortText);
    e.at = r.instant("at");
    e.status = r.enumValue("status", ParcelStatus::InTransit);
    e.place = r.string("place", false, kMaxShortText);
    e.position = r.geo("position");
    e.text = r.string("text", false, kMaxLongText);
    e.reason = r.string("reason", false, kMaxShortText);
    if (!r.report(error))
        return std::nullopt;
    return e;
}

QJsonObject Courier::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
    putString(o, "phone", phone);
    putString(o, "station_id", stationId);
    putGeo(o, "position", position);
    putInstant(o, "last_seen", lastSeen);
    return o;
}

std::optional<Courier> Courier::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Courier c;
    c.id = r.string("id", true, kMaxShortText);
    c.name = r.string("name", false, kMaxShortText);
    c.phone = r.string("phone", false, kMaxShortText);
    c.stationId = r.string("station_id", false, kMaxShortText);
    c.position = r.geo("position");
    c.lastSeen = r.optInstant("last_seen");
    c.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    return c;
}

QJsonObject Station::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
    putString(o, "city", city);
    putGeo(o, "position", position);
    return o;
}

std::optional<Station> Station::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Station s;
    s.id = r.string("id", true, kMaxShortText);
    s.name = r.string("name", false, kMaxShortText);
    s.city = r.string("city", false, kMaxShortText);
    s.position = r.geo("position");
    s.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    return s;
}

QJsonObject User::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("login"), login},
                  {QStringLiteral("name"), displayName},
                  {QStringLiteral("role"), toCode(role)},
                  {QStringLiteral("version"), version}};
    putString(o, "team_id", teamId);
    if (disabled)
        o.insert(QStringLiteral("disabled"), true);
    return o;
}

std::optional<User> User::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    User u;
    u.id = r.string("id", true, kMaxShortText);
    u.login = r.string("login", true, kMaxShortText);
    u.displayName = r.string("name", false, kMaxShortText);
    u.role = r.enumValue("role", Role::Agent, true);
    u.teamId = r.string("team_id", false, kMaxShortText);
    u.disabled = r.boolean("disabled");
    u.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    return u;
}

QJsonObject Team::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
}

std::optional<Team> Team::fromJson(const QJsonObject &o, JsonError *error)
{
    JsonReader r(o);
    Team t;
    t.id = r.string("id", true, kMaxShortText);
    t.name = r.string("name", false, kMaxShortText);
    t.version = r.integer("version");
    if (!r.report(error))
        return std::nullopt;
    return t;
}

QJsonObject CourierPosition::toJson() const
{
    return QJsonObject{{QStringLiteral("courier_id"), courierId},
                       {QStringLiteral("lat"), position.lat},
                       {QStringLiteral("lon"), position.lon},
                       {QStringLiteral("at"), instantToIso(at)},
                       {QStringLiteral("at_ms"), at}};
}

std::optional<CourierPosition> CourierPosition::fromJson(const QJsonObject &o)
{
    CourierPosition p;
    p.courierId = o.value(QStringLiteral("courier_id")).toString();
    const QJsonValue lat = o.value(QStringLiteral("lat"));
    const QJsonValue lon = o.value(QStringLiteral("lon"));
    if (p.courierId.isEmpty() || !lat.isDouble() || !lon.isDouble())
        return std::nullopt;
    p.position = GeoPoint{lat.toDouble(), lon.toDouble()};
    p.at = o.contains(QStringLiteral("at_ms"))
               ? qint64(o.value(QStringLiteral("at_ms")).toDouble())
               : instantFromIso(o.value(QStringLiteral("at")).toString()).value_or(0);
    return p;
}

} // namespace pd
