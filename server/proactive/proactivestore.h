#pragma once

#include "server/storage/database.h"

#include "models/domain/entities.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd::server {

/// @brief 16 hex digits of SHA-256 over @p text: the stable ids of cases and notices, and recipient tokens.
[[nodiscard]] QString shortHash(const QString &text);

/// @brief One exception found in a parcel's tracking (a row of proactive_cases).
struct ProactiveCaseRow
{
    QString id; ///< "pc-" and 16 hex digits over waybill, kind and cause instant: one row per exception
    QString waybillNo;
    QString kind; ///< exceptionKindCode()
    qint64 causeMs = 0;
    qint64 detectedMs = 0;
    QString stationId;
    QString route;
    QString incidentId;                     ///< empty while the exception is an individual case
    QString state = QStringLiteral("open"); ///< open, notified, dismissed, ticketed
    QString reason;                         ///< why it was dismissed
    QString ticketId;                       ///< the ticket it became
    QByteArray data;                        ///< compact JSON: evidence, action
    qint64 updatedMs = 0;
    QString updatedBy;
};

/// @brief One notice of the outbox (a row of notices). The recipient's phone is not stored here.
struct NoticeRow
{
    QString id; ///< "nt-" and 16 hex digits over parcel, cause and number: its idempotency key
    QString waybillNo;
    QString cause;      ///< the incident id, or "<waybill>:<exception kind>"
    QString incidentId; ///< may be empty
    QString caseId;     ///< may be empty
    QString language;   ///< zh_CN, zh_TW or en
    QString text;
    bool urgent = false;
    QString state = QStringLiteral("queued"); ///< queued, sending, sent, failed
    int attempts = 0;
    qint64 nextMs = 0; ///< when it is due (queued) or when its send lease ends (sending)
    qint64 sentMs = 0;
    int httpStatus = 0;
    QString lastError;
    QString providerId;
    qint64 createdMs = 0;
    QString createdBy;
};

/// @brief A page of the parcels under way as start-up reads them (ProactiveStore::underWayPage).
struct UnderWayPage
{
    qsizetype size = 0;                            ///< waybills in the page (fewer than asked: the last page)
    QString last;                                  ///< the page's last waybill: where the next page starts
    QList<Parcel> parcels;                         ///< the readable parcel records, in waybill order
    QHash<QString, QList<TrackingEvent>> tracking; ///< by waybill, each list in time order
};

/// @brief Notices of one incident or parcel, by state.
struct NoticeCounts
{
    int queued = 0;
    int sending = 0;
    int sent = 0;
    int failed = 0;
    [[nodiscard]] int total() const { return queued + sending + sent + failed; }
};

/**
 * @brief The proactive service's tables (schema 13): the policy, proactive cases, the parcels of each
 * incident, and the notification outbox. Every statement is prepared and bound.
 */
class ProactiveStore final
{
public:
    explicit ProactiveStore(Database &db)
        : m_db(db)
    {}
    [[nodiscard]] Database &db() { return m_db; }

    /// @brief The stored policy's JSON and version; nullopt when none was saved (the defaults apply).
    [[nodiscard]] std::optional<std::pair<QByteArray, qint64>> policy();
    void putPolicy(WriteTx &tx, const QByteArray &json, qint64 version, qint64 nowMs, const QString &by);

    /// @brief Inserts a case unless its id is stored; true when it was new.
    bool addCase(WriteTx &tx, const ProactiveCaseRow &row);
    /// @brief Inserts the cases whose ids are not stored (a few statements for all); returns how many.
    int addCases(WriteTx &tx, const QList<ProactiveCaseRow> &rows);
    /// @brief Updates state, reason, ticket, incident and the update stamp of a stored case.
    void updateCase(WriteTx &tx, const ProactiveCaseRow &row);
    [[nodiscard]] std::optional<ProactiveCaseRow> caseById(const QString &id);
    /// @brief Cases by state (empty = all) and incident (empty = any; "-" = none), newest first.
    [[nodiscard]] QList<ProactiveCaseRow> cases(const QString &state, const QString &incidentId, int limit);
    /// @brief Puts the individual cases of @p waybills with one of @p kinds whose cause lies in
    /// [@p fromMs, @p toMs) into an incident.
    void linkCases(WriteTx &tx, const QString &incidentId, const QStringList &waybills,
                   const QStringList &kinds, qint64 fromMs, qint64 toMs);

    /// @brief Adds parcels to an incident (those already in it are kept); returns how many were new.
    int addIncidentParcels(WriteTx &tx, const QString &incidentId, const QStringList &waybills, qint64 nowMs);
    [[nodiscard]] QStringList incidentParcels(const QString &incidentId);
    /// @brief The incidents holding @p waybill, newest first.
    [[nodiscard]] QStringList incidentsOf(const QString &waybill);

    /**
     * @brief One page of the parcels under way (the map's index parcel_geo holds exactly those): the first
     * @p limit waybills after @p after in order, with their parcel records and stored scans (docs and the
     * scans table). Three statements a page, prepared once, each reading one table by its index for the
     * page's waybills, so start-up reads a million parcels in a few thousand statements, not two per parcel.
     */
    [[nodiscard]] UnderWayPage underWayPage(const QString &after, int limit);

    /// @brief Queues a notice unless its id is stored; true when it was new.
    bool enqueue(WriteTx &tx, const NoticeRow &row);
    /// @brief Queued notices due at @p nowMs and sending ones whose lease ended, oldest first.
    [[nodiscard]] QList<NoticeRow> due(qint64 nowMs, int limit);
    /// @brief Takes a notice for sending until @p leaseUntilMs; false when another sender took it first.
    bool claim(WriteTx &tx, const NoticeRow &row, qint64 nowMs, qint64 leaseUntilMs);
    /// @brief Stores the outcome fields of a notice (state, attempts, next, sent, status, error, provider).
    void updateNotice(WriteTx &tx, const NoticeRow &row);
    [[nodiscard]] std::optional<NoticeRow> notice(const QString &id);
    /// @brief Notices of an incident, or of a parcel when @p incidentId is empty.
    [[nodiscard]] QList<NoticeRow> notices(const QString &incidentId, const QString &waybill, int limit);
    [[nodiscard]] NoticeCounts noticeCounts(const QString &incidentId);
    /// @brief Marks the open cases a sent notice answered: the parcel's cases of the incident, or the case.
    void markNotified(WriteTx &tx, const QString &waybill, const QString &incidentId, const QString &caseId,
                      qint64 nowMs);
    /// @brief The earliest next_ms of a queued notice; 0 when none.
    [[nodiscard]] qint64 nextDueMs();

private:
    Database &m_db;
};

} // namespace pd::server
