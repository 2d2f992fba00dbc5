#pragma once

#include "notifygateway.h"

namespace pd::server {

/**
 * @brief The demo's gateway: appends each notice as one compact JSON line to a file (JSON Lines).
 *
 * A line has the webhook body's fields (docs/notify-webhook.md) with "to" masked (138****5678: the file is
 * for looking at, not for sending) and "sent_at". The file is opened in append mode for each line and
 * closed again, so a line is whole in the file before done() runs, and the file may be moved away (rotated)
 * between notices. Delivered unless the file cannot be written (Retry).
 */
class FileGateway final : public NotifyGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileGateway)

public:
    using NowMs = std::function<qint64()>;

    /// @brief @p nowMs gives "sent_at" (UTC ms; default: the system clock).
    explicit FileGateway(QString path, QObject *parent = nullptr, NowMs nowMs = {});

    void send(const NoticeMessage &message, Done done) override;
    [[nodiscard]] QString kind() const override { return QStringLiteral("file"); }
    [[nodiscard]] const QString &path() const { return m_path; }

private:
    /// @brief Appends @p line; empty on success, else why not.
    [[nodiscard]] QString append(const QByteArray &line) const;

    QString m_path;
    NowMs m_nowMs;
};

} // namespace pd::server
