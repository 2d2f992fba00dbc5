#include "slapolicycontroller.h"

#include "requestparsing.h"

#include <QJsonDocument>

namespace pd::server {

namespace {
QJsonObject withVersion(const SlaPolicy &p, qint64 version)
{
    QJsonObject o = p.toJson();
    o.insert(QStringLiteral("version"), version);
    return o;
}
} // namespace

void SlaPolicyController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/sla/policy"), Access::signedIn(), [this](RequestContext &) {
        qint64 version = 0;
        const SlaPolicy p = SlaService::storedPolicy(m_docs, &version).value_or(SlaPolicy());
        return jsonResponse(200, withVersion(p, version));
    });
    router.add("PUT", QStringLiteral("/api/v1/sla/policy"), Access::only({Role::Manager, Role::Admin}),
               [this](RequestContext &c) {
                   QJsonObject body = parseJsonObject(c.request.body);
                   body.remove(QStringLiteral("version"));
                   JsonError err;
                   const auto policy = SlaPolicy::fromJson(body, &err);
                   if (!policy)
                       throw ApiError::invalid(err.field, err.message);
                   const auto ifMatch = parseIfMatch(c.request.header("if-match"));
                   WriteTx tx(m_docs.db());
                   qint64 version = 0;
                   const auto current = SlaService::storedPolicy(m_docs, &version);
                   if (ifMatch && *ifMatch != version) {
                       ApiError e(412, QStringLiteral("version_mismatch"),
                                  QStringLiteral("The policy changed since the version you sent."),
                                  QStringLiteral("If-Match"));
                       e.currentJson = QJsonDocument(withVersion(current.value_or(SlaPolicy()), version))
                                           .toJson(QJsonDocument::Compact);
                       throw e;
                   }
                   Doc d;
                   d.type = DocType::SlaPolicy;
                   d.id = QStringLiteral("default");
                   d.version = version + 1;
                   d.updatedMs = c.nowMs;
                   d.data = QJsonDocument(policy->toJson()).toJson(QJsonDocument::Compact);
                   m_docs.put(tx, d);
                   m_docs.audit(tx, c.nowMs, c.user().id, QStringLiteral("sla_policy.update"),
                                DocType::SlaPolicy, d.id, QStringLiteral("version %1").arg(d.version));
                   tx.publishChanged(DocType::SlaPolicy, d.id, d.version);
                   tx.commit();
                   return jsonResponse(200, withVersion(*policy, d.version));
               });
}

} // namespace pd::server
