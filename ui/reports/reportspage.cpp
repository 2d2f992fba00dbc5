#include "reportspage.h"

#include "ui/common/language.h"

#include "models/domain/clock.h"
#include "models/store/database.h"
#include "reports/reporttables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace pd {

namespace {

constexpr int kWeeksOffered = 53;

} // namespace

ReportsPage::ReportsPage(const Database &db, const QTimeZone &companyZone, const Clock &clock,
                         QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_zone(companyZone)
    , m_clock(clock)
{
    buildUi();
    refreshPreview();
}

ReportsPage::~ReportsPage()
{
    m_cancel->store(true);
    for (QThread *t : {m_exportThread.data(), m_previewThread.data()}) {
        if (t) {
            t->wait();
        }
    }
}

void ReportsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_week = new QComboBox(this);
    const IsoWeek last = IsoWeek::lastWeek(m_clock.nowMs(), m_zone);
    IsoWeek w = last.next(); // this week (partial) first, then last week, selected
    for (int i = 0; i <= kWeeksOffered; ++i, w = w.previous())
        m_week->addItem(w.displayName(), w.toString());
    m_week->setCurrentIndex(1);
    QList<QLabel *> labels;
    const auto row = [this, form, &labels](auto *field) {
        labels << new QLabel(this);
        form->addRow(labels.last(), field);
    };
    row(m_week);

    m_team = new QLineEdit(this);
    m_team->setClearButtonEnabled(true);
    row(m_team);

    auto *formatsRow = new QHBoxLayout;
    m_pdf = new QCheckBox(this);
    m_xlsx = new QCheckBox(this);
    m_csv = new QCheckBox(this);
    m_pdf->setChecked(true);
    m_xlsx->setChecked(true);
    formatsRow->addWidget(m_pdf);
    formatsRow->addWidget(m_xlsx);
    formatsRow->addWidget(m_csv);
    formatsRow->addStretch();
    row(formatsRow);

    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                 .filePath(QStringLiteral("ParcelDesk reports")),
                             this);
    m_browse = new QPushButton(this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    row(folderRow);
    layout->addLayout(form);

    auto *actions = new QHBoxLayout;
    m_export = new QPushButton(this);
    m_export->setDefault(true);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setEnabled(false);
    m_open = new QPushButton(this);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    actions->addWidget(m_export);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_open);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_coverage = new QLabel(this);
    m_coverage->setWordWrap(true);
    layout->addWidget(m_coverage);
    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_preview, 1);

    // Qt delivers a language change several times (once per translator swapped): read the preview once.
    auto *again = new QTimer(this);
    again->setSingleShot(true);
    connect(again, &QTimer::timeout, this, &ReportsPage::refreshPreview);
    Language::follow(this, [this, labels, again, first = true]() mutable {
        const QStringList names{tr("&Week:"), tr("&Team:"), tr("Formats:"), tr("&Folder:")};
        for (int i = 0; i < labels.size(); ++i)
            labels[i]->setText(names[i]);
        for (int i = 0; i < m_week->count(); ++i)
            if (const auto week = IsoWeek::parse(m_week->itemData(i).toString()))
                m_week->setItemText(i, week->displayName());
        m_team->setPlaceholderText(tr("All teams"));
        m_pdf->setText(tr("PDF"));
        m_xlsx->setText(tr("Excel (XLSX)"));
        m_csv->setText(tr("CSV"));
        m_browse->setText(tr("&Browse…"));
        m_export->setText(tr("&Export"));
        m_cancelButton->setText(tr("Cancel"));
        m_open->setText(tr("&Open folder"));
        m_preview->setAccessibleName(tr("KPI summary preview"));
        if (!first)
            again->start(); // the preview's rows and headers in the new language
        first = false;
    });

    connect(m_week, &QComboBox::currentIndexChanged, this, &ReportsPage::refreshPreview);
    connect(m_team, &QLineEdit::editingFinished, this, &ReportsPage::refreshPreview);
    connect(m_export, &QPushButton::clicked, this, &ReportsPage::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReportsPage::cancelExport);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the reports"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        QDir().mkpath(m_folder->text());
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder->text()));
    });
}

void ReportsPage::lockTeam(const QString &teamId)
{
    m_team->setText(teamId);
    m_team->setReadOnly(!teamId.isEmpty());
    refreshPreview();
}

void ReportsPage::setCompanyName(const QString &name)
{
    m_company = name;
}

IsoWeek ReportsPage::week() const
{
    return IsoWeek::parse(m_week->currentData().toString()).value_or(IsoWeek());
}

