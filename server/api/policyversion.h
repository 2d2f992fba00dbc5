#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace pd::server {

/**
 * @brief The version check of a policy PUT (routing, compensation): a manager edits the version the server
 * holds. @p ifMatch (the If-Match header, when sent) and @p edited (the policy's own "version") must both be
 * @p stored; otherwise a 412 `version_mismatch` ApiError with @p message and the stored policy
 * (@p storedJson) as `current` is thrown, naming If-Match or version as the field.
 */
void requireStoredVersion(std::optional<qint64> ifMatch, qint64 edited, qint64 stored,
                          const QByteArray &storedJson, const QString &message);

} // namespace pd::server
