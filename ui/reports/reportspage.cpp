#include "reportspage.h"

#include "appealsreportbox.h"
#include "reporteffectfetch.h"

#include "ui/common/language.h"
#include "ui/common/serverlink.h"

#include "models/domain/clock.h"
#include "models/store/database.h"
#include "reports/reporttables.h"
#include "sync/api/auditapi.h"
#include "sync/api/exportsapi.h"

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

using namespace Qt::StringLiterals;

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
    const QList<QLabel *> labels = buildForm(layout);
    buildActions(layout);
    // The monthly appeals report writes into the same folder, for the same team and company.
    m_appeals = new AppealsReportBox(m_db, m_zone, m_clock, this);
    m_appeals->setFolder(m_folder->text());
    connect(m_folder, &QLineEdit::textChanged, m_appeals, &AppealsReportBox::setFolder);
    connect(m_team, &QLineEdit::textChanged, m_appeals,
            [this](const QString &t) { m_appeals->setTeam(t.trimmed()); });
    layout->addWidget(m_appeals);
    followLanguage(labels);
    connectActions();
}

QList<QLabel *> ReportsPage::buildForm(QVBoxLayout *layout)
{
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

    m_fullData = new QCheckBox(this);
    row(m_fullData);
    m_fullDataLabel = labels.last();
    m_fullData->setVisible(false);
    m_fullDataLabel->setVisible(false);
    connect(this, &ReportsPage::exportLogged, m_fullData, [this] {
        m_fullData->setChecked(false); // full data is asked for again, on purpose, for each export
    });

    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                 .filePath(QStringLiteral("ParcelDesk reports")),
                             this);
    m_browse = new QPushButton(this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    row(folderRow);
    // A label's mnemonic (Alt+W, Alt+T, Alt+F) moves to its field; without a buddy Qt shows the "&".
    labels[0]->setBuddy(m_week);
    labels[1]->setBuddy(m_team);
    labels[4]->setBuddy(m_folder);
    layout->addLayout(form);
    return labels;
}

void ReportsPage::buildActions(QVBoxLayout *layout)
{
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
}

void ReportsPage::followLanguage(const QList<QLabel *> &labels)
{
    // Qt delivers a language change several times (once per translator swapped): read the preview once.
    auto *again = new QTimer(this);
    again->setSingleShot(true);
    connect(again, &QTimer::timeout, this, &ReportsPage::refreshPreview);
    Language::follow(this, [this, labels, again, first = true]() mutable {
        const QStringList names{tr("&Week:"), tr("&Team:"), tr("Formats:"), tr("Customer data:"),
                                tr("&Folder:")};
        for (int i = 0; i < labels.size(); ++i)
            labels[i]->setText(names[i]);
        for (int i = 0; i < m_week->count(); ++i)
            if (const auto week = IsoWeek::parse(m_week->itemData(i).toString()))
                m_week->setItemText(i, week->displayName());
        m_team->setPlaceholderText(tr("All teams"));
        m_pdf->setText(tr("PDF"));
        m_xlsx->setText(tr("Excel (XLSX)"));
        m_csv->setText(tr("CSV"));
        m_fullData->setText(tr("Include full customer &data (names and phones from the server; logged)"));
        m_fullData->setToolTip(tr("Without it, the ticket lists show names and phones masked (王*, "
                                  "138****5678). With it, the server records that you exported them."));
        m_browse->setText(tr("&Browse…"));
        m_export->setText(tr("&Export"));
        m_cancelButton->setText(tr("Cancel"));
        m_open->setText(tr("&Open folder"));
        m_preview->setAccessibleName(tr("KPI summary preview"));
        if (m_statusText)
            m_status->setText(m_statusText()); // "3 files written." in the new language
        if (!first)
            again->start(); // the preview's rows and headers in the new language
        first = false;
    });
}