void ReportsPage::setWeek(const IsoWeek &week)
{
    int i = m_week->findData(week.toString());
    if (i < 0) {
        m_week->addItem(week.displayName(), week.toString());
        i = m_week->count() - 1;
    }
    m_week->setCurrentIndex(i);
}

void ReportsPage::setOutputFolder(const QString &folder)
{
    m_folder->setText(folder);
}

int ReportsPage::formats() const
{
    return (m_pdf->isChecked() ? int(ReportFormat::Pdf) : 0) |
           (m_xlsx->isChecked() ? int(ReportFormat::Xlsx) : 0) |
           (m_csv->isChecked() ? int(ReportFormat::Csv) : 0);
}

void ReportsPage::refreshPreview()
{
    const int serial = ++m_previewSerial;
    const QString path = m_db.path();
    const IsoWeek w = week();
    ReportOptions options;
    options.teamId = m_team->text().trimmed();
    options.companyName = m_company;
    const QTimeZone zone = m_zone;
    const qint64 now = m_clock.nowMs();
    QPointer<ReportsPage> self(this);
    m_coverage->setText(tr("Loading %1…").arg(w.toString()));
    QThread *thread = QThread::create([=] {
        QString error;
        auto db = Database::open(path, &error);
        std::optional<WeeklyReport> report;
        if (db) {
            const WeeklyReportBuilder builder(*db, zone);
            report = builder.build(w, options, now);
            if (!report)
                error = builder.lastError();
        }
        QList<QStringList> rows;
        QStringList header;
        QString coverage = error;
        if (report) {
            const ReportTable summary = ReportTables::tables(*report).value(0);
            rows = summary.rows;
            header = summary.header;
            coverage = report->coverageLine();
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, serial, rows, header, coverage] {
                if (self && serial == self->m_previewSerial)
                    self->showPreview(rows, header, coverage);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_previewThread = thread;
    thread->start();
}

void ReportsPage::showPreview(const QList<QStringList> &rows, const QStringList &header,
                              const QString &coverage)
{
    m_coverage->setText(coverage);
    m_preview->clear();
    m_preview->setColumnCount(int(header.size()));
    m_preview->setHorizontalHeaderLabels(header);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_preview->setItem(r, c, item);
        }
    Q_EMIT previewShown();
}

void ReportsPage::setBusy(bool busy)
{
    m_export->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
    m_week->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setRange(0, 0);
}

void ReportsPage::startExport()
{
    if (m_exportThread)
        return;
    const int f = formats();
    if (f == 0) {
        m_status->setText(tr("Choose at least one format."));
        return;
    }
    const QString path = m_db.path();
    const QString folder = m_folder->text();
    const IsoWeek w = week();
    ReportOptions options;
    options.teamId = m_team->text().trimmed();
    options.companyName = m_company;
    const QTimeZone zone = m_zone;
    const qint64 now = m_clock.nowMs();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    QPointer<ReportsPage> self(this);
    setBusy(true);
    m_status->setText(tr("Exporting %1…").arg(w.toString()));
    QThread *thread = QThread::create([=] {
        ExportResult result;
        QString error;
        auto db = Database::open(path, &error);
        if (!db) {
            result.ok = false;
            result.error = error;
        } else {
            const WeeklyReportBuilder builder(*db, zone);
            const auto report = builder.build(w, options, now);
            if (!report) {
                result.ok = false;
                result.error = builder.lastError();
            } else {
                ReportExporter exporter(builder, *report);
                exporter.setProgress([self, cancel](qint64 done, qint64 total, const QString &stage) {
                    QMetaObject::invokeMethod(
                        qApp,
                        [self, done, total, stage] {
                            if (!self)
                                return;
                            self->m_progress->setRange(0, 1000);
                            self->m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
                            self->m_progress->setFormat(stage + QStringLiteral(" %p%"));
                        },
                        Qt::QueuedConnection);
                    return !cancel->load();
                });
                result = exporter.run(f, folder);
            }
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, result] {
                if (!self)
                    return;
                self->setBusy(false);
                if (result.ok)
                    self->m_status->setText(tr("%n file(s) written.", nullptr, int(result.files.size())));
                else if (result.cancelled)
                    self->m_status->setText(tr("Export cancelled."));
                else
                    self->m_status->setText(tr("Export failed: %1").arg(result.error));
                Q_EMIT self->exportFinished(result.ok, result.files, result.error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_exportThread = thread;
    thread->start();
}

void ReportsPage::cancelExport()
{
    m_cancel->store(true);
}

} // namespace pd
