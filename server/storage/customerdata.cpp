#include "customerdata.h"

#include "documentstore.h"

#include "models/domain/entities.h"
#include "models/domain/masking.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pd::server {

namespace {
const QString kName = QStringLiteral("customer_name");
const QString kPhone = QStringLiteral("customer_phone");

QJsonValue coarsePoint(const QJsonValue &v)
{
    if (!v.isObject())
        return v;
    QJsonObject p = v.toObject();
    p.insert(QStringLiteral("lat"), Masking::coarse(p.value(QStringLiteral("lat")).toDouble()));
    p.insert(QStringLiteral("lon"), Masking::coarse(p.value(QStringLiteral("lon")).toDouble()));
    return p;
}

void maskString(QJsonObject &o, const QString &key, QString (*mask)(QStringView))
{
    const QJsonValue v = o.value(key);
    if (v.isString() && !v.toString().isEmpty())
        o.insert(key, mask(v.toString()));
}

bool atCustomer(const QString &status)
{
    return status == QLatin1StringView("created") || status == QLatin1StringView("delivered") ||
           status == QLatin1StringView("returned");
}
} // namespace

QJsonObject CustomerData::maskTicket(QJsonObject t)
{
    maskString(t, kName, &Masking::maskName);
    maskString(t, kPhone, &Masking::maskPhone);
    const QString description = t.value(QStringLiteral("description")).toString();
    if (!description.isEmpty())
        t.insert(QStringLiteral("description"), Masking::maskPhonesIn(description));
    return t;
}

QJsonObject CustomerData::maskEvent(QJsonObject e)
{
    const QString text = e.value(QStringLiteral("text")).toString();
    if (!text.isEmpty())
        e.insert(QStringLiteral("text"), Masking::maskPhonesIn(text));
    if (e.value(QStringLiteral("data")).isObject()) {
        QJsonObject data = e.value(QStringLiteral("data")).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (it->isString())
                *it = Masking::maskPhonesIn(it->toString());
        }
        e.insert(QStringLiteral("data"), data);
    }
    return e;
}

QJsonObject CustomerData::maskParcel(QJsonObject p)
{
    maskString(p, QStringLiteral("origin_address"), &Masking::maskAddress);
    maskString(p, QStringLiteral("destination_address"), &Masking::maskAddress);
    maskString(p, QStringLiteral("recipient_phone"), &Masking::maskPhone);
    for (const QString &point : {QStringLiteral("origin"), QStringLiteral("destination")}) {
        if (p.contains(point))
            p.insert(point, coarsePoint(p.value(point)));
    }
    // A delivered (or returned) parcel stands at the recipient's (or sender's) door.
    if (atCustomer(p.value(QStringLiteral("status")).toString()) && p.contains(QStringLiteral("position")))
        p.insert(QStringLiteral("position"), coarsePoint(p.value(QStringLiteral("position"))));
    return p;
}

QJsonObject CustomerData::maskTracking(QJsonObject e)
{
    if (!atCustomer(e.value(QStringLiteral("status")).toString()))
        return e;
    const QString place = e.value(QStringLiteral("place")).toString();
    if (!place.isEmpty()) {
        const QString masked = Masking::maskAddress(place);
        e.insert(QStringLiteral("place"), masked);
        QString text = e.value(QStringLiteral("text")).toString();
        if (!text.isEmpty()) {
            text.replace(place, masked);
            e.insert(QStringLiteral("text"), text);
        }
    }
    if (e.contains(QStringLiteral("position")))
        e.insert(QStringLiteral("position"), coarsePoint(e.value(QStringLiteral("position"))));
    return e;
}

QByteArray CustomerData::masked(const QString &type, const QByteArray &data)
{
    QJsonObject (*mask)(QJsonObject) = nullptr;
    if (type == DocType::Ticket)
        mask = &CustomerData::maskTicket;
    else if (type == DocType::TicketEvent)
        mask = &CustomerData::maskEvent;
    else if (type == DocType::Parcel)
        mask = &CustomerData::maskParcel;
    else if (type == DocType::TrackingEvent)
        mask = &CustomerData::maskTracking;
    if (!mask || data.isEmpty())
        return {};
    // Most tracking events are at hubs and stations: skip them without parsing.
    if (type == DocType::TrackingEvent && !data.contains("\"created\"") && !data.contains("\"delivered\"") &&
        !data.contains("\"returned\""))
        return {};
    const QJsonObject full = QJsonDocument::fromJson(data).object();
    const QJsonObject hidden = mask(full);
    if (hidden == full)
        return {};
    return QJsonDocument(hidden).toJson(QJsonDocument::Compact);
}

void CustomerData::derive(Doc &doc)
{
    doc.masked.clear();
    doc.holder.clear();
    doc.purgeMs = 0;
    if (doc.type != DocType::Ticket) {
        if (!doc.deleted)
            doc.masked = masked(doc.type, doc.data);
        return;
    }
    // A ticket is parsed once for its masked copy and its columns (imports write 100,000 at a time).
    const QJsonObject t = QJsonDocument::fromJson(doc.data).object();
    if (!doc.deleted) {
        const QJsonObject hidden = maskTicket(t);
        if (hidden != t)
            doc.masked = QJsonDocument(hidden).toJson(QJsonDocument::Compact);
    }
    doc.holder = t.value(QStringLiteral("assignee_id")).toString();
    const bool holdsCustomerData =
        !t.value(kName).toString().isEmpty() || !t.value(kPhone).toString().isEmpty();
    // The retention clock: from the close, or for a deleted ticket (a tombstone keeps its JSON) from the
    // deletion.
    if (holdsCustomerData && doc.status == QLatin1StringView("closed")) {
        const OptInstant closed = instantFromIso(t.value(QStringLiteral("closed_at")).toString());
        doc.purgeMs = closed.value_or(doc.updatedMs);
    } else if (holdsCustomerData && doc.deleted) {
        doc.purgeMs = doc.updatedMs;
    }
}

} // namespace pd::server
