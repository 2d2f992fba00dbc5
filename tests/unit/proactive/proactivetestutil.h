#pragma once

#include "models/proactive/exceptiondetector.h"
#include "tests/common/isoinstant.h"

#include <QTest>

// Shared fixtures of the proactive-service tests: parcels, tracking events and instants with explicit
// offsets, so no expected value depends on the process time zone.

namespace pd::test {

inline constexpr qint64 kMinute = 60 * 1000;
inline constexpr qint64 kHour = 60 * kMinute;

/// Monday 2026-11-23 08:00 Asia/Shanghai: an even UTC hour, so 120-minute incident windows start here.
inline Instant t0()
{
    return at("2026-11-23T08:00:00+08:00");
}

inline Parcel parcel(const QString &waybill, const QString &station, OptInstant promisedAt = std::nullopt)
{
    Parcel p;
    p.waybillNo = waybill;
    p.stationId = station;
    p.promisedAt = promisedAt;
    return p;
}

inline TrackingEvent scan(const QString &id, const QString &waybill, ParcelStatus status, Instant when,
                          const QString &place = QStringLiteral("上海转运中心"), const QString &reason = {})
{
    TrackingEvent e;
    e.id = id;
    e.waybillNo = waybill;
    e.status = status;
    e.at = when;
    e.place = place;
    e.reason = reason;
    return e;
}

} // namespace pd::test
