#include "syncstatuswidget.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace pd {

SyncStatusWidget::SyncStatusWidget(QTimeZone companyZone, QWidget *parent)
    : QWidget(parent)
    , m_zone(std::move(companyZone))
    , m_state(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_clock(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_clock->setToolTip(tr("Server time in the company's time zone"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_clock);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &SyncStatusWidget::tick);
    m_timer->start();
    setStatus(SyncStatus{});
}

QString SyncStatusWidget::stateText() const
{
    // A symbol and a word for each state, so it reads without colour.
    switch (m_status.state) {
    case SyncStatus::State::Online:
        return tr("● Online");
    case SyncStatus::State::Offline:
        return tr("○ Offline — working from the local cache");
    case SyncStatus::State::Syncing:
        return tr("⟳ Syncing…");
    case SyncStatus::State::SignInNeeded:
        return tr("⚠ Sign-in needed");
    }
    return {};
}

QString SyncStatusWidget::clockText() const
{
    const QDateTime now =
        QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() + m_offsetMs, Qt::UTC)
            .toTimeZone(m_zone);
    return now.toString(u"HH:mm:ss"_s);
}

void SyncStatusWidget::setStatus(const SyncStatus &status)
{
    m_status = status;
    m_state->setText(stateText());
    m_state->setToolTip(status.message);
    QStringList parts;
    if (status.lastSyncAt > 0)
        parts << tr("Last sync %1")
                     .arg(QDateTime::fromMSecsSinceEpoch(status.lastSyncAt, Qt::UTC)
                              .toTimeZone(m_zone)
                              .toString(u"HH:mm"_s));
    parts << tr("%n pending", nullptr, status.pending);
    if (status.conflicts > 0)
        parts << tr("%n conflict(s)", nullptr, status.conflicts);
    if (status.rejected > 0)
        parts << tr("%n refused", nullptr, status.rejected);
    m_counts->setText(parts.join(u" · "_s));
    const bool syncing = status.state == SyncStatus::State::Syncing && status.done > 0;
    m_progress->setVisible(syncing);
    if (syncing) {
        m_progress->setRange(0, status.total > 0 ? int(qMin<qint64>(status.total, INT_MAX)) : 0);
        m_progress->setValue(int(qMin<qint64>(status.done, INT_MAX)));
    }
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_clock->setToolTip(tr("Server time in the company's time zone"));
        setStatus(m_status);
    }
    QWidget::changeEvent(event);
}

void SyncStatusWidget::setClockOffsetMs(qint64 offsetMs)
{
    m_offsetMs = offsetMs;
    tick();
}

void SyncStatusWidget::tick()
{
    m_clock->setText(clockText());
}

} // namespace pd
