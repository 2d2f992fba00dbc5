#pragma once

#include "sync/apiclient.h"

#include <QList>

namespace pd {

/// @brief A search of the server's access log (GET /audit); every field optional.
struct AccessLogQuery
{
    QString user;        ///< login or user id
    QString phone;       ///< a customer's phone number (the server matches it through a keyed hash)
    QString kind;        ///< reveal, customer_export, report_generated, …
    qint64 fromMs = 0;   ///< inclusive, UTC; 0: no bound
    qint64 toMs = 0;     ///< exclusive, UTC; 0: no bound
    qint64 beforeId = 0; ///< the next page: entries older than this id; 0: from the newest
    int limit = 0;       ///< 0: the server's default
};

/// @brief One entry of the access log as the server sends it.
struct AccessLogEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString userId;
    QString login;
    QString role;
    QString teamId;
    QString kind;
    QString ticketId;
    QString field;
    QString reason;
    QString note;
    QString customerRef; ///< a short keyed hash of the customer's phone, never the number
    qint64 records = 0;
    QString detail;

    [[nodiscard]] static AccessLogEntry fromJson(const QJsonObject &o);
};

struct AccessLogEntries
{
    QList<AccessLogEntry> items;
    bool hasMore = false;
    qint64 nextBefore = 0;
};

/// @brief The access log (managers, administrators) and the console's own entries (everyone signed in).
class AuditApi final
{
public:
    explicit AuditApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief GET /audit: a page of entries, newest first.
    ApiReply *search(const AccessLogQuery &query);
    /// @brief GET /audit?format=csv: every matching entry as CSV (ApiResult::raw); the server logs the
    /// export.
    ApiReply *searchCsv(const AccessLogQuery &query);
    /// @brief POST /audit/events: "report_generated", "report_exported" or "bulk_lookup".
    ApiReply *logEvent(const QString &kind, const QString &detail, qint64 records);
    [[nodiscard]] static std::optional<AccessLogEntries> pageFrom(const ApiResult &result);
    /// @brief The query string of a search ("user=…&kind=…"), percent-encoded.
    [[nodiscard]] static QString queryString(const AccessLogQuery &query);

private:
    ApiClient *m_client;
};

} // namespace pd
