#pragma once

#include "models/domain/entities.h"

#include <QtGlobal>

namespace pd::test {

/// @brief The instant of an ISO 8601 text with an explicit offset ("2026-11-23T09:00:00+08:00"), so no
/// expected value depends on the process time zone; a malformed text stops the test.
inline Instant at(const char *iso)
{
    const auto t = instantFromIso(QString::fromLatin1(iso));
    if (!t)
        qFatal("bad ISO instant in test data: %s", iso);
    return *t;
}

} // namespace pd::test
