#include "contentcheck.h"

#include <QLoggingCategory>

#include <magic.h>

// Exiv2 0.27 hands out std::auto_ptr (deprecated since C++11); its use is confined to this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

#include <mutex>

using namespace Qt::StringLiterals;

namespace pd::server::ContentCheck {

namespace {
Q_LOGGING_CATEGORY(lcAttachments, "pd.server.attachments")

void quietExiv2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::enableBMFF(true); // HEIC (read only in 0.27)
    });
}

/// @brief The photo's Exif keys of the group GPSInfo.
QStringList gpsKeys(const Exiv2::ExifData &exif)
{
    QStringList keys;
    for (const auto &d : exif) {
        if (d.groupName() == "GPSInfo")
            keys.append(QString::fromStdString(d.key()));
    }
    return keys;
}

Exiv2::Image::AutoPtr openImage(const QByteArray &bytes)
{
    quietExiv2();
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
        reinterpret_cast<const Exiv2::byte *>(bytes.constData()), long(bytes.size()));
    image->readMetadata();
    return image;
}
} // namespace

const QStringList &allowedTypes()
{
    static const QStringList types{u"image/jpeg"_s, u"image/png"_s,      u"image/gif"_s,
                                   u"image/webp"_s, u"image/heic"_s,     u"application/pdf"_s,
                                   u"video/mp4"_s,  u"video/quicktime"_s};
    return types;
}

QString mimeType(const QByteArray &bytes)
{
    // One cookie per call: libmagic's cookies are not thread-safe and loading the database costs ~1 ms,
    // nothing next to hashing the file.
    magic_t cookie = magic_open(MAGIC_MIME_TYPE);
    if (!cookie)
        return u"application/octet-stream"_s;
    QString type = u"application/octet-stream"_s;
    if (magic_load(cookie, nullptr) == 0) {
        if (const char *found = magic_buffer(cookie, bytes.constData(), size_t(bytes.size())))
            type = QString::fromLatin1(found);
    } else {
        qCWarning(lcAttachments) << "libmagic database not loaded:" << magic_error(cookie);
    }
    magic_close(cookie);
    return type;
}

Stripped removeLocation(const QByteArray &bytes)
{
    Stripped out{bytes, 0, false};
    QStringList keys;
    Exiv2::Image::AutoPtr image;
    try {
        image = openImage(bytes);
        keys = gpsKeys(image->exifData());
    } catch (const std::exception &e) {
        return out; // not a format Exiv2 reads: nothing it could remove either
    }
    if (keys.isEmpty())
        return out;
    try {
        Exiv2::ExifData &exif = image->exifData();
        for (auto it = exif.begin(); it != exif.end();) {
            if (it->groupName() == "GPSInfo")
                it = exif.erase(it);
            else
                ++it;
        }
        image->writeMetadata();
        Exiv2::BasicIo &io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf buf = io.read(long(io.size()));
        out.bytes = QByteArray(reinterpret_cast<const char *>(buf.pData_), qsizetype(buf.size_));
        out.removed = int(keys.size());
    } catch (const std::exception &e) {
        qCWarning(lcAttachments) << "location data not removed:" << e.what();
        out.bytes = bytes;
        out.failed = true;
    }
    return out;
}

QStringList locationTags(const QByteArray &bytes)
{
    try {
        return gpsKeys(openImage(bytes)->exifData());
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace pd::server::ContentCheck

#pragma GCC diagnostic pop
