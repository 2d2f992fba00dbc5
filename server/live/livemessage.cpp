#include "livemessage.h"

#include "server/api/requestparsing.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pd::server {

LiveClientMessage LiveClientMessage::parse(QStringView text)
{
    LiveClientMessage m;
    // UTF-16 units: at most 3 UTF-8 bytes each, so the check is exact enough without converting first.
    if (text.isEmpty() || text.size() > kMaxBytes)
        return m;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > kMaxBytes)
        return m;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8);
    if (!doc.isObject())
        return m;
    const QJsonObject o = doc.object();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1StringView("ping")) {
        m.kind = Kind::Ping;
        return m;
    }
    if (kind != QLatin1StringView("presence"))
        return m;
    const QJsonValue ticket = o.value(QStringLiteral("ticket_id"));
    const QJsonValue mode = o.value(QStringLiteral("mode"));
    if (!ticket.isString() || !mode.isString() || !isValidId(ticket.toString()))
        return m;
    const QString modeText = mode.toString();
    if (modeText != QLatin1StringView("view") && modeText != QLatin1StringView("edit") &&
        modeText != QLatin1StringView("leave"))
        return m;
    m.kind = Kind::Presence;
    m.ticketId = ticket.toString();
    m.mode = modeText;
    return m;
}

} // namespace pd::server
