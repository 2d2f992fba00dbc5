#pragma once

#include "models/domain/entities.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace pd {

class Clock;
class Database;
class ServerLink;

/**
 * @brief Under a workbench search that found no ticket: when the search is a waybill, its parcel — from the
 * local cache, or from the server when the cache does not hold it (ParcelLookup; a console holds only the
 * parcels of its tickets) — with "New ticket for this parcel", so a customer's first call about a parcel is
 * one click from its ticket. Offline it says the parcel could not be looked up. Hidden for any other search.
 */
class WaybillFinder final : public QWidget
{
    Q_OBJECT
public:
    WaybillFinder(const Database &db, const Clock &clock, QWidget *parent = nullptr);

    void setServerLink(ServerLink *link) { m_link = link; }
    /// @brief Looks @p search up when it is a waybill; hides otherwise.
    void lookUp(const QString &search);
    void clear();

    [[nodiscard]] QString waybill() const { return m_waybill; }
    [[nodiscard]] QLabel *info() const { return m_info; }
    [[nodiscard]] QPushButton *newTicketButton() const { return m_newTicket; }

Q_SIGNALS:
    /// @brief "New ticket for this parcel" (also for a waybill the server does not know yet).
    void newTicketRequested(const QString &waybill);

private:
    void showParcel(const Parcel &parcel, bool fromServer);

    const Database &m_db;
    const Clock &m_clock;
    ServerLink *m_link = nullptr;
    QString m_waybill;
    QLabel *m_info;
    QPushButton *m_newTicket;
};

} // namespace pd
