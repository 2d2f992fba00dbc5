#include "cacheunlock.h"

#include "models/store/cachecrypto.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "sync/cachekeychain.h"

#include <QEventLoop>
#include <QTimer>

namespace pd {

QString unlockCache(const Database &db, CacheKeySource &keys, int waitMs)
{
    const CacheOwner owner(db);
    const QString userId = owner.userId();
    if (userId.isEmpty())
        return {}; // nobody's data to show: sign-in binds the key
    QEventLoop loop;
    std::optional<CacheKeySource::Key> key;
    QObject context;
    keys.obtain(userId, CacheCrypto::storeId(db), &context, [&](const CacheKeySource::Key &k) {
        key = k;
        loop.quit();
    });
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    if (!key)
        loop.exec();
    if (!key)
        return {}; // the keychain did not answer: locked until sign-in
    QString message;
    CacheCrypto::bind(db, key->cipher, CacheCrypto::Foreign::Forget, &message);
    QStringList notes;
    for (const QString &note : {key->notice, message}) {
        if (!note.isEmpty())
            notes.append(note);
    }
    return notes.join(u'\n');
}

} // namespace pd
