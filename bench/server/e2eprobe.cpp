#include "e2eprobe.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pd::bench {

namespace {

/// A connection of its own, opened on the current thread; invalid (and a message printed) on failure.
QSqlDatabase openReader(const QString &name, const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(db.lastError().text()));
    return db;
}

} // namespace

CaseWatcher::CaseWatcher(QString sqlitePath, int intervalMs)
    : m_path(std::move(sqlitePath))
    , m_intervalMs(intervalMs)
{}

CaseWatcher::~CaseWatcher()
{
    stop();
}

void CaseWatcher::start()
{
    m_stop = false;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
    m_ready.acquire();
}

void CaseWatcher::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_thread->wait();
    m_thread.reset();
}

QList<SeenCase> CaseWatcher::seen()
{
    const std::lock_guard lock(m_mutex);
    return m_seen;
}

qsizetype CaseWatcher::seenCount()
{
    const std::lock_guard lock(m_mutex);
    return m_seen.size();
}

void CaseWatcher::run()
{
    const QString name = u"e2e-case-watcher"_s;
    {
        QSqlDatabase db = openReader(name, m_path);
        qint64 last = 0;
        {
            QSqlQuery q(db);
            if (q.exec(u"SELECT COALESCE(MAX(rowid), 0) FROM proactive_cases"_s) && q.next())
                last = q.value(0).toLongLong();
        }
        m_ready.release();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(
            u"SELECT rowid, waybill_no, kind, cause_ms, detected_ms FROM proactive_cases WHERE rowid > ? "
            "ORDER BY rowid"_s);
        while (!m_stop) {
            const qint64 polledAt = QDateTime::currentMSecsSinceEpoch();
            q.bindValue(0, last);
            QList<SeenCase> found;
            if (q.exec()) {
                while (q.next()) {
                    last = q.value(0).toLongLong();
                    found.append({q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                                  q.value(4).toLongLong(), polledAt});
                }
            }
            q.finish();
            if (!found.isEmpty()) {
                const std::lock_guard lock(m_mutex);
                m_seen += found;
            }
            QThread::msleep(ulong(m_intervalMs));
        }
    }
    QSqlDatabase::removeDatabase(name);
}

ProcessStats processStats(qint64 pid)
{
    ProcessStats s;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15 (proc(5)).
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 12)
            s.cpuSeconds =
                double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : status.readAll().split('\n')) {
            if (l.startsWith("VmRSS:"))
                s.residentMiB = l.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return s;
}

qint64 sqliteCount(const QString &path, const QString &sql)
{
    const QString name = u"e2e-count"_s;
    qint64 out = -1;
    {
        QSqlDatabase db = openReader(name, path);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            out = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace pd::bench
