#include "serverlink.h"

#include "sync/apiclient.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace pd {

ServerLink::ServerLink(QObject *parent)
    : QObject(parent)
{}

void ServerLink::setClient(ApiClient *client)
{
    m_client = client;
}

ApiResult ServerLink::offline()
{
    ApiResult r;
    r.errorCode = u"offline"_s;
    r.errorMessage = tr("Not connected to the server.");
    return r;
}

void ServerLink::call(Make make, QObject *context, Done done)
{
    const QPointer<QObject> ctx(context);
    ApiClient *client = m_client.data();
    if (!client) {
        QTimer::singleShot(0, this, [ctx, done = std::move(done)] {
            if (ctx)
                done(offline());
        });
        return;
    }
    // The answer is delivered to this object (queued when the client lives on another thread); the context
    // is checked on this thread, where it lives.
    QMetaObject::invokeMethod(
        client,
        [this, client, ctx, make = std::move(make), done = std::move(done)] {
            ApiReply *reply = make(client);
            connect(reply, &ApiReply::finished, this, [ctx, done](const ApiResult &result) {
                if (ctx)
                    done(result);
            });
        },
        Qt::QueuedConnection);
}

} // namespace pd
