#pragma once

#include "server/http/httptypes.h"

#include <QJsonObject>

#include <optional>

/**
 * @file
 * @brief Reading untrusted request input: JSON bodies, cursors, limits, If-Match, Idempotency-Key, tokens.
 *
 * Each function either returns a value or throws ApiError with the status the protocol names (400 for
 * malformed input, 422 for a field that is well formed but not acceptable, 428 for a missing precondition).
 * These are the functions the fuzz target drives.
 */

namespace pd::server {

/// @brief The largest request body accepted by default (1 MiB); larger ones get 413.
inline constexpr qsizetype kDefaultBodyLimit = 1024 * 1024;

/// @brief Parses a body that must be one JSON object (400 otherwise).
[[nodiscard]] QJsonObject parseJsonObject(const QByteArray &body);

/// @brief A change cursor as read from a request.
struct Cursor
{
    qint64 seq = 0;
    QString scope; ///< "all", "s-<team id>", "t-<team id>"; empty for an empty or a "c1." cursor
    /// An older cursor: "c1.<seq>" (before cursors carried the reader's scope) or "c2.<seq>.<scope>" (before
    /// customer data was served by role). Answered from the beginning with reset.
    bool legacy = false;
};

/**
 * @brief Parses an opaque change cursor: "" (from the beginning), "c3.<seq>.<scope>", or the older
 * "c2.<seq>.<scope>" and "c1.<seq>"; 400 when it is not one of ours.
 */
[[nodiscard]] Cursor parseCursor(const QString &cursor);
/// @brief The text form of a cursor: "c3.<seq>.<scope>".
[[nodiscard]] QString formatCursor(qint64 seq, const QString &scope);

/// @brief True for a UUID in its 8-4-4-4-12 hexadecimal form (either case, no braces).
[[nodiscard]] bool isUuid(const QString &id);

/// @brief A page size from the query: default when absent, 400 when not a number in [1, max].
[[nodiscard]] int parseLimit(const QString &text, int defaultLimit, int maxLimit);

/// @brief The version in If-Match ("7" or "\"7\"" or W/"7"); nullopt when the header is absent.
[[nodiscard]] std::optional<qint64> parseIfMatch(const QByteArray &header);

/// @brief An Idempotency-Key: 8–100 characters of [A-Za-z0-9-_]; empty when absent; 400 when malformed.
[[nodiscard]] QString parseIdempotencyKey(const QByteArray &header);

/// @brief The bearer token of an Authorization header, or empty.
[[nodiscard]] QByteArray bearerToken(const QByteArray &authorization);

/// @brief Checks a client-supplied identifier (UUID or similar): 1–100 of [A-Za-z0-9-_.:].
[[nodiscard]] bool isValidId(const QString &id);

/// @brief Escapes a string as a JSON string literal (with the quotes), as QJsonDocument escapes it.
[[nodiscard]] QByteArray jsonString(const QString &s);
/// @brief Appends @p utf8 to @p out as jsonString() writes it.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace pd::server
