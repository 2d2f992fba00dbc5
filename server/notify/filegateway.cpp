#include "filegateway.h"

#include "models/domain/masking.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server {

FileGateway::FileGateway(QString path, QObject *parent, NowMs nowMs)
    : NotifyGateway(parent)
    , m_path(std::move(path))
    , m_nowMs(nowMs ? std::move(nowMs) : NowMs([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

void FileGateway::send(const NoticeMessage &message, Done done)
{
    QJsonObject fields = noticeFields(message, Masking::maskPhone(message.recipientPhone));
    fields.insert(u"sent_at"_s, isoUtcMs(m_nowMs()));
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';

    GatewayResult result;
    const QString reason = append(line);
    if (reason.isEmpty()) {
        result.outcome = GatewayResult::Outcome::Delivered;
    } else {
        result.outcome = GatewayResult::Outcome::Retry;
        result.error = u"cannot write %1: %2"_s.arg(m_path, reason);
        qCWarning(lcServerNotify) << "file gateway: notice" << message.id << "not written:" << result.error;
    }
    // The line is on disk already; done still runs from the event loop, as the interface promises.
    QMetaObject::invokeMethod(
        this, [result, done = std::move(done)] { done(result); }, Qt::QueuedConnection);
}

QString FileGateway::append(const QByteArray &line) const
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return u"cannot create the folder %1"_s.arg(folder);
    QFile file(m_path);
    // Unbuffered: one write(2) of the whole line on an O_APPEND file, so the lines of two writers never
    // interleave and a failed write leaves nothing buffered behind.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return file.errorString();
    const qint64 before = file.size();
    if (file.write(line) != line.size()) {
        const QString reason = file.errorString();
        file.resize(before); // no torn line for the next one to be glued to (disk full)
        return reason;
    }
    file.close();
    return {};
}

} // namespace pd::server
