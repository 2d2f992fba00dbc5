#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace pd::server {

class DocumentStore;

/// @brief `parceldesk-server import --db URL [--tickets FILE.csv] [--parcels FILE.csv] [--tracking FILE|-]
/// [--dry-run]`.
class ImportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::ImportCommand)
public:
    /// @brief Exit codes: 0 imported (or dry run clean), 1 rows rejected or a failure, 2 usage.
    static int run(const QStringList &arguments);

private:
    /// @brief `--tracking`: a file is checked whole, then written in chunks; a stream (-) chunk by chunk.
    static int importTracking(DocumentStore &docs, const QString &path);
    /// @brief --dry-run of a tracking file: its rejected rows printed; false when there are any.
    static bool checkTrackingFile(DocumentStore &docs, const QString &path);
};

} // namespace pd::server
