// libFuzzer target: everything the server reads from an untrusted request before it touches storage.
// The first byte picks the parser; the rest is its input. Built with clang by scripts/fuzz.sh.
#include "server/api/apierror.h"
#include "server/api/eventdata.h"
#include "server/api/requestparsing.h"
#include "server/http/requestparser.h"
#include "server/importer/csvreader.h"
#include "server/live/livemessage.h"

#include "models/domain/entities.h"
#include "models/domain/validation.h"
#include "models/sla/policy.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

void parseJson(const QByteArray &body)
{
    try {
        const QJsonObject o = pd::server::parseJsonObject(body);
        pd::JsonError err;
        (void)pd::Ticket::fromJson(o, &err);
        (void)pd::TicketEvent::fromJson(o, &err);
        (void)pd::Parcel::fromJson(o, &err);
        (void)pd::User::fromJson(o, &err);
        (void)pd::SlaPolicy::fromJson(o, &err);
        if (const auto t = pd::Ticket::fromJson(o))
            (void)pd::Ticket::fromJson(t->toJson()); // a round trip must parse again
    } catch (const pd::server::ApiError &) {
        // Refusing malformed input with an error is the expected outcome.
    }
}

void parseHeaders(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    try {
        (void)pd::server::parseCursor(text);
    } catch (const pd::server::ApiError &) {
    }
    try {
        (void)pd::server::parseLimit(text, 500, 5000);
    } catch (const pd::server::ApiError &) {
    }
    try {
        (void)pd::server::parseIfMatch(data);
    } catch (const pd::server::ApiError &) {
    }
    try {
        (void)pd::server::parseIdempotencyKey(data);
    } catch (const pd::server::ApiError &) {
    }
    (void)pd::server::bearerToken(data);
    (void)pd::server::isValidId(text);
    (void)pd::server::isUuid(text);
    try {
        // A cursor we issue must read back as itself.
        const pd::server::Cursor c = pd::server::parseCursor(text);
        if (!c.legacy && !c.scope.isEmpty()) {
            const pd::server::Cursor again =
                pd::server::parseCursor(pd::server::formatCursor(c.seq, c.scope));
            if (again.seq != c.seq || again.scope != c.scope)
                __builtin_trap();
        }
    } catch (const pd::server::ApiError &) {
    }
    (void)pd::server::jsonString(text);
    (void)pd::Validation::checkWaybill(text);
    (void)pd::Validation::checkPhone(text);
    (void)pd::instantFromIso(text);
}

void parseCsv(const QByteArray &data)
{
    QList<pd::server::CsvReader::Row> rows;
    QString error;
    (void)pd::server::CsvReader::parse(data, &rows, &error);
}

/// The HTTP/1.1 request parser as a connection drives it: bytes arrive in pieces, the unconsumed rest is
/// offered again with the next piece, requests follow each other (pipelining).
void parseHttp(const QByteArray &data)
{
    pd::server::RequestParser parser(2048, 4096);
    using Status = pd::server::RequestParser::Status;
    const qsizetype step = std::max<qsizetype>(1, data.size() / 5);
    qsizetype offset = 0;
    qsizetype available = 0;
    for (int rounds = 0; rounds < 10000; ++rounds) {
        if (parser.status() == Status::HeaderReady) {
            (void)parser.request().path;
            parser.startBody();
            continue;
        }
        if (parser.status() == Status::Complete) {
            const pd::server::HttpRequest r = parser.takeRequest();
            if (r.body.size() > 4096)
                __builtin_trap(); // the body limit holds
            parser.reset();
            continue;
        }
        if (parser.status() == Status::Failed)
            return;
        if (available < data.size())
            available = std::min(data.size(), available + step);
        const qsizetype used = parser.feed(data.constData() + offset, available - offset);
        if (used < 0 || used > available - offset)
            __builtin_trap();
        offset += used;
        if (used == 0 && available == data.size() && parser.status() != Status::HeaderReady &&
            parser.status() != Status::Complete)
            return;
    }
}

/// @brief A message a live client sends over its WebSocket (text as the socket delivers it).
void parseLiveMessage(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    const pd::server::LiveClientMessage m = pd::server::LiveClientMessage::parse(text);
    if (m.kind == pd::server::LiveClientMessage::Kind::Presence &&
        (!pd::server::isValidId(m.ticketId) ||
         text.toUtf8().size() > pd::server::LiveClientMessage::kMaxBytes))
        __builtin_trap(); // only valid presence gets through, never oversize text
}

/// @brief The data of a posted event: the next byte picks the kind, the rest is the JSON object. What is kept
/// must pass the same check again unchanged, and hold no field the kind does not define.
void checkEventData(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    const QStringList kinds = pd::allCodes<pd::EventKind>();
    const pd::EventKind kind =
        pd::fromCode<pd::EventKind>(kinds.at(qsizetype(quint8(data.at(0))) % kinds.size())).value();
    QJsonObject o;
    try {
        o = pd::server::parseJsonObject(data.mid(1));
    } catch (const pd::server::ApiError &) {
        return;
    }
    try {
        const QJsonObject kept = pd::server::sanitizeEventData(kind, o);
        if (pd::server::sanitizeEventData(kind, kept) != kept)
            __builtin_trap();
        static const QStringList allowed{QStringLiteral("direction"),   QStringLiteral("duration_s"),
                                         QStringLiteral("outcome"),     QStringLiteral("to"),
                                         QStringLiteral("resolution"),  QStringLiteral("compensation_amount"),
                                         QStringLiteral("assignee_id"), QStringLiteral("team_id"),
                                         QStringLiteral("priority"),    QStringLiteral("reason"),
                                         QStringLiteral("csat"),        QStringLiteral("nps")};
        for (const QString &key : kept.keys()) {
            if (!allowed.contains(key))
                __builtin_trap();
        }
    } catch (const pd::server::ApiError &) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 6) {
    case 0:
        parseJson(input);
        break;
    case 1:
        parseHeaders(input);
        break;
    case 2:
        parseCsv(input);
        break;
    case 3:
        parseHttp(input);
        break;
    case 4:
        parseLiveMessage(input);
        break;
    default:
        checkEventData(input);
        break;
    }
    return 0;
}
