#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace pd {

class WorkbenchPage;

/**
 * @brief Measures a start for bench/workbench (PD_STARTUP_PROBE=1): when the workbench shows its first page
 * it prints the time since the process began, jumps to the end of the queue, prints that time and the peak
 * resident memory, and quits. Without the variable it is never created.
 */
class StartupProbe final : public QObject
{
    Q_OBJECT
public:
    StartupProbe(WorkbenchPage *page, qint64 processStartMs, QObject *parent = nullptr);
    [[nodiscard]] static bool wanted();
    /// @brief Milliseconds since the epoch when this process started (from /proc), or now when unknown.
    [[nodiscard]] static qint64 processStartMs();

private:
    void onFirstPage();
    void checkEnd();
    WorkbenchPage *m_page;
    qint64 m_start;
    QElapsedTimer m_jump;
    bool m_ready = false;
};

} // namespace pd
