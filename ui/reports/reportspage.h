#pragma once

#include "reports/isoweek.h"
#include "reports/reportexport.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace pd {

class Clock;
class Database;

/**
 * @brief The weekly report page (docs/reports.md): choose an ISO week (last week by default) and a team,
 * preview the KPI summary, export PDF / XLSX / CSV with a progress bar, open the folder.
 *
 * Preview and export run on a worker thread with their own connection to the cache (Database::open of
 * db.path()); the GUI thread only shows results. Closing the page cancels an export in progress.
 */
class ReportsPage final : public QWidget
{
    Q_OBJECT
public:
    ReportsPage(const pd::Database &db, const QTimeZone &companyZone, const pd::Clock &clock,
                QWidget *parent = nullptr);
    ~ReportsPage() override;

    /// @brief A supervisor exports only their team: the team field is set and locked. Empty unlocks it.
    void lockTeam(const QString &teamId);
    /// @brief Company name for the report header.
    void setCompanyName(const QString &name);
    /// @brief The week chosen.
    [[nodiscard]] IsoWeek week() const;
    /// @brief Selects a week (added to the list when older than the weeks offered).
    void setWeek(const IsoWeek &week);
    /// @brief Folder the files go to.
    void setOutputFolder(const QString &folder);

public Q_SLOTS:
    /// @brief Builds the chosen week's data off the GUI thread and shows its KPI summary.
    void refreshPreview();
    /// @brief Writes the chosen formats into the folder off the GUI thread.
    void startExport();
    void cancelExport();

Q_SIGNALS:
    /// @brief An export ended (ok, cancelled or failed); @p files are the paths written.
    void exportFinished(bool ok, const QStringList &files, const QString &error);
    void previewShown();

private:
    void buildUi();
    void showPreview(const QList<QStringList> &rows, const QStringList &header, const QString &coverage);
    void setBusy(bool busy);
    [[nodiscard]] int formats() const;

    const Database &m_db;
    QTimeZone m_zone;
    const Clock &m_clock;
    QString m_company = QStringLiteral("ParcelDesk");

    QComboBox *m_week = nullptr;
    QLineEdit *m_team = nullptr;
    QCheckBox *m_pdf = nullptr;
    QCheckBox *m_xlsx = nullptr;
    QCheckBox *m_csv = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_open = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_coverage = nullptr;
    QTableWidget *m_preview = nullptr;

    QPointer<QThread> m_exportThread;
    QPointer<QThread> m_previewThread;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    int m_previewSerial = 0;
};

} // namespace pd
