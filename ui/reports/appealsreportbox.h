#pragma once

#include "reports/reportexporter.h"

#include <QDate>
#include <QGroupBox>
#include <QPointer>
#include <QTimeZone>

class QComboBox;
class QLabel;
class QPushButton;
class QThread;

namespace pd {

class Clock;
class Database;

/**
 * @brief The Reports page's "Monthly appeals report" (docs/reports.md): a month (the last full one by
 * default) and Export PDF / Export XLSX. The report is built and written on a worker thread with its own
 * connection to the cache; it holds no customer data.
 */
class AppealsReportBox final : public QGroupBox
{
    Q_OBJECT
public:
    AppealsReportBox(const pd::Database &db, const QTimeZone &companyZone, const pd::Clock &clock,
                     QWidget *parent = nullptr);
    ~AppealsReportBox() override;

    /// @brief The month chosen (its first day).
    [[nodiscard]] QDate month() const;
    /// @brief Selects a month (added when older than the months offered).
    void setMonth(QDate month);
    void setFolder(const QString &folder) { m_folder = folder; }
    void setTeam(const QString &teamId) { m_team = teamId; }
    void setCompanyName(const QString &name) { m_company = name; }
    [[nodiscard]] QComboBox *monthBox() const { return m_month; }
    [[nodiscard]] QPushButton *pdfButton() const { return m_pdf; }
    [[nodiscard]] QPushButton *xlsxButton() const { return m_xlsx; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    /// @brief Writes the chosen month's report in @p formats (ReportFormat flags) into the folder.
    void startExport(int formats);

Q_SIGNALS:
    void exportFinished(bool ok, const QStringList &files, const QString &error);

private:
    void setTexts();

    const Database &m_db;
    QTimeZone m_zone;
    const Clock &m_clock;
    QString m_folder;
    QString m_team;
    QString m_company = QStringLiteral("ParcelDesk");
    QLabel *m_monthLabel = nullptr;
    QComboBox *m_month = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_xlsx = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QThread> m_thread;
    std::function<QString()> m_statusText;
};

} // namespace pd
