#include "walcheckpointer.h"

#include "database.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace pd::server {

namespace {
QAtomicInt g_checkpointers;
}

WalCheckpointer::WalCheckpointer(const QString &path)
    : m_path(path)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("wal-checkpoint"));
    m_thread->start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    m_stop = true;
    m_wake.release();
    m_thread->wait();
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("pd-server-checkpoint-%1").arg(g_checkpointers.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            qCWarning(lcServerStore) << "checkpoint thread: cannot open" << m_path << db.lastError().text();
        } else {
            QSqlQuery q(db);
            while (!m_stop.load()) {
                // PASSIVE: copies what no reader still needs, without waiting for (or holding up) anyone;
                // a busy or failed run is simply tried again next time.
                if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    q.finish();
                ++m_runs;
                m_wake.tryAcquire(1, kEveryMs);
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace pd::server
