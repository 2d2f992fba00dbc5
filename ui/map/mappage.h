#pragma once

#include "models/domain/entities.h"
#include "models/geo/mapqueries.h"
#include "models/geo/serverviewport.h"

#include <QHash>
#include <QJsonValue>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace pd {

class Clock;
class Database;
class ServerLink;

namespace map {
class MapView;
class ParcelCard;
class TileLayer;
class ViewportLoader;
struct MapItem;
struct TileSourceSettings;
} // namespace map

/**
 * @brief The live parcel map page of the main window.
 *
 * The map (map::MapView) with filters (parcels with open complaints, late only, by station), a waybill search
 * that flies to the parcel, and a card for the clicked parcel (waybill, status, promised time, ETA, courier,
 * its tickets) whose button emits openTicketRequested(). From the local cache: the parcels of this console's
 * tickets (under way or with an open complaint), couriers, stations and the selected parcel's tracking. From
 * the server (setServerLink), for the area in view: every other parcel under way — as counted clusters when
 * zoomed out, one by one from zoom 14 — and waybills searched that the cache does not hold. Offline, an area
 * seen before shows as it was loaded and an area never loaded says so (docs/map.md, "Parcels by viewport").
 * The cache's open incidents are a layer ("Incidents" in the filter bar): a ring around the station (a
 * route's incident: around the station named as its place, if any) with the parcel count; a click on it, or
 * choosing one in the bar's list and "Open incident", emits incidentRequested(). setHighlightedStations()
 * rings the stations of open trend alerts in red with the alert's words.
 *
 * Wiring: SyncEngine::couriersMoved → couriersMoved(); selecting a ticket in the workbench →
 * centreOnTicket() or centreOnParcel(); openTicketRequested → open the ticket; incidentRequested → open the
 * incident on the Proactive page; after a sync → reloadFromCache().
 */
class MapPage final : public QWidget
{
    Q_OBJECT
public:
    MapPage(const Database &db, const QTimeZone &companyZone, QWidget *parent = nullptr);
    ~MapPage() override;

    /// @brief The clock that decides "late" and the ETA (not owned); the system clock until set.
    void setClock(const Clock *clock);
    /// @brief Tiles under the markers; empty settings: the built-in offline basemap only.
    void setTileSource(const map::TileSourceSettings &settings);
    /// @brief The way to the server for the viewport's parcels and waybill look-ups (not owned); null: the
    /// cache only.
    void setServerLink(ServerLink *link);

    [[nodiscard]] map::MapView *mapView() const { return m_map; }
    [[nodiscard]] map::ParcelCard *card() const { return m_card; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QCheckBox *complaintsOnly() const { return m_complaintsOnly; }
    [[nodiscard]] QCheckBox *lateOnly() const { return m_lateOnly; }
    [[nodiscard]] QComboBox *stationFilter() const { return m_station; }
    /// @brief The "Incidents" layer toggle, the list of incidents on the map and its "Open incident" button.
    [[nodiscard]] QCheckBox *incidentsToggle() const { return m_showIncidents; }
    [[nodiscard]] QComboBox *incidentPicker() const { return m_incidentPick; }
    [[nodiscard]] QPushButton *openIncidentButton() const { return m_openIncident; }
    /// @brief Parcels on the map after the filters (cached ones and the server's, clusters counted in full).
    [[nodiscard]] int shownParcelCount() const { return m_shown; }
    /// @brief The note about the area in view (offline, not cached, more parcels than listed); empty: none.
    [[nodiscard]] QString areaNote() const;
    /// @brief The search's message ("not found", "looking it up…"); empty: none.
    [[nodiscard]] QString searchMessage() const;

public Q_SLOTS:
    /// @brief Selects the parcel (a waybill number), opens its card and flies to it; false when not on the
    /// map.
    bool centreOnParcel(const QString &parcelId);
    /// @brief centreOnParcel() for the parcel a ticket (id or number) is about.
    bool centreOnTicket(const QString &ticketIdOrNumber);
    /// @brief Moves couriers as the live feed reports them (repaints at most 10 times a second).
    void applyCourierPositions(const QList<pd::CourierPosition> &positions);
    /// @brief SyncEngine::couriersMoved: reads those couriers' positions from the cache and applies them.
    void couriersMoved(const QStringList &courierIds);
    /// @brief Reads parcels, couriers, stations and open incidents again (after a sync).
    void reloadFromCache();
    /// @brief Rings these stations in red with their label (e.g. "投诉激增 ×3.2": an open trend alert), over
    /// every other marker; an empty hash clears them. Stations without a position are left out.
    void setHighlightedStations(const QHash<QString, QString> &labelByStationId);

Q_SIGNALS:
    void openTicketRequested(const QString &ticketId);
    /// @brief The supervisor asked to open this incident (a click on its ring or count, or "Open incident").
    void incidentRequested(const QString &incidentId);
    /// @brief The selected parcel changed (empty: none).
    void parcelSelected(const QString &waybillNo);
    /// @brief The couriers to receive live (LiveFeed::setViewport): the area in view while the page is shown,
    /// null (every courier, for the pane's mini map) while it is hidden.
    void liveViewportChanged(const QJsonValue &bbox);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    /// @brief The map beside the card and legend (a splitter).
    [[nodiscard]] QWidget *buildMapAndSide();
    void applyFilters();
    void addServerItems(QList<map::MapItem> &items, const QSet<QString> &cached, Instant t) const;
    void requestViewport();
    void emitLiveViewport();
    void viewportAnswered(const std::optional<geo::ServerViewport> &answer, bool offline);
    void updateAreaNote();
    void search();
    void lookUpOnServer(const QString &waybill);
    void select(const QString &waybillNo, bool fly);
    /// @brief The incident toggle, list and button in the filter bar.
    void addIncidentControls(QHBoxLayout *bar);
    /// @brief The open incidents of the cache at their stations (mappage_incidents.cpp).
    void reloadIncidents();
    void applyIncidents();
    void chooseIncident(int index);
    void applyHighlights();
    [[nodiscard]] Instant now() const;

    const Database &m_db;
    QTimeZone m_zone;
    geo::MapQueries m_queries;
    std::unique_ptr<Clock> m_ownClock;
    QPointer<const Clock> m_clock;
    QList<geo::MapParcel> m_all;
    std::optional<geo::ServerViewport> m_remote; ///< the server's answer for the area in view
    bool m_remoteOffline = false;                ///< m_remote (or its absence) is the cache's, offline
    QHash<QString, geo::MapParcel> m_lookedUp;   ///< parcels the server found for a search
    bool m_fitted = false;                       ///< the first view was set
    QHash<QString, Courier> m_couriers;
    QHash<QString, Station> m_stationsById;
    QList<map::MapItem> m_incidentItems;       ///< open incidents placed at a station, biggest first
    QHash<QString, QString> m_highlightLabels; ///< station id → the alert's label
    int m_shown = 0;

    map::MapView *m_map;
    map::ParcelCard *m_card;
    map::TileLayer *m_tiles = nullptr;
    QLineEdit *m_search;
    QCheckBox *m_complaintsOnly;
    QCheckBox *m_lateOnly;
    QComboBox *m_station;
    QCheckBox *m_showIncidents = nullptr;
    QComboBox *m_incidentPick = nullptr;
    QPushButton *m_openIncident = nullptr;
    QLabel *m_count;
    QLabel *m_message;
    QLabel *m_areaNote;
    map::ViewportLoader *m_loader;
    QTimer *m_viewTimer;
    QPointer<ServerLink> m_link;
};

} // namespace pd
