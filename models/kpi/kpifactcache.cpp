#include "kpifactcache.h"

#include "models/store/database.h"
#include "sqlreader.h"

#include <algorithm>

namespace pd {

namespace {

/// A read transaction: one snapshot of the cache for the log position and the rows read after it (WAL
/// readers do not block the sync's writer).
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(const Database &db)
        : m_db(db.handle())
    {
        m_active = execSql(m_db, "BEGIN DEFERRED", &m_error);
    }
    ~ReadSnapshot()
    {
        if (m_active)
            execSql(m_db, "COMMIT", nullptr);
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] const QString &error() const { return m_error; }

private:
    sqlite3 *m_db;
    bool m_active = false;
    QString m_error;
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

void KpiFactCache::clear()
{
    m_facts = {};
    m_events.clear();
    m_since.reset();
    m_seq = -1;
    m_cacheId.clear();
}

bool KpiFactCache::update(const Database &db, qint64 since, QString *error)
{
    const ReadSnapshot snapshot(db);
    if (!snapshot.isActive())
        return fail(error, snapshot.error());
    SqlReader log(db.handle(), "SELECT min(seq), max(seq) FROM ticket_changes");
    if (!log.ok() || !log.next())
        return fail(error, log.error());
    const qint64 oldest = log.instant(0);
    const qint64 newest = log.instant(1) == kNoInstant ? 0 : log.integer(1);
    const bool pruned = oldest != kNoInstant && oldest > m_seq + 1;
    // The facts held belong to this cache file only if they were read from it (a kept file may be older
    // than a cache rebuilt from the server, whose log can look the same).
    SqlReader identity(db.handle(), "SELECT value FROM sync_state WHERE key = 'cache_id'");
    if (!identity.ok())
        return fail(error, identity.error());
    const std::string_view id = identity.next() ? identity.text(0) : std::string_view();
    const QString cacheId = QString::fromUtf8(id.data(), qsizetype(id.size()));
    if (identity.failed())
        return fail(error, identity.error());
    const bool foreign = cacheId != m_cacheId;
    const auto done = [&]() {
        m_seq = newest;
        m_cacheId = cacheId;
        return true;
    };
    if (m_seq < 0 || !m_since || since < *m_since || newest < m_seq || pruned || foreign) {
        m_last = {true, 0};
        return readAll(db, since, error) && done();
    }
    m_last = {false, 0};
    if (newest == m_seq)
        return true;
    SqlReader changes(db.handle(), "SELECT DISTINCT pk FROM ticket_changes WHERE seq > ?1 ORDER BY pk");
    if (!changes.ok())
        return fail(error, changes.error());
    changes.bind(1, m_seq);
    std::vector<qint64> pks;
    while (changes.next())
        pks.push_back(changes.integer(0));
    if (changes.failed())
        return fail(error, changes.error());
    m_last.changedTickets = pks.size();
    if (pks.size() > kMaxChanges) {
        m_last.fullRead = true;
        if (!readAll(db, std::min(since, *m_since), error))
            return false;
    } else if (!readChanges(db, pks, error)) {
        return false;
    }
    return done();
}

bool KpiFactCache::readAll(const Database &db, qint64 since, QString *error)
{
    QString why;
    auto facts = KpiFacts::load(db, since, {}, std::nullopt, &why);
    auto events = facts ? KpiFacts::loadEvents(db, since, {}, std::nullopt, &why) : std::nullopt;
    if (!facts || !events)
        return fail(error, why);
    // A scan reads in pk order; the index path may not.
    if (!std::is_sorted(facts->rows.begin(), facts->rows.end(),
                        [](const TicketFact &a, const TicketFact &b) { return a.pk < b.pk; }))
        std::sort(facts->rows.begin(), facts->rows.end(),
                  [](const TicketFact &a, const TicketFact &b) { return a.pk < b.pk; });
    m_facts = std::move(*facts);
    m_events = std::move(*events);
    m_since = since;
    return true;
}

bool KpiFactCache::readChanges(const Database &db, const std::vector<qint64> &pks, QString *error)
{
    QString why;
    KpiFacts tables; // intern into copies: the facts held stay untouched if a read fails
    tables.assignees = m_facts.assignees;
    tables.teams = m_facts.teams;
    auto changed = KpiFacts::loadPks(db, pks, tables, &why);
    if (!changed)
        return fail(error, why);
    auto events = KpiFacts::loadEventsOf(db, pks, &why);
    if (!events)
        return fail(error, why);
    m_facts.assignees = std::move(tables.assignees);
    m_facts.teams = std::move(tables.teams);
    for (const qint64 pk : pks)
        m_events.remove(pk);
    for (auto it = events->cbegin(); it != events->cend(); ++it)
        m_events.insert(it.key(), it.value());
    apply(std::move(*changed), pks);
    return true;
}

void KpiFactCache::apply(std::vector<TicketFact> &&changed, const std::vector<qint64> &pks)
{
    // Both lists are in pk order: merge them into the rows held (replace, insert, or drop a ticket that
    // went).
    std::vector<TicketFact> &rows = m_facts.rows;
    const auto byPk = [](const TicketFact &f, qint64 pk) { return f.pk < pk; };
    std::vector<TicketFact> appended;
    auto next = changed.begin();
    std::vector<qint64> gone;
    for (const qint64 pk : pks) {
        const bool present = next != changed.end() && next->pk == pk;
        auto at = std::lower_bound(rows.begin(), rows.end(), pk, byPk);
        const bool held = at != rows.end() && at->pk == pk;
        if (present && held)
            *at = *next;
        else if (present && at == rows.end())
            appended.push_back(*next); // the usual case: a new ticket
        else if (present)
            rows.insert(at, *next);
        else if (held)
            gone.push_back(pk);
        if (present)
            ++next;
    }
    rows.insert(rows.end(), appended.begin(), appended.end());
    if (!gone.empty()) {
        std::erase_if(rows, [&gone](const TicketFact &f) {
            return std::binary_search(gone.begin(), gone.end(), f.pk);
        });
    }
}

} // namespace pd
