#include "directorycontroller.h"

#include "requestparsing.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <memory>

namespace pd::server {

namespace {
const QList<Role> kAdmin{Role::Admin};
constexpr int kMinPassword = 8;

/// @brief Names and other text of directory records: the free-text rules of the console (no control or
/// direction-override characters, no broken UTF-16), checked on every string field of the record.
void checkStrings(const QJsonObject &record)
{
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!it.value().isString())
            continue;
        const QString problem = Validation::unsafeCharacters(it.value().toString());
        if (!problem.isEmpty())
            throw ApiError::invalid(it.key(), problem);
    }
}
} // namespace

HttpResponse DirectoryController::list(const QString &type)
{
    const auto docs = m_docs.all(type);
    QByteArray out = QByteArrayLiteral(R"({"items":[)");
    for (qsizetype i = 0; i < docs.size(); ++i) {
        if (i)
            out.append(',');
        out.append(docs.at(i).data);
    }
    out.append("]}");
    return jsonResponse(200, out);
}

void DirectoryController::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/couriers"), Access::signedIn(),
               [this](RequestContext &) { return list(DocType::Courier); });
    router.add(
        "GET", QStringLiteral("/api/v1/couriers/positions"), Access::signedIn(), [this](RequestContext &) {
            return jsonResponse(200, QJsonObject{{QStringLiteral("items"), m_positions.positionsJson()}});
        });
    router.add("POST", QStringLiteral("/api/v1/couriers/positions"), Access::only(kAdmin),
               [this](RequestContext &c) { return reportPositions(c); });
    router.add("GET", QStringLiteral("/api/v1/stations"), Access::signedIn(),
               [this](RequestContext &) { return list(DocType::Station); });
    router.add("PUT", QStringLiteral("/api/v1/couriers/{id}"), Access::only(kAdmin),
               [this](RequestContext &c) { return putRecord(c, DocType::Courier); });
    router.add("PUT", QStringLiteral("/api/v1/stations/{id}"), Access::only(kAdmin),
               [this](RequestContext &c) { return putRecord(c, DocType::Station); });
    router.add("GET", QStringLiteral("/api/v1/users"), Access::only(kAdmin),
               [this](RequestContext &) { return list(DocType::User); });
    router.add("POST", QStringLiteral("/api/v1/users"), Access::only(kAdmin),
               [this](RequestContext &c) { return createUser(c); });
    router.add("PATCH", QStringLiteral("/api/v1/users/{id}"), Access::only(kAdmin),
               [this](RequestContext &c) { return updateUser(c); });
    router.add("GET", QStringLiteral("/api/v1/teams"), Access::only(kAdmin),
               [this](RequestContext &) { return list(DocType::Team); });
    router.add("POST", QStringLiteral("/api/v1/teams"), Access::only(kAdmin),
               [this](RequestContext &c) { return createTeam(c); });
}

HttpResponse DirectoryController::putRecord(RequestContext &c, const QString &type)
{
    QJsonObject body = parseJsonObject(c.request.body);
    const QString id = c.param(QStringLiteral("id"));
    if (!isValidId(id))
        throw ApiError::invalid(QStringLiteral("id"),
                                QStringLiteral("An id is letters, digits, '-' or '_'."));
    body.insert(QStringLiteral("id"), id);
    WriteTx tx(m_docs.db());
    const auto existing = m_docs.get(type, id);
    const qint64 version = existing ? existing->version + 1 : 1;
    body.insert(QStringLiteral("version"), version);
    JsonError err;
    QJsonObject json;
    if (type == DocType::Courier) {
        const auto v = Courier::fromJson(body, &err);
        if (v && !v->stationId.isEmpty() && !m_docs.get(DocType::Station, v->stationId))
            throw ApiError::invalid(QStringLiteral("station_id"), QStringLiteral("No station with that id."));
        json = v ? v->toJson() : QJsonObject();
    } else {
        const auto v = Station::fromJson(body, &err);
        json = v ? v->toJson() : QJsonObject();
    }
    if (json.isEmpty())
        throw ApiError::invalid(err.field, err.message);
    checkStrings(json);
    Doc d{type, id, 0,  version, false,
          {},   {}, {}, c.nowMs, QJsonDocument(json).toJson(QJsonDocument::Compact)};
    m_docs.put(tx, d);
    m_docs.audit(tx, c.nowMs, c.user().id, type + QStringLiteral(".put"), type, id);
    tx.commit();
    return jsonResponse(existing ? 200 : 201, json);
}

