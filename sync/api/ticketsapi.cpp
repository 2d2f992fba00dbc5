#include "ticketsapi.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *TicketsApi::create(const QJsonObject &ticket, const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets"_s, QJsonDocument(ticket),
                          {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::get(const QString &id)
{
    return m_client->send("GET", u"/api/v1/tickets/"_s + ApiClient::pathSegment(id));
}

ApiReply *TicketsApi::patch(const QString &id, const QJsonObject &fields, qint64 baseVersion)
{
    return m_client->send("PATCH", u"/api/v1/tickets/"_s + ApiClient::pathSegment(id), QJsonDocument(fields),
                          {{"If-Match", QByteArray::number(baseVersion)}});
}

ApiReply *TicketsApi::postEvent(const QString &ticketId, const QJsonObject &event,
                                const QString &idempotencyKey)
{
    return m_client->send("POST", u"/api/v1/tickets/"_s + ApiClient::pathSegment(ticketId) + u"/events"_s,
                          QJsonDocument(event), {{"Idempotency-Key", idempotencyKey.toLatin1()}});
}

ApiReply *TicketsApi::events(const QString &ticketId)
{
    return m_client->send("GET", u"/api/v1/tickets/"_s + ApiClient::pathSegment(ticketId) + u"/events"_s);
}

ApiReply *TicketsApi::merge(const QString &id, const QString &intoId, qint64 baseVersion)
{
    return m_client->send("POST", u"/api/v1/tickets/"_s + ApiClient::pathSegment(id) + u"/merge"_s,
                          QJsonDocument(QJsonObject{{u"into"_s, intoId}}),
                          {{"If-Match", QByteArray::number(baseVersion)}});
}

ApiReply *TicketsApi::reveal(const QString &ticketId, const QString &field, const QString &reason,
                             const QString &note)
{
    QJsonObject body{{u"field"_s, field}, {u"reason"_s, reason}};
    if (!note.isEmpty())
        body.insert(u"note"_s, note);
    return m_client->send("POST", u"/api/v1/tickets/"_s + ApiClient::pathSegment(ticketId) + u"/reveal"_s,
                          QJsonDocument(body));
}

std::optional<QJsonObject> TicketsApi::revealedFrom(const ApiResult &result)
{
    if (!result.ok() || !result.object().value(u"values"_s).isObject())
        return std::nullopt;
    return result.object().value(u"values"_s).toObject();
}

} // namespace pd
