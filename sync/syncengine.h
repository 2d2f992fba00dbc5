#pragma once

#include "livefeed.h"
#include "models/domain/entities.h"
#include "syncstatus.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>
#include <random>

class QTimer;

namespace pd {

class ApiClient;
class ApiReply;
class AttachmentDownloader;
class AttachmentUploader;
class CacheKeySource;
class ChangesApi;
class Clock;
class Database;
class LiveFeed;
class LocalEdits;
class ServerClock;
class SystemClock;
struct ApiResult;
struct ChangePage;
struct OutboxItem;

/**
 * @brief Keeps the local cache true: pulls the change feed into it and pushes the outbox out of it.
 *
 * Runs on its own thread with its own cache connection (moveToThread, then start()); also usable on the main
 * thread of a command-line tool. Pulls apply whole pages in one transaction together with the new cursor, so
 * an interrupted sync resumes where it stopped and never applies a page twice. Pushes send each ticket's
 * queued edits in order, one at a time, with exponential back-off and jitter per item on failures, and hand
 * the server's answer to LocalEdits (confirm, conflict, reject). Nothing typed is dropped: a refused edit is
 * parked with its reason, a 412 becomes a conflict record.
 */
class SyncEngine final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 5000;
    static constexpr qint64 kBackoffBaseMs = 2000;
    static constexpr qint64 kBackoffMaxMs = 5 * 60 * 1000;