HttpResponse DirectoryController::reportPositions(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const QJsonArray items = body.value(QStringLiteral("items")).toArray();
    if (items.isEmpty() || items.size() > 5000)
        throw ApiError::invalid(QStringLiteral("items"),
                                QStringLiteral("Send 1 to 5000 positions in items."));
    QList<CourierPosition> positions;
    positions.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString field = QStringLiteral("items[%1]").arg(i);
        JsonReader r(o);
        const QString courier = r.string("courier_id", true, 100);
        const auto at = r.optInstant("at");
        const double lat = o.value(QStringLiteral("lat")).toDouble(1000);
        const double lon = o.value(QStringLiteral("lon")).toDouble(1000);
        if (!r.ok())
            throw ApiError::invalid(field + QLatin1Char('.') + r.error().field, r.error().message);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
            throw ApiError::invalid(field, QStringLiteral("lat/lon must be WGS-84 degrees."));
        if (!m_positions.knows(courier) && !m_docs.get(DocType::Courier, courier))
            throw ApiError::invalid(field + QStringLiteral(".courier_id"),
                                    QStringLiteral("No courier with that id."));
        positions.append({courier, GeoPoint{lat, lon}, at.value_or(c.nowMs)});
    }
    m_positions.report(positions);
    return jsonResponse(202, QJsonObject{{QStringLiteral("accepted"), positions.size()}});
}

HttpResponse DirectoryController::createUser(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    JsonReader r(body);
    User u;
    u.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    u.login = r.string("login", true, 64).trimmed();
    u.displayName = r.string("name", false, 100);
    u.role = r.enumValue("role", Role::Agent, true);
    u.teamId = r.string("team_id", false, 100);
    const QString password = r.string("password", true, 1000);
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
    if (password.size() < kMinPassword)
        throw ApiError::invalid(QStringLiteral("password"),
                                QStringLiteral("A password has at least %1 characters.").arg(kMinPassword));
    if (!isValidId(u.login))
        throw ApiError::invalid(QStringLiteral("login"),
                                QStringLiteral("A login is letters, digits, '-', '_' or '.'."));
    if (!u.teamId.isEmpty() && !m_docs.get(DocType::Team, u.teamId))
        throw ApiError::invalid(QStringLiteral("team_id"), QStringLiteral("No team with that id."));
    checkStrings(u.toJson());
    if (m_users.credentials(u.login))
        throw ApiError::conflict(QStringLiteral("That login is taken."), QStringLiteral("login"));
    // The hash is computed off the event loop; the writes follow on it (the login is checked again there).
    auto hash = std::make_shared<Passwords::Hash>();
    return deferToWorker(
        m_hashing, [hash, password] { *hash = Passwords::hash(password); },
        [this, u, hash, actor = c.user().id, now = c.nowMs]() mutable {
            WriteTx tx(m_docs.db());
            if (m_users.credentials(u.login))
                throw ApiError::conflict(QStringLiteral("That login is taken."), QStringLiteral("login"));
            m_users.putUser(tx, u, now);
            m_auth.setPasswordHash(tx, u, *hash);
            m_docs.audit(tx, now, actor, QStringLiteral("user.create"), DocType::User, u.id, u.login);
            tx.commit();
            return jsonResponse(201, u.toJson());
        });
}

