#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace pd::server {

/// @brief `parceldesk-server import appeals FILE.csv [--db URL] [--dry-run]` (docs/appeals.md, "CSV import").
class AppealImportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::AppealImportCommand)
public:
    /// @brief Exit codes: 0 imported (or dry run clean), 1 rows rejected or a failure, 2 usage.
    static int run(const QStringList &arguments);
};

} // namespace pd::server
