#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pd::server {

/**
 * @brief What the server learns from an attachment's bytes: its type (libmagic, never the name) and, for a
 * photo, the same bytes without location data (Exiv2).
 */
namespace ContentCheck {

/// @brief The types an attachment may have (docs/attachments.md): photos, PDF, short videos.
[[nodiscard]] const QStringList &allowedTypes();

/// @brief The MIME type libmagic finds in @p bytes ("application/octet-stream" when it cannot tell).
[[nodiscard]] QString mimeType(const QByteArray &bytes);

/// @brief The outcome of removeLocation().
struct Stripped
{
    QByteArray bytes;    ///< the photo without GPS tags (or unchanged when it had none)
    int removed = 0;     ///< how many GPS tags were removed
    bool failed = false; ///< it has GPS tags that could not be removed (a format Exiv2 cannot write)
};

/**
 * @brief Removes every Exif tag of the group GPSInfo from a photo (JPEG, PNG, WebP, HEIC as far as Exiv2
 * reads it); the image data are not decoded or changed. Bytes Exiv2 cannot read come back unchanged.
 */
[[nodiscard]] Stripped removeLocation(const QByteArray &bytes);

/// @brief The names of the GPS tags in @p bytes (tests and the log); empty when none or unreadable.
[[nodiscard]] QStringList locationTags(const QByteArray &bytes);

} // namespace ContentCheck

} // namespace pd::server
