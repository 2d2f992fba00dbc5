#pragma once

#include <QProcess>
#include <QStringList>

namespace pd::bench {

/// @brief Runs a parceldesk-server command (user add, import, …) with @p input on stdin; its exit code.
inline int serverCli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(PD_SERVER_BIN), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(600000);
    return p.exitCode();
}

} // namespace pd::bench
