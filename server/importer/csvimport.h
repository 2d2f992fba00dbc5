#pragma once

#include "csvreader.h"

#include "server/storage/documentstore.h"

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>
#include <optional>

namespace pd::server {

/// @brief A row that was not accepted, and why.
struct RejectedRow
{
    QString file;
    int line = 0;
    QString field;
    QString message;
};

/**
 * @brief Imports historical tickets and parcels from CSV files (columns in docs/api.md, "CSV import").
 *
 * Every row is validated first (waybill format, phone, enum codes, times with an offset, state consistency);
 * if any row is rejected nothing is written. Otherwise everything is written in one transaction. With
 * dryRun nothing is written either way.
 */
class CsvImport final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::CsvImport)
public:
    static const QStringList &ticketColumns();
    static const QStringList &parcelColumns();

    explicit CsvImport(DocumentStore &docs)
        : m_docs(docs)
    {}

    /// @brief Reads and validates a file; false if the file itself cannot be read or parsed.
    bool loadTickets(const QString &path, QString *error);
    bool loadParcels(const QString &path, QString *error);
    /// @brief Same from bytes (tests, fuzzing).
    void readTickets(const QString &name, const QList<CsvReader::Row> &rows);
    void readParcels(const QString &name, const QList<CsvReader::Row> &rows);

    [[nodiscard]] const QList<RejectedRow> &rejected() const { return m_rejected; }
    [[nodiscard]] qsizetype ticketCount() const { return m_tickets.size(); }
    [[nodiscard]] qsizetype parcelCount() const { return m_parcels.size(); }

    /// @brief Writes everything in one transaction (only when nothing was rejected); returns rows written.
    qsizetype commit(qint64 nowMs);

private:
    bool load(const QString &path, QList<CsvReader::Row> *rows, QString *error);
    /// False for no rows, or a header naming a column not in @p columns (rejected: nothing of the file is
    /// read).
    bool acceptsHeader(const QString &name, const QList<CsvReader::Row> &rows, const QStringList &columns);
    /// False for a row with more or fewer fields than the header (rejected).
    bool fieldsFit(const QString &name, const CsvReader::Row &row, const QStringList &header);
    /// The ticket of one row's object @p o (given an id when it has none): numbers, created_at, the JSON and
    /// a fresh id; the field and why in @p field and @p message when it is refused.
    std::optional<Ticket> ticketOf(QJsonObject &o, const QSet<QString> &ids, QString *field,
                                   QString *message) const;
    /// The rules a ticket of the API keeps too: texts, money, waybill and phone (normalised in place), team,
    /// a resolution when done, no time before created_at.
    static bool checkTicket(Ticket &t, const std::function<bool(const QString &)> &teamExists, QString *field,
                            QString *message);

    DocumentStore &m_docs;
    QList<Ticket> m_tickets;
    QList<Parcel> m_parcels;
    QList<RejectedRow> m_rejected;
};

} // namespace pd::server
