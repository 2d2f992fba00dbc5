#include "exportsapi.h"

#include "models/domain/entities.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *ExportsApi::customerData(qint64 fromMs, qint64 toMs)
{
    const QJsonObject body{{u"from"_s, instantToIso(fromMs)}, {u"to"_s, instantToIso(toMs)}};
    return m_client->send("POST", u"/api/v1/exports/customer-data"_s, QJsonDocument(body));
}

std::optional<QList<ExportedCustomer>> ExportsApi::customersFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"items"_s).isArray())
        return std::nullopt;
    QList<ExportedCustomer> out;
    const QJsonArray items = result.object().value(u"items"_s).toArray();
    out.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"id"_s).toString(), o.value(u"number"_s).toString(),
                    o.value(u"customer_name"_s).toString(), o.value(u"customer_phone"_s).toString()});
    }
    return out;
}

} // namespace pd
