#include "mappage.h"

#include "mapitems.h"
#include "maplegend.h"
#include "mapview.h"
#include "models/domain/clock.h"
#include "models/geo/mercator.h"
#include "models/store/directoryrepository.h"
#include "models/store/parcelrepository.h"
#include "parcelcard.h"
#include "sync/api/parcelsapi.h"
#include "tilelayer.h"
#include "ui/common/language.h"
#include "ui/common/serverlink.h"
#include "viewportloader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

MapPage::MapPage(const Database &db, const QTimeZone &companyZone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_zone(companyZone)
    , m_queries(db)
    , m_ownClock(std::make_unique<SystemClock>())
    , m_clock(m_ownClock.get())
    , m_map(new map::MapView(this))
    , m_card(new map::ParcelCard(companyZone, this))
    , m_search(new QLineEdit(this))
    , m_complaintsOnly(new QCheckBox(this))
    , m_lateOnly(new QCheckBox(this))
    , m_station(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_areaNote(new QLabel(this))
    , m_loader(new map::ViewportLoader(this))
    , m_viewTimer(new QTimer(this))
{
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("mapSearch"));
    auto *go = new QPushButton(this);
    auto *stationLabel = new QLabel(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 2);
    bar->addWidget(go);
    bar->addSpacing(12);
    bar->addWidget(m_complaintsOnly);
    bar->addWidget(m_lateOnly);
    bar->addWidget(stationLabel);
    bar->addWidget(m_station, 1);
    addIncidentControls(bar);
    bar->addStretch(1);
    bar->addWidget(m_message);
    bar->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_areaNote);
    layout->addWidget(buildMapAndSide(), 1);

    // The server's parcels for the area in view, asked for once the view rests (a drag moves it often).
    m_viewTimer->setSingleShot(true);
    m_viewTimer->setInterval(250);
    connect(m_viewTimer, &QTimer::timeout, this, &MapPage::requestViewport);
    connect(m_map, &map::MapView::viewChanged, m_viewTimer, qOverload<>(&QTimer::start));
    connect(m_loader, &map::ViewportLoader::answered, this, &MapPage::viewportAnswered);

    connect(m_search, &QLineEdit::returnPressed, this, &MapPage::search);
    connect(go, &QPushButton::clicked, this, &MapPage::search);
    for (auto *box : {m_complaintsOnly, m_lateOnly}) {
        connect(box, &QCheckBox::toggled, this, &MapPage::applyFilters);
        connect(box, &QCheckBox::toggled, this, &MapPage::requestViewport);
    }
    connect(m_station, &QComboBox::currentIndexChanged, this, &MapPage::applyFilters);
    connect(m_station, &QComboBox::currentIndexChanged, this, &MapPage::requestViewport);
    connect(m_map, &map::MapView::parcelClicked, this, [this](const QString &w) { select(w, false); });
    connect(m_card, &map::ParcelCard::openTicketRequested, this, &MapPage::openTicketRequested);
    connect(m_card, &map::ParcelCard::closed, this, [this] { select(QString(), false); });
    reloadFromCache();
    // Qt delivers a language change several times (once per translator swapped): read the cache once.
    auto *reload = new QTimer(this);
    reload->setSingleShot(true);
    connect(reload, &QTimer::timeout, this, &MapPage::reloadFromCache);
    Language::follow(this, [this, go, stationLabel, reload, first = true]() mutable {
        m_complaintsOnly->setText(tr("With open complaints"));
        m_lateOnly->setText(tr("Late only"));
        m_search->setPlaceholderText(tr("Waybill number"));
        go->setText(tr("Find"));
        stationLabel->setText(tr("Station"));
        m_showIncidents->setText(tr("Incidents"));
        m_openIncident->setText(tr("Open incident"));
        if (!m_tiles)
            m_map->setAttribution(tr("© Natural Earth (public domain), world-atlas"));
        if (!first)
            reload->start(); // tooltips, the station list, the count and the card in the new language
        first = false;
        updateAreaNote();
    });
}

