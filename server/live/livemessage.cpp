#include "livemessage.h"

#include "server/api/requestparsing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace pd::server {

namespace {
LiveClientMessage parseViewport(const QJsonObject &o)
{
    LiveClientMessage m;
    const QJsonValue bbox = o.value(QStringLiteral("bbox"));
    if (bbox.isNull()) {
        m.kind = LiveClientMessage::Kind::Viewport;
        return m;
    }
    if (!bbox.isArray())
        return m;
    const QJsonArray a = bbox.toArray();
    if (a.isEmpty()) {
        m.kind = LiveClientMessage::Kind::Viewport;
        m.area = LiveClientMessage::Area::None;
        return m;
    }
    if (a.size() != 4)
        return m;
    for (const QJsonValue &v : a) {
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return m;
    }
    const double w = a.at(0).toDouble(), s = a.at(1).toDouble(), e = a.at(2).toDouble(),
                 n = a.at(3).toDouble();
    if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n)
        return m;
    m.kind = LiveClientMessage::Kind::Viewport;
    m.area = LiveClientMessage::Area::Box;
    m.west = w;
    m.south = s;
    m.east = e;
    m.north = n;
    return m;
}
} // namespace

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
    if (kind == QLatin1StringView("viewport"))
        return parseViewport(o);
    if (kind == QLatin1StringView("status")) {
        const QJsonValue status = o.value(QStringLiteral("status"));
        if (!status.isString() || status.toString().size() > 32)
            return m;
        m.kind = Kind::Status;
        m.status = status.toString();
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
