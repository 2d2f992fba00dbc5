#include "parcelsapi.h"

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *ParcelsApi::get(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_s + ApiClient::pathSegment(waybillNo));
}

ApiReply *ParcelsApi::tracking(const QString &waybillNo)
{
    return m_client->send("GET", u"/api/v1/parcels/"_s + ApiClient::pathSegment(waybillNo) + u"/tracking"_s);
}

ApiReply *ParcelsApi::viewport(const QString &query)
{
    return m_client->send("GET", u"/api/v1/map/parcels?"_s + query);
}

} // namespace pd