QWidget *MapPage::buildMapAndSide()
{
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_card, 1);
    sideLayout->addStretch();
    sideLayout->addWidget(new map::MapLegend(side));
    side->setMinimumWidth(240);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_map);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setCollapsible(0, false);

    m_areaNote->setObjectName(QStringLiteral("mapAreaNote"));
    m_areaNote->setWordWrap(true);
    m_areaNote->hide();
    return splitter;
}

MapPage::~MapPage() = default;

void MapPage::setClock(const Clock *clock)
{
    m_clock = clock ? clock : m_ownClock.get();
    applyFilters();
}

Instant MapPage::now() const
{
    return m_clock ? m_clock->nowMs() : m_ownClock->nowMs();
}

void MapPage::setTileSource(const map::TileSourceSettings &settings)
{
    delete m_tiles;
    m_tiles = settings.isEmpty() ? nullptr : new map::TileLayer(settings, this);
    m_map->setTileLayer(m_tiles);
    if (!m_tiles) {
        m_map->setDatum(geo::Datum::Wgs84);
        m_map->setAttribution(tr("© Natural Earth (public domain), world-atlas"));
    }
}

void MapPage::setServerLink(ServerLink *link)
{
    m_link = link;
    m_loader->setServerLink(link);
    requestViewport();
}

void MapPage::reloadFromCache()
{
    m_all = m_queries.parcels();
    const DirectoryRepository directory(m_db);
    m_couriers.clear();
    QList<map::MapItem> couriers;
    for (const Courier &c : directory.couriers()) {
        m_couriers.insert(c.id, c);
        if (c.position)
            couriers << map::courierItem(c, m_zone);
    }
    m_map->setCouriers(couriers);

    const QString currentStation = m_station->currentData().toString();
    const QSignalBlocker block(m_station);
    m_station->clear();
    m_station->addItem(tr("All stations"), QString());
    QList<map::MapItem> stations;
    m_stationsById.clear();
    for (const Station &s : directory.stations()) {
        m_station->addItem(s.name.isEmpty() ? s.id : s.name, s.id);
        m_stationsById.insert(s.id, s);
        if (s.position)
            stations << map::stationItem(s);
    }
    m_station->setCurrentIndex(std::max(0, m_station->findData(currentStation)));
    m_map->setStations(stations);
    if (!m_fitted) {
        // The first view: the company's stations (its city), else the parcels of the cache.
        QList<GeoPoint> points;
        for (const map::MapItem &s : std::as_const(stations))
            points << s.position;
        for (qsizetype i = 0; points.isEmpty() && i < m_all.size(); ++i)
            points << m_all.at(i).point;
        if (!points.isEmpty()) {
            m_map->fitTo(points, 12);
            m_fitted = true;
        }
    }
    applyFilters();
    reloadIncidents();
    applyHighlights();
    if (!m_card->waybill().isEmpty())
        select(m_card->waybill(), false);
}

void MapPage::applyFilters()
{
    const Instant t = now();
    const bool complaints = m_complaintsOnly->isChecked();
    const bool late = m_lateOnly->isChecked();
    const QString station = m_station->currentData().toString();
    // The server's clusters count every parcel under way in the area, the cache's among them.
    const bool serverCounts = !complaints && m_remote && m_remote->clustered && m_map->isClustering();
    QList<map::MapItem> items;
    QSet<QString> cached;
    items.reserve(m_all.size());
    for (const geo::MapParcel &p : std::as_const(m_all)) {
        if ((complaints && p.openTickets == 0) || (late && !p.isLate(t)) ||
            (!station.isEmpty() && p.stationId != station))
            continue;
        const bool underWay = p.status != ParcelStatus::Delivered && p.status != ParcelStatus::Returned;
        if (serverCounts && underWay && m_remote->covers(p.point))
            continue; // counted in the server's clusters
        items << map::parcelItem(p, t, m_zone);
        cached.insert(p.waybillNo);
    }
    if (!complaints)
        addServerItems(items, cached, t);
    m_shown = 0;
    for (const map::MapItem &item : std::as_const(items))
        m_shown += item.count;
    m_map->setParcels(items);
    m_count->setText(tr("%Ln parcel(s) on the map", nullptr, m_shown));
}

