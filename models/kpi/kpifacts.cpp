#include "kpifacts.h"

#include "models/store/database.h"

#include <sqlite3.h>

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pd {

namespace {

/// A prepared read statement on the raw handle (column reads without QVariant for the large scans).
class Reader final
{
public:
    Reader(sqlite3 *db, const QByteArray &sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            m_stmt = nullptr;
        }
    }
    ~Reader() { sqlite3_finalize(m_stmt); }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    [[nodiscard]] bool ok() const { return m_stmt != nullptr; }
    [[nodiscard]] const QString &error() const { return m_error; }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, const QString &v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    /// true: a row is ready; false: done or error (see failed()).
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    [[nodiscard]] qint64 integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
    [[nodiscard]] qint64 instant(int c) const
    {
        return sqlite3_column_type(m_stmt, c) == SQLITE_NULL ? kNoInstant : sqlite3_column_int64(m_stmt, c);
    }
    [[nodiscard]] std::string_view text(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

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

void bindFilters(Reader &r, const QString &teamId, std::optional<Category> category, int first)
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
    Reader index(db.handle(),
                 "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'tickets_created'");
    if (!index.ok() || !index.next())
        return 1.0;
    Reader r(db.handle(), "SELECT min(created_at), max(created_at) FROM tickets");
    if (!r.ok() || !r.next() || r.instant(0) == kNoInstant)
        return 0.0;
    const qint64 oldest = r.integer(0);
    const qint64 newest = r.integer(1);
    if (since <= oldest)
        return 1.0;
    return newest > oldest ? double(std::max<qint64>(0, newest - since)) / double(newest - oldest) : 0.0;
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
    const QByteArray sql = "SELECT pk, created_at, first_response_at, coalesce(resolved_at, closed_at), "
                           "follow_up_done_at, csat, "
                           "nps, category, priority, status, assignee_id FROM tickets " +
                           where + filterSql("", teamId, category, 2);
    Reader r(db.handle(), sql);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    if (since)
        r.bind(1, *since);
    bindFilters(r, teamId, category, 2);

    KpiFacts facts;
    std::unordered_map<std::string, qint32, StringHash, std::equal_to<>> assignees;
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
        const std::string_view assignee = r.text(10);
        if (!assignee.empty()) {
            auto it = assignees.find(assignee);
            if (it == assignees.end()) {
                it = assignees.emplace(std::string(assignee), qint32(facts.assignees.size())).first;
                facts.assignees.append(QString::fromUtf8(assignee.data(), qsizetype(assignee.size())));
            }
            f.assignee = it->second;
        }
        facts.rows.push_back(f);
    }
    if (r.failed()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return facts;
}

std::optional<QHash<qint64, TicketEventFacts>> KpiFacts::loadEvents(const Database &db, qint64 since,
                                                                    const QString &teamId,
                                                                    std::optional<Category> category,
                                                                    QString *error)
{
    const QByteArray sql =
        "SELECT t.pk, coalesce(t.resolved_at, t.closed_at), e.kind, e.at, json_extract(e.data, '$.from'), "
        "json_extract(e.data, '$.to') FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id "
        "WHERE t.resolved_at >= ?1 "
        "AND e.kind IN ('reply', 'call', 'status_change')" +
        filterSql("t.", teamId, category, 2) + " ORDER BY t.pk, e.at";
    Reader r(db.handle(), sql);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    r.bind(1, since);
    bindFilters(r, teamId, category, 2);

    QHash<qint64, TicketEventFacts> out;
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
        return std::nullopt;
    }
    return out;
}

QHash<QString, QString> KpiFacts::loadUserNames(const Database &db)
{
    QHash<QString, QString> out;
    Reader r(db.handle(), "SELECT id, display_name FROM users");
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
    Reader r(db.handle(), "SELECT count(*), total(promised_at IS NULL OR delivered_at <= promised_at) "
                          "FROM parcels WHERE delivered_at >= ?1 AND delivered_at < ?2");
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
