#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <exception>

namespace pd::server {

/**
 * @brief A failure that becomes an error response {"error":{"code","message","field"}}.
 *
 * Controllers throw it; the router catches it and writes the status. Messages are English and say what to
 * change; they never contain passwords, tokens or full phone numbers.
 */
class ApiError final : public std::exception
{
public:
    ApiError(int status, QString code, QString message, QString field = {})
        : m_status(status)
        , m_code(std::move(code))
        , m_message(std::move(message))
        , m_field(std::move(field))
    {}

    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] const QString &code() const { return m_code; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const QString &field() const { return m_field; }
    [[nodiscard]] const char *what() const noexcept override { return "pd::server::ApiError"; }

    /// @brief A current copy of the resource to send with 409/412 (JSON object text), empty if none.
    QByteArray currentJson;
    /// @brief Seconds for a Retry-After header (429, 503); 0 = none.
    int retryAfterSeconds = 0;
    /// @brief Further members of the "error" object that tell the client how to go on (an upload's
    /// "received", a size "limit"); empty for most errors.
    QJsonObject details;

    static ApiError badRequest(const QString &message, const QString &field = {})
    {
        return {400, QStringLiteral("bad_request"), message, field};
    }
    static ApiError unauthorized(const QString &message)
    {
        return {401, QStringLiteral("unauthorized"), message};
    }
    static ApiError forbidden(const QString &message) { return {403, QStringLiteral("forbidden"), message}; }
    static ApiError notFound(const QString &message) { return {404, QStringLiteral("not_found"), message}; }
    static ApiError conflict(const QString &message, const QString &field = {})
    {
        return {409, QStringLiteral("conflict"), message, field};
    }
    static ApiError invalid(const QString &field, const QString &message)
    {
        return {422, QStringLiteral("invalid_field"), message, field};
    }
    /// @brief A policy (routing, compensation) that did not validate: every "field: message" line of @p
    /// errors, the first line's field as the error's field; @p fallback when there are none.
    static ApiError invalidPolicy(const QStringList &errors, const QString &fallback)
    {
        const QString first = errors.isEmpty() ? fallback : errors.constFirst();
        const QString field = first.contains(u':') ? first.section(u':', 0, 0).trimmed() : QString();
        return invalid(field, errors.isEmpty() ? fallback : errors.join(u'\n'));
    }

private:
    int m_status;
    QString m_code;
    QString m_message;
    QString m_field;
};

} // namespace pd::server
