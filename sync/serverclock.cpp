#include "serverclock.h"

#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcClock, "pd.sync.clock", QtInfoMsg)

namespace pd {

namespace {
const QString kHttpDateFormat = QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
}

ServerClock::ServerClock(const Clock *local, QObject *parent)
    : Clock(parent)
    , m_local(local)
{
    Q_ASSERT(m_local);
    connect(m_local, &Clock::jumped, this, &Clock::jumped);
}

void ServerClock::setOffsetMs(qint64 offsetMs)
{
    m_samples.clear();
    apply(offsetMs);
}

void ServerClock::observe(qint64 sentLocalMs, qint64 receivedLocalMs, const QByteArray &dateHeader,
                          const QByteArray &preciseHeader)
{
    if (receivedLocalMs < sentLocalMs)
        return; // the local clock was set back during the exchange: the sample means nothing
    std::optional<qint64> serverMs;
    bool ok = false;
    const qint64 precise = preciseHeader.trimmed().toLongLong(&ok);
    if (ok && precise > 0) {
        serverMs = precise;
    } else if (const auto date = parseHttpDate(dateHeader)) {
        serverMs = *date + 500; // the Date header is truncated to the second: expect the middle of it
    }
    if (!serverMs)
        return;
    const qint64 midpoint = sentLocalMs + (receivedLocalMs - sentLocalMs) / 2;
    m_samples.push_back(*serverMs - midpoint);
    while (m_samples.size() > kSamples)
        m_samples.pop_front();
    std::vector<qint64> sorted(m_samples.begin(), m_samples.end());
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
    apply(sorted[sorted.size() / 2]);
}

void ServerClock::apply(qint64 offsetMs)
{
    const qint64 delta = offsetMs - m_offsetMs;
    m_offsetMs = offsetMs;
    if (qAbs(delta) >= kJumpThresholdMs) {
        qCInfo(lcClock) << "server clock offset now" << offsetMs << "ms";
        Q_EMIT jumped(delta);
    }
}

std::optional<qint64> ServerClock::parseHttpDate(const QByteArray &value)
{
    QDateTime dt = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()), kHttpDateFormat);
    if (!dt.isValid())
        return std::nullopt;
    dt.setTimeSpec(Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

QByteArray ServerClock::formatHttpDate(qint64 utcMs)
{
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC), kHttpDateFormat).toLatin1();
}

} // namespace pd
