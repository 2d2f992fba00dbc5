#pragma once

#include "models/kpi/kpifactcache.h"
#include "models/kpi/kpitypes.h"
#include "models/kpi/regulatorfigures.h"
#include "models/sla/policy.h"

#include <QObject>
#include <QTimeZone>

#include <memory>

namespace pd {

class Database;

/**
 * @brief Runs the dashboard's queries on its own thread with its own connection to the cache.
 *
 * Lives in a worker QThread (moveToThread). The connection is opened on the first run, on that thread
 * (a Database belongs to the thread that opened it), and closed when the worker is destroyed there. The
 * tickets' KPI facts stay in memory between runs (KpiFactCache): a refresh reads only what changed. They are
 * kept in a file next to the cache after a full read and when the page closes, so the next session's first
 * read is a refresh too.
 */
class DashboardWorker final : public QObject
{
    Q_OBJECT
public:
    DashboardWorker(QString databasePath, QTimeZone companyZone);
    ~DashboardWorker() override;

public Q_SLOTS:
    /// @brief Reads everything for @p filter at @p now; answers with finished() (or failed()) and @p ticket.
    void run(const pd::KpiFilter &filter, qint64 now, const pd::SlaPolicy &policy, quint64 ticket);
    /// @brief Keeps the facts for the next session if they changed, then closes the connection (call on the
    /// worker's thread before it ends).
    void close();

public:
    /// @brief Where the facts are kept between sessions: next to the cache file.
    [[nodiscard]] static QString factsFile(const QString &databasePath);

Q_SIGNALS:
    void finished(const pd::DashboardData &data, quint64 ticket);
    /// @brief The regulator's appeal figures of the same period and team, right after finished().
    void regulatorFinished(const pd::RegulatorFigures &figures, quint64 ticket);
    void failed(const QString &message, quint64 ticket);

private:
    void keepFacts();

    QString m_path;
    QTimeZone m_zone;
    std::unique_ptr<Database> m_db;
    KpiFactCache m_cache;
    qint64 m_savedSeq = -1; ///< the seq of the facts in the file
};

} // namespace pd
