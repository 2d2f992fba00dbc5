#pragma once

#include "democity.h"

#include "server/auth/authservice.h"
#include "server/storage/documentstore.h"
#include "server/storage/userstore.h"

#include <QCoreApplication>

namespace pd::server {

/**
 * @brief Fills an empty database with six weeks of a believable operation in 杭州.
 *
 * 12 stations, 96 couriers, about 20,000 parcels with tracking histories (about 15% late, a few damaged,
 * lost or returned), about 1,600 complaints in the mix of docs/domain.md (delay ≈ 45%, damage + loss ≈ 30%,
 * the rest service attitude, wrong items, other) with replies, calls, pending periods, resolutions, follow-up
 * scores and the sla_breach events the SLA engine finds, and the demo users. Everything goes in one
 * transaction through one prepared statement, so seeding takes a few seconds.
 */
class DemoSeeder final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::DemoSeeder)
public:
    static constexpr int kParcels = 20000;
    static constexpr int kDays = 42;

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
    /// @brief Seeds everything as of nowMs; returns a one-line summary for people.
    QString seed(qint64 nowMs);
    /// @brief The demo logins and their password, printed at start-up (demo mode only).
    [[nodiscard]] static QString credentialsBanner();

    /// @brief Demo team and user ids (stable, so tests and docs can name them).
    static const QStringList &agentIds();

private:
    void markSeeded(WriteTx &tx);
    void seedDirectory(WriteTx &tx, qint64 now);
    void seedParcel(WriteTx &tx, int n, qint64 now);
    void seedTicket(WriteTx &tx, const Parcel &p, Category category, qint64 at, qint64 now);
    void putJson(WriteTx &tx, const QString &type, const QString &id, const QJsonObject &json,
                 qint64 updatedMs, const QString &teamId = {}, const QString &parent = {},
                 const QString &status = {});

    DocumentStore &m_docs;
    UserStore &m_users;
    AuthService &m_auth;
    DemoCity m_city;
    QStringList m_couriers;
    int m_tickets = 0;
    int m_events = 0;
    int m_tracking = 0;
    int m_ticketNumber = 0;
};

} // namespace pd::server
