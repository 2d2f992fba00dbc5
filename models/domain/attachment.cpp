#include "attachment.h"

#include "jsonreader.h"

#include <QRegularExpression>

#include <algorithm>

namespace pd {

QList<EvidenceKind> evidenceChecklist(Category category)
{
    switch (category) {
    case Category::Damage:
        return {EvidenceKind::OuterBox, EvidenceKind::Goods, EvidenceKind::Label};
    case Category::Loss:
        return {EvidenceKind::ValueDeclaration};
    case Category::Delay:
    case Category::WrongItem:
    case Category::Service:
    case Category::Other:
        break;
    }
    return {};
}

bool evidenceComplete(Category category, const QList<EvidenceKind> &present)
{
    const QList<EvidenceKind> wanted = evidenceChecklist(category);
    return std::all_of(wanted.cbegin(), wanted.cend(),
                       [&present](EvidenceKind k) { return present.contains(k); });
}

QJsonObject Attachment::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("ticket_id"), ticketId},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("content_type"), contentType},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("sha256"), sha256},
                  {QStringLiteral("created_at"), instantToIso(createdAt)},
                  {QStringLiteral("version"), version}};
    if (!eventId.isEmpty())
        o.insert(QStringLiteral("event_id"), eventId);
    if (evidence)
        o.insert(QStringLiteral("evidence"), toCode(*evidence));
    if (!createdBy.isEmpty())
        o.insert(QStringLiteral("created_by"), createdBy);
    return o;
}

std::optional<Attachment> Attachment::fromJson(const QJsonObject &o, JsonError *error)
{
    static const QRegularExpression kSha256(QStringLiteral("^[0-9a-f]{64}$"));
    JsonReader r(o);
    Attachment a;
    a.id = r.string("id", true, 64);
    a.ticketId = r.string("ticket_id", true, 64);
    a.eventId = r.string("event_id", false, 64);
    a.name = r.string("name", true, kMaxAttachmentNameLength);
    a.contentType = r.string("content_type", false, 100);
    a.size = r.integer("size");
    a.sha256 = r.string("sha256", false, 64);
    a.evidence = r.optEnum<EvidenceKind>("evidence");
    a.createdBy = r.string("created_by", false, 64);
    a.createdAt = r.instant("created_at");
    a.version = r.integer("version");
    if (a.size < 0)
        r.fail("size", JsonReader::tr("must not be negative"));
    if (!a.sha256.isEmpty() && !kSha256.match(a.sha256).hasMatch())
        r.fail("sha256", JsonReader::tr("must be 64 lower-case hexadecimal digits"));
    if (!r.report(error))
        return std::nullopt;
    return a;
}

} // namespace pd