    /// @param localClock the machine's clock; null means the system clock (tests pass a wrong one on
    /// purpose).
    SyncEngine(QString cachePath, QUrl serverUrl, const Clock *localClock = nullptr,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    /// @brief Valid after start(): the engine's own clock (server time) and API client.
    [[nodiscard]] ServerClock *clock() const { return m_clock.get(); }
    [[nodiscard]] ApiClient *api() const { return m_api.get(); }
    [[nodiscard]] const SyncStatus &status() const { return m_status; }
    /// @brief Items per page of the change feed (1…5000; tests use small pages to cross page boundaries).
    void setPageSize(int items) { m_pageSize = qBound(1, items, kPageSize); }
    [[nodiscard]] LiveFeed *liveFeed() const { return m_live; }
    /**
     * @brief Where the signed-in user's cache key comes from (the console and its commands: CacheKeychain).
     * Without one, keys live in this process only (MemoryCacheKeys: tests, benchmarks). Set before start().
     */
    void setCacheKeys(std::shared_ptr<CacheKeySource> keys);
    /// @brief What the person should know about how customer data is kept on this PC (empty: all is well).
    [[nodiscard]] const QString &cacheNotice() const { return m_cacheNotice; }
    static constexpr int kPositionFlushMs = 500;
    /// @brief How long sign-out tries to send the outbox before it gives up (the rest stays, for its author).
    static constexpr int kSignOutPushMs = 10000;

public Q_SLOTS:
    /// @brief Opens the cache (on the calling thread) and gets ready; emits failed() when the cache is
    /// refused.
    void start();
    void signIn(const QString &login, const QString &password);
    void resume(const QByteArray &refreshToken);
    /// @brief Pull the change feed, then push the outbox.
    void syncNow();
    /// @brief The person asked for a sync (F5): edits waiting for a back-off are sent now, then syncNow().
    void syncAndSendNow();
    void pushNow();
    /// @brief A live-feed hint said something changed (or a gap/reconnect happened): pull soon.
    void pullSoon();
    /// @brief Tells the others on the live feed that this person views ("view") or left ("leave") a ticket.
    void reportPresence(const QString &ticketId, const QString &mode);
    /// @brief LiveFeed::setViewport: the couriers whose positions come live.
    void setLiveViewport(const QJsonValue &bbox);
    /**
     * @brief Signs out: tries to send the outbox for at most @p pushBudgetMs, ends the session on the server
     * (POST /auth/logout, which revokes its whole refresh-token family), then forgets this user's data in the
     * cache (CacheOwner::release: their unsent edits stay, for them only). Emits cacheCleared() and
     * signedOut(); keeping or removing the refresh token in the keychain is the caller's part.
     */
    void signOut(int pushBudgetMs = kSignOutPushMs);
    /**
     * @brief Fetches an attachment's bytes into the download cache (GET /attachments/{id}/content); emits
     * attachmentDownloaded() (at once when it is already here) or attachmentDownloadFailed(). The copy is
     * sealed: read it with AttachmentRepository::content() or exportTo().
     */
    void downloadAttachment(const QString &attachmentId);
    /// @brief Staged files go now (after the outbox; a file whose ticket is still queued waits for it).
    void uploadAttachmentsNow();

Q_SIGNALS:
    void started();
    void failed(const QString &message);
    void signedIn(const pd::User &user, const QByteArray &refreshToken);
    void signInFailed(const QString &message);
    /// @brief The refresh token rotated: store the new one (keychain) if the person chose "remember me".
    void refreshTokenChanged(const QByteArray &refreshToken);
    void statusChanged(const pd::SyncStatus &status);
    /// @brief Rows of these tickets changed in the cache (pull, push answer): item models refresh them.
    void ticketsChanged(const QStringList &ids);
    /// @brief A pull finished: ok, the items applied, and a one-line summary.
    void pullFinished(bool ok, qint64 items, const QString &summary);
    /// @brief A push round finished with nothing left that can be sent now.
    void pushIdle();
    /// @brief Couriers moved (written to the cache in one batch).
    void couriersMoved(const QStringList &courierIds);
    /// @brief The previous user's tickets were removed from the cache (another user signed in, or sign-out):
    /// views drop what they show and read the cache again.
    void cacheCleared();
    /// @brief signOut() finished: @p unsent edits of this user are still queued (kept on this PC for them
    /// only), whether the server ended the session, and why the cache could not be emptied (empty when it
    /// was).
    void signedOut(int unsent, bool serverSessionEnded, const QString &error);
    /// @brief How customer data is kept on this PC changed (no keychain, encryption off, a lost key); empty
    /// when there is nothing to say. Emitted at every sign-in, after the cache was bound to the user's key.
    void cacheNoticeChanged(const QString &notice);
    /// @brief Someone else views, edits or left a ticket (from the live feed).
    void presenceChanged(const QString &ticketId, const QString &userId, const QString &userName,
                         const QString &mode);
    /// @brief A user of the supervisor's team revealed @p customers customers' data within @p minutes
    /// (more than @p limit): the server's alert, sent to that team's supervisors only.
    void revealAlert(const QString &userName, int customers, int limit, int minutes);
    /// @brief @p sent of @p total bytes of a staged file are on the server (also 0 when an upload starts).
    void attachmentUploadProgress(const QString &ticketId, const QString &attachmentId, qint64 sent,
                                  qint64 total);
    /// @brief The server stored a file this console staged (the record is in the cache, state Stored).
    void attachmentStored(const QString &ticketId, const QString &attachmentId);
    /// @brief The server refused a staged file for good (too large, type not allowed): @p message is
    /// translated and also kept on the record (AttachmentView::error).
    void attachmentUploadFailed(const QString &ticketId, const QString &attachmentId, const QString &message);
    /// @brief A requested download is in the cache at @p localPath (sealed).
    void attachmentDownloaded(const QString &attachmentId, const QString &localPath);
    void attachmentDownloadFailed(const QString &attachmentId, const QString &message);

private:
    void fetchPage(const QString &cursor);
    void onPage(const ApiResult &result, int generation);
    bool applyPage(const ChangePage &page, QStringList &changedTickets, QString *error);
    void setUpAttachments();
    /// The outbox has nothing left to send now: staged files go, then pushIdle().
    void finishPushRound();
    void sendItem(const OutboxItem &item);
    void onPushed(const OutboxItem &item, const ApiResult &result);
    [[nodiscard]] static std::optional<qint64> previousVersion(const OutboxItem &item,
                                                               const QJsonObject &body);
    [[nodiscard]] static QString refusal(const ApiResult &result);
    bool refreshRow(const QString &ticketId);
    void schedulePush();
    /// Edits waiting for their back-off are due now (the server is back, the clock jumped, F5), and a push
    /// starts; parked (refused) edits stay parked.
    void sendWaitingNow();
    /// Binds the cache to the user who signed in (CacheOwner::adopt) and to their key (CacheCrypto), then
    /// runs @p then; emits signInFailed instead when either cannot be done.
    void adoptSignedIn(const pd::User &user, std::function<void()> then);
    /// Parks queued edits whose contents no longer open (sealed under a key that is gone); true if any.
    bool parkUnreadable(const QList<OutboxItem> &items);
    void abandonPull();
    void endServerSession();
    void finishSignOut(bool serverSessionEnded);
    void queuePositions(const QList<pd::CourierPosition> &updates);
    void flushPositions();
    void refreshCounts();
    void setState(SyncStatus::State state, const QString &message = {});
    void emitStatus();
    [[nodiscard]] qint64 backoffMs(int attempts);

    QString m_cachePath;
    QUrl m_serverUrl;
    std::shared_ptr<CacheKeySource> m_keys;
    QString m_cacheNotice;
    int m_bindGeneration = 0; // a sign-in's key that arrives after a newer sign-in or sign-out is ignored
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SystemClock> m_systemClock;
    const Clock *m_local = nullptr;
    std::unique_ptr<ServerClock> m_clock;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<LocalEdits> m_edits;
    QTimer *m_pushTimer = nullptr;
    QTimer *m_pullTimer = nullptr;
    QTimer *m_positionTimer = nullptr;
    LiveFeed *m_live = nullptr;
    AttachmentUploader *m_uploader = nullptr;
    AttachmentDownloader *m_downloader = nullptr;
    QHash<QString, CourierPosition> m_positions; // newest per courier since the last flush
    QSet<QString> m_refreshing;                  // tickets whose server copy is being fetched
    SyncStatus m_status;
    int m_pageSize = kPageSize;
    QObject *m_signOutStep = nullptr; // owns the connections of the sign-out's current step
    bool m_pushHeld = false;          // sign-out stopped sending until the next sign-in
    bool m_pulling = false;
    bool m_pullAgain = false;
    int m_pullGeneration = 0; // answers of an abandoned pull are ignored
    int m_inFlight = 0;
    qint64 m_pulledItems = 0;
    qint64 m_applyMs = 0;
    std::mt19937 m_rng{std::random_device{}()};
};

} // namespace pd
