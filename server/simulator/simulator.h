#pragma once

#include "democity.h"

#include "server/api/ticketservice.h"
#include "server/importer/trackingingest.h"
#include "server/live/positionservice.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServerSim)

namespace pd::server {

/**
 * @brief Keeps the demo alive: couriers drive around their stations, parcels advance, customers complain.
 *
 * Runs once per real second against the server clock (which may be accelerated with --speed). Couriers move
 * at about 25 km/h of server time towards a random stop near their station and report positions through
 * PositionService; parcels still under way take their next tracking step when due; new complaints arrive on
 * average every kComplaintEveryMs of server time, through TicketService like any other ticket.
 */
class Simulator final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kComplaintEveryMs = 4 * 60 * 1000;

    Simulator(DocumentStore &docs, TicketService &tickets, PositionService &positions, const Clock &clock,
              quint32 seed, QObject *parent = nullptr);

    void start();
    /// @brief One step (also called by tests).
    void tick();
    /// @brief Told of the parcels and scans each step wrote, after it committed.
    void setObserver(TrackingObserver observer) { m_observer = std::move(observer); }

private:
    struct Mover
    {
        QString id;
        GeoPoint station;
        GeoPoint at;
        GeoPoint target;
    };
    void moveCouriers(qint64 elapsedMs);
    void advanceParcels(int count);
    void advanceParcelsTx(int count);
    void openComplaint();
    /// The customer of a recent complaint calls again (催单): mostly a chase-up call on that ticket,
    /// sometimes a new complaint through the app about the same waybill (which the server flags as a likely
    /// duplicate).
    bool repeatComplaint();

    DocumentStore &m_docs;
    TicketService &m_tickets;
    PositionService &m_positions;
    const Clock &m_clock;
    DemoCity m_city;
    QList<Mover> m_movers;
    QStringList m_openParcels;
    /// The simulator's last complaints (ticket id, waybill, phone), for repeats.
    struct Recent
    {
        QString ticketId;
        QString waybill;
        QString phone;
        QString team;
    };
    QList<Recent> m_recent;
    qint64 m_lastTickMs = 0;
    double m_complaintDebt = 0;
    double m_parcelDebt = 0;
    int m_failedTicks = 0;
    QTimer m_timer;
    TrackingObserver m_observer;

    Q_DISABLE_COPY_MOVE(Simulator)
};

} // namespace pd::server
