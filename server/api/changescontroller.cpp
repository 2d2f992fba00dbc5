#include "changescontroller.h"

#include "requestparsing.h"

namespace pd::server {

FeedScope ChangesController::scopeOf(const User &u)
{
    // An agent without a team sees no tickets ("t-"). A supervisor reads every team and gets the customer
    // data of their own team in full: a new team is a new scope, so the feed starts over (with reset) and
    // the console drops what it held in full.
    switch (u.role) {
    case Role::Agent:
        return FeedScope{false, u.teamId, false};
    case Role::Supervisor:
        return FeedScope{true, u.teamId, true};
    case Role::Manager:
    case Role::Admin:
        break;
    }
    return FeedScope{true, {}, false};
}

void ChangesController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/changes"), Access::signedIn(), [this](RequestContext &c) {
        const Cursor cursor = parseCursor(c.request.query.queryItemValue(QStringLiteral("cursor")));
        const int limit =
            parseLimit(c.request.query.queryItemValue(QStringLiteral("limit")), kDefaultLimit, kMaxLimit);
        const FeedScope scope = scopeOf(c.user());
        // A cursor of another scope (the user changed team or role since) or of an older format cannot
        // continue: what the console holds may include records this user may no longer read (or no longer
        // read in full), and records of the new scope below the cursor were never sent. Start over and say
        // so.
        const bool reset = cursor.legacy || (!cursor.scope.isEmpty() && cursor.scope != scope.code());
        const ChangesPage page = m_docs.changes(reset ? 0 : cursor.seq, limit, scope,
                                                CustomerAccess::of(c.role(), c.user().id, c.user().teamId));
        QByteArray out;
        out.reserve(page.items.size() * 600 + 120);
        out.append(R"({"items":[)");
        bool first = true;
        for (const Doc &d : page.items) {
            if (!first)
                out.append(',');
            first = false;
            if (d.type == DocType::TicketWithdrawn) {
                // The ticket moved to another team: for this reader it is gone.
                out.append(R"({"type":"ticket","id":)").append(jsonString(d.parent));
                out.append(R"(,"version":)").append(QByteArray::number(d.version));
                out.append(R"(,"deleted":true,"reason":"withdrawn","data":null})");
                continue;
            }
            out.append(R"({"type":)").append(jsonString(d.type));
            out.append(R"(,"id":)").append(jsonString(d.id));
            out.append(R"(,"version":)").append(QByteArray::number(d.version));
            out.append(R"(,"deleted":)").append(d.deleted ? "true" : "false");
            out.append(R"(,"data":)").append(d.deleted ? QByteArrayLiteral("null") : d.data);
            out.append('}');
        }
        out.append(R"(],"next_cursor":)").append(jsonString(formatCursor(page.nextCursor, scope.code())));
        out.append(R"(,"has_more":)").append(page.hasMore ? "true" : "false");
        out.append(R"(,"remaining":)").append(QByteArray::number(page.remaining));
        out.append(R"(,"reset":)").append(reset ? "true" : "false");
        out.append('}');
        return jsonResponse(200, out);
    });
}

} // namespace pd::server
