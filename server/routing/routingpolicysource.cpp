#include "routingpolicysource.h"

#include "server/storage/database.h"

#include <QJsonDocument>

namespace pd::server {

routing::RoutingPolicy RoutingPolicySource::stored(RoutingStore &store)
{
    const auto row = store.policy();
    if (row) {
        QStringList errors;
        auto p = routing::RoutingPolicy::fromJson(QJsonDocument::fromJson(row->json).object(), &errors);
        if (p) {
            p->setVersion(int(row->version));
            return *p;
        }
        qCWarning(lcServerStore) << "stored routing policy does not parse, using the defaults:" << errors;
    }
    routing::RoutingPolicy d = routing::RoutingPolicy::defaults();
    d.setVersion(1);
    return d;
}

const routing::RoutingEngine &RoutingPolicySource::engine()
{
    const qint64 version = m_store.policyVersion();
    if (!m_engine || version != m_loadedVersion) {
        m_engine = std::make_unique<routing::RoutingEngine>(stored(m_store));
        m_loadedVersion = version;
    }
    return *m_engine;
}

} // namespace pd::server
