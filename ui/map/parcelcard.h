#pragma once

#include "models/geo/mapqueries.h"

#include <QFrame>
#include <QTimeZone>

class QLabel;
class QListWidget;
class QPushButton;

namespace pd::map {

/**
 * @brief The card of the parcel clicked on the map: waybill, status, promised time, ETA, courier and its
 * tickets, with a button that opens the chosen ticket in the workbench.
 */
class ParcelCard final : public QFrame
{
    Q_OBJECT
public:
    explicit ParcelCard(const QTimeZone &zone, QWidget *parent = nullptr);

    /// @brief Shows @p parcel; @p eta and @p courierName as the page computed them.
    void show(const geo::MapParcel &parcel, bool late, OptInstant eta, const QString &courierName,
              const QList<geo::MapTicket> &tickets);
    void clear();

    [[nodiscard]] QString waybill() const { return m_waybill; }
    [[nodiscard]] QListWidget *tickets() const { return m_tickets; }
    [[nodiscard]] QPushButton *openButton() const { return m_open; }
    [[nodiscard]] QString fieldText(const QString &name) const;
    /// @brief The label in front of the time row: "ETA" on the way, "Delivered" once delivered.
    [[nodiscard]] QString etaLabel() const;

Q_SIGNALS:
    void openTicketRequested(const QString &ticketId);
    void closed();

private:
    void openCurrent();

    QTimeZone m_zone;
    QString m_waybill;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_promised;
    QLabel *m_eta;
    QLabel *m_etaLabel = nullptr;
    bool m_delivered = false;
    QLabel *m_courier;
    QListWidget *m_tickets;
    QPushButton *m_open;
};

} // namespace pd::map