HttpResponse DirectoryController::updateUser(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const QString id = c.param(QStringLiteral("id"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!password.isString() || password.toString().isEmpty())
        return saveUser(body, id, c.user().id, c.nowMs, nullptr);
    if (password.toString().size() < kMinPassword || password.toString().size() > 1000)
        throw ApiError::invalid(QStringLiteral("password"),
                                QStringLiteral("A password has at least %1 characters.").arg(kMinPassword));
    // A new password: hashed off the event loop, then the whole update (checked again) on it.
    auto hash = std::make_shared<Passwords::Hash>();
    return deferToWorker(
        m_hashing, [hash, p = password.toString()] { *hash = Passwords::hash(p); },
        [this, body, id, actor = c.user().id, now = c.nowMs, hash] {
            return saveUser(body, id, actor, now, hash.get());
        });
}

HttpResponse DirectoryController::saveUser(const QJsonObject &body, const QString &id, const QString &actorId,
                                           qint64 nowMs, const Passwords::Hash *passwordHash)
{
    WriteTx tx(m_docs.db());
    auto u = m_users.user(id);
    if (!u)
        throw ApiError::notFound(QStringLiteral("No such user."));
    const User before = *u;
    JsonReader r(body);
    if (body.contains(QStringLiteral("name")))
        u->displayName = r.string("name", false, 100);
    if (body.contains(QStringLiteral("role")))
        u->role = r.enumValue("role", u->role, true);
    if (body.contains(QStringLiteral("team_id")))
        u->teamId = r.string("team_id", false, 100);
    if (body.contains(QStringLiteral("disabled")))
        u->disabled = r.boolean("disabled");
    const QString password = r.string("password", false, 1000);
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
    if (!u->teamId.isEmpty() && !m_docs.get(DocType::Team, u->teamId))
        throw ApiError::invalid(QStringLiteral("team_id"), QStringLiteral("No team with that id."));
    if (body.contains(QStringLiteral("password")) && password.size() < kMinPassword)
        throw ApiError::invalid(QStringLiteral("password"),
                                QStringLiteral("A password has at least %1 characters.").arg(kMinPassword));
    checkStrings(u->toJson());
    m_users.putUser(tx, *u, nowMs);
    if (passwordHash) // a non-empty password always comes with its hash (updateUser)
        m_auth.setPasswordHash(tx, *u, *passwordHash);
    m_users.setDisabled(tx, u->id, u->disabled);
    m_docs.audit(tx, nowMs, actorId, QStringLiteral("user.update"), DocType::User, u->id,
                 QStringList(body.keys()).join(QLatin1Char(',')));
    tx.commit();
    // Sessions end (and live sockets close on every instance) when the account is disabled or gets a new
    // password; a new team or role keeps the tokens but closes live sockets opened under the old scope.
    if (u->disabled)
        m_auth.revokeUser(u->id, SessionEnd::Disabled);
    else if (passwordHash)
        m_auth.revokeUser(u->id, SessionEnd::SignedOut);
    else if (u->role != before.role || u->teamId != before.teamId)
        m_auth.scopeChanged(u->id);
    return jsonResponse(200, u->toJson());
}

HttpResponse DirectoryController::createTeam(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    JsonReader r(body);
    Team t;
    t.id = r.string("id", false, 100);
    t.name = r.string("name", true, 100);
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
    if (t.id.isEmpty())
        t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!isValidId(t.id))
        throw ApiError::invalid(QStringLiteral("id"),
                                QStringLiteral("A team id is letters, digits, '-' or '_'."));
    checkStrings(t.toJson());
    WriteTx tx(m_docs.db());
    if (m_docs.get(DocType::Team, t.id))
        throw ApiError::conflict(QStringLiteral("A team with that id exists."), QStringLiteral("id"));
    t.version = 1;
    Doc d{DocType::Team,
          t.id,
          0,
          1,
          false,
          {},
          {},
          {},
          c.nowMs,
          QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact)};
    m_docs.put(tx, d);
    m_docs.audit(tx, c.nowMs, c.user().id, QStringLiteral("team.create"), DocType::Team, t.id, t.name);
    tx.commit();
    return jsonResponse(201, t.toJson());
}

} // namespace pd::server
