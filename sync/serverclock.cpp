#include "serverclock.h"

#include <QLocale>
#include <QLoggingCategory>

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
    apply(offsetMs, 0);
}

void ServerClock::observe(qint64 sentLocalMs, qint64 receivedLocalMs, const QByteArray &dateHeader,
                          const QByteArray &preciseHeader)
{
    if (receivedLocalMs < sentLocalMs)
        return; // the local clock was set back during the exchange: the sample means nothing
    std::optional<qint64> serverMs;
    qint64 errorMs = (receivedLocalMs - sentLocalMs + 1) / 2;
    bool ok = false;
    const qint64 precise = preciseHeader.trimmed().toLongLong(&ok);
    if (ok && precise > 0) {
        serverMs = precise;
    } else if (const auto date = parseHttpDate(dateHeader)) {
        serverMs = *date + 500; // the Date header is truncated to the second: expect the middle of it
        errorMs += 500;
    }
    if (!serverMs)
        return;
    const qint64 midpoint = sentLocalMs + (receivedLocalMs - sentLocalMs) / 2;
    m_samples.push_back({*serverMs - midpoint, errorMs});
    while (m_samples.size() > kSamples)
        m_samples.pop_front();
    if (stepped())
        m_samples.erase(m_samples.begin(), m_samples.end() - 2);
    // The most precise sample of the window; the newest of equals.
    auto best = m_samples.cbegin();
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        if (it->errorMs <= best->errorMs)
            best = it;
    }
    apply(best->offsetMs, best->errorMs);
}

bool ServerClock::stepped() const
{
    if (m_samples.size() < 3) // the first samples of a session set the offset anyway
        return false;
    const Sample &a = m_samples.back();
    const Sample &b = m_samples[m_samples.size() - 2];
    const bool agree = qAbs(a.offsetMs - b.offsetMs) <= a.errorMs + b.errorMs;
    return agree && qAbs(a.offsetMs - m_offsetMs) > a.errorMs + kStepMarginMs &&
           qAbs(b.offsetMs - m_offsetMs) > b.errorMs + kStepMarginMs;
}

void ServerClock::apply(qint64 offsetMs, qint64 errorMs)
{
    const qint64 delta = offsetMs - m_offsetMs;
    // A better sample correcting a coarse one within that one's error is a refinement, not a jump.
    const bool jump = qAbs(delta) >= kJumpThresholdMs && qAbs(delta) > m_errorMs;
    m_offsetMs = offsetMs;
    m_errorMs = errorMs;
    if (jump) {
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
