#pragma once

#include "sync/apiclient.h"

namespace pd {

/// @brief Parcels and their tracking, looked up by waybill.
class ParcelsApi final
{
public:
    explicit ParcelsApi(ApiClient *client)
        : m_client(client)
    {}
    ApiReply *get(const QString &waybillNo);
    ApiReply *tracking(const QString &waybillNo);
    /// @brief GET /map/parcels?@p query (geo::ViewportRequest::query): the parcels under way in a viewport.
    ApiReply *viewport(const QString &query);

private:
    ApiClient *m_client;
};

} // namespace pd
