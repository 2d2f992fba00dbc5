#include "serverfixture.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

namespace pd::test {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ServerFixture::ServerFixture() = default;

ServerFixture::~ServerFixture()
{
    for (int i = 0; i < int(m_servers.size()); ++i)
        stop(i);
}

QString ServerFixture::binary()
{
    // PD_TEST_SERVER_BIN runs a suite against another build of the server (e.g. an older one).
    const QString other = qEnvironmentVariable("PD_TEST_SERVER_BIN");
    return other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other;
}

QString ServerFixture::dbPath() const
{
    return m_dir.filePath(QStringLiteral("server.db"));
}

int ServerFixture::runCli(const QStringList &args, const QByteArray &stdinData, QByteArray *out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary(), args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return -2;
    if (out)
        *out = p.readAll();
    return p.exitCode();
}

bool ServerFixture::prepare(const QString &dbUrl)
{
    m_dbUrl = dbUrl.isEmpty() ? QStringLiteral("sqlite:") + dbPath() : dbUrl;
    // The first command creates the schema; the others run in parallel (each hashes one password).
    struct U
    {
        const char *login, *role, *team;
    };
    const U users[] = {{"agent1", "agent", "team-a"},    {"agent2", "agent", "team-a"},
                       {"agent3", "agent", "team-b"},    {"lead1", "supervisor", "team-a"},
                       {"manager1", "manager", nullptr}, {"admin", "admin", nullptr}};
    std::vector<std::unique_ptr<QProcess>> procs;
    for (const U &u : users) {
        QStringList args{QStringLiteral("user"),
                         QStringLiteral("add"),
                         QString::fromLatin1(u.login),
                         QStringLiteral("--db"),
                         m_dbUrl,
                         QStringLiteral("--role"),
                         QString::fromLatin1(u.role)};
        if (u.team)
            args << QStringLiteral("--team") << QString::fromLatin1(u.team);
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(binary(), args);
        p->write(kPassword.toUtf8() + '\n');
        p->closeWriteChannel();
        if (procs.empty() && !p->waitForFinished(30000))
            return false;
        procs.push_back(std::move(p));
    }
    for (auto &p : procs) {
        if (p->state() != QProcess::NotRunning && !p->waitForFinished(30000))
            return false;
        if (p->exitCode() != 0) {
            qWarning() << "user add failed:" << p->readAll();
            return false;
        }
    }
    QByteArray out;
    const int rc =
        runCli({QStringLiteral("import"), QStringLiteral("--db"), m_dbUrl, QStringLiteral("--parcels"),
                QStringLiteral(PD_TEST_DATA_DIR "/import/parcels_good.csv")},
               {}, &out);
    if (rc != 0)
        qWarning() << "parcel import failed:" << out;
    return rc == 0;
}

int ServerFixture::start(const QStringList &extraArgs)
{
    Running r;
    r.process = std::make_unique<QProcess>();
    r.process->setProcessChannelMode(QProcess::SeparateChannels);
    r.process->setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    r.process->start(binary(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                           QStringLiteral("--db"), m_dbUrl} +
                                   extraArgs);
    QByteArray seen;
    QSignalSpy spy(r.process.get(), &QProcess::readyReadStandardOutput);
    const QByteArray marker = "listening on http://127.0.0.1:";
    // Up to 2 minutes: a demo server seeds six weeks of data before it listens.
    for (int tries = 0; tries < 1200 && !seen.contains(marker); ++tries) {
        if (r.process->state() == QProcess::NotRunning)
            break;
        spy.wait(100);
        seen += r.process->readAllStandardOutput();
    }
    const qsizetype at = seen.indexOf(marker);
    if (at < 0) {
        qWarning() << "server did not start:" << seen << r.process->readAllStandardError();
        return -1;
    }
    r.port = quint16(seen.mid(at + marker.size()).split('\n').first().trimmed().toUInt());
    m_servers.push_back(std::move(r));
    return int(m_servers.size() - 1);
}

int ServerFixture::startDemo(quint32 seed, const QStringList &extraArgs)
{
    m_dbUrl = QStringLiteral("sqlite:") + dbPath();
    return start(QStringList{QStringLiteral("--demo"), QStringLiteral("--seed"), QString::number(seed)} +
                 extraArgs);
}

void ServerFixture::stop(int index)
{
    auto &p = m_servers[index].process;
    if (p && p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(5000))
            p->kill();
        p->waitForFinished(2000);
    }
}

QUrl ServerFixture::url(const QString &path, int index) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port(index)).arg(path));
}

Reply ServerFixture::request(const QByteArray &method, const QString &path, const QByteArray &token,
                             const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                             int index)
{
    return requestRaw(method, path, token,
                      body.isEmpty() && method == "GET" ? QByteArray()
                                                        : QJsonDocument(body).toJson(QJsonDocument::Compact),
                      headers, index);
}

Reply ServerFixture::requestRaw(const QByteArray &method, const QString &path, const QByteArray &token,
                                const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                                int index)
{
    QNetworkRequest req(url(path, index));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.networkError = reply->error();
    reply->deleteLater();
    return r;
}

QList<QJsonObject> FeedRead::about(const QString &type, const QString &id) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &i : items) {
        if (i.value(QStringLiteral("type")).toString() == type &&
            i.value(QStringLiteral("id")).toString() == id)
            out.append(i);
    }
    return out;
}

