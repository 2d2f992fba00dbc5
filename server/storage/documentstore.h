#pragma once

#include "customeraccess.h"
#include "database.h"
#include "geoindex.h"
#include "scanstore.h"
#include "volumestore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace pd::server {

/// @brief The record types of the change feed (the "type" of an item in GET /changes).
namespace DocType {
inline const QString Ticket = QStringLiteral("ticket");
inline const QString TicketEvent = QStringLiteral("ticket_event");
inline const QString Parcel = QStringLiteral("parcel");
inline const QString TrackingEvent = QStringLiteral("tracking_event");
inline const QString Courier = QStringLiteral("courier");
inline const QString Station = QStringLiteral("station");
inline const QString User = QStringLiteral("user");
inline const QString Team = QStringLiteral("team");
inline const QString SlaPolicy = QStringLiteral("sla_policy");
/// Volume aggregates of one company-time day, station and courier (VolumeStore); every role reads them.
inline const QString ParcelVolume = QStringLiteral("parcel_volume");
/// A file on a ticket (docs/attachments.md): parent = ticket id, team_id = the ticket's team, status = the
/// SHA-256 of the stored content. Follows its ticket through the feed exactly like a ticket_event.
inline const QString Attachment = QStringLiteral("attachment");
/// Stored only: a ticket that left a team (id "<ticket id>|<old team>", team_id the old team). Served to
/// that team's agents as a deleted "ticket" with "reason":"withdrawn"; never to readers of every team.
inline const QString TicketWithdrawn = QStringLiteral("ticket_withdrawn");
} // namespace DocType

/// @brief Whose change feed is read: every team's (supervisors, managers, admins) or one team's (agents).
struct FeedScope
{
    bool allTeams = true;
    QString teamId; ///< agents: their team (empty: no tickets); supervisors: the team they see in full
    bool supervisor = false; ///< every team's tickets, the customer data of teamId's in full

    /**
     * @brief The scope part of a cursor: "all", "s-<team id>" (supervisors: whose customer data they get) or
     * "t-<team id>" (agents).
     */
    [[nodiscard]] QString code() const
    {
        if (!allTeams)
            return QStringLiteral("t-") + teamId;
        return supervisor ? QStringLiteral("s-") + teamId : QStringLiteral("all");
    }
};

/// @brief One stored record: its JSON and the columns used for routing, visibility and the feed.
struct Doc
{
    QString type;
    QString id;
    qint64 seq = 0;
    qint64 version = 0;
    bool deleted = false;
    QString teamId; ///< tickets and their events: the owning team (visibility of agents)
    QString parent; ///< tickets and tracking events: waybill; ticket events: ticket id
    QString status;
    qint64 updatedMs = 0;
    QByteArray data; ///< compact JSON object; as served to the reader when read with a CustomerAccess
    // Initialized here so that the aggregate initializations of the other fields stay warning-free.
    QByteArray masked{}; ///< the masked copy (CustomerData), empty when nothing in data needs masking
    QString holder{};    ///< tickets: the assignee (who may see its customer data)
    qint64 purgeMs = 0;  ///< closed tickets still holding customer data: closed_at (retention); else 0
};

/// @brief One page of the change feed.
struct ChangesPage
{
    QList<Doc> items;
    qint64 nextCursor = 0;
    bool hasMore = false;
    qint64 remaining =
        0; ///< records after this page up to the snapshot (all types and teams: an upper bound)
};

/**
 * @brief Reads and writes records and serves the change feed.
 *
 * Every write gives the record a new sequence number from its WriteTx, so "seq > cursor, ordered by seq" is
 * the list of records changed after the cursor; a record changed twice appears once, at its latest state.
 */
class DocumentStore final
{
public:
    explicit DocumentStore(Database &db)
        : m_db(db)
        , m_volume(db, *this)
        , m_geo(db)
        , m_scans(db)
    {}

    [[nodiscard]] std::optional<Doc> get(const QString &type, const QString &id);
    /// @brief The record with data as @p reader may see it (full or masked).
    [[nodiscard]] std::optional<Doc> get(const QString &type, const QString &id,
                                         const CustomerAccess &reader);
    [[nodiscard]] QList<Doc> byParent(const QString &type, const QString &parent, int limit = 100000);
    /// @brief As byParent, with data as @p reader may see it.
    [[nodiscard]] QList<Doc> byParent(const QString &type, const QString &parent,
                                      const CustomerAccess &reader, int limit = 100000);
    /// @brief Every record of @p type under @p parent, tombstones included (retention and erasure).
    [[nodiscard]] QList<Doc> children(const QString &type, const QString &parent);
    /// @brief Records of @p type whose stored JSON contains @p text (a LIKE scan; erasure only).
    [[nodiscard]] QList<Doc> containing(const QString &type, const QString &text);
    [[nodiscard]] QList<Doc> byStatus(const QString &type, const QStringList &statuses);
    [[nodiscard]] QList<Doc> all(const QString &type, int limit = 1000000);

