#pragma once

#include "democity.h"
#include "demovolume.h"

#include "server/auth/authservice.h"
#include "server/storage/documentstore.h"
#include "server/storage/userstore.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace pd::server {

/**
 * @brief Fills an empty database with six weeks of a believable operation in 杭州.
 *
 * 12 stations, 96 couriers and the city's parcel volume as aggregates (DemoVolume: about 80,000 deliveries a
 * day); detailed parcels with tracking histories only where a console needs them: about 1,500 complaints in
 * the mix of docs/domain.md (delay ≈ 45%, damage + loss ≈ 30%, the rest service attitude, wrong items, other)
 * with their parcels, replies, calls, pending periods, resolutions, follow-up scores and the sla_breach
 * events the SLA engine finds; the exceptions of the last days; a live sample of parcels under way for the
 * map; and the demo users. Everything goes in one transaction, so seeding takes a few seconds.
 */
class DemoSeeder final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::DemoSeeder)
public:
    static constexpr int kDays = 42;
    /// Detailed parcels: with a complaint (about 4% of their complaints fall after now and are not made),
    /// with an exception scan in the last days, and under way now.
    static constexpr int kComplaintParcels = 1560;
    static constexpr int kExceptionParcels = 600;
    static constexpr int kLiveParcels = 1500;

    DemoSeeder(DocumentStore &docs, UserStore &users, AuthService &auth, quint32 seed);

    /// @brief Whether --demo may use a database.
    enum class Fit
    {
        Empty,  ///< nothing in it: seed it
        Demo,   ///< seeded by --demo (marked in meta "demo_seed")
        Foreign ///< anything else: refused (the simulator would rewrite its parcels)
    };
    /**
     * @brief Empty, Demo or Foreign. A database seeded by an older version (no mark) is taken as Demo only
     * when its users are exactly the demo users and admin's password is "demo"; it is marked then.
     */
    [[nodiscard]] Fit check();
    /// @brief True when the database holds no users yet.
    [[nodiscard]] bool needsSeeding();
    /// @brief Why --demo refuses @p dbUrl (for people).
    [[nodiscard]] static QString refusal(const QString &dbUrl);
    /**
     * @brief With false, the volume aggregates count only the detailed parcels (--demo-volume parcels: tests
     * compare them with the parcels); by default they hold the city's volume.
     */
    void setCityVolume(bool on) { m_cityVolume = on; }
    /// @brief Seeds everything as of nowMs; returns a one-line summary for people.
    QString seed(qint64 nowMs);
    /// @brief The demo logins and their password, printed at start-up (demo mode only).
    [[nodiscard]] static QString credentialsBanner();

    /// @brief Demo team and user ids (stable, so tests and docs can name them).
    static const QStringList &agentIds();

private:
    void markSeeded(WriteTx &tx);
    void seedDirectory(WriteTx &tx, qint64 now);
    /// @brief What happens to one detailed parcel.
    struct ParcelPlan
    {
        int source = 0; ///< DemoVolume::sources() index: station and courier
        qint64 created = 0;
        bool late = false;
        bool lost = false;
        bool damaged = false;
        bool returned = false;
        QString exception; ///< reason of an exception scan ("address", "refused", "damaged", "lost") or empty
        std::optional<Category> complaint;
    };
    [[nodiscard]] ParcelPlan complaintPlan(qint64 now);
    [[nodiscard]] ParcelPlan exceptionPlan(qint64 now);
    [[nodiscard]] ParcelPlan livePlan(qint64 now);
    /// @brief One scan of a parcel's planned route.
    struct Step
    {
        ParcelStatus status;
        qint64 at;
        QString place;
        GeoPoint point;
        QString reason{}; ///< exception scans
    };
    [[nodiscard]] QList<Step> route(const ParcelPlan &plan, const Parcel &p, const DemoCity::Place &origin,
                                    const DemoCity::Place &station);
    void seedParcel(WriteTx &tx, int n, const ParcelPlan &plan, qint64 now);
    /// @brief When the complaint about a parcel is made (may be after now: then none is made).
    [[nodiscard]] qint64 complaintAt(const Parcel &p, Category category, qint64 created);
    void seedTicket(WriteTx &tx, const Parcel &p, Category category, qint64 at, qint64 now);
    /// @brief A demo ticket being written: the ticket, its events so far, the agent who works it.
    struct TicketStory;
    [[nodiscard]] TicketStory openTicket(const Parcel &p, Category category, qint64 at);
    [[nodiscard]] qint64 firstResponse(TicketStory &s, Category category, qint64 at, qint64 firstAt,
                                       qint64 now);
    void resolve(TicketStory &s, const Parcel &p, Category category, qint64 at, qint64 resolveAt, qint64 now);
    static void recordBreaches(TicketStory &s, qint64 now);
    void putJson(WriteTx &tx, const QString &type, const QString &id, const QJsonObject &json,
                 qint64 updatedMs, const QString &teamId = {}, const QString &parent = {},
                 const QString &status = {});

    DocumentStore &m_docs;
    UserStore &m_users;
    AuthService &m_auth;
    DemoCity m_city;
    std::unique_ptr<DemoVolume> m_volume;
    bool m_cityVolume = true;
    QStringList m_couriers;
    int m_tickets = 0;
    int m_events = 0;
    int m_tracking = 0;
    int m_parcels = 0;
    qint64 m_delivered = 0;
    int m_ticketNumber = 0;
};

} // namespace pd::server
