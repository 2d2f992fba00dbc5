#include "proactiveapi.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QString path(const QString &collection, const QString &id, const QString &action = {})
{
    QString p = u"/api/v1/%1/%2"_s.arg(collection, QString::fromLatin1(QUrl::toPercentEncoding(id)));
    if (!action.isEmpty())
        p += u'/' + action;
    return p;
}
} // namespace

ApiReply *ProactiveApi::incidents(const QString &state)
{
    QUrlQuery query;
    query.addQueryItem(u"state"_s, state);
    return m_client->send("GET", u"/api/v1/incidents?"_s + query.toString(QUrl::FullyEncoded));
}

ApiReply *ProactiveApi::incident(const QString &id)
{
    return m_client->send("GET", path(u"incidents"_s, id));
}

ApiReply *ProactiveApi::updateIncident(const QString &id, const QJsonObject &changes)
{
    return m_client->send("PATCH", path(u"incidents"_s, id), QJsonDocument(changes));
}

ApiReply *ProactiveApi::notifyIncident(const QString &id, const QJsonObject &request)
{
    return m_client->send("POST", path(u"incidents"_s, id, u"notify"_s), QJsonDocument(request));
}

ApiReply *ProactiveApi::cases(const QString &state, const QString &incidentId)
{
    QUrlQuery query;
    if (!state.isEmpty())
        query.addQueryItem(u"state"_s, state);
    if (!incidentId.isEmpty())
        query.addQueryItem(u"incident"_s, incidentId);
    return m_client->send("GET", u"/api/v1/proactive/cases?"_s + query.toString(QUrl::FullyEncoded));
}

ApiReply *ProactiveApi::dismissCase(const QString &id, const QString &reason)
{
    return m_client->send("POST", path(u"proactive/cases"_s, id, u"dismiss"_s),
                          QJsonDocument(QJsonObject{{u"reason"_s, reason}}));
}

ApiReply *ProactiveApi::notifyCase(const QString &id, const QJsonObject &request)
{
    return m_client->send("POST", path(u"proactive/cases"_s, id, u"notify"_s), QJsonDocument(request));
}

ApiReply *ProactiveApi::ticketFromCase(const QString &id)
{
    return m_client->send("POST", path(u"proactive/cases"_s, id, u"ticket"_s), QJsonDocument(QJsonObject{}));
}

ApiReply *ProactiveApi::effect(Instant from, Instant to)
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, instantToIso(from));
    query.addQueryItem(u"to"_s, instantToIso(to));
    return m_client->send("GET", u"/api/v1/proactive/effect?"_s + query.toString(QUrl::FullyEncoded));
}

} // namespace pd
