// KpiFactCache::save / load: the facts of the last session in a file next to the cache, so the dashboard of
// the next session starts from them and reads only what changed since (docs/kpi.md).
#include "kpifactcache.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QFile>
#include <QSaveFile>

#include <limits>
#include <type_traits>

namespace pd {

namespace {

constexpr quint32 kMagic = 0x50444B46; // "PDKF"
constexpr quint32 kFormat = 1;

/// One timeline entry as stored.
struct StoredEvents
{
    qint64 pk = 0;
    TicketEventFacts facts;
};

static_assert(std::is_trivially_copyable_v<TicketFact>, "rows are written as they are in memory");
static_assert(std::is_trivially_copyable_v<StoredEvents>,
              "timeline entries are written as they are in memory");

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

template<typename T>
bool writeArray(QDataStream &out, const std::vector<T> &items)
{
    out << quint64(items.size());
    const auto bytes = qint64(items.size() * sizeof(T));
    return out.writeRawData(reinterpret_cast<const char *>(items.data()), int(bytes)) == bytes;
}

template<typename T>
bool readArray(QDataStream &in, std::vector<T> &items, quint64 limit)
{
    quint64 n = 0;
    in >> n;
    if (in.status() != QDataStream::Ok || n > limit)
        return false;
    items.resize(std::size_t(n));
    const auto bytes = qint64(n * sizeof(T));
    return in.readRawData(reinterpret_cast<char *>(items.data()), int(bytes)) == bytes;
}

/// More than any cache holds: a larger count means a damaged file, not a reason to allocate.
constexpr quint64 kMaxRows = 50'000'000;

/// Rows in pk order whose codes and string indexes are in range (the queries index tables with them).
bool plausible(const KpiFacts &facts)
{
    static const auto categories = qint64(allCodes<Category>().size());
    static const auto priorities = qint64(allCodes<Priority>().size());
    static const auto statuses = qint64(allCodes<TicketStatus>().size());
    const auto inRange = [](qint64 v, qint64 first, qint64 end) { return v >= first && v < end; };
    qint64 lastPk = std::numeric_limits<qint64>::min();
    for (const TicketFact &f : facts.rows) {
        if (f.pk <= lastPk || !inRange(qint64(f.category), 0, categories) ||
            !inRange(qint64(f.priority), 0, priorities) || !inRange(qint64(f.status), 0, statuses) ||
            !inRange(f.assignee, -1, facts.assignees.size()) || !inRange(f.team, -1, facts.teams.size()))
            return false;
        lastPk = f.pk;
    }
    return true;
}

} // namespace

bool KpiFactCache::save(const QString &file, QString *error) const
{
    if (m_seq < 0 || !m_since)
        return fail(error,
                    QCoreApplication::translate("pd::KpiFactCache", "There are no figures to keep yet."));
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return fail(error, f.errorString());
    // Kept next to the cache and as private as it (CacheFiles): the new file is made owner-only before it is
    // written, whatever the umask.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QDataStream out(&f);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormat << quint32(sizeof(TicketFact)) << quint32(sizeof(StoredEvents)) << m_seq
        << m_cacheId << *m_since << m_facts.assignees << m_facts.teams;
    std::vector<StoredEvents> events;
    events.reserve(std::size_t(m_events.size()));
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it)
        events.push_back({it.key(), it.value()});
    if (!writeArray(out, m_facts.rows) || !writeArray(out, events) || out.status() != QDataStream::Ok)
        return fail(error, f.errorString());
    return f.commit() || fail(error, f.errorString());
}

bool KpiFactCache::load(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(error, f.errorString());
    QDataStream in(&f);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0, rowSize = 0, eventSize = 0;
    qint64 seq = -1, since = 0;
    QString cacheId;
    in >> magic >> format >> rowSize >> eventSize;
    if (in.status() != QDataStream::Ok || magic != kMagic || format != kFormat ||
        rowSize != sizeof(TicketFact) || eventSize != sizeof(StoredEvents))
        return fail(error, QCoreApplication::translate(
                               "pd::KpiFactCache",
                               "The kept dashboard figures are from another version; they are read again."));
    KpiFacts facts;
    std::vector<StoredEvents> events;
    in >> seq >> cacheId >> since >> facts.assignees >> facts.teams;
    if (in.status() != QDataStream::Ok || seq < 0 || !readArray(in, facts.rows, kMaxRows) ||
        !readArray(in, events, kMaxRows) || !in.atEnd() || !plausible(facts))
        return fail(error,
                    QCoreApplication::translate(
                        "pd::KpiFactCache", "The kept dashboard figures are damaged; they are read again."));
    QHash<qint64, TicketEventFacts> byPk;
    byPk.reserve(qsizetype(events.size()));
    for (const StoredEvents &e : events)
        byPk.insert(e.pk, e.facts);
    m_facts = std::move(facts);
    m_events = std::move(byPk);
    m_since = since;
    m_seq = seq;
    m_cacheId = cacheId;
    return true;
}

} // namespace pd
