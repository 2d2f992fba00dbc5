#include "startupprobe.h"

#include "models/itemmodels/tickettablemodel.h"
#include "ui/workbench/workbenchpage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace pd {

namespace {

qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

bool StartupProbe::wanted()
{
    return qEnvironmentVariableIsSet("PD_STARTUP_PROBE");
}

qint64 StartupProbe::processStartMs()
{
    // Field 22 of /proc/self/stat: start time in clock ticks after boot; /proc/stat's btime: boot in seconds.
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile sys(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly) || !sys.open(QIODevice::ReadOnly))
        return QDateTime::currentMSecsSinceEpoch();
    const QByteArray s = stat.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(19).toLongLong();
    qint64 boot = 0;
    for (const QByteArray &line : sys.readAll().split('\n'))
        if (line.startsWith("btime "))
            boot = line.mid(6).toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    if (boot == 0 || hz <= 0)
        return QDateTime::currentMSecsSinceEpoch();
    return boot * 1000 + ticks * 1000 / hz;
}

StartupProbe::StartupProbe(WorkbenchPage *page, qint64 processStartMs, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_start(processStartMs)
{
    connect(page->model(), &TicketTableModel::loaded, this, &StartupProbe::onFirstPage);
}

void StartupProbe::onFirstPage()
{
    if (m_ready)
        return;
    m_ready = true;
    // Let the first page paint before calling the workbench usable.
    QTimer::singleShot(0, this, [this] {
        m_page->view()->viewport()->repaint();
        std::printf("ready_ms=%lld rows=%d\n", QDateTime::currentMSecsSinceEpoch() - m_start,
                    m_page->model()->rowCount());
        m_jump.start();
        m_page->view()->scrollToBottom();
        checkEnd();
    });
}

void StartupProbe::checkEnd()
{
    const int last = m_page->model()->rowCount() - 1;
    const QModelIndex index = m_page->model()->index(last, 0);
    if (last >= 0 && !index.data(TicketTableModel::LoadedRole).toBool()) {
        QTimer::singleShot(1, this, &StartupProbe::checkEnd);
        return;
    }
    std::printf("end_ms=%lld peak_rss_kb=%lld\n", m_jump.elapsed(), peakRssKb());
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace pd
