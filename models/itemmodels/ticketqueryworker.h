#pragma once

#include "models/store/ticketrepository.h"
#include "models/store/ticketsearch.h"

#include <QObject>

#include <memory>

namespace pd {

class Database;

/**
 * @brief Runs the workbench's cache queries on a thread of its own, so the GUI never waits for SQLite.
 *
 * Lives on a worker QThread and opens its own connection to the cache on first use (a Database belongs to the
 * thread that opened it; WAL lets it read beside the sync engine's writes). Every request carries the
 * caller's generation, echoed in the answer, so a model drops answers to questions it no longer asks.
 */
class TicketQueryWorker final : public QObject
{
    Q_OBJECT
public:
    explicit TicketQueryWorker(QString cachePath, QObject *parent = nullptr);
    ~TicketQueryWorker() override;

    /// @brief Registers the argument types of the queued signals (once per process).
    static void registerTypes();

public Q_SLOTS:
    void count(int generation, const pd::TicketQuery &query);
    void fetchPage(int generation, int page, const pd::TicketQuery &query);
    void countQueues(int generation, const QList<pd::TicketQuery> &queries);
    void search(int generation, const QString &text, int limit);

Q_SIGNALS:
    void counted(int generation, int total);
    void pageFetched(int generation, int page, const QList<pd::TicketRow> &rows);
    void queuesCounted(int generation, const QList<int> &counts);
    /// @brief Search results, best first, with why each matched (SearchSnippets), row by row.
    void searched(int generation, const QList<pd::TicketRow> &rows, const QList<pd::SearchHit> &hits,
                  const QStringList &matches);
    void failed(const QString &message);

private:
    bool ensureOpen();

    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TicketRepository> m_tickets;
    std::unique_ptr<TicketSearch> m_search;
};

} // namespace pd

Q_DECLARE_METATYPE(pd::TicketQuery)
Q_DECLARE_METATYPE(pd::TicketRow)
Q_DECLARE_METATYPE(pd::SearchHit)
