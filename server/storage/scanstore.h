#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace pd::server {

class CustomerAccess;
class Database;
struct Doc;

/**
 * @brief The tracking events (scans) of parcels no live ticket names: the table `scans` (docs/server.md,
 * "Parcels at volume").
 *
 * Millions of scans arrive a day and almost none is ever about a ticket, so they are not records of the
 * change feed: a row holds the scan's JSON, its masked copy, waybill and time, with two indexes (id,
 * waybill). The scans of a parcel a live ticket names live in `docs` as "tracking_event" records instead, so
 * the feed serves them; DocumentStore moves a parcel's scans there when a ticket starts naming it
 * (takeWaybill). Each scan is in exactly one of the two tables; DocumentStore's reads of tracking events read
 * both.
 */
class ScanStore final
{
public:
    explicit ScanStore(Database &db)
        : m_db(db)
    {}

    /// @brief The statements of the schema migration that creates the table and moves the stored scans of
    /// parcels no live ticket names (feed = 0) out of docs.
    [[nodiscard]] static QStringList migration();

    /// @brief Inserts scans (Doc of type tracking_event: id, parent = waybill, updatedMs = time, data,
    /// masked) in few statements; ids already stored are skipped. On PostgreSQL one INSERT … SELECT FROM
    /// unnest(…).
    void insert(const QList<Doc> &scans);
    /// @brief Inserts the scans whose id this table does not hold yet and returns their ids: the table's
    /// unique index decides, with no look-up first (PostgreSQL: one INSERT … ON CONFLICT DO NOTHING RETURNING
    /// id).
    [[nodiscard]] QSet<QString> insertNew(const QList<Doc> &scans);
    /// @brief Inserts or replaces one scan.
    void put(const Doc &scan);
    /// @brief The ids among @p ids of stored tracking events, here or in docs (one statement on PostgreSQL).
    [[nodiscard]] QSet<QString> existing(const QStringList &ids);
    /// @brief The scans of @p waybill (in time order), as records of type tracking_event; data as @p reader
    /// sees it when given, else in full.
    [[nodiscard]] QList<Doc> byWaybill(const QString &waybill, const CustomerAccess *reader = nullptr);
    /// @brief Removes the scans of @p waybill and returns them (in time order).
    [[nodiscard]] QList<Doc> takeWaybill(const QString &waybill);
    /// @brief Removes one scan (when it is written to docs instead).
    void remove(const QString &id);

private:
    Database &m_db;
};

} // namespace pd::server
