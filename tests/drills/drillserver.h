#pragma once

// The server a drill attacks: the real parceldesk-server on 127.0.0.1 (port 0, temporary SQLite database),
// its users (server CLI), its memory and open files from /proc; the percentile of a sample and the figure
// line.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pd::drill {

/// @brief The password of every user a drill adds.
inline const QByteArray kPassword = "drill-password-1";

/// @brief The full form (make drill, PD_DRILL_FULL=1) or the short one that runs in make test.
inline bool fullForm()
{
    return qEnvironmentVariableIntValue("PD_DRILL_FULL") != 0;
}

/// @brief The server binary: PD_TEST_SERVER_BIN runs a drill against another build.
inline QString serverBinary()
{
    const QString other = qEnvironmentVariable("PD_TEST_SERVER_BIN");
    return other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other;
}

/// @brief Runs a CLI command of the server (user add) with @p input on standard input; its exit code.
inline int serverCli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(serverBinary(), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// @brief Adds a user with kPassword to the database @p dbUrl (creating its schema); true on success.
inline bool addUser(const QString &dbUrl, const QString &login, const QString &role, const QString &team = {})
{
    QStringList args{QStringLiteral("user"),
                     QStringLiteral("add"),
                     login,
                     QStringLiteral("--db"),
                     dbUrl,
                     QStringLiteral("--role"),
                     role};
    if (!team.isEmpty())
        args << QStringLiteral("--team") << team;
    return serverCli(args, kPassword + '\n') == 0;
}

/// @brief One parceldesk-server process; PD_TEST_SERVER_BIN runs a drill against another build.
class DrillServer
{
public:
    /// @param dbUrl the database (empty: the SQLite file dbPath() of this server's own)
    /// @param environment variables added to the server's environment (e.g. PD_SQLITE_MAX_PAGE_COUNT)
    bool start(const QStringList &extraArgs = {}, const QString &dbUrl = {},
               const QHash<QString, QString> &environment = {})
    {
        m_dbUrl = dbUrl.isEmpty() ? QStringLiteral("sqlite:") + dbPath() : dbUrl;
        if (m_quiet) {
            m_process.setProcessChannelMode(QProcess::SeparateChannels);
            m_process.setStandardErrorFile(logPath(), QIODevice::Append);
        } else {
            m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = environment.constBegin(); it != environment.constEnd(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.start(serverBinary(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                    QStringLiteral("--db"), m_dbUrl} +
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
    ~DrillServer() { stop(); }
    /// @brief Stops the server (SIGTERM, then SIGKILL after 5 s).
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    /// @brief Standard error goes to logPath() instead of the drill's own (call before start(); for drills
    /// whose faults make the server log a line per refused request).
    void setQuiet(bool quiet) { m_quiet = quiet; }
    [[nodiscard]] QString logPath() const { return m_dir.filePath(QStringLiteral("server.log")); }
    /// @brief The last @p lines of logPath().
    [[nodiscard]] QString logTail(int lines = 20) const
    {
        QFile f(logPath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> all = f.readAll().trimmed().split('\n');
        return QString::fromUtf8(all.mid(std::max<qsizetype>(0, all.size() - lines)).join('\n'));
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    /// @brief The SQLite file used when start() is given no database.
    [[nodiscard]] QString dbPath() const { return m_dir.filePath(QStringLiteral("drill.db")); }
    /// @brief The database given to start(), or before it the URL of dbPath().
    [[nodiscard]] QString dbUrl() const
    {
        return m_dbUrl.isEmpty() ? QStringLiteral("sqlite:") + dbPath() : m_dbUrl;
    }
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
    /// @brief Open file descriptors of the server (entries of /proc/<pid>/fd); -1 if unreadable.
    [[nodiscard]] int openFds() const
    {
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(m_process.processId()));
        return fds.exists()
                   ? int(fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size())
                   : -1;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_dbUrl;
    quint16 m_port = 0;
    bool m_quiet = false;
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
