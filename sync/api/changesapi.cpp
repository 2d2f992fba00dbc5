#include "changesapi.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *ChangesApi::fetch(const QString &cursor, int limit)
{
    // The cursor is opaque: percent-encode whatever the server gave.
    return m_client->send("GET", u"/api/v1/changes?cursor="_s +
                                     QString::fromLatin1(QUrl::toPercentEncoding(cursor)) + u"&limit="_s +
                                     QString::number(limit));
}

std::optional<ChangePage> ChangesApi::pageFrom(const ApiResult &result)
{
    if (!result.ok())
        return std::nullopt;
    const QJsonObject o = result.object();
    if (!o.value(u"items"_s).isArray() || !o.value(u"next_cursor"_s).isString())
        return std::nullopt;
    ChangePage page;
    page.nextCursor = o.value(u"next_cursor"_s).toString();
    page.hasMore = o.value(u"has_more"_s).toBool();
    page.estimatedTotal = o.value(u"remaining"_s).toInteger(-1);
    page.reset = o.value(u"reset"_s).toBool();
    const QJsonArray items = o.value(u"items"_s).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        page.items.append(ChangeItem{item.value(u"type"_s).toString(), item.value(u"id"_s).toString(),
                                     item.value(u"version"_s).toInteger(), item.value(u"deleted"_s).toBool(),
                                     item.value(u"data"_s).toObject(), item.value(u"reason"_s).toString()});
    }
    return page;
}

} // namespace pd