void ReportsPage::connectActions()
{
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

void ReportsPage::setServerLink(ServerLink *link)
{
    m_link = link;
}

void ReportsPage::setFullDataAllowed(bool allowed)
{
    m_fullDataAllowed = allowed;
    if (!allowed)
        m_fullData->setChecked(false);
    m_fullData->setVisible(allowed);
    m_fullDataLabel->setVisible(allowed);
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
    m_appeals->setCompanyName(name);
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
    if (m_exportThread || m_fetching)
        return;
    if (formats() == 0) {
        setStatus([] { return tr("Choose at least one format."); });
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    if (!m_fullDataAllowed || !m_fullData->isChecked())
        return fetchEffect(nullptr);
    if (!m_link) {
        setStatus([] { return customerDataFailure(ServerLink::offline()); });
        return;
    }
    // The full names and phones of the week's tickets, from the server's logged export, for this file only.
    const KpiPeriod period = week().period(m_zone);
    m_fetching = true;
    setBusy(true);
    setStatus([] { return tr("Fetching full customer data from the server (the export is logged)…"); });
    m_link->call(
        [period](ApiClient *client) { return ExportsApi(client).customerData(period.from, period.to); }, this,
        [this](const ApiResult &result) {
            m_fetching = false;
            const auto customers = ExportsApi::customersFrom(result);
            if (!customers) {
                setBusy(false);
                setStatus([result] { return customerDataFailure(result); });
                Q_EMIT exportFinished(false, {}, customerDataFailure(result));
                return;
            }
            auto data = std::make_shared<CustomerData>();
            data->reserve(customers->size());
            for (const ExportedCustomer &c : *customers)
                data->insert(c.ticketId, {c.name, c.phone});
            fetchEffect(std::move(data));
        });
}

void ReportsPage::fetchEffect(std::shared_ptr<const CustomerData> customers)
{
    if (!m_link)
        return runExport(std::move(customers), {}); // the section says the server was not reached
    const KpiPeriod period = week().period(m_zone);
    m_fetching = true;
    setBusy(true);
    setStatus([] { return tr("Fetching the proactive notice figures from the server…"); });
    m_link->call([period](ApiClient *client) { return ReportEffectFetch::request(client, period); }, this,
                 [this, customers](const ApiResult &result) {
                     m_fetching = false;
                     if (m_cancel->load()) {
                         setBusy(false);
                         setStatus([] { return tr("Export cancelled."); });
                         Q_EMIT exportFinished(false, {}, tr("Export cancelled."));
                         return;
                     }
                     // Refused or failed, the export goes on: the section says why it has no figures.
                     runExport(customers, ReportEffectFetch::fromResult(result));
                 });
}

QString ReportsPage::customerDataFailure(const ApiResult &r)
{
    QString why;
    switch (r.status) {
    case 0:
        why = tr("the server cannot be reached");
        break;
    case 401:
        why = tr("your session has ended; sign in again");
        break;
    case 403:
        why = tr("only managers may export full customer data");
        break;
    default:
        why = tr("HTTP %1 %2").arg(r.status).arg(r.errorMessage);
        break;
    }
    return tr("Full customer data could not be fetched (%1). Nothing was written; export without it, or try "
              "again.")
        .arg(why);
}

void ReportsPage::runExport(std::shared_ptr<const CustomerData> customers, const ReportEffect &effect)
{
    const int f = formats();
    const bool fullData = customers != nullptr;
    const QString path = m_db.path();
    const QString folder = m_folder->text();
    const IsoWeek w = week();
    ReportOptions options;
    options.teamId = m_team->text().trimmed();
    options.companyName = m_company;
    options.effect = effect;
    const QTimeZone zone = m_zone;
    const qint64 now = m_clock.nowMs();
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    QPointer<ReportsPage> self(this);
    setBusy(true);
    setStatus([w] { return tr("Exporting %1…").arg(w.toString()); });
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
                exporter.setCustomerData(customers);
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
            [self, result, fullData, w, options, f] {
                if (!self)
                    return;
                self->setBusy(false);
                self->setStatus([result] {
                    if (result.ok)
                        return tr("%n file(s) written.", nullptr, int(result.files.size()));
                    return result.cancelled ? tr("Export cancelled.")
                                            : tr("Export failed: %1").arg(result.error);
                });
                Q_EMIT self->exportFinished(result.ok, result.files, result.error);
                if (result.ok)
                    self->logExport(result, fullData, w, options.teamId, f);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_exportThread = thread;
    thread->start();
}

void ReportsPage::logExport(const ExportResult &result, bool fullData, const IsoWeek &week,
                            const QString &team, int formats)
{
    // Written for the access log (searched by managers and administrators), in English like the server's.
    QStringList names;
    if (formats & int(ReportFormat::Pdf))
        names << u"PDF"_s;
    if (formats & int(ReportFormat::Xlsx))
        names << u"XLSX"_s;
    if (formats & int(ReportFormat::Csv))
        names << u"CSV"_s;
    QString detail = u"weekly report %1"_s.arg(week.toString());
    if (!team.isEmpty())
        detail += u", team "_s + team;
    detail += u", "_s + names.join(u'+');
    detail += fullData
                  ? u", full customer data for %1 of %2 tickets"_s.arg(result.fullRows).arg(result.ticketRows)
                  : u", customer data masked"_s;
    const QString kind = fullData ? u"report_exported"_s : u"report_generated"_s;
    if (!m_link) {
        Q_EMIT exportLogged(false, kind);
        return;
    }
    const int written = m_statusSerial;
    m_link->call(
        [kind, detail, records = result.ticketRows](ApiClient *client) {
            return AuditApi(client).logEvent(kind, detail.left(500), records);
        },
        this,
        [this, kind, written](const ApiResult &r) {
            if (!r.ok() && m_statusSerial == written)
                setStatus([writtenText = m_statusText, error = r.errorMessage] {
                    return tr("%1 The export could not be recorded on the server (%2).")
                        .arg(writtenText(), error.isEmpty() ? tr("offline") : error);
                });
            Q_EMIT exportLogged(r.ok(), kind);
        });
}

void ReportsPage::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    ++m_statusSerial;
    m_status->setText(m_statusText());
}

void ReportsPage::cancelExport()
{
    m_cancel->store(true);
}

} // namespace pd
