#pragma once

#include "democity.h"

#include "server/api/ticketservice.h"
#include "server/importer/trackingingest.h"
#include "server/live/positionservice.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServerSim)

namespace pd::server {

/**
 * @brief How the simulated customers of parcels with a proactive exception behave (docs/server.md,
 * "Demo"). These are parameters of the simulation, stated here, not measurements: the demo's effect figures
 * show what they were set to.
 */
struct ExceptionCustomers
{
    static constexpr double kDefaultNoticeEffect = 0.4;

    /// A customer whose parcel has an exception complains with this probability…
    double complaintChance = 0.2;
    /// …times (1 − this) when a notice was sent to them before they would have called (--demo-notice-effect;
    /// industry texts credit proactive notice with cutting dissatisfaction by 40 % or more).
    double noticeEffect = kDefaultNoticeEffect;
    /// The customer decides this long after the detection, uniformly between the two.
    qint64 minDelayMs = 30LL * 60 * 1000;
    qint64 maxDelayMs = 6LL * 3600 * 1000;
    /// Only exceptions whose cause is at most this old when detected have a customer who reacts: a parcel
    /// found stuck for a week at the first start of a demo is not news to its customer.
    qint64 maxCauseAgeMs = 24LL * 3600 * 1000;
};

/**
 * @brief Keeps the demo alive: couriers drive around their stations, parcels advance, customers complain.
 *
 * Runs once per real second against the server clock (which may be accelerated with --speed). Couriers move
 * at about 25 km/h of server time towards a random stop near their station and report positions through
 * PositionService; parcels still under way take their next tracking step when due; new complaints arrive on
 * average every kComplaintEveryMs of server time, through TicketService like any other ticket.
 *
 * The customers of parcels with a proactive exception (table proactive_cases) whose cause is recent decide
 * between ExceptionCustomers::minDelayMs and maxDelayMs after the detection whether to complain: with
 * complaintChance, or complaintChance × (1 − noticeEffect) when a notice was sent to them by then (table
 * notices, state 'sent'). Their draws come from a generator of their own per parcel, seeded from the demo
 * seed and the waybill: the same seed gives the same customers whatever the order, and the simulator's other
 * draws (and so the rest of the demo) do not move.
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
    /// @brief The parameters of the customers of parcels with an exception.
    void setExceptionCustomers(const ExceptionCustomers &customers) { m_exceptionCustomers = customers; }
    [[nodiscard]] const ExceptionCustomers &exceptionCustomers() const { return m_exceptionCustomers; }
    /**
     * @brief The draw in [0, 1) that decides whether the customer of @p waybill complains about its
     * exception: they do when it is below the chance that applies to them. Depends only on @p seed and
     * @p waybill.
     */
    [[nodiscard]] static double customerDraw(quint32 seed, const QString &waybill);

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
    /// The customers of parcels with an exception: new exceptions are read, due decisions taken.
    void customersOfExceptions(qint64 now);
    /// Reads the exceptions detected since the last read; each parcel's customer is scheduled once.
    void readExceptions(qint64 now);
    /// A customer of a parcel with an exception, waiting to decide.
    struct ExceptionCustomer
    {
        QString waybill;
        qint64 detectedMs = 0;
        QString kind;
        qint64 decidesAt = 0;
    };
    /// The customer of @p c decides now whether to complain.
    void decide(const ExceptionCustomer &c, qint64 now);

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
    quint32 m_seed;
    ExceptionCustomers m_exceptionCustomers;
    QList<ExceptionCustomer> m_waiting;
    QHash<QString, qint64> m_exceptionsSeen; ///< waybill → first detection, of those read
    qint64 m_exceptionsFrom = 0;             ///< the next read takes detections from here on
    qint64 m_exceptionsReadAt = 0;           ///< 0: never
    QTimer m_timer;
    TrackingObserver m_observer;

    Q_DISABLE_COPY_MOVE(Simulator)
};

} // namespace pd::server
