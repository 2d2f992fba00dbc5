#include "appealsapi.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {
QString appealPath(const QString &ticketId, const QString &tail)
{
    return u"/api/v1/tickets/%1/appeal/%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(ticketId)),
                                                 tail);
}
} // namespace

ApiReply *AppealsApi::answer(const QString &ticketId, const QString &text)
{
    return m_client->send("POST", appealPath(ticketId, u"answer"_s),
                          QJsonDocument(QJsonObject{{u"text"_s, text}}));
}

ApiReply *AppealsApi::rejection(const QString &ticketId, Instant at, const QString &reason)
{
    return m_client->send("POST", appealPath(ticketId, u"rejection"_s),
                          QJsonDocument(QJsonObject{{u"at"_s, instantToIso(at)}, {u"reason"_s, reason}}));
}

} // namespace pd
