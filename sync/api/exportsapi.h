#pragma once

#include "sync/apiclient.h"

#include <QList>

namespace pd {

/// @brief One ticket's customer, in full, from the logged export.
struct ExportedCustomer
{
    QString ticketId;
    QString number;
    QString name;
    QString phone;
};

/// @brief POST /exports/customer-data (managers): full names and phones of the tickets created in a range.
class ExportsApi final
{
public:
    explicit ExportsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief Tickets created in [@p fromMs, @p toMs) (UTC); the server logs the export.
    ApiReply *customerData(qint64 fromMs, qint64 toMs);
    [[nodiscard]] static std::optional<QList<ExportedCustomer>> customersFrom(const ApiResult &result);

private:
    ApiClient *m_client;
};

} // namespace pd