void MapPage::addServerItems(QList<map::MapItem> &items, const QSet<QString> &cached, Instant t) const
{
    if (!m_remote)
        return;
    if (m_remote->clustered) {
        if (!m_map->isClustering())
            return; // zoomed in past the answer: the next one lists parcels
        for (const geo::ServerCluster &c : m_remote->clusters) {
            map::MapItem item;
            item.id = QStringLiteral("cluster:%1,%2").arg(c.point.lat).arg(c.point.lon);
            item.position = c.point;
            item.count = std::max(1, c.count);
            item.tooltip = tr("%Ln parcel(s) under way here", nullptr, c.count);
            items << item;
        }
        return;
    }
    for (const geo::MapParcel &p : m_remote->parcels) {
        if (!cached.contains(p.waybillNo))
            items << map::parcelItem(p, t, m_zone);
    }
}

void MapPage::requestViewport()
{
    m_viewTimer->stop();
    if (m_complaintsOnly->isChecked()) {
        // Open complaints are this console's tickets: all in the cache.
        emitLiveViewport();
        m_loader->cancel();
        m_remote.reset();
        m_remoteOffline = false;
        updateAreaNote();
        return;
    }
    const geo::Viewport &view = m_map->viewport();
    m_loader->load(geo::ViewportRequest::covering(view.worldRect(), view.zoom(),
                                                  m_station->currentData().toString(),
                                                  m_lateOnly->isChecked()),
                   now());
    emitLiveViewport();
}

void MapPage::emitLiveViewport()
{
    if (!isVisible())
        return;
    const QRectF w = m_map->viewport().worldRect();
    const GeoPoint nw = geo::unproject(w.topLeft());
    const GeoPoint se = geo::unproject(w.bottomRight());
    if (nw.lon >= se.lon || se.lat >= nw.lat)
        return; // not laid out yet, or across the date line
    Q_EMIT liveViewportChanged(QJsonArray{nw.lon, se.lat, se.lon, nw.lat});
}

void MapPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    emitLiveViewport();
}

void MapPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    Q_EMIT liveViewportChanged(QJsonValue::Null);
}

void MapPage::viewportAnswered(const std::optional<geo::ServerViewport> &answer, bool offline)
{
    m_remote = answer;
    m_remoteOffline = offline;
    applyFilters();
    updateAreaNote();
}

QString MapPage::areaNote() const
{
    return m_areaNote->isHidden() ? QString() : m_areaNote->text();
}

QString MapPage::searchMessage() const
{
    return m_message->text();
}

void MapPage::updateAreaNote()
{
    QString note;
    if (m_complaintsOnly->isChecked()) {
        note.clear();
    } else if (m_remoteOffline && m_remote) {
        note = tr("Offline: the parcels in this area are shown as loaded at %1; they may have moved since.")
                   .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_remote->loadedAt, m_zone).time(),
                                           QLocale::ShortFormat));
    } else if (m_remoteOffline) {
        note = tr("Offline: the parcels in this area were never loaded, so only the parcels of your tickets "
                  "are shown. The others appear when the server can be reached.");
    } else if (m_remote && m_remote->truncated) {
        note = tr("More parcels are in this area than the map lists at once: zoom in to see them all.");
    }
    m_areaNote->setText(note);
    m_areaNote->setVisible(!note.isEmpty());
}

void MapPage::search()
{
    const QString waybill = m_search->text().trimmed();
    if (waybill.isEmpty())
        return;
    if (!centreOnParcel(waybill))
        lookUpOnServer(waybill);
}

