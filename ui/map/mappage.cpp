#include "mappage.h"

#include "mapitems.h"
#include "mapview.h"
#include "models/domain/clock.h"
#include "models/store/parcelrepository.h"
#include "parcelcard.h"
#include "tilelayer.h"
#include "ui/common/language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    bar->addStretch(1);
    bar->addWidget(m_message);
    bar->addWidget(m_count);

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

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::returnPressed, this, &MapPage::search);
    connect(go, &QPushButton::clicked, this, &MapPage::search);
    connect(m_complaintsOnly, &QCheckBox::toggled, this, &MapPage::applyFilters);
    connect(m_lateOnly, &QCheckBox::toggled, this, &MapPage::applyFilters);
    connect(m_station, &QComboBox::currentIndexChanged, this, &MapPage::applyFilters);
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
        if (!m_tiles)
            m_map->setAttribution(tr("© Natural Earth (public domain), world-atlas"));
        if (!first)
            reload->start(); // tooltips, the station list, the count and the card in the new language
        first = false;
    });
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
    for (const Station &s : directory.stations()) {
        m_station->addItem(s.name.isEmpty() ? s.id : s.name, s.id);
        if (s.position)
            stations << map::stationItem(s);
    }
    m_station->setCurrentIndex(std::max(0, m_station->findData(currentStation)));
    m_map->setStations(stations);
    applyFilters();
    if (!m_card->waybill().isEmpty())
        select(m_card->waybill(), false);
}

void MapPage::applyFilters()
{
    const Instant t = now();
    const bool complaints = m_complaintsOnly->isChecked();
    const bool late = m_lateOnly->isChecked();
    const QString station = m_station->currentData().toString();
    QList<map::MapItem> items;
    items.reserve(m_all.size());
    for (const geo::MapParcel &p : std::as_const(m_all)) {
        if ((complaints && p.openTickets == 0) || (late && !p.isLate(t)) ||
            (!station.isEmpty() && p.stationId != station))
            continue;
        items << map::parcelItem(p, t, m_zone);
    }
    m_shown = int(items.size());
    m_map->setParcels(items);
    m_count->setText(tr("%Ln parcel(s) on the map", nullptr, m_shown));
}

void MapPage::search()
{
    const QString waybill = m_search->text().trimmed();
    if (waybill.isEmpty())
        return;
    if (!centreOnParcel(waybill))
        m_message->setText(tr("Waybill not found on the map"));
}

bool MapPage::centreOnParcel(const QString &parcelId)
{
    const bool known = std::any_of(m_all.cbegin(), m_all.cend(),
                                   [&](const geo::MapParcel &p) { return p.waybillNo == parcelId; });
    if (!known && !m_queries.parcel(parcelId))
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
    const std::optional<geo::MapParcel> parcel =
        waybillNo.isEmpty() ? std::nullopt : m_queries.parcel(waybillNo);
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