QSet<QString> FeedRead::eventIdsOf(const QString &ticketId) const
{
    QSet<QString> out;
    for (const QJsonObject &i : items) {
        if (i.value(QStringLiteral("type")).toString() == QLatin1StringView("ticket_event") &&
            i.value(QStringLiteral("data")).toObject().value(QStringLiteral("ticket_id")).toString() ==
                ticketId)
            out.insert(i.value(QStringLiteral("id")).toString());
    }
    return out;
}

FeedRead ServerFixture::readFeed(const QByteArray &token, const QString &cursor, int limit, int index)
{
    FeedRead out;
    out.cursor = cursor;
    for (int page = 0; page < 100000; ++page) {
        const Reply r =
            request("GET", QStringLiteral("/api/v1/changes?limit=%1&cursor=%2").arg(limit).arg(out.cursor),
                    token, {}, {}, index);
        if (r.status != 200) {
            qWarning() << "changes:" << r.status << r.body;
            out.status = r.status;
            return out;
        }
        const QJsonObject o = r.json();
        if (page == 0)
            out.reset = o.value(QStringLiteral("reset")).toBool();
        for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
            out.items.append(v.toObject());
        out.cursor = o.value(QStringLiteral("next_cursor")).toString();
        if (!o.value(QStringLiteral("has_more")).toBool())
            break;
    }
    return out;
}

QByteArray ServerFixture::token(const QString &login, int index)
{
    const QString key = login + QLatin1Char('@') + QString::number(index);
    if (!m_tokens.contains(key)) {
        const Reply r =
            request("POST", QStringLiteral("/api/v1/auth/login"), {},
                    {{QStringLiteral("login"), login}, {QStringLiteral("password"), kPassword}}, {}, index);
        m_tokens.insert(key, r.json().value(QStringLiteral("access_token")).toString().toLatin1());
    }
    return m_tokens.value(key);
}

QJsonObject ServerFixture::ticketBody(const QString &team)
{
    return {{QStringLiteral("waybill_no"), QStringLiteral("SF1400000000017")},
            {QStringLiteral("description"), QStringLiteral("包裹延迟三天")},
            {QStringLiteral("customer_name"), QStringLiteral("王芳")},
            {QStringLiteral("customer_phone"), QStringLiteral("13812345678")},
            {QStringLiteral("category"), QStringLiteral("delay")},
            {QStringLiteral("team_id"), team}};
}

QString ServerFixture::createTicket(const QString &login, const QJsonObject &body, int index)
{
    const Reply r = request("POST", QStringLiteral("/api/v1/tickets"), token(login, index), body, {}, index);
    if (r.status != 201)
        qWarning() << "create ticket:" << r.status << r.body;
    return r.json().value(QStringLiteral("id")).toString();
}

qint64 ServerFixture::ticketVersion(const QString &ticketId, int index)
{
    return request("GET", QStringLiteral("/api/v1/tickets/") + ticketId,
                   token(QStringLiteral("lead1"), index), {}, {}, index)
        .json()
        .value(QStringLiteral("version"))
        .toInteger();
}

QString ServerFixture::uploadAttachment(const QString &login, const QString &ticketId, const QString &name,
                                        const QByteArray &bytes, const QJsonObject &extra, int index)
{
    const QString id = extra.value(QStringLiteral("id")).toString(uuid());
    QJsonObject body{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("size"), qint64(bytes.size())},
        {QStringLiteral("sha256"),
         QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const QByteArray who = token(login, index);
    const QString base = QStringLiteral("/api/v1/attachments/") + id;
    Reply r =
        request("POST", QStringLiteral("/api/v1/tickets/%1/attachments").arg(ticketId), who, body, {}, index);
    if (r.status == 201)
        r = requestRaw("PUT", base + QStringLiteral("/upload?offset=0"), who, bytes,
                       {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")}},
                       index);
    if (r.status == 200)
        r = request("POST", base + QStringLiteral("/complete"), who, {}, {}, index);
    if (r.status != 201) {
        qWarning() << "upload attachment:" << r.status << r.body;
        return {};
    }
    return id;
}

QList<QVariantList> ServerFixture::sqlRows(const QString &statement, const QVariantList &binds,
                                           QString *error) const
{
    static int connections = 0;
    const QString name = QStringLiteral("server-db-%1").arg(++connections);
    QList<QVariantList> rows;
    QString message;
    {
        // The server's database: its SQLite file, or its PostgreSQL database (tests through
        // scripts/test-postgres.sh).
        const bool postgres = m_dbUrl.startsWith(QLatin1StringView("postgresql://"));
        QSqlDatabase db =
            QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres) {
            const QUrl u(m_dbUrl);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(u.path().mid(1).isEmpty() ? QStringLiteral("postgres") : u.path().mid(1));
        } else {
            db.setDatabaseName(dbPath());
        }
        if (db.open()) {
            QSqlQuery q(db);
            bool ok = true;
            if (binds.isEmpty()) {
                ok = q.exec(statement); // PostgreSQL cannot PREPARE DDL (DROP TABLE …)
            } else {
                ok = q.prepare(statement);
                for (const QVariant &b : binds)
                    q.addBindValue(b);
                ok = ok && q.exec();
            }
            while (ok && q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                rows.append(row);
            }
            message = q.lastError().text();
        } else {
            message = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (error)
        *error = message;
    else if (!message.isEmpty())
        qWarning() << "server database:" << message;
    return rows;
}

QVariant ServerFixture::sqlValue(const QString &statement, const QVariantList &binds, QString *error) const
{
    const QList<QVariantList> rows = sqlRows(statement, binds, error);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

} // namespace pd::test
