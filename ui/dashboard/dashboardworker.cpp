#include "dashboardworker.h"

#include "models/kpi/kpiqueries.h"
#include "models/store/database.h"

#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
Q_LOGGING_CATEGORY(lcDashboard, "pd.dashboard")
}

DashboardWorker::DashboardWorker(QString databasePath, QTimeZone companyZone)
    : m_path(std::move(databasePath))
    , m_zone(std::move(companyZone))
{}

DashboardWorker::~DashboardWorker() = default;

QString DashboardWorker::factsFile(const QString &databasePath)
{
    return databasePath + u".kpifacts"_s;
}

void DashboardWorker::run(const KpiFilter &filter, qint64 now, const SlaPolicy &policy, quint64 ticket)
{
    if (!m_db) {
        QString error;
        m_db = Database::open(m_path, &error);
        if (!m_db) {
            Q_EMIT failed(error, ticket);
            return;
        }
        // The facts the last session kept: the first read takes only what changed since.
        if (QFile::exists(factsFile(m_path)) && !m_cache.load(factsFile(m_path), &error))
            qCInfo(lcDashboard) << "kept figures not used:" << error;
        m_savedSeq = m_cache.seq();
    }
    const KpiQueries queries(*m_db, m_zone, policy);
    DashboardData data = queries.dashboard(filter, now, m_cache);
    if (!queries.lastError().isEmpty()) {
        Q_EMIT failed(queries.lastError(), ticket);
        return;
    }
    Q_EMIT finished(data, ticket);
    // The appeals of the period: a handful of rows, read after the page has its main figures.
    if (const auto regulator =
            RegulatorQueries(*m_db, m_zone).figures(filter.from, filter.to, now, filter.teamId))
        Q_EMIT regulatorFinished(*regulator, ticket);
    if (m_cache.lastUpdate().fullRead)
        keepFacts(); // after the answer: the page does not wait for the file
}

void DashboardWorker::keepFacts()
{
    QString error;
    if (m_cache.save(factsFile(m_path), &error))
        m_savedSeq = m_cache.seq();
    else
        qCInfo(lcDashboard) << "could not keep the figures:" << error;
}

void DashboardWorker::close()
{
    if (m_db && m_cache.seq() != m_savedSeq)
        keepFacts();
    m_cache.clear();
    m_db.reset();
}

} // namespace pd
