#pragma once

#include "models/domain/entities.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>

namespace pd {

class Database;

namespace map {
class MapView;
}

/**
 * @brief A small map of one parcel for the ticket pane: where it is, its route and tracking points, its
 * courier and destination. Clicking the map emits openMapRequested() so the page can show the full map.
 * The parcel's marker stands where its newest tracking event says, as the pane's tracking list reads.
 */
class ParcelMiniMap final : public QWidget
{
    Q_OBJECT
public:
    ParcelMiniMap(const Database &db, const QTimeZone &companyZone, QWidget *parent = nullptr);

    [[nodiscard]] map::MapView *mapView() const { return m_map; }
    [[nodiscard]] QString waybill() const { return m_waybill; }
    /// @brief Where the parcel's marker is (nullopt when none is shown).
    [[nodiscard]] std::optional<GeoPoint> parcelPosition() const { return m_point; }
    QSize sizeHint() const override { return {320, 220}; }

public Q_SLOTS:
    /// @brief Shows the parcel with this waybill; false (and an empty map) when the cache has no point for
    /// it.
    bool showParcel(const QString &waybillNo);
    void clear();

Q_SIGNALS:
    void openMapRequested(const QString &waybillNo);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    const Database &m_db;
    QTimeZone m_zone;
    QString m_waybill;
    QList<GeoPoint> m_fit;
    std::optional<GeoPoint> m_point;
    map::MapView *m_map;
};

} // namespace pd
