#pragma once

#include "proactivestore.h"

#include "server/storage/documentstore.h"

#include "models/domain/clock.h"
#include "models/proactive/exceptiondetector.h"
#include "models/proactive/incidentgrouper.h"
#include "models/proactive/proactivepolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace pd::server {

/// @brief The document type of an incident in the change feed: every console receives incidents.
inline const QString kIncidentDocType = QStringLiteral("incident");

/**
 * @brief Exception detection on the server (docs/proactive.md, "On the server"): tracking as it is written
 * (POST /tracking, the CSV import of a running server, the demo's simulator) goes through the
 * ExceptionDetector; what it finds becomes a proactive case (table proactive_cases, once per exception), and
 * causes shared by enough parcels become incidents (documents of type "incident" in the change feed, their
 * parcels in incident_parcels). A timer runs the stall and promise checks when the next one is due.
 *
 * The detector's state lives in memory: at start load() reads the parcels under way (the map's index holds
 * exactly those) with their scans, in pages of waybills (a few statements per page, not per parcel), so a
 * restart finds what it would have found running; cases and incidents already stored are not stored twice
 * (their ids are deterministic).
 */
class ProactiveService final : public QObject
{
    Q_OBJECT
public:
    ProactiveService(DocumentStore &docs, ProactiveStore &store, Clock &clock, QObject *parent = nullptr);

    /// @brief The stored policy, or the defaults.
    [[nodiscard]] static ProactivePolicy storedPolicy(ProactiveStore &store);
    [[nodiscard]] const ProactivePolicy &policy() const { return m_detector.policy(); }
    void setPolicy(const ProactivePolicy &policy);

    /// @brief Reads the policy and the parcels under way; detections already stored are not repeated. Logs
    /// how many parcels it read and how long it took.
    void load();
    /// @brief Starts the timer of the stall and promise checks.
    void start();

    /// @brief Written parcels and tracking events (after their transaction committed).
    void observe(const QList<Parcel> &parcels, const QList<TrackingEvent> &events);
    /// @brief Runs the checks due now; returns how many exceptions were found.
    int checkDue();

    /// @brief The open incident a parcel belongs to (the newest); empty when none.
    [[nodiscard]] QString openIncidentOf(const QString &waybill);
    /// @brief An incident's record as served (GET /incidents/{id}); nullopt when unknown.
    [[nodiscard]] std::optional<QJsonObject> incident(const QString &id);
    /// @brief Stores a supervisor's change of an incident record (explanation, recovery, state).
    void putIncident(WriteTx &tx, QJsonObject record);

    /// @brief A tracked parcel's ETA now; nullopt when it is not tracked or has none.
    [[nodiscard]] OptInstant etaOf(const QString &waybill) const;

    /// @brief Exceptions found since start (for the health route and the bench).
    [[nodiscard]] qint64 detectedCount() const { return m_detected; }
    [[nodiscard]] qsizetype trackedCount() const { return m_detector.trackedCount(); }

    /// @brief "pc-" and 16 hex digits over the parcel, kind and cause instant.
    [[nodiscard]] static QString caseId(const DetectedException &e);

private:
    void persist(const QList<DetectedException> &found);
    [[nodiscard]] static ProactiveCaseRow caseRow(const DetectedException &e, const QString &incidentId);
    void storeIncident(WriteTx &tx, const Incident &incident, const QStringList &parcels);
    [[nodiscard]] QString placeName(const QString &dimension, const QString &key);
    void schedule();

    DocumentStore &m_docs;
    ProactiveStore &m_store;
    Clock &m_clock;
    ExceptionDetector m_detector;
    IncidentGrouper m_grouper;
    QTimer m_timer;
    qint64 m_detected = 0;
};

} // namespace pd::server
