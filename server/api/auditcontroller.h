#pragma once

#include "router.h"
#include "server/storage/accesslog.h"
#include "server/storage/documentstore.h"

namespace pd::server {

/**
 * @brief The access log for managers and administrators, the console's own log entries, and the one way to
 * take full customer data out for an export.
 *
 * - GET /audit?user=&phone=&kind=&from=&to=&before=&limit=[&format=csv] (manager, admin): newest first,
 *   keyset-paged by id; the CSV export (UTF-8 with BOM, RFC 4180) is itself logged (audit_export).
 * - POST /audit/events {"kind","detail","records"} (anyone signed in): report_generated, report_exported,
 *   bulk_lookup — what the console did with data it already holds.
 * - POST /exports/customer-data {"from","to"} (manager): the full name and phone of the tickets created in
 *   [from, to), logged (customer_export) with how many.
 */
class AuditController final
{
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;
    static constexpr int kMaxCsvRows = 100000;
    static constexpr qint64 kMaxExportRangeMs = 93LL * 24 * 3600 * 1000; ///< a quarter
    static constexpr int kMaxExportItems = 100000;

    AuditController(DocumentStore &docs, AccessLog &log)
        : m_docs(docs)
        , m_log(log)
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse search(RequestContext &c);
    [[nodiscard]] HttpResponse addEvent(RequestContext &c);
    [[nodiscard]] HttpResponse exportCustomerData(RequestContext &c);
    /// @brief An entry about the caller at the request's time.
    [[nodiscard]] static AccessEntry entryOf(const RequestContext &c, const QString &kind);

    DocumentStore &m_docs;
    AccessLog &m_log;
};

} // namespace pd::server
