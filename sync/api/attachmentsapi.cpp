#include "attachmentsapi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pd {

ApiReply *AttachmentsApi::setEvidence(const QString &attachmentId, std::optional<EvidenceKind> evidence)
{
    const QJsonObject body{
        {u"evidence"_s, evidence ? QJsonValue(toCode(*evidence)) : QJsonValue(QJsonValue::Null)}};
    return m_client->send(
        "PATCH", u"/api/v1/attachments/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))),
        QJsonDocument(body));
}

} // namespace pd
