#include "parcelminimap.h"

#include "mapitems.h"
#include "mapview.h"
#include "models/geo/mapqueries.h"
#include "models/store/parcelrepository.h"

#include <QDateTime>
#include <QVBoxLayout>

namespace pd {

ParcelMiniMap::ParcelMiniMap(const Database &db, const QTimeZone &companyZone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_zone(companyZone)
    , m_map(new map::MapView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_map);
    m_map->setClusteringEnabled(false);
    m_map->setMinimumSize(160, 120);
    connect(m_map, &map::MapView::parcelClicked, this, [this] {
        if (!m_waybill.isEmpty())
            Q_EMIT openMapRequested(m_waybill);
    });
}

bool ParcelMiniMap::showParcel(const QString &waybillNo)
{
    const geo::MapQueries queries(m_db);
    auto parcel = queries.parcel(waybillNo);
    if (!parcel) {
        clear();
        return false;
    }
    m_waybill = waybillNo;
    const QList<TrackingEvent> events = ParcelRepository(m_db).tracking(waybillNo);
    map::placeAtNewestScan(*parcel, events); // where the pane's newest tracking row says
    m_point = parcel->point;
    const QList<GeoPoint> route = map::routeOf(events, *parcel);
    const Instant now = QDateTime::currentMSecsSinceEpoch(); // only colours the marker "late"; no decision
    m_map->setParcels({map::parcelItem(*parcel, now, m_zone)});
    m_map->setRoute(route, map::trackItems(events, m_zone));
    QList<map::MapItem> couriers;
    if (!parcel->courierId.isEmpty()) {
        const auto pos = queries.courierPositions({parcel->courierId});
        if (pos.contains(parcel->courierId)) {
            Courier c;
            c.id = parcel->courierId;
            c.position = pos.value(parcel->courierId).position;
            c.lastSeen = pos.value(parcel->courierId).at;
            couriers << map::courierItem(c, m_zone);
        }
    }
    m_map->setCouriers(couriers);
    m_map->setSelectedParcel(waybillNo);
    m_fit = route;
    m_fit << parcel->point;
    m_map->fitTo(m_fit, 15);
    return true;
}

void ParcelMiniMap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_fit.isEmpty()) {
        m_map->resize(size()); // the layout does the same right after; fit to the new size now
        m_map->fitTo(m_fit, 15);
    }
}

void ParcelMiniMap::clear()
{
    m_waybill.clear();
    m_fit.clear();
    m_point.reset();
    m_map->setParcels({});
    m_map->setRoute({}, {});
    m_map->setCouriers({});
    m_map->setSelectedParcel(QString());
}

} // namespace pd
