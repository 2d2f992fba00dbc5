#include "ticketqueryworker.h"

#include "searchsnippets.h"

#include "models/store/database.h"

namespace pd {

TicketQueryWorker::TicketQueryWorker(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(cachePath))
{}

TicketQueryWorker::~TicketQueryWorker() = default;

void TicketQueryWorker::registerTypes()
{
    qRegisterMetaType<pd::TicketQuery>();
    qRegisterMetaType<pd::TicketRow>();
    qRegisterMetaType<pd::SearchHit>();
    qRegisterMetaType<QList<pd::TicketRow>>();
    qRegisterMetaType<QList<pd::TicketQuery>>();
    qRegisterMetaType<QList<pd::SearchHit>>();
}

bool TicketQueryWorker::ensureOpen()
{
    if (m_db)
        return true;
    QString error;
    m_db = Database::open(m_path, &error);
    if (!m_db) {
        Q_EMIT failed(error);
        return false;
    }
    m_tickets = std::make_unique<TicketRepository>(*m_db);
    m_search = std::make_unique<TicketSearch>(*m_db);
    return true;
}

void TicketQueryWorker::count(int generation, const TicketQuery &query)
{
    if (ensureOpen())
        Q_EMIT counted(generation, m_tickets->count(query));
}

void TicketQueryWorker::fetchPage(int generation, int page, const TicketQuery &query)
{
    if (ensureOpen())
        Q_EMIT pageFetched(generation, page, m_tickets->query(query).rows);
}

void TicketQueryWorker::countQueues(int generation, const QList<TicketQuery> &queries)
{
    if (!ensureOpen())
        return;
    QList<int> counts;
    counts.reserve(queries.size());
    for (const TicketQuery &q : queries)
        counts.append(m_tickets->count(q));
    Q_EMIT queuesCounted(generation, counts);
}

void TicketQueryWorker::search(int generation, const QString &text, int limit)
{
    if (!ensureOpen())
        return;
    const QList<SearchHit> hits = m_search->search(text, limit);
    QList<qint64> pks;
    pks.reserve(hits.size());
    for (const SearchHit &h : hits)
        pks.append(h.pk);
    // byPks() returns rows in the order asked: best hits first.
    const QList<TicketRow> rows = m_tickets->byPks(pks);
    QHash<qint64, SearchHit> byPk;
    for (const SearchHit &h : hits)
        byPk.insert(h.pk, h);
    const QStringList terms = TicketSearch::highlightTerms(text);
    QStringList matches;
    matches.reserve(rows.size());
    for (const TicketRow &row : rows) {
        const SearchHit hit = byPk.value(row.pk);
        const QList<TicketEvent> events = hit.field == SearchHit::Field::Conversation
                                              ? m_tickets->events(row.ticket.id)
                                              : QList<TicketEvent>();
        matches.append(SearchSnippets::describe(hit, row, events, terms));
    }
    Q_EMIT searched(generation, rows, hits, matches);
}

} // namespace pd
