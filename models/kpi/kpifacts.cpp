#include "kpifacts.h"

#include "models/store/database.h"
#include "sqlreader.h"

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pd {

namespace {

/// Enum value of a stored code without a QString per row; @p fallback for an unknown code.
template<typename E>
E codeValue(std::string_view code, E fallback)
{
    static const std::vector<QByteArray> codes = [] {
        std::vector<QByteArray> out;
        for (const QString &c : allCodes<E>())
            out.push_back(c.toUtf8());
        return out;
    }();
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (std::size_t(codes[i].size()) == code.size() &&
            std::memcmp(codes[i].constData(), code.data(), code.size()) == 0)
            return E(i);
    }
    return fallback;
}

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// " AND team_id = ?n AND category = ?m" for the filters that are set; binds follow from bindFilters().
QByteArray filterSql(const char *prefix, const QString &teamId, std::optional<Category> category, int first)
{
    QByteArray sql;
    int i = first;
    if (!teamId.isEmpty())
        sql += " AND " + QByteArray(prefix) + "team_id = ?" + QByteArray::number(i++);
    if (category)
        sql += " AND " + QByteArray(prefix) + "category = ?" + QByteArray::number(i++);
    return sql;
}

void bindFilters(SqlReader &r, const QString &teamId, std::optional<Category> category, int first)
{
    int i = first;
    if (!teamId.isEmpty())
        r.bind(i++, teamId);
    if (category)
        r.bind(i++, toCode(*category));
}

/// Share of the tickets created at or after @p since, assuming an even spread between the oldest and the
/// newest (1 without the created_at index of schema 4: then every read is a scan anyway).
double windowShare(const Database &db, qint64 since)
{
    SqlReader index(db.handle(),
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'tickets_created'");
    if (!index.ok() || !index.next())
        return 1.0;
    SqlReader r(db.handle(), "SELECT min(created_at), max(created_at) FROM tickets");
    if (!r.ok() || !r.next() || r.instant(0) == kNoInstant)
        return 0.0;
    const qint64 oldest = r.integer(0);
    const qint64 newest = r.integer(1);
    if (since <= oldest)
        return 1.0;
    return newest > oldest ? double(std::max<qint64>(0, newest - since)) / double(newest - oldest) : 0.0;
}

constexpr const char *kFactColumns =
    "SELECT pk, created_at, first_response_at, coalesce(resolved_at, closed_at), "
    "follow_up_done_at, csat, nps, category, priority, status, assignee_id, "
    "team_id FROM complaint_tickets ";

/// Interns ids into one of KpiFacts' string tables without a QString per row.
class Interner final
{
public:
    explicit Interner(QStringList &table)
        : m_table(table)
    {
        for (qsizetype i = 0; i < table.size(); ++i)
            m_ids.emplace(table.at(i).toStdString(), qint32(i));
    }
    qint32 id(std::string_view text)
    {
        if (text.empty())
            return -1;
        auto it = m_ids.find(text);
        if (it == m_ids.end()) {
            it = m_ids.emplace(std::string(text), qint32(m_table.size())).first;
            m_table.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
        }
        return it->second;
    }

private:
    QStringList &m_table;
    std::unordered_map<std::string, qint32, StringHash, std::equal_to<>> m_ids;
};

/// Reads every row of @p r (kFactColumns) into @p out; false with @p error on a database error.
bool readFacts(SqlReader &r, KpiFacts &tables, std::vector<TicketFact> &out, QString *error)
{
    Interner assignees(tables.assignees);
    Interner teams(tables.teams);
    while (r.next()) {
        TicketFact f;
        f.pk = r.integer(0);
        f.created = r.integer(1);
        f.firstResponse = r.instant(2);
        f.resolved = r.instant(3);
        f.followUpDone = r.instant(4);
        const qint64 csat = r.instant(5);
        f.csat = csat == kNoInstant ? qint8(-1) : qint8(csat);
        const qint64 nps = r.instant(6);
        f.nps = nps == kNoInstant ? qint8(-1) : qint8(nps);
        f.category = codeValue(r.text(7), Category::Other);
        f.priority = codeValue(r.text(8), Priority::P3);
        f.status = codeValue(r.text(9), TicketStatus::New);
        f.assignee = assignees.id(r.text(10));
        f.team = teams.id(r.text(11));
        out.push_back(f);
    }
    if (r.failed()) {
        if (error)
            *error = r.error();
        return false;
    }
    return true;
}

/// "?1, ?2, …" for @p n binds.
QByteArray placeholders(std::size_t n)
{
    QByteArray out;
    for (std::size_t i = 1; i <= n; ++i)
        out += (i > 1 ? ", ?" : "?") + QByteArray::number(qulonglong(i));
    return out;
}

/// Binds in one IN list at most (SQLite's default limit is 32,766 variables).
constexpr std::size_t kPksPerStatement = 500;

constexpr const char *kEventColumns =
    "SELECT t.pk, coalesce(t.resolved_at, t.closed_at), e.kind, e.at, json_extract(e.data, '$.from'), "
    "json_extract(e.data, '$.to') FROM complaint_tickets t JOIN ticket_events e ON e.ticket_id = t.id ";
constexpr const char *kEventKinds = "e.kind IN ('reply', 'call', 'status_change')";
constexpr const char *kEventOrder = " ORDER BY t.pk, e.at";

/// Folds the timeline rows of @p r (ordered by ticket pk, then time) into @p out.
bool readEvents(SqlReader &r, QHash<qint64, TicketEventFacts> &out, QString *error)
{
    qint64 pk = -1;
    TicketEventFacts *cur = nullptr;
    qint64 pendingSince = kNoInstant;
    qint64 resolvedAt = 0;
    const auto closePending = [&](qint64 until) {
        if (cur && pendingSince != kNoInstant) {
            const qint64 end = std::min(until, resolvedAt);
            if (end > pendingSince)
                cur->pendingMs += end - pendingSince;
        }
        pendingSince = kNoInstant;
    };
    while (r.next()) {
        const qint64 rowPk = r.integer(0);
        if (rowPk != pk) {
            closePending(resolvedAt);
            pk = rowPk;
            cur = &out[pk];
            resolvedAt = r.integer(1);
        }
        const std::string_view kind = r.text(2);
        const qint64 at = r.integer(3);
        if (kind == "reply" || kind == "call") {
            if (at <= resolvedAt)
                ++cur->interactions;
            continue;
        }
        const std::string_view from = r.text(4);
        const std::string_view to = r.text(5);
        if (to == "reopened" || ((from == "resolved" || from == "closed") && to == "open"))
            cur->reopened = true;
        if (to == "pending" && pendingSince == kNoInstant)
            pendingSince = at;
        else if (from == "pending" && to != "pending")
            closePending(at);
    }
    closePending(resolvedAt);
    if (r.failed()) {
        if (error)
            *error = r.error();
        return false;
    }
    return true;
}

} // namespace

std::optional<KpiFacts> KpiFacts::load(const Database &db, std::optional<qint64> since, const QString &teamId,
                                       std::optional<Category> category, QString *error)
{
    // A window holding most of the table reads faster as one scan than through three indexes and a rowid
    // lookup per row (measured in bench/kpi: 4x less CPU); "+column" keeps SQLite off the indexes.
    const bool scan = since && windowShare(db, *since) > 0.25;
    const QByteArray where =
        !since ? QByteArray("WHERE status IN ('new', 'open', 'pending', 'reopened') AND ?1 IS NULL")
        : scan ? QByteArray("WHERE (+created_at >= ?1 OR +resolved_at >= ?1 "
                            "OR +status IN ('new', 'open', 'pending', 'reopened'))")
               : QByteArray("WHERE (created_at >= ?1 OR resolved_at >= ?1 "
                            "OR status IN ('new', 'open', 'pending', 'reopened'))");
    const QByteArray sql = kFactColumns + where + filterSql("", teamId, category, 2);
    SqlReader r(db.handle(), sql);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    if (since)
        r.bind(1, *since);
    bindFilters(r, teamId, category, 2);

    KpiFacts facts;
    if (!readFacts(r, facts, facts.rows, error))
        return std::nullopt;
    return facts;
}

std::optional<std::vector<TicketFact>> KpiFacts::loadPks(const Database &db, const std::vector<qint64> &pks,
                                                         KpiFacts &into, QString *error)
{
    std::vector<TicketFact> out;
    for (std::size_t first = 0; first < pks.size(); first += kPksPerStatement) {
        const std::size_t n = std::min(kPksPerStatement, pks.size() - first);
        SqlReader r(db.handle(), kFactColumns + ("WHERE pk IN (" + placeholders(n) + ")"));
        if (!r.ok()) {
            if (error)
                *error = r.error();
            return std::nullopt;
        }
        for (std::size_t i = 0; i < n; ++i)
            r.bind(int(i + 1), pks[first + i]);
        if (!readFacts(r, into, out, error))
            return std::nullopt;
    }
    std::sort(out.begin(), out.end(), [](const TicketFact &a, const TicketFact &b) { return a.pk < b.pk; });
    return out;
}

KpiFacts KpiFacts::filtered(const QString &teamId, std::optional<Category> category) const
{
    KpiFacts out;
    out.assignees = assignees;
    out.teams = teams;
    const qint32 team = teamId.isEmpty() ? -1 : qint32(teams.indexOf(teamId));
    if (!teamId.isEmpty() && team < 0)
        return out; // no ticket of that team
    for (const TicketFact &f : rows) {
        if ((teamId.isEmpty() || f.team == team) && (!category || f.category == *category))
            out.rows.push_back(f);
    }
    return out;
}

std::optional<QHash<qint64, TicketEventFacts>> KpiFacts::loadEvents(const Database &db, qint64 since,
                                                                    const QString &teamId,
                                                                    std::optional<Category> category,
                                                                    QString *error)
{
    SqlReader r(db.handle(), kEventColumns + QByteArray("WHERE t.resolved_at >= ?1 AND ") + kEventKinds +
                                 filterSql("t.", teamId, category, 2) + kEventOrder);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    r.bind(1, since);
    bindFilters(r, teamId, category, 2);
    QHash<qint64, TicketEventFacts> out;
    if (!readEvents(r, out, error))
        return std::nullopt;
    return out;
}

std::optional<QHash<qint64, TicketEventFacts>>
KpiFacts::loadEventsOf(const Database &db, const std::vector<qint64> &pks, QString *error)
{
    QHash<qint64, TicketEventFacts> out;
    for (std::size_t first = 0; first < pks.size(); first += kPksPerStatement) {
        const std::size_t n = std::min(kPksPerStatement, pks.size() - first);
        SqlReader r(db.handle(), kEventColumns + ("WHERE t.pk IN (" + placeholders(n) + ") AND ") +
                                     kEventKinds + kEventOrder);
        if (!r.ok()) {
            if (error)
                *error = r.error();
            return std::nullopt;
        }
        for (std::size_t i = 0; i < n; ++i)
            r.bind(int(i + 1), pks[first + i]);
        if (!readEvents(r, out, error))
            return std::nullopt;
    }
    return out;
}

QHash<QString, QString> KpiFacts::loadUserNames(const Database &db)
{
    QHash<QString, QString> out;
    SqlReader r(db.handle(), "SELECT id, display_name FROM users");
    while (r.ok() && r.next()) {
        const std::string_view id = r.text(0);
        const std::string_view name = r.text(1);
        out.insert(QString::fromUtf8(id.data(), qsizetype(id.size())),
                   QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
    return out;
}

std::optional<ParcelFacts> ParcelFacts::load(const Database &db, qint64 from, qint64 to, QString *error)
{
    // From the server's volume aggregates (whole company-time days), never from parcel rows: a console holds
    // only the parcels its tickets need.
    SqlReader r(db.handle(), "SELECT total(delivered), total(delivered_on_time) FROM parcel_volume "
                             "WHERE day_start >= ?1 AND day_start < ?2");
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    r.bind(1, from);
    r.bind(2, to);
    ParcelFacts p;
    if (r.next()) {
        p.delivered = r.integer(0);
        p.onTime = r.integer(1);
    }
    if (r.failed()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return p;
}

} // namespace pd
