#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantList>

#include <memory>
#include <vector>

namespace pd::test {

/// @brief One HTTP exchange with the server under test.
struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int networkError = 0;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

/// @brief Everything GET /changes returned from a cursor to the end of the feed (ServerFixture::readFeed).
struct FeedRead
{
    QList<QJsonObject> items;
    QString cursor;     ///< the last next_cursor
    bool reset = false; ///< the first page said "reset": true
    int status = 200;   ///< the first status other than 200, if any

    /// @brief The items of one type and id.
    [[nodiscard]] QList<QJsonObject> about(const QString &type, const QString &id) const;
    /// @brief The ids of the (not deleted) ticket_event items of one ticket.
    [[nodiscard]] QSet<QString> eventIdsOf(const QString &ticketId) const;
};

/**
 * @brief Starts the real parceldesk-server binary on 127.0.0.1 with an ephemeral port and a fresh database.
 *
 * Users are added with the `user add` command (agent1, agent2 in team-a; agent3 in team-b; lead1 supervisor;
 * manager1; admin — password kPassword), parcels are imported from tests/data/import/parcels_good.csv, then
 * `--listen 127.0.0.1:0` is started and the bound port read from its "listening on" line.
 */
class ServerFixture final
{
public:
    static inline const QString kPassword = QStringLiteral("correct-horse-7");

    ServerFixture();
    ~ServerFixture();

    /// @brief Prepares the database (users, parcels) for dbUrl (empty = a temp SQLite file).
    bool prepare(const QString &dbUrl = {});
    /// @brief Starts one server process; returns its index (several may share a PostgreSQL database).
    int start(const QStringList &extraArgs = {});
    /// @brief Starts the server in demo mode on an empty temporary SQLite database (seeded with @p seed; the
    /// demo users' password is "demo"), instead of prepare() + start(); returns its index or -1.
    int startDemo(quint32 seed, const QStringList &extraArgs = {});
    void stop(int index = 0);
    [[nodiscard]] quint16 port(int index = 0) const { return m_servers.at(index).port; }
    [[nodiscard]] QUrl url(const QString &path, int index = 0) const;
    [[nodiscard]] const QString &dbUrl() const { return m_dbUrl; }
    [[nodiscard]] QString dbPath() const;

    /// @brief Runs the server binary with arguments (a CLI command) and returns exit code and output.
    static int runCli(const QStringList &args, const QByteArray &stdinData = {}, QByteArray *out = nullptr);
    [[nodiscard]] static QString binary();

    Reply request(const QByteArray &method, const QString &path, const QByteArray &token = {},
                  const QJsonObject &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                  int index = 0);
    Reply requestRaw(const QByteArray &method, const QString &path, const QByteArray &token,
                     const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                     int index = 0);
    /// @brief Pages through GET /changes from @p cursor until has_more is false.
    FeedRead readFeed(const QByteArray &token, const QString &cursor = {}, int limit = 500, int index = 0);
    /// @brief Access token of a login (cached per login and server).
    QByteArray token(const QString &login, int index = 0);
    void forgetTokens() { m_tokens.clear(); }

    /// @brief A complaint about a prepared parcel (SF1400000000017, customer 王芳 13812345678, delay) in @p
    /// team: the body createTicket() posts unless given another.
    [[nodiscard]] static QJsonObject ticketBody(const QString &team = QStringLiteral("team-a"));
    /// @brief POST /tickets as @p login; the new ticket's id, or empty (and a warning with the answer) when
    /// the server did not answer 201.
    QString createTicket(const QString &login, const QJsonObject &body = ticketBody(), int index = 0);
    /// @brief A ticket's current version, read as lead1 (the supervisor reads every team's tickets).
    qint64 ticketVersion(const QString &ticketId, int index = 0);
    /**
     * @brief Uploads @p bytes as a file of @p ticketId named @p name in one chunk (create, PUT at offset 0,
     * complete) as @p login, with @p extra fields in the create (e.g. "evidence", or "id" for a chosen UUID);
     * the attachment's id, or
     * empty (and a warning with the answer) when a step failed.
     */
    QString uploadAttachment(const QString &login, const QString &ticketId, const QString &name,
                             const QByteArray &bytes, const QJsonObject &extra = {}, int index = 0);

    /**
     * @brief Runs @p statement (values bound from @p binds, never pasted in) on the server's SQLite file (or
     * its PostgreSQL database when prepared with one) directly, beside the running server, for what the API
     * cannot show: what is stored, hashed or kept.
     *
     * Returns every row's columns; @p error gets the driver's message (without @p error a failure is also
     * logged as a warning). Each call opens and closes its own connection.
     */
    QList<QVariantList> sqlRows(const QString &statement, const QVariantList &binds = {},
                                QString *error = nullptr) const;
    /// @brief The first column of the first row of sqlRows(); an invalid QVariant when there is none.
    QVariant sqlValue(const QString &statement, const QVariantList &binds = {},
                      QString *error = nullptr) const;

private:
    struct Running
    {
        std::unique_ptr<QProcess> process;
        quint16 port = 0;
    };
    QTemporaryDir m_dir;
    QString m_dbUrl;
    std::vector<Running> m_servers;
    QNetworkAccessManager m_nam;
    QHash<QString, QByteArray> m_tokens;
};

/// @brief A new UUID without braces.
QString uuid();

} // namespace pd::test
