#pragma once

#include "sync/apiclient.h"
#include "sync/apireply.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace pd {

/**
 * @brief The widgets' way to the server for calls that are not edits (reveals, the access log, exports).
 *
 * The session's ApiClient lives on the sync thread with the tokens, the refresh on 401 and the Retry-After
 * logic; call() makes the request there and hands the answer back on this object's (the GUI) thread. An
 * answer whose @p context is gone by then is dropped. Without a client (not wired yet, or the session ended)
 * a call fails at once with errorCode "offline". Edits never go this way: they go through the cache and the
 * outbox (LocalEdits), so nothing typed is lost when the network is.
 *
 * The link must outlive the client's thread (the main window owns it; the session, which owns the sync
 * thread, ends first).
 */
class ServerLink final : public QObject
{
    Q_OBJECT
public:
    /// @brief Builds the request on the client's thread, e.g. `[](ApiClient *c) { return
    /// AuditApi(c).search(q); }`.
    using Make = std::function<ApiReply *(ApiClient *)>;
    using Done = std::function<void(const ApiResult &)>;

    explicit ServerLink(QObject *parent = nullptr);

    /// @brief The session's client (it may live on another thread); null: offline.
    void setClient(ApiClient *client);
    [[nodiscard]] bool hasClient() const { return m_client != nullptr; }
    /// @brief Sends a request made by @p make; @p done runs on the GUI thread if @p context still exists.
    void call(Make make, QObject *context, Done done);

    /// @brief The result every call gets without a client (translated message).
    [[nodiscard]] static ApiResult offline();

private:
    Q_DISABLE_COPY_MOVE(ServerLink)
    QPointer<ApiClient> m_client;
};

} // namespace pd
