#include "dashboardworker.h"

#include "models/kpi/kpiqueries.h"
#include "models/store/database.h"

namespace pd {

DashboardWorker::DashboardWorker(QString databasePath, QTimeZone companyZone)
    : m_path(std::move(databasePath))
    , m_zone(std::move(companyZone))
{}

DashboardWorker::~DashboardWorker() = default;

void DashboardWorker::run(const KpiFilter &filter, qint64 now, const SlaPolicy &policy, quint64 ticket)
{
    if (!m_db) {
        QString error;
        m_db = Database::open(m_path, &error);
        if (!m_db) {
            Q_EMIT failed(error, ticket);
            return;
        }
    }
    const KpiQueries queries(*m_db, m_zone, policy);
    DashboardData data = queries.dashboard(filter, now, m_cache);
    if (!queries.lastError().isEmpty()) {
        Q_EMIT failed(queries.lastError(), ticket);
        return;
    }
    Q_EMIT finished(data, ticket);
}

void DashboardWorker::close()
{
    m_cache.clear();
    m_db.reset();
}

} // namespace pd