void MapPage::lookUpOnServer(const QString &waybill)
{
    if (!m_link || !m_link->hasClient()) {
        m_message->setText(tr("Not in the local cache, and the server cannot be reached to look it up"));
        return;
    }
    m_message->setText(tr("Looking the waybill up on the server…"));
    m_link->call([waybill](ApiClient *c) { return ParcelsApi(c).get(waybill); }, this,
                 [this, waybill](const ApiResult &r) {
                     if (m_search->text().trimmed() != waybill)
                         return; // another search meanwhile
                     const auto p = r.ok() ? Parcel::fromJson(r.object()) : std::nullopt;
                     if (r.status == 404 || (p && !p->position && !p->destination)) {
                         m_message->setText(tr("Waybill not found on the map"));
                         return;
                     }
                     if (!p) {
                         m_message->setText(
                             tr("Not in the local cache, and the server cannot be reached to look it up"));
                         return;
                     }
                     geo::MapParcel m;
                     m.waybillNo = p->waybillNo;
                     m.status = p->status;
                     m.atDestination = !p->position;
                     m.point = p->position ? *p->position : *p->destination;
                     m.pointAt = p->positionAt;
                     m.destination = p->destination;
                     m.promisedAt = p->promisedAt;
                     m.deliveredAt = p->deliveredAt;
                     m.courierId = p->courierId;
                     m.stationId = p->stationId;
                     m_lookedUp.insert(m.waybillNo, m); // kept for this session
                     centreOnParcel(m.waybillNo);
                 });
}

bool MapPage::centreOnParcel(const QString &parcelId)
{
    const bool known = std::any_of(m_all.cbegin(), m_all.cend(),
                                   [&](const geo::MapParcel &p) { return p.waybillNo == parcelId; });
    if (!known && !m_queries.parcel(parcelId) && !m_lookedUp.contains(parcelId))
        return false;
    m_message->clear();
    select(parcelId, true);
    return true;
}

bool MapPage::centreOnTicket(const QString &ticketIdOrNumber)
{
    const QString waybill = m_queries.waybillOfTicket(ticketIdOrNumber);
    return !waybill.isEmpty() && centreOnParcel(waybill);
}

void MapPage::select(const QString &waybillNo, bool fly)
{
    std::optional<geo::MapParcel> parcel = waybillNo.isEmpty() ? std::nullopt : m_queries.parcel(waybillNo);
    if (!parcel && m_lookedUp.contains(waybillNo))
        parcel = m_lookedUp.value(waybillNo);
    if (!parcel && m_remote && !waybillNo.isEmpty()) {
        const auto it = std::find_if(m_remote->parcels.cbegin(), m_remote->parcels.cend(),
                                     [&](const geo::MapParcel &p) { return p.waybillNo == waybillNo; });
        if (it != m_remote->parcels.cend())
            parcel = *it;
    }
    if (!parcel) {
        m_card->clear();
        m_map->setSelectedParcel(QString());
        m_map->setRoute({}, {});
        Q_EMIT parcelSelected(QString());
        return;
    }
    const QList<TrackingEvent> events = ParcelRepository(m_db).tracking(waybillNo);
    m_map->setRoute(map::routeOf(events, *parcel), map::trackItems(events, m_zone));
    m_map->setSelectedParcel(waybillNo);
    // A parcel filtered out (or delivered without complaint) is still shown while selected.
    if (std::none_of(m_all.cbegin(), m_all.cend(),
                     [&](const geo::MapParcel &p) { return p.waybillNo == waybillNo; })) {
        m_all.append(*parcel);
        applyFilters();
    }
    const Courier courier = m_couriers.value(parcel->courierId);
    const Instant t = now();
    m_card->show(*parcel, parcel->isLate(t), geo::estimateEta(*parcel, courier.position, t),
                 courier.name.isEmpty() ? parcel->courierId : courier.name, m_queries.ticketsOf(waybillNo));
    if (fly)
        m_map->flyTo(parcel->point, std::max(m_map->viewport().zoom(), 15.0));
    Q_EMIT parcelSelected(waybillNo);
}

void MapPage::applyCourierPositions(const QList<CourierPosition> &positions)
{
    for (const CourierPosition &p : positions) {
        auto it = m_couriers.find(p.courierId);
        if (it != m_couriers.end()) {
            it->position = p.position;
            it->lastSeen = p.at;
        }
    }
    m_map->applyCourierPositions(positions);
}

void MapPage::couriersMoved(const QStringList &courierIds)
{
    const auto positions = m_queries.courierPositions(courierIds);
    applyCourierPositions(positions.values());
}

} // namespace pd
