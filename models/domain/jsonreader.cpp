#include "jsonreader.h"

#include <cmath>

namespace pd {

void JsonReader::fail(const char *name, const QString &message)
{
    if (!ok())
        return; // keep the first problem: it is usually the cause of the rest
    m_error.field = QString::fromLatin1(name);
    m_error.message = message;
}

QString JsonReader::string(const char *name, bool required, int maxLength)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(name, tr("is required"));
        return {};
    }
    if (!v.isString()) {
        fail(name, tr("must be text"));
        return {};
    }
    QString s = v.toString();
    if (required && s.trimmed().isEmpty())
        fail(name, tr("must not be empty"));
    if (s.size() > maxLength)
        fail(name, tr("is longer than %n character(s)", nullptr, maxLength));
    return s;
}

OptInstant JsonReader::optInstant(const char *name)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    auto t = instantFromIso(v.toString());
    if (!t)
        fail(name, tr("must be an ISO 8601 time with a time zone offset, e.g. 2026-11-23T08:15:00Z"));
    return t;
}

Instant JsonReader::instant(const char *name)
{
    if (m_o.value(QLatin1StringView(name)).isUndefined()) {
        fail(name, tr("is required"));
        return 0;
    }
    return optInstant(name).value_or(0);
}

qint64 JsonReader::integer(const char *name, qint64 fallback)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d) {
        fail(name, tr("must be a whole number"));
        return fallback;
    }
    return qint64(d);
}

std::optional<int> JsonReader::optIntInRange(const char *name, int min, int max)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::floor(d) != d || d < min || d > max) {
        fail(name, tr("must be a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(d);
}

std::optional<qint64> JsonReader::optMoneyFen(const char *name)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double yuan = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(yuan) || yuan < 0 || yuan > 1e10) {
        fail(name, tr("must be an amount in yuan, zero or more"));
        return std::nullopt;
    }
    return qint64(std::llround(yuan * 100.0));
}

qint64 JsonReader::moneyFen(const char *name)
{
    return optMoneyFen(name).value_or(0);
}

std::optional<GeoPoint> JsonReader::geo(const char *name)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const QJsonObject g = v.toObject();
    const double lat = g.value(QLatin1StringView("lat")).toDouble(std::nan(""));
    const double lon = g.value(QLatin1StringView("lon")).toDouble(std::nan(""));
    if (!v.isObject() || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
        fail(name, tr("must be {\"lat\": -90…90, \"lon\": -180…180}"));
        return std::nullopt;
    }
    return GeoPoint{lat, lon};
}

bool JsonReader::boolean(const char *name, bool fallback)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(name, tr("must be true or false"));
        return fallback;
    }
    return v.toBool();
}

QJsonObject JsonReader::object(const char *name)
{
    const auto v = m_o.value(QLatin1StringView(name));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject())
        fail(name, tr("must be an object"));
    return v.toObject();
}

void putInstant(QJsonObject &o, const char *name, const OptInstant &v)
{
    if (v)
        o.insert(QLatin1StringView(name), instantToIso(*v));
}

void putGeo(QJsonObject &o, const char *name, const std::optional<GeoPoint> &v)
{
    if (v)
        o.insert(QLatin1StringView(name),
                 QJsonObject{{QStringLiteral("lat"), v->lat}, {QStringLiteral("lon"), v->lon}});
}

void putMoney(QJsonObject &o, const char *name, qint64 fen)
{
    o.insert(QLatin1StringView(name), double(fen) / 100.0);
}

} // namespace pd
