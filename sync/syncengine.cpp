#include "syncengine.h"

#include "api/authapi.h"
#include "api/changesapi.h"
#include "api/ticketsapi.h"
#include "apiclient.h"
#include "cachekeychain.h"
#include "changeapplier.h"
#include "livefeed.h"
#include "serverclock.h"

#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "models/store/syncstaterepository.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "pd.sync", QtInfoMsg)

namespace pd {

namespace {
// A tiny debounce so a burst of live hints makes one pull.
constexpr int kPullDebounceMs = 300;

std::optional<Ticket> ticketIn(const QJsonObject &o)
{
    return o.contains(u"ticket"_s) ? Ticket::fromJson(o.value(u"ticket"_s).toObject()) : Ticket::fromJson(o);
}
} // namespace

SyncEngine::SyncEngine(QString cachePath, QUrl serverUrl, const Clock *localClock, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_serverUrl(std::move(serverUrl))
    , m_keys(std::make_shared<MemoryCacheKeys>())
    , m_local(localClock)
{
    qRegisterMetaType<pd::SyncStatus>();
    qRegisterMetaType<pd::User>();
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setCacheKeys(std::shared_ptr<CacheKeySource> keys)
{
    if (keys)
        m_keys = std::move(keys);
}

void SyncEngine::start()
{
    QString error;
    m_db = Database::open(m_cachePath, &error);
    if (!m_db) {
        Q_EMIT failed(error);
        return;
    }
    if (!m_local) {
        m_systemClock = std::make_unique<SystemClock>();
        m_local = m_systemClock.get();
    }
    m_clock = std::make_unique<ServerClock>(m_local);
    m_clock->setOffsetMs(SyncStateRepository(*m_db).clockOffsetMs());
    m_api = std::make_unique<ApiClient>(m_serverUrl, m_clock.get());
    m_edits = std::make_unique<LocalEdits>(*m_db, *m_clock);
    m_pushTimer = new QTimer(this);
    m_pushTimer->setSingleShot(true);
    connect(m_pushTimer, &QTimer::timeout, this, &SyncEngine::pushNow);
    m_pullTimer = new QTimer(this);
    m_pullTimer->setSingleShot(true);
    m_pullTimer->setInterval(kPullDebounceMs);
    connect(m_pullTimer, &QTimer::timeout, this, &SyncEngine::syncNow);

    m_positionTimer = new QTimer(this);
    m_positionTimer->setSingleShot(true);
    m_positionTimer->setInterval(kPositionFlushMs);
    connect(m_positionTimer, &QTimer::timeout, this, &SyncEngine::flushPositions);
    m_live = new LiveFeed(m_api.get(), this);
    connect(m_live, &LiveFeed::needPull, this, &SyncEngine::pullSoon);
    connect(m_live, &LiveFeed::positions, this, &SyncEngine::queuePositions);
    connect(m_live, &LiveFeed::presence, this, [this](const QJsonObject &m) {
        Q_EMIT presenceChanged(m.value(u"ticket_id"_s).toString(), m.value(u"user_id"_s).toString(),
                               m.value(u"user_name"_s).toString(), m.value(u"mode"_s).toString());
    });
    connect(m_live, &LiveFeed::revealAlert, this, [this](const QJsonObject &m) {
        const QString name = m.value(u"user_name"_s).toString();
        Q_EMIT revealAlert(name.isEmpty() ? m.value(u"login"_s).toString() : name,
                           int(m.value(u"customers"_s).toInteger()), int(m.value(u"limit"_s).toInteger()),
                           int(m.value(u"window_minutes"_s).toInteger(60)));
    });

    connect(m_api.get(), &ApiClient::tokensRefreshed, this,
            [this](const QByteArray &, const QByteArray &refresh) { Q_EMIT refreshTokenChanged(refresh); });
    connect(m_api.get(), &ApiClient::signInRequired, this,
            [this](const QString &reason) { setState(SyncStatus::State::SignInNeeded, reason); });
    connect(m_api.get(), &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (!reachable)
            setState(SyncStatus::State::Offline,
                     tr("The server cannot be reached; your work is kept and sent later."));
        else if (m_status.state == SyncStatus::State::Offline)
            setState(SyncStatus::State::Online);
        if (reachable)
            sendWaitingNow(); // what waited for the server goes now, not after its back-off
    });
    connect(m_clock.get(), &Clock::jumped, this, [this] {
        SyncStateRepository(*m_db).setClockOffsetMs(m_clock->offsetMs());
        sendWaitingNow(); // retry times were set on the clock before the jump
    });
    setUpAttachments();
    refreshCounts();
    emitStatus();
    Q_EMIT started();
}

void SyncEngine::signIn(const QString &login, const QString &password)
{
    ApiReply *reply = AuthApi(m_api.get()).login(login, password);
    connect(reply, &ApiReply::finished, this, [this](const ApiResult &r) {
        if (const auto session = AuthApi::sessionFrom(r)) {
            adoptSignedIn(session->user, [this, user = session->user, token = session->refreshToken] {
                setState(SyncStatus::State::Online);
                m_live->start();
                Q_EMIT signedIn(user, token);
            });
            return;
        }
        Q_EMIT signInFailed(r.errorMessage.isEmpty() ? tr("Sign-in failed (HTTP %1).").arg(r.status)
                                                     : r.errorMessage);
    });
}

void SyncEngine::resume(const QByteArray &refreshToken)
{
    ApiReply *reply = AuthApi(m_api.get()).resume(refreshToken);
    connect(reply, &ApiReply::finished, this, [this](const ApiResult &r) {
        if (const auto session = AuthApi::sessionFrom(r)) {
            adoptSignedIn(session->user, [this, user = session->user, token = session->refreshToken] {
                setState(SyncStatus::State::Online);
                m_live->start();
                Q_EMIT signedIn(user, token);
                Q_EMIT refreshTokenChanged(token);
            });
            return;
        }
        if (r.status == 0) {
            setState(SyncStatus::State::Offline, r.errorMessage);
            Q_EMIT signInFailed(r.errorMessage);
            return;
        }
        setState(SyncStatus::State::SignInNeeded, r.errorMessage);
        Q_EMIT signInFailed(r.errorMessage.isEmpty() ? tr("Please sign in again.") : r.errorMessage);
    });
}

void SyncEngine::reportPresence(const QString &ticketId, const QString &mode)
{
    if (m_live && !ticketId.isEmpty())
        m_live->reportPresence(ticketId, mode);
}

void SyncEngine::setLiveViewport(const QJsonValue &bbox)
{
    if (m_live)
        m_live->setViewport(bbox);
}

void SyncEngine::pullSoon()
{
    if (m_pullTimer && !m_pullTimer->isActive())
        m_pullTimer->start();
}

void SyncEngine::syncAndSendNow()
{
    sendWaitingNow();
    syncNow();
}

void SyncEngine::sendWaitingNow()
{
    if (!m_db || !m_api->hasAccessToken() || m_pushHeld)
        return;
    QString error;
    if (!OutboxRepository(*m_db).retryNow(m_clock->nowMs(), &error) ||
        !AttachmentRepository(*m_db).retryNow(m_clock->nowMs(), &error)) {
        qCWarning(lcSync) << "could not reset the retry times of queued edits:" << error;
        return;
    }
    QTimer::singleShot(0, this, &SyncEngine::pushNow);
}

void SyncEngine::syncNow()
{
    if (!m_db || !m_api->hasAccessToken())
        return;
    if (m_pulling) {
        m_pullAgain = true;
        return;
    }
    m_pulling = true;
    m_pulledItems = 0;
    m_status.done = 0;
    m_status.total = -1;
    ++m_pullGeneration;
    setState(SyncStatus::State::Syncing);
    fetchPage(SyncStateRepository(*m_db).cursor());
}

void SyncEngine::fetchPage(const QString &cursor)
{
    ApiReply *reply = ChangesApi(m_api.get()).fetch(cursor, m_pageSize);
    connect(reply, &ApiReply::finished, this,
            [this, generation = m_pullGeneration](const ApiResult &r) { onPage(r, generation); });
}

void SyncEngine::onPage(const ApiResult &result, int generation)
{
    if (generation != m_pullGeneration || !m_pulling)
        return; // the pull this page belonged to was abandoned
    const auto page = ChangesApi::pageFrom(result);
    if (!page) {
        m_pulling = false;
        const QString message = result.errorMessage.isEmpty()
                                    ? tr("The change feed answered HTTP %1.").arg(result.status)
                                    : result.errorMessage;
        if (result.status == 401)
            setState(SyncStatus::State::SignInNeeded, message);
        else
            setState(result.status == 0 ? SyncStatus::State::Offline : SyncStatus::State::Online, message);
        Q_EMIT pullFinished(false, m_pulledItems, message);
        return;
    }
    // Ask for the next page before writing this one: the server and the network work while the cache writes.
    if (page->hasMore)
        fetchPage(page->nextCursor);
    QStringList changed;
    QString error;
    QElapsedTimer applyTimer;
    applyTimer.start();
    const bool applied = ChangeApplier(*m_db).apply(*page, &changed, &error);
    m_applyMs += applyTimer.elapsed();
    if (!applied) {
        m_pulling = false;
        ++m_pullGeneration; // drop the page already asked for
        qCWarning(lcSync) << "could not apply a page of changes:" << error;
        setState(SyncStatus::State::Online, tr("The local cache could not take the changes: %1").arg(error));
        Q_EMIT pullFinished(false, m_pulledItems, error);
        return;
    }
    m_pulledItems += page->items.size();
    m_status.done = m_pulledItems;
    // The server tells how many records follow (an upper bound: other teams' tickets are counted too).
    if (!page->hasMore)
        m_status.total = m_pulledItems;
    else if (page->estimatedTotal >= 0)
        m_status.total = m_pulledItems + page->estimatedTotal;
    else
        m_status.total = -1;
    if (!changed.isEmpty())
        Q_EMIT ticketsChanged(changed);
    emitStatus();
    if (page->hasMore)
        return; // the next page is on its way
    m_pulling = false;
    qCDebug(lcSync) << "pull:" << m_pulledItems << "items," << m_applyMs << "ms writing the cache";
    m_applyMs = 0;
    m_status.lastSyncAt = m_clock->nowMs();
    (void)SyncStateRepository(*m_db).setValue(u"sync.last_pull_at"_s, QString::number(m_status.lastSyncAt));
    setState(SyncStatus::State::Online);
    Q_EMIT pullFinished(true, m_pulledItems, tr("%n change(s) received.", nullptr, int(m_pulledItems)));
    if (m_pullAgain) {
        m_pullAgain = false;
        syncNow();
        return;
    }
    pushNow();
}

void SyncEngine::pushNow()
{
    if (!m_db || !m_api->hasAccessToken() || m_inFlight > 0)
        return;
    if (m_pushHeld) {
        Q_EMIT pushIdle(); // signing out: nothing more is sent
        return;
    }
    const auto items = OutboxRepository(*m_db).ready(m_clock->nowMs(), 50);
    if (parkUnreadable(items)) {
        QTimer::singleShot(0, this, &SyncEngine::pushNow); // the ticket's next edits may go now
        return;
    }
    if (items.isEmpty()) {
        finishPushRound();
        return;
    }
    for (const OutboxItem &item : items)
        sendItem(item);
}

void SyncEngine::sendItem(const OutboxItem &item)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (item.method == u"PATCH"_s && item.baseVersion)
        headers.append({"If-Match", QByteArray::number(*item.baseVersion)});
    else
        headers.append({"Idempotency-Key", item.idempotencyKey.toLatin1()});
    ++m_inFlight;
    ApiReply *reply = m_api->send(item.method.toLatin1(), item.path, QJsonDocument(item.payload), headers);
    connect(reply, &ApiReply::finished, this, [this, item](const ApiResult &r) { onPushed(item, r); });
}

void SyncEngine::onPushed(const OutboxItem &item, const ApiResult &result)
{
    --m_inFlight;
    QString error;
    bool written = true;
    const QJsonObject body = result.object();
    if (result.ok()) {
        QList<TicketEvent> events;
        if (const auto e = TicketEvent::fromJson(body.value(u"event"_s).toObject()))
            events.append(*e);
        written = m_edits->confirm(item.seq, ticketIn(body), events, previousVersion(item, body), &error);
    } else if (result.status == 412) {
        QJsonObject current = body.value(u"current"_s).toObject();
        if (current.isEmpty())
            current = body.value(u"error"_s).toObject().value(u"current"_s).toObject();
        if (const auto server = Ticket::fromJson(current))
            written = m_edits->conflict(item.seq, *server, &error);
        else
            written = m_edits->reject(item.seq, refusal(result), &error) && refreshRow(item.ticketId);
    } else if (result.status == 400 || result.status == 403 || result.status == 404 || result.status == 409 ||
               result.status == 413 || result.status == 422) {
        qCInfo(lcSync) << "edit refused by the server:" << result.status << result.errorCode;
        written = m_edits->reject(item.seq, refusal(result), &error) && refreshRow(item.ticketId);
    } else {
        // Network, 5xx, 429 after its retries, 401 without a session: try again later, never drop.
        const qint64 wait = backoffMs(item.attempts);
        written = OutboxRepository(*m_db).markFailed(item.seq, result.errorMessage, m_clock->nowMs() + wait,
                                                     &error);
    }
    if (!written)
        qCWarning(lcSync) << "could not record the server's answer:" << error;
    if (!item.ticketId.isEmpty())
        Q_EMIT ticketsChanged({item.ticketId});
    if (m_inFlight == 0) {
        // Keep going while the server accepts; after failures the timer waits for the earliest retry.
        if (result.ok() || result.status == 412 || result.status == 409 || result.status == 422)
            QTimer::singleShot(0, this, &SyncEngine::pushNow);
        else
            pushNow();
    }
}

std::optional<qint64> SyncEngine::previousVersion(const OutboxItem &item, const QJsonObject &body)
{
    if (item.method == u"PATCH"_s)
        return item.baseVersion; // it passed If-Match: the ticket was at exactly this version
    if (item.method == u"POST"_s && item.path == u"/api/v1/tickets"_s)
        return 0; // made here: edits queued behind the create were made on the console's own copy
    const QJsonValue v = body.value(u"previous_version"_s);
    if (v.isDouble())
        return v.toInteger();
    return std::nullopt; // an older server does not say: nothing is rebased, a queued PATCH meets its 412
}

QString SyncEngine::refusal(const ApiResult &result)
{
    if (!result.errorMessage.isEmpty())
        return result.errorMessage;
    return tr("The server refused this change (HTTP %1).").arg(result.status);
}

bool SyncEngine::refreshRow(const QString &ticketId)
{
    // A refused edit leaves the row as the person typed it: fetch the server's copy to show instead.
    if (ticketId.isEmpty() || m_refreshing.contains(ticketId))
        return true;
    m_refreshing.insert(ticketId);
    ApiReply *reply = TicketsApi(m_api.get()).get(ticketId);
    connect(reply, &ApiReply::finished, this, [this, ticketId](const ApiResult &r) {
        m_refreshing.remove(ticketId);
        QString error;
        bool done = true;
        if (r.ok())
            done = m_edits->revert(ticketId, Ticket::fromJson(r.object()), &error);
        else if (r.status == 403 || r.status == 404)
            done = m_edits->revert(ticketId, std::nullopt, &error);
        else
            return; // not reachable now: staleRows() finds the row again after the next push round
        if (!done)
            qCWarning(lcSync) << "could not restore the server's copy of a ticket:" << error;
        Q_EMIT ticketsChanged({ticketId});
    });
    return true;
}

void SyncEngine::queuePositions(const QList<CourierPosition> &updates)
{
    // Many reports per second: keep the newest per courier and write them together (at most 2 writes/s).
    for (const CourierPosition &u : updates) {
        auto it = m_positions.find(u.courierId);
        if (it == m_positions.end() || it->at <= u.at)
            m_positions.insert(u.courierId, u);
    }
    if (!m_positionTimer->isActive())
        m_positionTimer->start();
}

void SyncEngine::flushPositions()
{
    if (m_positions.isEmpty() || !m_db)
        return;
    const QList<CourierPosition> batch = m_positions.values();
    const QStringList ids = m_positions.keys();
    m_positions.clear();
    QString error;
    if (!DirectoryRepository(*m_db).updatePositions(batch, &error)) {
        qCWarning(lcSync) << "could not store courier positions:" << error;
        return;
    }
    Q_EMIT couriersMoved(ids);
}

void SyncEngine::schedulePush()
{
    const auto items = OutboxRepository(*m_db).all();
    qint64 next = -1;
    for (const OutboxItem &item : items) {
        if (item.nextAttemptAt == OutboxRepository::kParked)
            continue;
        if (next < 0 || item.nextAttemptAt < next)
            next = item.nextAttemptAt;
    }
    if (next < 0) {
        m_pushTimer->stop();
        return;
    }
    m_pushTimer->start(int(qBound<qint64>(0, next - m_clock->nowMs(), kBackoffMaxMs)));
}

qint64 SyncEngine::backoffMs(int attempts)
{
    // Exponential with full jitter between half and the whole step: retries of many clients spread out.
    const qint64 step = qMin(kBackoffMaxMs, kBackoffBaseMs << qMin(attempts, 16));
    std::uniform_int_distribution<qint64> jitter(step / 2, step);
    return jitter(m_rng);
}

void SyncEngine::refreshCounts()
{
    OutboxRepository outbox(*m_db);
    m_status.pending = outbox.count();
    m_status.rejected = int(outbox.parked().size());
    m_status.conflicts = int(m_edits->conflicts().size());
}

void SyncEngine::setState(SyncStatus::State state, const QString &message)
{
    m_status.state = state;
    m_status.message = message;
    if (m_db)
        refreshCounts();
    emitStatus();
}

void SyncEngine::emitStatus()
{
    if (m_clock)
        m_status.clockOffsetMs = m_clock->offsetMs();
    Q_EMIT statusChanged(m_status);
}

} // namespace pd
