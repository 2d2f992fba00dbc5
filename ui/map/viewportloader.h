#pragma once

#include "models/geo/serverviewport.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace pd {

class ServerLink;

namespace map {

/**
 * @brief Asks the server for the parcels of the map's viewport (GET /map/parcels) and keeps the last answers
 * (geo::ViewportCache), so an area seen before still shows without the server.
 *
 * Only the newest request's answer is delivered: a pan that overtakes its request drops the older answer
 * (it still enters the cache). Without a server link, or when the request fails, the cached answer for the
 * same request is delivered with offline = true, or none.
 */
class ViewportLoader final : public QObject
{
    Q_OBJECT
public:
    explicit ViewportLoader(QObject *parent = nullptr);

    /// @brief The link to the server (not owned); null: offline.
    void setServerLink(ServerLink *link) { m_link = link; }
    [[nodiscard]] bool hasServer() const;
    /// @brief Requests @p request; answered() follows (at once when offline). @p nowMs stamps the answer.
    void load(const geo::ViewportRequest &request, Instant nowMs);
    /// @brief Forgets the pending request (its answer, when it comes, is only cached).
    void cancel() { m_pending.clear(); }
    [[nodiscard]] geo::ViewportCache &cache() { return m_cache; }

Q_SIGNALS:
    /// @brief The answer for the newest request: from the server, or (offline) from the cache, or none.
    void answered(const std::optional<pd::geo::ServerViewport> &answer, bool offline);

private:
    void deliverCached(const QString &key);

    QPointer<ServerLink> m_link;
    geo::ViewportCache m_cache;
    QString m_pending; ///< key of the newest request
};

} // namespace map
} // namespace pd