    /// @brief Inserts or replaces a record; sets doc.seq from the transaction and the masked copy, holder and
    /// purge time from doc.data (CustomerData::derive). A parcel, or a picked_up or exception scan, updates
    /// the volume aggregates in the same transaction (VolumeStore::parcelChanged).
    void put(WriteTx &tx, Doc &doc);
    /**
     * @brief Inserts or replaces many records in few statements (bulk ingest): as put() for each, but the
     * volume aggregates are the caller's (VolumeStore::applyShares) and a parcel or tracking event enters the
     * feed when its waybill is in @p referenced (see referencedAmong). A tracking event whose waybill is not
     * in @p referenced goes to the scans table instead (ScanStore, no seq) and leaves @p docs. Ids must be
     * unique within @p docs.
     */
    void putMany(WriteTx &tx, QList<Doc> &docs, const QSet<QString> &referenced);
    /**
     * @brief Writes the tracking events among @p scans that are not stored yet (in docs or the scans table)
     * and returns their ids. Those whose waybill is in @p referenced become records of the feed (putMany);
     * the others go to the scans table, whose unique index tells which are new, so the bulk of a batch needs
     * no look-up first. Ids must be unique within @p scans, and each must carry its masked copy
     * (CustomerData::derive).
     */
    [[nodiscard]] QSet<QString> putNewScans(WriteTx &tx, QList<Doc> scans, const QSet<QString> &referenced);
    /// @brief The records of @p type with these ids (absent ones left out), tombstones included.
    [[nodiscard]] QHash<QString, Doc> getMany(const QString &type, const QStringList &ids);
    /// @brief The ids among @p ids of stored records of @p type (tombstones included).
    [[nodiscard]] QSet<QString> existing(const QString &type, const QStringList &ids);
    /// @brief The waybills among @p waybills that a live ticket names.
    [[nodiscard]] QSet<QString> referencedAmong(const QStringList &waybills);
    /// @brief Gives one record a new seq (same version): readers pull it again, e.g. when who may see its
    /// customer data changed. False when there is no such record.
    bool restamp(WriteTx &tx, const QString &type, const QString &id);
    /**
     * @brief Gives a new seq to the records about a ticket: its events that have a masked copy (with
     * @p events), and the parcels @p waybills with their tracking events — all of them, since the feed serves
     * a parcel only to readers of a ticket about it, and a ticket that starts being about one (created, its
     * waybill or team changed) must bring it to its readers. Returns how many.
     */
    int restampAbout(WriteTx &tx, const QString &ticketId, const QStringList &waybills, bool events);
    /**
     * @brief Gives every record of @p type whose parent is @p parent a new seq (in their current seq order),
     * the team @p teamId, and, with @p tombstone, marks them deleted with version + 1. Returns how many.
     */
    int restampChildren(WriteTx &tx, const QString &type, const QString &parent, const QString &teamId,
                        bool tombstone);
    /// @brief Removes a record outright (only for records whose meaning a later record supersedes).
    void remove(WriteTx &tx, const QString &type, const QString &id);

    /**
     * @brief Records with seq in (after, upTo], in seq order; upTo is read first (see docs/api.md).
     * @param scope an agent's scope leaves out tickets and ticket events of other teams and the withdrawals
     * of other teams; every scope leaves out withdrawals for readers of every team.
     * @param reader whose view of customer data is served (full or masked data per record).
     */
    [[nodiscard]] ChangesPage changes(qint64 after, int limit, const FeedScope &scope,
                                      const CustomerAccess &reader);
    [[nodiscard]] qint64 maxSeq();

    /// @brief A stored response of an earlier request with the same key by the same user.
    struct StoredResponse
    {
        QString userId;
        int status = 0;
        QByteArray body;
    };
    /// @brief The response stored under a key (by whichever user), if any.
    [[nodiscard]] std::optional<StoredResponse> idempotentResponse(const QString &key);
    void storeIdempotentResponse(WriteTx &tx, const QString &key, const QString &userId, int status,
                                 const QByteArray &body, qint64 nowMs);
    /// @brief Deletes stored responses created before @p beforeMs (they hold customer data); returns how
    /// many.
    int pruneIdempotency(WriteTx &tx, qint64 beforeMs);

    /// @brief Appends to the audit log (who changed what).
    void audit(WriteTx &tx, qint64 atMs, const QString &userId, const QString &action,
               const QString &targetType, const QString &targetId, const QString &detail = {});

    [[nodiscard]] Database &db() { return m_db; }
    [[nodiscard]] VolumeStore &volume() { return m_volume; }
    /// @brief The map's index of parcels under way; put(), putMany() and remove() keep it.
    [[nodiscard]] GeoIndex &geo() { return m_geo; }
    /// @brief The scans of parcels no live ticket names (tracking events outside docs and the feed).
    [[nodiscard]] ScanStore &scans() { return m_scans; }

    /// @brief Whether a live ticket names @p waybill (its parcel and tracking are in the change feed).
    [[nodiscard]] bool isReferenced(const QString &waybill);

    /// @brief One row of the column list below (ScanStore reads its rows as docs rows).
    [[nodiscard]] static Doc read(const QSqlQuery &q);
    /// @brief The column list of read(), with data as @p reader sees it; binds appended.
    [[nodiscard]] static QString columns(const CustomerAccess &reader, QVariantList &binds);

private:
    /// @brief The feed column of a record put: 0 for a parcel or tracking event no live ticket names.
    [[nodiscard]] bool inFeed(const Doc &doc);
    /// @brief Sets feed = 1 on the parcel @p waybill and its tracking events, and moves its scans from the
    /// scans table into docs with new seqs (a live ticket names it).
    void enterFeed(WriteTx &tx, const QString &waybill);
    /// @brief Writes the tracking events of @p docs whose waybill is not in @p referenced to the scans table
    /// and removes them from @p docs.
    void putScans(QList<Doc> &docs, const QSet<QString> &referenced);

    Database &m_db;
    VolumeStore m_volume;
    GeoIndex m_geo;
    ScanStore m_scans;
};

} // namespace pd::server
