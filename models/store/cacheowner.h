#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace pd {

class Database;

/**
 * @brief Whose cache this is: the user who signed in and synced it, and on which server.
 *
 * One cache file per data folder, bound to its owner (docs/architecture.md, "Sign-out and switching user").
 * When another user signs in, or at sign-out, everything of the previous owner that names customers or
 * tickets is forgotten in one transaction: tickets, their events and waiting events, conflicts, the full-text
 * indexes, parcels and their tracking (their addresses are sealed under the previous owner's key), the
 * dashboard's change log and facts file, the key check and the change-feed cursor (the next user gets a full
 * initial sync); the cache gets a new cache_id. Couriers, stations, users and teams are not per user and
 * stay. The previous owner's unsent edits stay too, stamped with their author: OutboxRepository hands
 * them only to that author's session, when they sign in on this PC again.
 *
 * The owner is kept in sync_state under owner.id, owner.login, owner.name, owner.role, owner.team_id and
 * owner.server. Qt Core and Sql only; the caller decides what the person sees.
 */
class CacheOwner final
{
    Q_DECLARE_TR_FUNCTIONS(pd::CacheOwner)
public:
    explicit CacheOwner(const Database &db);

    /// @brief The owner, or nullopt when nobody is bound (a new cache, after sign-out, or an older cache).
    [[nodiscard]] std::optional<User> user() const;
    [[nodiscard]] QString userId() const;
    /// @brief The server the owner signed in to (as given to adopt()).
    [[nodiscard]] QString serverUrl() const;

    /**
     * @brief Binds the cache to @p user of @p serverUrl after a sign-in or resume succeeded.
     *
     * The same owner: only the stored details are refreshed (a new name or team). Another owner, another
     * server, or a cache holding tickets without a known owner: their data is forgotten first and @p wiped
     * says so. Edits queued before authors were recorded are stamped with the owner they belonged to (the
     * previous one, or @p user for a cache of no known owner).
     */
    bool adopt(const User &user, const QString &serverUrl, bool *wiped, QString *error = nullptr);
    /// @brief For a cache written before owners were recorded that holds data: binds it to @p user (the last
    /// user who signed in on this PC) without forgetting anything. No-op when an owner is known or the
    /// cache is empty; true when it bound.
    bool adoptLegacy(const User &user, const QString &serverUrl);
    /// @brief Sign-out: forgets the owner's data as adopt() does for a new owner (their unsent edits stay,
    /// for them only) and the owner.
    bool release(QString *error = nullptr);

    /// @brief Unsent edits of users other than the owner kept in this cache (never sent by the owner).
    [[nodiscard]] int keptForOthers() const;
    /// @brief Whether the cache holds anything of a user: tickets, events or queued edits.
    [[nodiscard]] bool holdsUserData() const;

    /// @brief Normalised server address as stored (no trailing slash), so "http://h:1/" equals "http://h:1".
    [[nodiscard]] static QString normalisedServer(const QString &serverUrl);

private:
    /// Stamps edits without an author with @p authorId.
    bool stamp(const QString &authorId, QString *error);
    /// Removes the owner's data and the owner (inside a transaction).
    bool forget(QString *error);
    bool store(const User &user, const QString &serverUrl, QString *error);
    /// One transaction: stamp, forget (when @p forgetting), bind @p next (nobody when nullopt).
    bool change(const std::optional<User> &next, const QString &serverUrl, bool forgetting, QString *error);

    const Database &m_db;
};

} // namespace pd
