#pragma once

#include "documentstore.h"

#include "models/domain/entities.h"

#include <optional>

namespace pd::server {

/// @brief A user's stored password hash (PBKDF2-SHA256) and state.
struct Credentials
{
    QString userId;
    QString login;
    QByteArray hashHex;
    QByteArray saltHex;
    int iterations = 0;
    bool disabled = false;
};

/// @brief A stored token (only its SHA-256 is kept).
struct StoredToken
{
    QString userId;
    QString kind; ///< "access" or "refresh"
    QString family;
    qint64 expiresMs = 0;
};

/**
 * @brief Users with their credentials, and issued tokens.
 *
 * The user record itself is a document (type "user", served by the change feed without any secret); the
 * credentials and token hashes live in their own tables and never leave the server.
 */
class UserStore final
{
public:
    explicit UserStore(DocumentStore &docs)
        : m_docs(docs)
    {}

    [[nodiscard]] std::optional<User> user(const QString &id);
    [[nodiscard]] std::optional<User> userByLogin(const QString &login);
    [[nodiscard]] std::optional<Credentials> credentials(const QString &login);
    /// @brief Writes (inserts or replaces) the user document; bumps its version.
    void putUser(WriteTx &tx, User &user, qint64 nowMs);
    void putCredentials(WriteTx &tx, const Credentials &c);
    void setDisabled(WriteTx &tx, const QString &userId, bool disabled);

    void insertToken(const QByteArray &hashHex, const StoredToken &t);
    [[nodiscard]] std::optional<StoredToken> token(const QByteArray &hashHex);
    void deleteToken(const QByteArray &hashHex);
    /// @brief Marks a refresh token used if it still is an unused one; false when another request (any
    /// instance) spent it first. Call inside a WriteTx.
    [[nodiscard]] bool spendRefreshToken(const QByteArray &hashHex);
    [[nodiscard]] Database &db() { return m_docs.db(); }
    void deleteFamily(const QString &family);
    void deleteUserTokens(const QString &userId);
    void purgeExpired(qint64 nowMs);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
