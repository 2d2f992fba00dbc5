// SyncEngine: whose cache it is (binding it at sign-in) and sign-out. See docs/architecture.md, "Sign-out and
// switching user".
#include "api/authapi.h"
#include "apiclient.h"
#include "livefeed.h"
#include "serverclock.h"
#include "syncengine.h"

#include "cachekeychain.h"

#include "models/store/cachecrypto.h"
#include "models/store/cachekeys.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"

#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace pd {

namespace {
// After the push budget, replies already on their way are awaited this long at most (they land in the cache
// before it is emptied, never after).
constexpr int kInFlightGraceMs = ApiClient::kTimeoutMs + 5000;
// POST /auth/logout: a server that does not answer soon does not hold up the sign-out.
constexpr int kLogoutWaitMs = 5000;
} // namespace

void SyncEngine::adoptSignedIn(const User &user, std::function<void()> then)
{
    if (!m_db) {
        then();
        return;
    }
    bool wiped = false;
    QString error;
    if (!CacheOwner(*m_db).adopt(user, m_serverUrl.toString(), &wiped, &error)) {
        // Never go on under a cache bound to someone else: its queued edits would be sent with this session.
        m_api->clearTokens();
        Q_EMIT signInFailed(tr("The local cache could not be prepared for %1: %2").arg(user.login, error));
        return;
    }
    m_pushHeld = false;
    if (wiped) {
        abandonPull();
        qCInfo(lcSync) << "another user signed in: the cache was emptied for a full sync";
        Q_EMIT cacheCleared();
    }
    // Then the user's key (the keychain may take a moment, or ask the person to unlock it): nothing is
    // pulled or pushed before the cache is bound to it.
    const int generation = ++m_bindGeneration;
    m_keys->obtain(
        user.id, CacheCrypto::storeId(*m_db), this,
        [this, generation, user, then = std::move(then)](const CacheKeySource::Key &key) {
            if (generation != m_bindGeneration || !m_db)
                return; // a newer sign-in or a sign-out came first
            QString message;
            const auto outcome = CacheCrypto::bind(*m_db, key.cipher, CacheCrypto::Foreign::Forget, &message);
            if (outcome == CacheCrypto::Outcome::Failed) {
                m_api->clearTokens();
                Q_EMIT signInFailed(
                    tr("The local cache could not be prepared for %1: %2").arg(user.login, message));
                return;
            }
            if (outcome == CacheCrypto::Outcome::Forgotten) {
                abandonPull();
                Q_EMIT cacheCleared();
            }
            QStringList notes;
            for (const QString &note : {key.notice, message}) {
                if (!note.isEmpty())
                    notes.append(note);
            }
            m_cacheNotice = notes.join(u'\n');
            Q_EMIT cacheNoticeChanged(m_cacheNotice);
            refreshCounts();
            then();
        });
}

bool SyncEngine::parkUnreadable(const QList<OutboxItem> &items)
{
    bool parked = false;
    for (const OutboxItem &item : items) {
        if (!item.unreadable)
            continue;
        // Sealed under a key this PC no longer has (no keychain, or its entry was removed): never sent
        // half-empty; parked with the reason, so the person sees it beside the ticket.
        QString error;
        if (!m_edits->reject(item.seq,
                             tr("This change was kept encrypted under a key this computer no longer has; its "
                                "contents cannot be read, so it was not sent."),
                             &error))
            qCWarning(lcSync) << "could not park an unreadable edit:" << error;
        else
            refreshRow(item.ticketId);
        parked = true;
    }
    return parked;
}

void SyncEngine::abandonPull()
{
    if (m_pullTimer)
        m_pullTimer->stop();
    m_pullAgain = false;
    if (m_pulling) {
        m_pulling = false;
        ++m_pullGeneration; // pages still on their way are dropped
    }
}

void SyncEngine::signOut(int pushBudgetMs)
{
    if (!m_db) {
        Q_EMIT signedOut(0, false, tr("The local cache is not open."));
        return;
    }
    if (m_signOutStep)
        return; // already signing out
    // Nothing more comes in: a pull's pages would land after the cache is emptied.
    abandonPull();
    m_live->stop();
    m_signOutStep = new QObject(this);
    if (!m_api->hasAccessToken()) {
        finishSignOut(false);
        return;
    }
    // Edits waiting for a back-off get one more try now; then send until nothing is left or the time is up.
    setState(SyncStatus::State::Syncing, tr("Sending your queued changes…"));
    (void)OutboxRepository(*m_db).retryNow(m_clock->nowMs());
    connect(this, &SyncEngine::pushIdle, m_signOutStep, [this] {
        if (m_inFlight == 0)
            endServerSession();
    });
    auto *budget = new QTimer(m_signOutStep);
    budget->setSingleShot(true);
    connect(budget, &QTimer::timeout, m_signOutStep, [this] {
        m_pushHeld = true;
        m_pushTimer->stop();
        if (m_inFlight == 0) {
            endServerSession();
            return;
        }
        QTimer::singleShot(kInFlightGraceMs, m_signOutStep, [this] { endServerSession(); });
    });
    budget->start(qMax(0, pushBudgetMs));
    pushNow();
}

void SyncEngine::endServerSession()
{
    if (!m_signOutStep || m_signOutStep->property("ending").toBool())
        return;
    m_signOutStep->setProperty("ending", true);
    m_pushHeld = true; // from here on nothing is sent
    m_pushTimer->stop();
    // The server revokes the session's whole refresh-token family; the access token ends with it. The reply
    // belongs to this step: if it comes after the wait, it is gone with the step and cannot touch the tokens
    // of whoever signs in next.
    ApiReply *reply = AuthApi(m_api.get()).logout();
    reply->setParent(m_signOutStep);
    connect(reply, &ApiReply::finished, m_signOutStep, [this](const ApiResult &r) {
        if (!r.ok())
            qCInfo(lcSync) << "the server did not end the session:" << r.status << r.errorMessage;
        finishSignOut(r.ok());
    });
    QTimer::singleShot(kLogoutWaitMs, m_signOutStep, [this] { finishSignOut(false); });
}

void SyncEngine::finishSignOut(bool serverSessionEnded)
{
    if (!m_signOutStep)
        return;
    m_signOutStep->deleteLater(); // its timers, connections and a logout reply still on its way go with it
    m_signOutStep = nullptr;
    m_pushHeld = true;
    abandonPull();
    m_live->stop();
    m_api->clearTokens();
    ++m_bindGeneration; // a key still on its way binds nothing now
    const int unsent = OutboxRepository(*m_db).count();
    const QString userId = CacheOwner(*m_db).userId();
    QString error;
    if (!CacheOwner(*m_db).release(&error)) {
        qCWarning(lcSync) << "could not empty the cache at sign-out:" << error;
    } else {
        // Nothing of this user is left to read: the cache is locked until the next sign-in, and a user
        // with no edits kept here loses their key too, so whatever of theirs lingers on the disk (free
        // pages, backups of the file) is unreadable for good. Kept edits keep the key, for their author.
        m_db->keySlot().set(nullptr);
        if (unsent == 0 && !userId.isEmpty())
            m_keys->forget(userId, CacheCrypto::storeId(*m_db));
    }
    setState(SyncStatus::State::SignInNeeded, tr("Signed out."));
    Q_EMIT cacheCleared();
    Q_EMIT signedOut(qMax(0, unsent), serverSessionEnded, error);
}

} // namespace pd
