#pragma once

#include "reports/isoweek.h"
#include "reports/reportexporter.h"
#include "ui/common/serverlink.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QVBoxLayout;
class QThread;

namespace pd {

class AppealsReportBox;
class Clock;
class Database;

/**
 * @brief The weekly report page (docs/reports.md): choose an ISO week (last week by default) and a team,
 * preview the KPI summary, export PDF / XLSX / CSV with a progress bar, open the folder; below it the monthly
 * appeals report (AppealsReportBox) into the same folder.
 *
 * Preview and export run on a worker thread with their own connection to the cache (Database::open of
 * db.path()); the GUI thread only shows results. Closing the page cancels an export in progress.
 *
 * Customer names and phones in the ticket lists are masked. A manager may tick "Include full customer data":
 * the full values of the week's tickets are then fetched from the server's logged export
 * (POST /exports/customer-data) and used for that export's files only. Every export is logged on the server
 * (POST /audit/events: report_generated, or report_exported when it holds full customer data).
 *
 * The proactive notices section needs the server too: before writing, the page asks for the week's figures
 * (GET /proactive/effect); offline, refused or failed, the files say so in a sentence instead of figures.
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
    /// @brief The way to the server: full customer data and the log of each export.
    void setServerLink(ServerLink *link);
    /// @brief Whether "Include full customer data" is offered (managers); unticked and hidden otherwise.
    void setFullDataAllowed(bool allowed);
    [[nodiscard]] QCheckBox *fullDataBox() const { return m_fullData; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    /// @brief The monthly appeals report's month and export buttons.
    [[nodiscard]] AppealsReportBox *appealsBox() const { return m_appeals; }

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
    /// @brief The export was logged on the server (POST /audit/events) or could not be (@p ok false).
    void exportLogged(bool ok, const QString &kind);

private:
    void buildUi();
    /// The week, team, formats, customer data and folder rows; their labels, for followLanguage().
    QList<QLabel *> buildForm(QVBoxLayout *layout);
    /// Export, cancel, progress and open-folder, the status, the coverage line and the preview table.
    void buildActions(QVBoxLayout *layout);
    void followLanguage(const QList<QLabel *> &labels);
    void connectActions();
    void showPreview(const QList<QStringList> &rows, const QStringList &header, const QString &coverage);
    void setBusy(bool busy);
    [[nodiscard]] int formats() const;
    /// Asks the server for the week's proactive notice figures (not in the cache), then runs the export.
    void fetchEffect(std::shared_ptr<const CustomerData> customers);
    /// Writes the files on a worker thread; @p customers: full customer data for this export, or null;
    /// @p effect: the proactive notice figures, or why there are none.
    void runExport(std::shared_ptr<const CustomerData> customers, const ReportEffect &effect);
    void logExport(const ExportResult &result, bool fullData, const IsoWeek &week, const QString &team,
                   int formats);
    [[nodiscard]] static QString customerDataFailure(const ApiResult &result);
    /// Shows @p text() under the actions, and again in the new language after a switch.
    void setStatus(std::function<QString()> text);

    const Database &m_db;
    QTimeZone m_zone;
    const Clock &m_clock;
    QString m_company = QStringLiteral("ParcelDesk");

    QComboBox *m_week = nullptr;
    QLineEdit *m_team = nullptr;
    QCheckBox *m_pdf = nullptr;
    QCheckBox *m_xlsx = nullptr;
    QCheckBox *m_csv = nullptr;
    QCheckBox *m_fullData = nullptr;
    QLabel *m_fullDataLabel = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_open = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_coverage = nullptr;
    QTableWidget *m_preview = nullptr;
    AppealsReportBox *m_appeals = nullptr;

    QPointer<QThread> m_exportThread;
    QPointer<QThread> m_previewThread;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    int m_previewSerial = 0;
    std::function<QString()> m_statusText; ///< the status line, in the current language
    int m_statusSerial = 0;                ///< counts setStatus() calls: is the status still the one shown?
    QPointer<ServerLink> m_link;
    bool m_fullDataAllowed = false;
    bool m_fetching = false;
};

} // namespace pd
