#include "incidentrepository.h"

#include "database.h"
#include "sqllists.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace pd {

namespace {
std::optional<IncidentRecord> readIncident(const QSqlQuery &q)
{
    return IncidentRecord::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
}
} // namespace

bool IncidentRepository::upsert(const QList<IncidentRecord> &incidents, QString *error)
{
    return sql::bulkWrite(
        m_db,
        "INSERT INTO incidents(id, state, window_start, version, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET state = excluded.state, window_start = excluded.window_start, "
        "version = excluded.version, data = excluded.data WHERE excluded.version >= incidents.version",
        incidents, error, [](QSqlQuery &q, const IncidentRecord &r) {
            q.bindValue(0, r.id);
            q.bindValue(1, r.state);
            q.bindValue(2, instantToIso(r.windowStart));
            q.bindValue(3, r.version);
            q.bindValue(4, QString::fromUtf8(QJsonDocument(r.json).toJson(QJsonDocument::Compact)));
        });
}

std::optional<IncidentRecord> IncidentRepository::byId(const QString &id) const
{
    const QList<std::optional<IncidentRecord>> rows = sql::readList<std::optional<IncidentRecord>>(
        m_db, "SELECT data FROM incidents WHERE id = ?", readIncident, {id});
    return rows.isEmpty() ? std::nullopt : rows.first();
}

QList<IncidentRecord> IncidentRepository::list(const QString &state, int limit) const
{
    const QList<std::optional<IncidentRecord>> rows =
        state.isEmpty()
            ? sql::readList<std::optional<IncidentRecord>>(
                  m_db, "SELECT data FROM incidents ORDER BY window_start DESC, id LIMIT ?", readIncident,
                  {limit})
            : sql::readList<std::optional<IncidentRecord>>(
                  m_db, "SELECT data FROM incidents WHERE state = ? ORDER BY window_start DESC, id LIMIT ?",
                  readIncident, {state, limit});
    QList<IncidentRecord> out;
    for (const auto &r : rows) {
        if (r)
            out.append(*r);
    }
    return out;
}

} // namespace pd
