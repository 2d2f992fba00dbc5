#include "requestparsing.h"

#include "apierror.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace pd::server {

namespace {
constexpr QLatin1StringView kLegacyCursorPrefix("c1.");
// c2 cursors were issued before customer data was served by role: what a console holds from them is full
// data, so they are answered like c1 cursors (from the beginning, with reset).
constexpr QLatin1StringView kUnmaskedCursorPrefix("c2.");
constexpr QLatin1StringView kCursorPrefix("c3.");

bool isScope(const QString &scope)
{
    if (scope == QLatin1StringView("all"))
        return true;
    const bool team = scope.startsWith(QLatin1StringView("t-")) || scope.startsWith(QLatin1StringView("s-"));
    return team && (scope.size() == 2 || isValidId(scope.mid(2)));
}

bool isIdChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_');
}
} // namespace

QJsonObject parseJsonObject(const QByteArray &body)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                       .arg(err.errorString())
                                       .arg(err.offset));
    if (!doc.isObject())
        throw ApiError::badRequest(QStringLiteral("The body must be a JSON object."));
    return doc.object();
}

Cursor parseCursor(const QString &cursor)
{
    Cursor out;
    if (cursor.isEmpty())
        return out;
    bool ok = false;
    if (cursor.startsWith(kLegacyCursorPrefix)) {
        out.seq = cursor.mid(kLegacyCursorPrefix.size()).toLongLong(&ok);
        out.legacy = true;
    } else if ((cursor.startsWith(kCursorPrefix) || cursor.startsWith(kUnmaskedCursorPrefix)) &&
               cursor.size() <= 200) {
        const QString rest = cursor.mid(kCursorPrefix.size());
        const qsizetype dot = rest.indexOf(QLatin1Char('.'));
        out.scope = dot > 0 ? rest.mid(dot + 1) : QString();
        out.seq = dot > 0 ? rest.left(dot).toLongLong(&ok) : 0;
        ok = ok && isScope(out.scope);
        out.legacy = cursor.startsWith(kUnmaskedCursorPrefix);
    }
    if (!ok || out.seq < 0)
        throw ApiError::badRequest(QStringLiteral("The cursor is not one this server issued."),
                                   QStringLiteral("cursor"));
    return out;
}

QString formatCursor(qint64 seq, const QString &scope)
{
    return kCursorPrefix + QString::number(seq) + QLatin1Char('.') + scope;
}

bool isUuid(const QString &id)
{
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                     (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
                     (c >= QLatin1Char('A') && c <= QLatin1Char('F')))) {
            return false;
        }
    }
    return true;
}

int parseLimit(const QString &text, int defaultLimit, int maxLimit)
{
    if (text.isEmpty())
        return defaultLimit;
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 1 || v > maxLimit)
        throw ApiError::badRequest(QStringLiteral("limit must be a whole number from 1 to %1.").arg(maxLimit),
                                   QStringLiteral("limit"));
    return v;
}

std::optional<qint64> parseIfMatch(const QByteArray &header)
{
    QByteArray v = header.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (v.startsWith("W/"))
        v = v.mid(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.mid(1, v.size() - 2);
    bool ok = false;
    const qint64 version = v.toLongLong(&ok);
    if (!ok || version < 0)
        throw ApiError::badRequest(QStringLiteral("If-Match must carry the version number you last saw."),
                                   QStringLiteral("If-Match"));
    return version;
}

QString parseIdempotencyKey(const QByteArray &header)
{
    const QString key = QString::fromLatin1(header.trimmed());
    if (key.isEmpty())
        return {};
    if (key.size() < 8 || key.size() > 100 || !std::all_of(key.begin(), key.end(), isIdChar))
        throw ApiError::badRequest(
            QStringLiteral("Idempotency-Key must be 8 to 100 letters, digits, '-' or '_' (a UUID)."),
            QStringLiteral("Idempotency-Key"));
    return key;
}

QByteArray bearerToken(const QByteArray &authorization)
{
    const QByteArray v = authorization.trimmed();
    if (v.size() > 7 && v.left(7).compare(QByteArrayLiteral("bearer "), Qt::CaseInsensitive) == 0)
        return v.mid(7).trimmed();
    return {};
}

bool isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 100)
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](QChar c) { return isIdChar(c) || c == QLatin1Char('.') || c == QLatin1Char(':'); });
}

namespace {
/// @brief The two-character escape of @p c in a JSON string, as QJsonDocument writes it; null when it has
/// none.
const char *shortEscape(unsigned char c)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        return nullptr;
    }
}
} // namespace

QByteArray jsonString(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    appendJsonString(out, s.toUtf8());
    return out;
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out.append('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (const char *escape = shortEscape(c)) {
            out.append(escape);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        } else {
            out.append(ch);
        }
    }
    out.append('"');
}

} // namespace pd::server
