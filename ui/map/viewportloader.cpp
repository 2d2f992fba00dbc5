#include "viewportloader.h"

#include "sync/api/parcelsapi.h"
#include "ui/common/serverlink.h"

namespace pd::map {

ViewportLoader::ViewportLoader(QObject *parent)
    : QObject(parent)
{}

bool ViewportLoader::hasServer() const
{
    return m_link && m_link->hasClient();
}

void ViewportLoader::load(const geo::ViewportRequest &request, Instant nowMs)
{
    const QString key = request.key();
    m_pending = key;
    if (!hasServer())
        return deliverCached(key);
    const QString query = request.query();
    m_link->call([query](ApiClient *c) { return ParcelsApi(c).viewport(query); }, this,
                 [this, key, nowMs, request](const ApiResult &r) {
                     std::optional<geo::ServerViewport> answer =
                         r.ok() ? geo::ServerViewport::fromJson(r.object()) : std::nullopt;
                     if (answer) {
                         answer->loadedAt = nowMs;
                         answer->southWest = {request.south, request.west};
                         answer->northEast = {request.north, request.east};
                         m_cache.put(key, *answer);
                     }
                     if (key != m_pending)
                         return; // the view moved on meanwhile
                     if (!answer)
                         return deliverCached(key);
                     Q_EMIT answered(answer, false);
                 });
}

void ViewportLoader::deliverCached(const QString &key)
{
    Q_EMIT answered(m_cache.get(key), true);
}

} // namespace pd::map
