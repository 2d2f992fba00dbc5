#include "changescontroller.h"

#include "requestparsing.h"

namespace pd::server {

void ChangesController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/changes"), Access::signedIn(), [this](RequestContext &c) {
        const qint64 cursor = parseCursor(c.request.query.queryItemValue(QStringLiteral("cursor")));
        const int limit =
            parseLimit(c.request.query.queryItemValue(QStringLiteral("limit")), kDefaultLimit, kMaxLimit);
        std::optional<QString> teamOnly;
        if (c.role() == Role::Agent)
            teamOnly = c.user().teamId; // an agent without a team sees no tickets
        const ChangesPage page = m_docs.changes(cursor, limit, teamOnly);
        QByteArray out;
        out.reserve(page.items.size() * 600 + 100);
        out.append(R"({"items":[)");
        bool first = true;
        for (const Doc &d : page.items) {
            if (!first)
                out.append(',');
            first = false;
            out.append(R"({"type":)").append(jsonString(d.type));
            out.append(R"(,"id":)").append(jsonString(d.id));
            out.append(R"(,"version":)").append(QByteArray::number(d.version));
            out.append(R"(,"deleted":)").append(d.deleted ? "true" : "false");
            out.append(R"(,"data":)").append(d.deleted ? QByteArrayLiteral("null") : d.data);
            out.append('}');
        }
        out.append(R"(],"next_cursor":)").append(jsonString(formatCursor(page.nextCursor)));
        out.append(R"(,"has_more":)").append(page.hasMore ? "true" : "false");
        out.append(R"(,"remaining":)").append(QByteArray::number(page.remaining));
        out.append('}');
        return jsonResponse(200, out);
    });
}

} // namespace pd::server
