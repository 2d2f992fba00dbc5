#include "compensationsapi.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
/// Yuan with two decimals, as the API writes money.
double yuan(qint64 fen)
{
    return double(fen) / 100.0;
}

QString ticketPath(const QString &ticketId, const QString &tail)
{
    return u"/api/v1/tickets/%1/%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(ticketId)), tail);
}

QString compensationPath(const QString &id, const QString &action)
{
    return u"/api/v1/compensations/%1/%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id)), action);
}
} // namespace

ApiReply *CompensationsApi::policy()
{
    return m_client->send("GET", u"/api/v1/compensation-policy"_s);
}

ApiReply *CompensationsApi::request(const QString &ticketId, qint64 amountFen,
                                    std::optional<qint64> proposedFen, const QString &explanation,
                                    const QString &reason)
{
    QJsonObject body{{u"amount"_s, yuan(amountFen)}, {u"explanation"_s, explanation}, {u"reason"_s, reason}};
    if (proposedFen)
        body.insert(u"proposed"_s, yuan(*proposedFen));
    return m_client->send("POST", ticketPath(ticketId, u"compensations"_s), QJsonDocument(body));
}

ApiReply *CompensationsApi::list(const QString &state)
{
    QUrlQuery query;
    query.addQueryItem(u"state"_s, state);
    return m_client->send("GET", u"/api/v1/compensations?"_s + query.toString(QUrl::FullyEncoded));
}

ApiReply *CompensationsApi::approve(const QString &id, std::optional<qint64> changedFen,
                                    const QString &reason)
{
    QJsonObject body{{u"reason"_s, reason}};
    if (changedFen)
        body.insert(u"amount"_s, yuan(*changedFen));
    return m_client->send("POST", compensationPath(id, u"approve"_s), QJsonDocument(body));
}

ApiReply *CompensationsApi::reject(const QString &id, const QString &reason)
{
    return m_client->send("POST", compensationPath(id, u"reject"_s),
                          QJsonDocument(QJsonObject{{u"reason"_s, reason}}));
}

} // namespace pd
