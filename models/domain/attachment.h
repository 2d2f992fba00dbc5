#pragma once

#include "models/domain/entities.h"
#include "models/domain/enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pd {

/// What a piece of evidence shows (docs/attachments.md, "Evidence checklist"): the checklist of a damage
/// complaint asks for the outer box, the goods and the label, that of a loss complaint for the declaration of
/// value.
enum class EvidenceKind
{
    OuterBox,
    Goods,
    Label,
    ValueDeclaration,
    Other
};
PD_DECLARE_ENUM_CODES(EvidenceKind)

/// @brief The evidence a complaint of @p category should carry before it is decided; empty when none is
/// asked.
[[nodiscard]] QList<EvidenceKind> evidenceChecklist(Category category);

/// @brief True when every item of @p category's checklist is among @p present (an empty checklist is
/// complete).
[[nodiscard]] bool evidenceComplete(Category category, const QList<EvidenceKind> &present);

/// Limits the server enforces unless configured otherwise (docs/attachments.md, "Limits").
inline constexpr qint64 kDefaultMaxAttachmentBytes = 20LL * 1024 * 1024;
inline constexpr qint64 kDefaultMaxTicketAttachmentBytes = 100LL * 1024 * 1024;
inline constexpr int kMaxAttachmentNameLength = 255;

/**
 * @brief A file kept on a ticket as evidence or with a reply: a photo, a PDF or a short video.
 *
 * The bytes live on the server, once per content (content-addressed by SHA-256); this record travels through
 * the change feed like a ticket event. The id is made by the console that adds the file, so a retried upload
 * never stores it twice. The server decides the content type from the bytes, not from the name.
 */
struct Attachment
{
    QString id;
    QString ticketId;
    QString eventId;     ///< the reply or note it was sent with; empty for a file added on its own
    QString name;        ///< the file name as given, for display and download only
    QString contentType; ///< e.g. "image/jpeg", "application/pdf", "video/mp4"; set by the server
    qint64 size = 0;     ///< bytes as stored (after location data was removed from a photo)
    QString sha256;      ///< lower-case hex of the stored bytes
    std::optional<EvidenceKind> evidence;
    QString createdBy;
    Instant createdAt = 0;
    qint64 version = 0;

    [[nodiscard]] bool isImage() const { return contentType.startsWith(QLatin1StringView("image/")); }
    [[nodiscard]] bool isVideo() const { return contentType.startsWith(QLatin1StringView("video/")); }

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Attachment> fromJson(const QJsonObject &o, JsonError *error = nullptr);
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

} // namespace pd
