#pragma once

#include <QString>
#include <QtGlobal>

namespace pd::bench {

/**
 * @brief Fills a stopped server's PostgreSQL database with copies of the parcels the ingest wrote through the
 * API, in SQL, for a run of tens of millions of parcels that the ingest alone could not reach in hours.
 *
 * Parcels [0, base) (waybills SF15 + 11 digits) are copied to [base, to) a block at a time: each copy is the
 * same rows with the waybill renumbered: the parcel record in `docs` (out of the feed: no ticket names it),
 * its scans in `scans` (those of ticketed parcels come from `docs`), its share of the volume in
 * `volume_parcels` and, under way, its entry of the map's `parcel_geo`. The totals (`parcel_volume`, its
 * `parcel_volume` feed records, the map's `parcel_cells`) are then multiplied by to / base, which is what
 * they count after the copies. Proactive cases and incidents are not copied: the server's detector finds them
 * at its next start, as it does after any restart. The change counter is moved past the new rows' seqs.
 */
class CloneFill
{
public:
    /// @brief Opens @p url (postgresql://user@host:port/db); false with @p error.
    bool open(const QString &url, QString *error);
    /**
     * @brief Copies [0, base) into [base, to) (@p to a multiple of @p base); progress on stdout.
     *
     * Stops early, at a multiple of @p base, where the next copies would leave less than @p keepFree bytes
     * free on the disk of @p dataDir (PostgreSQL's data directory; the size a parcel takes is measured as the
     * copies go). Returns the parcels now stored, or 0 with @p error.
     */
    qint64 fill(qint64 base, qint64 to, const QString &dataDir, qint64 keepFree, QString *error);
    /// @brief The database's size and its largest tables with their indexes, one line.
    QString sizes();

private:
    bool copyRange(qint64 count, qint64 offset, QString *error);
    bool scaleTotals(qint64 factor, QString *error);
    bool scaleVolumeRecords(qint64 factor, QString *error);
    bool exec(const QString &sql, QString *error);
    qint64 databaseBytes();

    QString m_connection;
};

} // namespace pd::bench
