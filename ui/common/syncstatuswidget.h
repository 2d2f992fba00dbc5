#pragma once

#include "sync/syncstatus.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace pd {

/**
 * @brief The status bar's part about the server: connection state (text and icon, readable without colour),
 * last sync, queued edits, conflicts, the progress of a running sync, and the server-time clock.
 */
class SyncStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    SyncStatusWidget(QTimeZone companyZone, QWidget *parent = nullptr);

    void setStatus(const SyncStatus &status);
    /// @brief Offset of the server clock to this PC's clock, for the clock shown.
    void setClockOffsetMs(qint64 offsetMs);
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString clockText() const;

protected:
    /// @brief QEvent::LanguageChange: the last status again, in the new language.
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(SyncStatusWidget)
    void tick();

    QTimeZone m_zone;
    SyncStatus m_status;
    qint64 m_offsetMs = 0;
    QLabel *m_state;
    QLabel *m_counts;
    QProgressBar *m_progress;
    QLabel *m_clock;
    QTimer *m_timer;
};

} // namespace pd
