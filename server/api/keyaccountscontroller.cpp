#include "keyaccountscontroller.h"

#include "requestparsing.h"

#include <QJsonArray>

namespace pd::server {

namespace {
QString phoneOf(const QJsonObject &body)
{
    const QJsonValue v = body.value(QStringLiteral("phone"));
    if (!v.isString())
        throw ApiError::invalid(QStringLiteral("phone"),
                                KeyAccountService::tr("Send the customer's phone number as \"phone\"."));
    return v.toString().left(40);
}

QJsonObject changeJson(const KeyAccountService::Change &c)
{
    return QJsonObject{{QStringLiteral("phone_masked"), c.phoneMasked},
                       {QStringLiteral("changed"), c.changed},
                       {QStringLiteral("tickets_reflagged"), c.reflagged}};
}
} // namespace

void KeyAccountsController::registerRoutes(Router &router)
{
    const Access managers = Access::only({Role::Manager, Role::Admin});
    router.add("GET", QStringLiteral("/api/v1/key-accounts"), managers, [this](RequestContext &) {
        QJsonArray items;
        const QList<KeyAccount> list = m_service.list();
        for (const KeyAccount &k : list)
            items.append(QJsonObject{{QStringLiteral("phone_masked"), k.phoneMasked},
                                     {QStringLiteral("label"), k.label},
                                     {QStringLiteral("since"), instantToIso(k.sinceMs)}});
        return jsonResponse(200, QJsonObject{{QStringLiteral("items"), items}});
    });
    router.add("PUT", QStringLiteral("/api/v1/key-accounts"), managers, [this](RequestContext &c) {
        const QJsonObject body = parseJsonObject(c.request.body);
        const QJsonValue label = body.value(QStringLiteral("label"));
        if (!label.isUndefined() && !label.isNull() && !label.isString())
            throw ApiError::invalid(QStringLiteral("label"), KeyAccountService::tr("label must be text."));
        const auto change =
            m_service.set(Actor::of(c.user()), c.user().login, phoneOf(body), label.toString());
        return jsonResponse(change.changed ? 201 : 200, changeJson(change));
    });
    router.add("DELETE", QStringLiteral("/api/v1/key-accounts"), managers, [this](RequestContext &c) {
        const QJsonObject body = parseJsonObject(c.request.body);
        const auto change = m_service.remove(Actor::of(c.user()), c.user().login, phoneOf(body));
        if (!change.changed)
            throw ApiError::notFound(KeyAccountService::tr("That number is not a key account."));
        return jsonResponse(200, changeJson(change));
    });
}

} // namespace pd::server
