#pragma once

#include "entities.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pd {

/**
 * @brief Reads typed fields out of a JSON object and remembers the first problem.
 *
 * Each getter returns a value even after a failure so callers can read all fields in a row and check ok()
 * once; the first error (field name and translated message) is what gets reported.
 */
class JsonReader final
{
    Q_DECLARE_TR_FUNCTIONS(pd::JsonReader)
public:
    explicit JsonReader(const QJsonObject &o)
        : m_o(o)
    {}

    [[nodiscard]] bool ok() const { return m_error.field.isEmpty() && m_error.message.isEmpty(); }
    [[nodiscard]] const JsonError &error() const { return m_error; }
    bool report(JsonError *out) const
    {
        if (out && !ok())
            *out = m_error;
        return ok();
    }

    QString string(const char *name, bool required = false, int maxLength = 100000);
    Instant instant(const char *name);
    OptInstant optInstant(const char *name);
    qint64 integer(const char *name, qint64 fallback = 0);
    std::optional<int> optIntInRange(const char *name, int min, int max);
    qint64 moneyFen(const char *name);
    std::optional<qint64> optMoneyFen(const char *name);
    std::optional<GeoPoint> geo(const char *name);
    bool boolean(const char *name, bool fallback = false);
    QJsonObject object(const char *name);

    template<typename E>
    E enumValue(const char *name, E fallback, bool required = false)
    {
        const auto v = m_o.value(QLatin1StringView(name));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(name, tr("is required"));
            return fallback;
        }
        if (auto e = fromCode<E>(v.toString()))
            return *e;
        fail(name, tr("must be one of: %1").arg(allCodes<E>().join(QLatin1StringView(", "))));
        return fallback;
    }

    template<typename E>
    std::optional<E> optEnum(const char *name)
    {
        const auto v = m_o.value(QLatin1StringView(name));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (auto e = fromCode<E>(v.toString()))
            return e;
        fail(name, tr("must be one of: %1").arg(allCodes<E>().join(QLatin1StringView(", "))));
        return std::nullopt;
    }

    void fail(const char *name, const QString &message);

private:
    QJsonObject m_o;
    JsonError m_error;
};

/// @brief Writes optional values only when set, so JSON stays small and "absent" means unset.
void putInstant(QJsonObject &o, const char *name, const OptInstant &v);
void putGeo(QJsonObject &o, const char *name, const std::optional<GeoPoint> &v);
void putMoney(QJsonObject &o, const char *name, qint64 fen);

} // namespace pd
