#include "agentsapi.h"

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *AgentsApi::list()
{
    return m_client->send("GET", u"/api/v1/agents"_s);
}

ApiReply *AgentsApi::setMyStatus(const QString &status)
{
    return m_client->send("PUT", u"/api/v1/agents/me/status"_s,
                          QJsonDocument(QJsonObject{{u"status"_s, status}}));
}

ApiReply *AgentsApi::next()
{
    return m_client->send("POST", u"/api/v1/agents/me/next"_s);
}

ApiReply *AgentsApi::routingPolicy()
{
    return m_client->send("GET", u"/api/v1/routing-policy"_s);
}

ApiReply *AgentsApi::setRoutingPolicy(const QJsonObject &policy)
{
    const QByteArray version = QByteArray::number(policy.value(u"version"_s).toInteger());
    return m_client->send("PUT", u"/api/v1/routing-policy"_s, QJsonDocument(policy),
                          {{"If-Match", '"' + version + '"'}});
}

} // namespace pd
