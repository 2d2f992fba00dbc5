#pragma once

#include "server/storage/documentstore.h"

#include "models/domain/clock.h"
#include "models/proactive/proactivepolicy.h"
#include "models/proactive/trendalerts.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace pd::server {

/// The change feed's type of trend alerts (docs/api.md, "Trend alerts").
inline const QString kTrendAlertDocType = QStringLiteral("trend_alert");

/**
 * @brief Trend alerts on the server (docs/proactive.md, "Trend alerts"): the complaints of the history the
 * policy's baseline needs are counted into a TrendDetector at start; new complaints are read from the
 * documents in seq order when a ticket changes (after kDebounceMs) and every kIntervalMs; each evaluation's
 * changes (an alert opened, escalated or closed) become documents of type "trend_alert" in the change feed,
 * which every console receives.
 *
 * A restart keeps each alert's document: an alert still open when the server stopped goes on under its id
 * while the rise lasts, and closes at the first evaluation that no longer finds it. With several instances,
 * each evaluates the same complaints and writes the same ids (the id is a hash of the series and the window
 * that opened it), so their documents agree but for the instant of the last evaluation.
 */
class TrendService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 1000;
    static constexpr int kIntervalMs = 5 * 60 * 1000;

    using PolicySource = std::function<ProactivePolicy()>;
    TrendService(DocumentStore &docs, const Clock &clock, PolicySource policy, QObject *parent = nullptr);

    /// @brief Counts the complaints of the history held and takes the alerts left open by the last run.
    void load();
    /// @brief Evaluates now, then every kIntervalMs.
    void start();
    /// @brief A ticket was written: read the new complaints and evaluate after kDebounceMs.
    void ticketChanged();
    /// @brief Reads the new complaints, evaluates at the clock's now and stores what changed; returns it.
    QList<TrendAlert> evaluateNow();

    [[nodiscard]] QList<TrendAlert> openAlerts() const;
    [[nodiscard]] qsizetype complaintsCounted() const { return m_counted.size(); }

private:
    void applyPolicy();
    void readComplaints(qint64 afterSeq, qint64 updatedFrom);
    /// @p changes with the ids of the alerts stored before (one open document per series).
    void store(QList<TrendAlert> changes);
    void closeStale(QList<TrendAlert> &changes);
    void put(WriteTx &tx, const TrendAlert &alert);

    DocumentStore &m_docs;
    const Clock &m_clock;
    PolicySource m_policySource;
    TrendDetector m_detector;
    int m_policyVersion = 0;
    qint64 m_seq = 0;
    QSet<QString> m_counted; ///< ticket ids counted
    /// Alerts open in the documents, per series ("dimension|key"): their stored record.
    QHash<QString, TrendAlert> m_stored;
    bool m_evaluated = false; ///< since load(): the first evaluation closes what is no longer open
    QTimer m_timer;
    QTimer m_debounce;
};

} // namespace pd::server
