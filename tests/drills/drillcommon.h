#pragma once

// Shared by the drills: start the real server on 127.0.0.1 (port 0, temporary SQLite database), read its
// memory from /proc, and the percentile of a sample.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace pd::drill {

/// @brief The full form (make drill, PD_DRILL_FULL=1) or the short one that runs in make test.
inline bool fullForm()
{
    return qEnvironmentVariableIntValue("PD_DRILL_FULL") != 0;
}

/// @brief One parceldesk-server process; PD_TEST_SERVER_BIN runs a drill against another build.
class DrillServer
{
public:
    /// @param dbUrl the database (empty: a new SQLite file of this server's own)
    bool start(const QStringList &extraArgs = {}, const QString &dbUrl = {})
    {
        const QString other = qEnvironmentVariable("PD_TEST_SERVER_BIN");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(
            other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other,
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                        dbUrl.isEmpty()
                            ? QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("drill.db"))
                            : dbUrl} +
                extraArgs);
        QByteArray seen;
        const QByteArray marker = "listening on http://127.0.0.1:";
        QElapsedTimer t;
        t.start();
        while (!seen.contains(marker) && t.elapsed() < 60000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            seen += m_process.readAllStandardOutput();
        }
        const qsizetype at = seen.indexOf(marker);
        if (at < 0)
            return false;
        m_port = quint16(seen.mid(at + marker.size()).split('\n').first().trimmed().toUInt());
        return m_port != 0;
    }
    ~DrillServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    /// @brief After a kill from outside: reaps the process (the destructor then has nothing to stop).
    void waitKilled() { m_process.waitForFinished(10000); }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }
    /// @brief A field of /proc/<pid>/status in MB (VmHWM = peak resident set, VmRSS = now); -1 if unreadable.
    [[nodiscard]] double memoryMb(const char *field) const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(field))
                return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toDouble() / 1024.0;
        }
        return -1;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/// @brief The p-th percentile (0–100) of @p values (sorted in place).
inline double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto at = std::min(values.size() - 1, std::size_t(p / 100.0 * double(values.size())));
    return values[at];
}

/// @brief Prints the drill's one figure line and returns the exit code.
inline int report(bool goalHolds, const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
    return goalHolds ? 0 : 1;
}

} // namespace pd::drill
