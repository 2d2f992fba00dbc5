#include "trackingingest.h"

#include "server/storage/customerdata.h"
#include "server/storage/database.h"
#include "server/storage/documentstore.h"

#include "models/domain/validation.h"

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
        const OptInstant at = instantFromIso(o.value(QStringLiteral("at")).toString());
        if (!at) {
            *error = {field(path, QStringLiteral("at")),
                      tr("A scan needs its time (ISO 8601 with the UTC offset).")};
            return false;
        }
        o.insert(QStringLiteral("id"), QStringLiteral("tr-%1-%2-%3")
                                           .arg(o.value(QStringLiteral("waybill_no")).toString())
                                           .arg(*at)
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

void TrackingIngest::prepare()
{
    if (m_prepared)
        return;
    m_prepared = true;
    // Scans in time order, so the newest moves the parcel last.
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const Incoming &x, const Incoming &y) { return x.event.at < y.event.at; });
    QSet<QString> ids;
    m_scanRows.reserve(m_events.size());
    for (const Incoming &in : std::as_const(m_events)) {
        const TrackingEvent &e = in.event;
        if (ids.contains(e.id))
            continue; // each id once: the batch's first
        ids.insert(e.id);
        Doc row{DocType::TrackingEvent, e.id, 0, 1, false, {}, e.waybillNo, {}, e.at, compact(e.toJson())};
        CustomerData::derive(row);
        m_scanRows.append(std::move(row));
    }
}

void TrackingIngest::loadParcels(Batch &b, IngestResult *result)
{
    QSet<QString> waybills(m_parcels.keyBegin(), m_parcels.keyEnd());
    for (const Incoming &in : std::as_const(m_events))
        waybills.insert(in.event.waybillNo);
    b.waybills = QStringList(waybills.cbegin(), waybills.cend());
    const QHash<QString, Doc> stored = m_docs.getMany(DocType::Parcel, b.waybills);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (it->deleted)
            continue;
        if (auto p = Parcel::fromJson(QJsonDocument::fromJson(it->data).object())) {
            b.parcels.insert(it.key(), *p);
            b.versions.insert(it.key(), it->version);
        }
    }
    for (auto it = m_parcels.cbegin(); it != m_parcels.cend(); ++it) {
        Parcel p = *it;
        if (const auto old = b.parcels.constFind(it.key()); old != b.parcels.cend()) {
            // The record's static fields; where the parcel is, and its status, come from the scans.
            p.status = old->status;
            p.position = old->position;
            p.positionAt = old->positionAt;
            p.deliveredAt = old->deliveredAt;
            ++result->parcelsUpdated;
        } else {
            ++result->parcelsCreated;
        }
        b.parcels.insert(it.key(), p);
        b.recorded.insert(it.key());
    }
}

bool TrackingIngest::collectScans(WriteTx &tx, Batch &b, IngestResult *result, JsonError *error)
{
    for (const Incoming &in : std::as_const(m_events)) {
        if (!b.parcels.contains(in.event.waybillNo)) {
            *error = {field(in.path, QStringLiteral("waybill_no")),
                      tr("No parcel with waybill %1: send its parcel record first.").arg(in.event.waybillNo)};
            return false;
        }
    }
    // Written here, before the parcels they move: the store tells which were not stored yet.
    QSet<QString> written = m_docs.putNewScans(tx, m_scanRows, b.referenced);
    result->events = written.size();
    result->duplicates = m_events.size() - written.size();
    for (const Incoming &in : std::as_const(m_events)) {
        if (written.remove(in.event.id)) // each id's first event in time order, as prepare() kept it
            b.scans[in.event.waybillNo].append(in.event);
    }
    return true;
}

void TrackingIngest::moveParcels(Batch &b)
{
    const QTimeZone &zone = m_docs.volume().zone();
    for (const QString &w : std::as_const(b.waybills)) {
        Parcel &p = b.parcels[w];
        const QList<TrackingEvent> mine = b.scans.value(w);
        const bool moved = applyScans(p, mine);
        if (!moved && !b.recorded.contains(w))
            continue;
        p.version = b.versions.value(w, 0) + 1;
        p.updatedAt = m_nowMs;
        b.parcelDocs.append(Doc{
            DocType::Parcel, w, 0, p.version, false, {}, {}, toCode(p.status), m_nowMs, compact(p.toJson())});
        const auto old = b.sharesBefore.constFind(w);
        b.shares.insert(w, VolumeStore::mergedShare(
                               old == b.sharesBefore.cend() ? std::nullopt : std::optional<ParcelShare>(*old),
                               p, mine, zone));
    }
}

bool TrackingIngest::write(WriteTx &tx, IngestResult *result, JsonError *error)
{
    *result = {};
    prepare();
    Batch b;
    loadParcels(b, result);
    b.referenced = m_docs.referencedAmong(b.waybills);
    if (!collectScans(tx, b, result, error))
        return false;
    b.sharesBefore = m_docs.volume().storedShares(b.waybills);
    moveParcels(b);
    const QSet<QString> &referenced = b.referenced;
    m_docs.putMany(tx, b.parcelDocs, referenced);
    m_docs.volume().applyShares(tx, b.sharesBefore, b.shares, m_nowMs);
    // Consoles holding a parcel (readers of a ticket about it) get a hint; the others never see it.
    for (const Doc &d : std::as_const(b.parcelDocs)) {
        if (referenced.contains(d.id))
            tx.publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("changed")},
                                   {QStringLiteral("type"), DocType::Parcel},
                                   {QStringLiteral("id"), d.id},
                                   {QStringLiteral("version"), d.version},
                                   {QStringLiteral("change_seq"), d.seq}});
    }
    return true;
}

QList<TrackingEvent> TrackingIngest::events() const
{
    QList<TrackingEvent> out;
    out.reserve(m_events.size());
    for (const Incoming &i : m_events)
        out.append(i.event);
    return out;
}

} // namespace pd::server
