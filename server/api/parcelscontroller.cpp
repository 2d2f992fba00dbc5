#include "parcelscontroller.h"

#include "mapquery.h"
#include "requestparsing.h"

#include "server/importer/trackingingest.h"

#include "models/domain/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

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

ParcelsController::ParcelsController(DocumentStore &docs, Clock &clock, HashingQueue &parsing)
    : m_docs(docs)
    , m_clock(clock)
    , m_parsing(parsing)
{
    m_observeLater.setSingleShot(true);
    m_observeLater.setInterval(kObserveLaterMs);
    QObject::connect(&m_observeLater, &QTimer::timeout, &m_receiver, [this] { observeWritten(); });
}

void ParcelsController::observeWritten()
{
    if (m_written.isEmpty())
        return;
    // One batch a turn of the event loop, so that a batch arriving meanwhile is read (and checked) in
    // between.
    const std::shared_ptr<TrackingIngest> batch = m_written.takeFirst();
    if (m_written.isEmpty())
        m_observeLater.stop();
    else
        observeNextTurn();
    m_observer(batch->parcels(), batch->events());
}

void ParcelsController::observeNextTurn()
{
    QMetaObject::invokeMethod(
        &m_receiver, [this] { observeWritten(); }, Qt::QueuedConnection);
}

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

namespace {
/// @brief Reads and checks a POST /tracking body into @p batch; throws ApiError (400) when it is refused.
void check(const QByteArray &body, TrackingIngest &batch)
{
    const QJsonObject o = parseJsonObject(body);
    const QJsonArray parcels = o.value(QStringLiteral("parcels")).toArray();
    const QJsonArray events = o.value(QStringLiteral("events")).toArray();
    if (parcels.size() + events.size() == 0 || parcels.size() + events.size() > TrackingIngest::kMaxItems)
        throw ApiError::invalid(QStringLiteral("events"),
                                QStringLiteral("Send 1 to %1 items in parcels and events together.")
                                    .arg(TrackingIngest::kMaxItems));
    JsonError error;
    for (qsizetype i = 0; i < parcels.size(); ++i) {
        if (!batch.addParcel(parcels.at(i).toObject(), QStringLiteral("parcels[%1]").arg(i), &error))
            throw ApiError::invalid(error.field, error.message);
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!batch.addEvent(events.at(i).toObject(), QStringLiteral("events[%1]").arg(i), &error))
            throw ApiError::invalid(error.field, error.message);
    }
    batch.prepare();
}
} // namespace

HttpResponse ParcelsController::ingest(RequestContext &c)
{
    // Two steps: the body is read, checked and turned into rows on a worker thread, so that the event loop
    // writes one batch while the next is being checked (docs/server.md, "Parcels at volume"); the write
    // happens here, on the event loop, like every other.
    auto batch = std::make_shared<TrackingIngest>(m_docs, m_clock.nowMs());
    auto refused = std::make_shared<std::optional<ApiError>>();
    auto work = [body = c.request.body, batch, refused] {
        try {
            check(body, *batch);
        } catch (const ApiError &e) {
            *refused = e;
        }
    };
    auto finish = [this, batch, refused]() -> HttpResponse {
        if (*refused)
            throw **refused;
        WriteTx tx(m_docs.db());
        IngestResult result;
        JsonError error;
        if (!batch->write(tx, &result, &error))
            throw ApiError::invalid(error.field, error.message); // the transaction rolls back
        tx.commit();
        if (m_observer) {
            m_written.append(batch);
            m_observeLater.start(); // from now: the next batch may have arrived during this write
        }
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("events"), qint64(result.events)},
                                        {QStringLiteral("duplicates"), qint64(result.duplicates)},
                                        {QStringLiteral("parcels_created"), qint64(result.parcelsCreated)},
                                        {QStringLiteral("parcels_updated"), qint64(result.parcelsUpdated)}});
    };
    HttpResponse later = deferToWorker(
        m_parsing, std::move(work), std::move(finish),
        QStringLiteral("The server is busy with other tracking batches. Try again in a second."));
    // The observer's turn: the event loop has nothing else to do for the ingest while this batch is checked
    // (a batch checked meanwhile is written first, as it was queued before).
    if (!m_written.isEmpty())
        observeNextTurn();
    return later;
}

} // namespace pd::server
