#pragma once

// Shared by the drills: start the real server on 127.0.0.1 (port 0, temporary SQLite database), read its
// memory and open files from /proc, the percentile of a sample, one blocking HTTP call for set-up and checks,
// and the clients that make the load: console-like note writers with an outbox (resend with the same
// Idempotency-Key until acknowledged), a courier position reporter, and the count of notes on the server.

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace pd::drill {

/// @brief The password of every user a drill adds.
inline const QByteArray kPassword = "drill-password-1";

/// @brief The full form (make drill, PD_DRILL_FULL=1) or the short one that runs in make test.
inline bool fullForm()
{
    return qEnvironmentVariableIntValue("PD_DRILL_FULL") != 0;
}

/// @brief The server binary: PD_TEST_SERVER_BIN runs a drill against another build.
inline QString serverBinary()
{
    const QString other = qEnvironmentVariable("PD_TEST_SERVER_BIN");
    return other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other;
}

/// @brief Runs a CLI command of the server (user add) with @p input on standard input; its exit code.
inline int serverCli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(serverBinary(), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// @brief Adds a user with kPassword to the database @p dbUrl (creating its schema); true on success.
inline bool addUser(const QString &dbUrl, const QString &login, const QString &role, const QString &team = {})
{
    QStringList args{QStringLiteral("user"),
                     QStringLiteral("add"),
                     login,
                     QStringLiteral("--db"),
                     dbUrl,
                     QStringLiteral("--role"),
                     role};
    if (!team.isEmpty())
        args << QStringLiteral("--team") << team;
    return serverCli(args, kPassword + '\n') == 0;
}

/// @brief One parceldesk-server process; PD_TEST_SERVER_BIN runs a drill against another build.
class DrillServer
{
public:
    /// @param dbUrl the database (empty: the SQLite file dbPath() of this server's own)
    /// @param environment variables added to the server's environment (e.g. PD_SQLITE_MAX_PAGE_COUNT)
    bool start(const QStringList &extraArgs = {}, const QString &dbUrl = {},
               const QHash<QString, QString> &environment = {})
    {
        m_dbUrl = dbUrl.isEmpty() ? QStringLiteral("sqlite:") + dbPath() : dbUrl;
        if (m_quiet) {
            m_process.setProcessChannelMode(QProcess::SeparateChannels);
            m_process.setStandardErrorFile(logPath(), QIODevice::Append);
        } else {
            m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = environment.constBegin(); it != environment.constEnd(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.start(serverBinary(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                    QStringLiteral("--db"), m_dbUrl} +
                                            extraArgs);
        QByteArray seen;
        const QByteArray marker = "listening on http://127.0.0.1:";
        QElapsedTimer t;
        t.start();
        while (!seen.contains(marker) && t.elapsed() < 60000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            seen += m_process.readAllStandardOutput();
        }
        const qsizetype at = seen.indexOf(marker);
        if (at < 0)
            return false;
        m_port = quint16(seen.mid(at + marker.size()).split('\n').first().trimmed().toUInt());
        return m_port != 0;
    }
    ~DrillServer() { stop(); }
    /// @brief Stops the server (SIGTERM, then SIGKILL after 5 s).
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    /// @brief Standard error goes to logPath() instead of the drill's own (call before start(); for drills
    /// whose faults make the server log a line per refused request).
    void setQuiet(bool quiet) { m_quiet = quiet; }
    [[nodiscard]] QString logPath() const { return m_dir.filePath(QStringLiteral("server.log")); }
    /// @brief The last @p lines of logPath().
    [[nodiscard]] QString logTail(int lines = 20) const
    {
        QFile f(logPath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> all = f.readAll().trimmed().split('\n');
        return QString::fromUtf8(all.mid(std::max<qsizetype>(0, all.size() - lines)).join('\n'));
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    /// @brief The SQLite file used when start() is given no database.
    [[nodiscard]] QString dbPath() const { return m_dir.filePath(QStringLiteral("drill.db")); }
    /// @brief The database given to start(), or before it the URL of dbPath().
    [[nodiscard]] QString dbUrl() const
    {
        return m_dbUrl.isEmpty() ? QStringLiteral("sqlite:") + dbPath() : m_dbUrl;
    }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    /// @brief After a kill from outside: reaps the process (the destructor then has nothing to stop).
    void waitKilled() { m_process.waitForFinished(10000); }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }
    /// @brief A field of /proc/<pid>/status in MB (VmHWM = peak resident set, VmRSS = now); -1 if unreadable.
    [[nodiscard]] double memoryMb(const char *field) const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(field))
                return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toDouble() / 1024.0;
        }
        return -1;
    }
    /// @brief Open file descriptors of the server (entries of /proc/<pid>/fd); -1 if unreadable.
    [[nodiscard]] int openFds() const
    {
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(m_process.processId()));
        return fds.exists()
                   ? int(fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size())
                   : -1;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_dbUrl;
    quint16 m_port = 0;
    bool m_quiet = false;
};

/// @brief The p-th percentile (0–100) of @p values (sorted in place).
inline double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = std::min(values.size() - 1, std::size_t(p / 100.0 * double(values.size())));
    return values[at];
}

/// @brief Prints the drill's one figure line and returns the exit code.
inline int report(bool goalHolds, const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
    return goalHolds ? 0 : 1;
}

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// @brief A request to the server with a JSON body, a bearer token and a transfer timeout.
inline QNetworkRequest jsonRequest(const QUrl &url, const QByteArray &token, int timeoutMs = 10000)
{
    QNetworkRequest r(url);
    r.setRawHeader("Content-Type", "application/json");
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    r.setTransferTimeout(timeoutMs);
    return r;
}

/// @brief The status of a finished reply (0: no answer).
inline int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

/// @brief One answer of the server.
struct Answer
{
    int status = 0; ///< 0: no answer (connection refused or reset, timeout)
    QByteArray body;
    QByteArray retryAfter;
    double ms = 0; ///< from sending to the end of the answer
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// @brief Sends one request and waits for its answer in a local event loop (set-up and checks; the load
/// itself is asynchronous).
inline Answer call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                   const QByteArray &token = {}, const QByteArray &body = {}, const Headers &headers = {},
                   int timeoutMs = 10000)
{
    QNetworkRequest r = jsonRequest(url, token, timeoutMs);
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    QElapsedTimer t;
    t.start();
    QNetworkReply *reply = nam.sendCustomRequest(r, method, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Answer a{statusOf(reply), reply->readAll(), reply->rawHeader("Retry-After"),
             double(t.nsecsElapsed()) / 1e6};
    reply->deleteLater();
    return a;
}

/**
 * @brief A GET on a keep-alive connection of the caller's (@p socket, connected first when needed), blocking:
 * for a measuring thread of its own that the drill's event loop cannot delay. Status 0 and the connection
 * aborted when no complete answer came within @p timeoutMs.
 */
inline Answer blockingGet(QTcpSocket &socket, quint16 port, const QByteArray &pathAndQuery,
                          const QByteArray &token = {}, int timeoutMs = 5000)
{
    Answer a;
    if (socket.state() != QAbstractSocket::ConnectedState) {
        socket.abort();
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(1000))
            return a;
    }
    QElapsedTimer sentAt;
    sentAt.start();
    QByteArray request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    qsizetype headerEnd = -1;
    qint64 expected = -1;
    while (sentAt.elapsed() < timeoutMs && (expected < 0 || answer.size() < expected)) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        answer += socket.readAll();
        if (headerEnd < 0 && (headerEnd = answer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray header = answer.left(headerEnd).toLower();
            const qsizetype lengthAt = header.indexOf("content-length:");
            expected =
                headerEnd + 4 +
                (lengthAt < 0 ? 0 : header.mid(lengthAt + 15).split('\r').first().trimmed().toLongLong());
        }
    }
    a.ms = double(sentAt.nsecsElapsed()) / 1e6;
    if (expected < 0 || answer.size() < expected) {
        socket.abort();
        return a;
    }
    a.status = answer.mid(9, 3).toInt();
    a.body = answer.mid(headerEnd + 4);
    return a;
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// @brief Signs in with kPassword; the access token, empty on failure.
inline QByteArray signIn(QNetworkAccessManager &nam, const DrillServer &server, const QString &login)
{
    return call(nam, "POST", server.url(QStringLiteral("/api/v1/auth/login")), {},
                compact({{QStringLiteral("login"), login},
                         {QStringLiteral("password"), QString::fromLatin1(kPassword)}}))
        .json()
        .value(QStringLiteral("access_token"))
        .toString()
        .toLatin1();
}

/// @brief Creates @p count tickets of team-a (with a supervisor's token); their ids, fewer on failure.
inline QStringList createTickets(QNetworkAccessManager &nam, const DrillServer &server,
                                 const QByteArray &token, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QJsonObject body{
            {QStringLiteral("description"), QStringLiteral("包裹延迟，客户第%1次来电").arg(i)},
            {QStringLiteral("customer_name"), QStringLiteral("王芳")},
            {QStringLiteral("category"), QStringLiteral("delay")},
            {QStringLiteral("team_id"), QStringLiteral("team-a")}};
        const Answer a =
            call(nam, "POST", server.url(QStringLiteral("/api/v1/tickets")), token, compact(body),
                 {{"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}});
        if (a.status != 201)
            break;
        ids.append(a.json().value(QStringLiteral("id")).toString());
    }
    return ids;
}

/// @brief Creates the couriers drill-0 … drill-<count − 1> (admin token); true when all were created.
inline bool createCouriers(QNetworkAccessManager &nam, const DrillServer &server, const QByteArray &admin,
                           int count)
{
    for (int i = 0; i < count; ++i) {
        if (call(nam, "PUT", server.url(QStringLiteral("/api/v1/couriers/drill-%1").arg(i)), admin,
                 compact({{QStringLiteral("name"), QStringLiteral("演练快递员%1").arg(i)}}))
                .status != 201)
            return false;
    }
    return true;
}

/// @brief GET /api/v1/health (200 and its JSON, or the failure).
inline Answer health(QNetworkAccessManager &nam, const DrillServer &server)
{
    return call(nam, "GET", server.url(QStringLiteral("/api/v1/health")), {}, {}, {}, 5000);
}

/**
 * @brief Clients that write like the console's outbox: each writer keeps one note in flight, with its own
 * UUID as event id and Idempotency-Key, on a random ticket, and sends it again with the same key until the
 * server acknowledges it (201) — after @p retryMs whatever the answer (a 503 or no answer at all). After an
 * acknowledgement the writer waits @p paceMs (± a quarter, 0: none) before its next note.
 *
 * The retry is faster than the Retry-After of a 503 (5 s, which the console honours) on purpose: the drill
 * presses the server with more writes during a fault than consoles would.
 */
class NoteWriters
{
public:
    struct Note
    {
        QString key;  ///< event id and Idempotency-Key
        QString text; ///< unique, to count copies on the server
        QString ticket;
    };
    /// @brief What the writers got back; read at any time (e.g. before and after a fault).
    struct Counts
    {
        qint64 sends = 0;
        qint64 acknowledged = 0;
        qint64 unavailable = 0;             ///< 503 with Retry-After
        qint64 unavailableNoRetryAfter = 0; ///< 503 without Retry-After (a defect)
        qint64 noAnswer = 0;                ///< connection refused or reset, timeout
        qint64 other = 0;                   ///< any other status (a defect)
        int lastOtherStatus = 0;
    };

    /// @param url makes the URL of a path (the server may move to another port between sends)
    /// @param nams writer w sends through nams[w % size]; tokens likewise
    NoteWriters(std::function<QUrl(const QString &)> url, std::vector<QNetworkAccessManager *> nams,
                QList<QByteArray> tokens, QStringList tickets, int writers, int retryMs, int paceMs = 0,
                int timeoutMs = 5000)
        : m_url(std::move(url))
        , m_nams(std::move(nams))
        , m_tokens(std::move(tokens))
        , m_tickets(std::move(tickets))
        , m_current(std::size_t(writers))
        , m_heard(std::size_t(writers), false)
        , m_retryMs(retryMs)
        , m_paceMs(paceMs)
        , m_timeoutMs(timeoutMs)
        , m_rng(16)
    {}
    Q_DISABLE_COPY_MOVE(NoteWriters)

    /// @brief Every writer starts (spread over the first @p spreadMs).
    void start(int spreadMs = 0)
    {
        for (int w = 0; w < int(m_current.size()); ++w) {
            next(w);
            QTimer::singleShot(spreadMs > 0 ? int(m_rng() % unsigned(spreadMs)) : 0, &m_context,
                               [this, w] { send(w); });
        }
    }
    /// @brief No new send; answers still in flight are counted (an acknowledgement is still a promise).
    void stop() { m_stopping = true; }
    /// @brief Waits (event loop running) until no send is in flight, at most @p ms.
    void drain(int ms)
    {
        QElapsedTimer t;
        t.start();
        while (m_inFlight > 0 && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    [[nodiscard]] const Counts &counts() const { return m_counts; }
    [[nodiscard]] const QHash<QString, Note> &acknowledged() const { return m_acknowledged; }
    [[nodiscard]] int inFlight() const { return m_inFlight; }
    /// @brief How many writers have had at least one note acknowledged.
    [[nodiscard]] int writersAcknowledged() const { return m_writersAcknowledged; }
    /// @brief Milliseconds since the epoch of the last acknowledgement (0: none yet).
    [[nodiscard]] qint64 lastAcknowledgedMs() const { return m_lastAckMs; }

private:
    void next(int w)
    {
        Note &c = m_current[std::size_t(w)];
        c.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.text = QStringLiteral("drill %1").arg(c.key);
        c.ticket = m_tickets.at(int(m_rng() % unsigned(m_tickets.size())));
    }
    void send(int w)
    {
        if (m_stopping)
            return;
        const Note c = m_current[std::size_t(w)];
        QNetworkRequest r = jsonRequest(m_url(QStringLiteral("/api/v1/tickets/%1/events").arg(c.ticket)),
                                        m_tokens.at(w % m_tokens.size()), m_timeoutMs);
        r.setRawHeader("Idempotency-Key", c.key.toLatin1());
        const QJsonObject body{{QStringLiteral("id"), c.key},
                               {QStringLiteral("kind"), QStringLiteral("note")},
                               {QStringLiteral("text"), c.text}};
        ++m_counts.sends;
        ++m_inFlight;
        QNetworkReply *reply = m_nams.at(std::size_t(w) % m_nams.size())->post(r, compact(body));
        QObject::connect(reply, &QNetworkReply::finished, &m_context, [this, reply, w, c] {
            --m_inFlight;
            reply->deleteLater();
            const int status = statusOf(reply);
            if (status == 201) { // acknowledged: it must be on the server whatever happens next
                ++m_counts.acknowledged;
                m_acknowledged.insert(c.key, c);
                if (!m_heard[std::size_t(w)]) {
                    m_heard[std::size_t(w)] = true;
                    ++m_writersAcknowledged;
                }
                m_lastAckMs = QDateTime::currentMSecsSinceEpoch();
                next(w);
                const int pace =
                    m_paceMs > 0 ? m_paceMs * 3 / 4 + int(m_rng() % unsigned(m_paceMs / 2 + 1)) : 0;
                QTimer::singleShot(pace, &m_context, [this, w] { send(w); });
                return;
            }
            if (status == 503 && reply->hasRawHeader("Retry-After")) {
                ++m_counts.unavailable;
            } else if (status == 503) {
                ++m_counts.unavailableNoRetryAfter;
            } else if (status == 0) {
                ++m_counts.noAnswer;
            } else {
                ++m_counts.other;
                m_counts.lastOtherStatus = status;
            }
            // The same note with the same key again a little later.
            QTimer::singleShot(m_retryMs, &m_context, [this, w] { send(w); });
        });
    }

    QObject m_context; ///< owns the connections and timers: none outlives the writers
    std::function<QUrl(const QString &)> m_url;
    std::vector<QNetworkAccessManager *> m_nams;
    QList<QByteArray> m_tokens;
    QStringList m_tickets;
    std::vector<Note> m_current;
    std::vector<bool> m_heard; ///< per writer: had an acknowledgement
    int m_writersAcknowledged = 0;
    QHash<QString, Note> m_acknowledged;
    Counts m_counts;
    int m_retryMs;
    int m_paceMs;
    int m_timeoutMs;
    int m_inFlight = 0;
    qint64 m_lastAckMs = 0;
    bool m_stopping = false;
    std::mt19937 m_rng;
};

/// @brief The notes found on the server against those acknowledged.
struct NoteCount
{
    int lost = 0;       ///< acknowledged, not on the server
    int duplicated = 0; ///< on the server more than once
    int onServer = 0;   ///< distinct drill notes on the server
    int readFailures = 0;
};

/// @brief Counts every drill note on the server, ticket by ticket, through the API.
inline NoteCount countNotes(QNetworkAccessManager &nam, const std::function<QUrl(const QString &)> &url,
                            const QByteArray &token, const QStringList &tickets,
                            const QHash<QString, NoteWriters::Note> &acknowledged)
{
    QHash<QString, int> copies;
    NoteCount out;
    for (const QString &t : tickets) {
        const Answer a = call(nam, "GET", url(QStringLiteral("/api/v1/tickets/%1/events").arg(t)), token);
        out.readFailures += a.status != 200;
        for (const QJsonValue &v : a.json().value(QStringLiteral("items")).toArray()) {
            const QString text = v.toObject().value(QStringLiteral("text")).toString();
            if (text.startsWith(QStringLiteral("drill ")))
                ++copies[text];
        }
    }
    for (const NoteWriters::Note &w : acknowledged)
        out.lost += copies.value(w.text) == 0;
    for (auto it = copies.constBegin(); it != copies.constEnd(); ++it)
        out.duplicated += it.value() > 1;
    out.onServer = int(copies.size());
    return out;
}

/**
 * @brief Reports courier positions as a device gateway does: POST /api/v1/couriers/positions every 50 ms, one
 * post at a time, with as many positions as are due at @p perSecond (so a late timer or a slow answer is
 * caught up; at most 1,000 a post), couriers drill-0 … drill-<n − 1> in turn; @p burst positions are due at
 * once at the start (a gateway sending its backlog). Counters are atomic: the reporter may run on a thread of
 * its own (runOnThread).
 */
class PositionReporter
{
public:
    PositionReporter(QUrl url, QByteArray adminToken, int couriers, int perSecond, int burst = 0)
        : m_url(std::move(url))
        , m_token(std::move(adminToken))
        , m_couriers(couriers)
        , m_perSecond(perSecond)
        , m_burst(burst)
    {}
    Q_DISABLE_COPY_MOVE(PositionReporter)

    /// @brief Reports until stop() from the calling thread's event loop (nam and timer live here).
    void start()
    {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_timer = std::make_unique<QTimer>();
        m_clock.start();
        QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { tick(); });
        m_timer->start(50);
    }
    void stop() { m_stop = true; }
    /// @brief Runs start() on a thread of its own until stop(); returns when it ended.
    void runOnThread(std::function<void()> whileRunning)
    {
        std::unique_ptr<QThread> thread(QThread::create([this] {
            QEventLoop loop;
            start();
            QTimer check;
            QObject::connect(&check, &QTimer::timeout, &loop, [&] {
                if (m_stop && m_inFlight == 0)
                    loop.quit();
            });
            check.start(20);
            loop.exec();
            m_timer.reset();
            m_nam.reset();
        }));
        thread->start();
        whileRunning();
        stop();
        thread->wait();
    }
    [[nodiscard]] qint64 sent() const { return m_sent; }         ///< positions sent
    [[nodiscard]] qint64 accepted() const { return m_accepted; } ///< positions answered 202
    [[nodiscard]] qint64 failed() const { return m_failed; }     ///< posts not answered 202
    [[nodiscard]] int inFlight() const { return m_inFlight; }

private:
    void tick()
    {
        if (m_stop) {
            m_timer->stop();
            return;
        }
        if (m_inFlight > 0)
            return;
        const qint64 due = std::min<qint64>(m_clock.elapsed() * m_perSecond / 1000 + m_burst - m_sent, 1000);
        if (due <= 0)
            return;
        QJsonArray items;
        for (qint64 k = 0; k < due; ++k, ++m_sent)
            items.append(QJsonObject{
                {QStringLiteral("courier_id"), QStringLiteral("drill-%1").arg(m_sent % m_couriers)},
                {QStringLiteral("lat"), 30.2 + double(m_sent % 100) * 0.001},
                {QStringLiteral("lon"), 120.1 + double(m_sent % 70) * 0.001}});
        ++m_inFlight;
        QNetworkReply *r =
            m_nam->post(jsonRequest(m_url, m_token), compact({{QStringLiteral("items"), items}}));
        QObject::connect(r, &QNetworkReply::finished, r, [this, r, due] {
            --m_inFlight;
            if (statusOf(r) == 202)
                m_accepted += due;
            else
                ++m_failed;
            r->deleteLater();
        });
    }

    QUrl m_url;
    QByteArray m_token;
    int m_couriers;
    int m_perSecond;
    int m_burst;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<QTimer> m_timer;
    QElapsedTimer m_clock;
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_accepted{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<int> m_inFlight{0};
    std::atomic<bool> m_stop{false};
};

} // namespace pd::drill
