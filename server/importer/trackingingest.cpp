#include "trackingingest.h"

#include "server/storage/database.h"
#include "server/storage/documentstore.h"

#include "models/domain/validation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace pd::server {

namespace {

QString field(const QString &path, const QString &name)
{
    return path + QLatin1Char('.') + name;
}

/// @brief The waybill of @p o normalized, or false with @p error.
bool checkedWaybill(QJsonObject &o, const QString &path, JsonError *error)
{
    const WaybillCheck w = Validation::checkWaybill(o.value(QStringLiteral("waybill_no")).toString());
    if (!w.valid) {
        *error = {field(path, QStringLiteral("waybill_no")), w.message};
        return false;
    }
    o.insert(QStringLiteral("waybill_no"), w.normalized);
    return true;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

bool TrackingIngest::addParcel(const QJsonObject &input, const QString &path, JsonError *error)
{
    QJsonObject o = input;
    if (!checkedWaybill(o, path, error))
        return false;
    o.insert(QStringLiteral("version"), 1); // the server's, not the sender's
    JsonError e;
    auto p = Parcel::fromJson(o, &e);
    if (!p) {
        *error = {field(path, e.field), e.message};
        return false;
    }
    m_parcels.insert(p->waybillNo, *p);
    return true;
}

bool TrackingIngest::addEvent(const QJsonObject &input, const QString &path, JsonError *error)
{
    QJsonObject o = input;
    if (!checkedWaybill(o, path, error))
        return false;
    if (!o.contains(QStringLiteral("id"))) {
        // The default id makes a batch sent twice write its events once; it needs the scan's time.
        const QDateTime at =
            QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        if (!at.isValid()) {
            *error = {field(path, QStringLiteral("at")),
                      tr("A scan needs its time (ISO 8601 with the UTC offset).")};
            return false;
        }
        o.insert(QStringLiteral("id"), QStringLiteral("tr-%1-%2-%3")
                                           .arg(o.value(QStringLiteral("waybill_no")).toString())
                                           .arg(at.toMSecsSinceEpoch())
                                           .arg(o.value(QStringLiteral("status")).toString()));
    }
    JsonError e;
    auto event = TrackingEvent::fromJson(o, &e);
    if (!event) {
        *error = {field(path, e.field), e.message};
        return false;
    }
    if (event->at > m_nowMs + kFutureSlackMs) {
        *error = {field(path, QStringLiteral("at")), tr("A scan cannot be in the future.")};
        return false;
    }
    m_events.append({*event, path});
    return true;
}

bool TrackingIngest::applyScans(Parcel &parcel, const QList<TrackingEvent> &scans)
{
    bool changed = false;
    for (const TrackingEvent &e : scans) {
        if (parcel.positionAt && e.at < *parcel.positionAt)
            continue; // an older scan sent late: kept in the tracking, the parcel stays as its newest says
        parcel.status = e.status;
        if (e.position)
            parcel.position = e.position;
        parcel.positionAt = e.at;
        if (e.status == ParcelStatus::Delivered)
            parcel.deliveredAt = e.at;
        changed = true;
    }
    return changed;
}

bool TrackingIngest::write(WriteTx &tx, IngestResult *result, JsonError *error)
{
    *result = {};
    // Scans in time order, each id once (the batch's first; stored ones are skipped below).
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const Incoming &a, const Incoming &b) { return a.event.at < b.event.at; });
    QSet<QString> ids;
    QStringList idList;
    QSet<QString> waybillSet(m_parcels.keyBegin(), m_parcels.keyEnd());
    for (const Incoming &in : std::as_const(m_events)) {
        waybillSet.insert(in.event.waybillNo);
        if (!ids.contains(in.event.id)) {
            ids.insert(in.event.id);
            idList.append(in.event.id);
        }
    }
    const QStringList waybills(waybillSet.cbegin(), waybillSet.cend());
    const QHash<QString, Doc> stored = m_docs.getMany(DocType::Parcel, waybills);
    const QSet<QString> storedEvents = m_docs.existing(DocType::TrackingEvent, idList);

    QHash<QString, Parcel> parcels;
    QHash<QString, qint64> versions;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (it->deleted)
            continue;
        if (auto p = Parcel::fromJson(QJsonDocument::fromJson(it->data).object())) {
            parcels.insert(it.key(), *p);
            versions.insert(it.key(), it->version);
        }
    }
    QSet<QString> touched;
    for (auto it = m_parcels.cbegin(); it != m_parcels.cend(); ++it) {
        Parcel p = *it;
        if (const auto old = parcels.constFind(it.key()); old != parcels.cend()) {
            // The record's static fields; where the parcel is, and its status, come from the scans.
            p.status = old->status;
            p.position = old->position;
            p.positionAt = old->positionAt;
            p.deliveredAt = old->deliveredAt;
            ++result->parcelsUpdated;
        } else {
            ++result->parcelsCreated;
        }
        parcels.insert(it.key(), p);
        touched.insert(it.key());
    }

    QHash<QString, QList<TrackingEvent>> scans;
    QList<Doc> eventDocs;
    QSet<QString> written;
    for (const Incoming &in : std::as_const(m_events)) {
        const TrackingEvent &e = in.event;
        if (!parcels.contains(e.waybillNo)) {
            *error = {field(in.path, QStringLiteral("waybill_no")),
                      tr("No parcel with waybill %1: send its parcel record first.").arg(e.waybillNo)};
            return false;
        }
        if (storedEvents.contains(e.id) || written.contains(e.id)) {
            ++result->duplicates;
            continue;
        }
        written.insert(e.id);
        scans[e.waybillNo].append(e);
        eventDocs.append(
            Doc{DocType::TrackingEvent, e.id, 0, 1, false, {}, e.waybillNo, {}, e.at, compact(e.toJson())});
    }
    result->events = eventDocs.size();

    QList<Doc> parcelDocs;
    QHash<QString, std::optional<ParcelShare>> shares;
    const QHash<QString, ParcelShare> before = m_docs.volume().storedShares(waybills);
    const QTimeZone &zone = m_docs.volume().zone();
    for (const QString &w : waybills) {
        Parcel &p = parcels[w];
        const QList<TrackingEvent> mine = scans.value(w);
        const bool moved = applyScans(p, mine);
        if (!moved && !touched.contains(w))
            continue;
        p.version = versions.value(w, 0) + 1;
        p.updatedAt = m_nowMs;
        parcelDocs.append(Doc{
            DocType::Parcel, w, 0, p.version, false, {}, {}, toCode(p.status), m_nowMs, compact(p.toJson())});
        const auto old = before.constFind(w);
        shares.insert(w, VolumeStore::mergedShare(old == before.cend() ? std::nullopt
                                                                       : std::optional<ParcelShare>(*old),
                                                  p, mine, zone));
    }

    const QSet<QString> referenced = m_docs.referencedAmong(waybills);
    m_docs.putMany(tx, eventDocs, referenced);
    m_docs.putMany(tx, parcelDocs, referenced);
    m_docs.volume().applyShares(tx, before, shares, m_nowMs);
    // Consoles holding a parcel (readers of a ticket about it) get a hint; the others never see it.
    for (const Doc &d : std::as_const(parcelDocs)) {
        if (referenced.contains(d.id))
            tx.publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("changed")},
                                   {QStringLiteral("type"), DocType::Parcel},
                                   {QStringLiteral("id"), d.id},
                                   {QStringLiteral("version"), d.version},
                                   {QStringLiteral("change_seq"), d.seq}});
    }
    return true;
}

} // namespace pd::server
