#include "parcelscontroller.h"

#include "mapquery.h"
#include "requestparsing.h"

#include "server/importer/trackingingest.h"

#include "models/domain/validation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace pd::server {

namespace {
QString waybillParam(const RequestContext &c)
{
    const QString raw = c.param(QStringLiteral("waybill"));
    const WaybillCheck w = Validation::checkWaybill(raw);
    // Unknown formats (another carrier's leg) are looked up as typed, normalized.
    return w.valid ? w.normalized : Validation::normalizeIdentifier(raw);
}

/// Addresses in full only to readers of a ticket about the parcel who get its customer data in full.
CustomerAccess readerOf(const RequestContext &c)
{
    return CustomerAccess::of(c.role(), c.user().id, c.user().teamId);
}
} // namespace

void ParcelsController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/tracking"), Access::only({Role::Admin}),
               [this](RequestContext &c) { return ingest(c); });
    router.add("GET", QStringLiteral("/api/v1/map/parcels"), Access::signedIn(),
               [this](RequestContext &c) { return mapParcels(c, m_docs.geo(), m_clock.nowMs()); });
    router.add(
        "GET", QStringLiteral("/api/v1/parcels/{waybill}"), Access::signedIn(), [this](RequestContext &c) {
            const QString waybill = waybillParam(c);
            const auto d = m_docs.get(DocType::Parcel, waybill, readerOf(c));
            if (!d || d->deleted)
                throw ApiError::notFound(QStringLiteral("No parcel with waybill %1.").arg(waybill.left(64)));
            return jsonResponse(200, d->data);
        });
    router.add(
        "GET", QStringLiteral("/api/v1/parcels/{waybill}/tracking"), Access::signedIn(),
        [this](RequestContext &c) {
            const QString waybill = waybillParam(c);
            if (!m_docs.get(DocType::Parcel, waybill))
                throw ApiError::notFound(QStringLiteral("No parcel with waybill %1.").arg(waybill.left(64)));
            auto docs = m_docs.byParent(DocType::TrackingEvent, waybill, readerOf(c));
            QList<QJsonObject> items;
            for (const Doc &d : docs)
                items.append(QJsonDocument::fromJson(d.data).object());
            std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("at")).toString() < b.value(QStringLiteral("at")).toString();
            });
            QJsonArray arr;
            for (const auto &o : items)
                arr.append(o);
            return jsonResponse(
                200, QJsonObject{{QStringLiteral("waybill_no"), waybill}, {QStringLiteral("items"), arr}});
        });
}

HttpResponse ParcelsController::ingest(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const QJsonArray parcels = body.value(QStringLiteral("parcels")).toArray();
    const QJsonArray events = body.value(QStringLiteral("events")).toArray();
    if (parcels.size() + events.size() == 0 || parcels.size() + events.size() > TrackingIngest::kMaxItems)
        throw ApiError::invalid(QStringLiteral("events"),
                                QStringLiteral("Send 1 to %1 items in parcels and events together.")
                                    .arg(TrackingIngest::kMaxItems));
    TrackingIngest batch(m_docs, m_clock.nowMs());
    JsonError error;
    for (qsizetype i = 0; i < parcels.size(); ++i) {
        if (!batch.addParcel(parcels.at(i).toObject(), QStringLiteral("parcels[%1]").arg(i), &error))
            throw ApiError::invalid(error.field, error.message);
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!batch.addEvent(events.at(i).toObject(), QStringLiteral("events[%1]").arg(i), &error))
            throw ApiError::invalid(error.field, error.message);
    }
    WriteTx tx(m_docs.db());
    IngestResult result;
    if (!batch.write(tx, &result, &error))
        throw ApiError::invalid(error.field, error.message); // the transaction rolls back
    tx.commit();
    if (m_observer)
        m_observer(batch.parcels(), batch.events());
    return jsonResponse(200, QJsonObject{{QStringLiteral("events"), qint64(result.events)},
                                         {QStringLiteral("duplicates"), qint64(result.duplicates)},
                                         {QStringLiteral("parcels_created"), qint64(result.parcelsCreated)},
                                         {QStringLiteral("parcels_updated"), qint64(result.parcelsUpdated)}});
}

} // namespace pd::server
