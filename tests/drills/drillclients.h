#pragma once

// The clients that make a drill's load: console-like note writers with an outbox (resend with the same
// Idempotency-Key until acknowledged), the count of their notes on the server, and a courier position
// reporter.

#include "drillhttp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace pd::drill {

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
